"""News agencies (wire services) and the spellings under which articles credit them.

Used for the ``wire`` field: "(VOA)" at the end of an article, "BEIJING (ANTARA) -" at its
start, "Sumber: Antara" on a credit line, "(ant)" as an editor code. Keys are the canonical
names; values are the other spellings (matched case-insensitively, whole tokens).
"""

AGENCIES: dict[str, tuple[str, ...]] = {
    "ANTARA": ("Antara", "ANTARA News", "Antaranews", "ant"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "AP": ("Associated Press",),
    "Reuters": ("REUTERS",),
    "VOA": ("Voice of America", "VOA Indonesia"),
    "KCNA": ("Korean Central News Agency",),
    "Yonhap": ("YONHAP", "Yonhap News Agency"),
    "Xinhua": ("XINHUA", "Xinhua News Agency"),
    "Bernama": ("BERNAMA",),
    "Kyodo": ("KYODO", "Kyodo News"),
    "TASS": ("ITAR-TASS",),
    "RIA Novosti": ("RIA",),
    "Interfax": (),
    "ANSA": (),
    "dpa": ("DPA", "Deutsche Presse-Agentur"),
    "EFE": (),
    "Anadolu": ("Anadolu Agency", "AA"),
    "PTI": ("Press Trust of India",),
    "UPI": ("United Press International",),
    "Bloomberg": (),
    "BBC": ("BBC News",),
    "CNA": ("Channel NewsAsia",),
    "WAFA": (),
    "IRNA": (),
    "Sputnik": (),
    "Ukrinform": (),
}

#: State media speak for their state: a statement "reported by KCNA" is North Korea's. Only
#: agencies owned and run by a government belong here (not Yonhap, Reuters, ANTARA's own reports
#: of others' words). Values are the country's canonical (Indonesian) name.
STATE_MEDIA: dict[str, str] = {
    "KCNA": "Korea Utara",
    "Korean Central News Agency": "Korea Utara",
    "Xinhua": "China",
    "TASS": "Rusia",
    "RIA Novosti": "Rusia",
    "IRNA": "Iran",
    "SANA": "Suriah",
    "Vietnam News Agency": "Vietnam",
}
