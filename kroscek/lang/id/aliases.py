"""Curated aliases: one canonical name per real-world actor, as Indonesian news names it.

Country names from CLDR (babel, Indonesian) are added at run time; this table holds what CLDR
does not: short forms (Korut, AS), official long names, the other name of China, foreign
spellings, and the acronyms of bodies news names every day. Keys are canonical names; a name
maps to one key only. Capitals used for their governments are in ``lang/xx/capitals.py``.
"""

ALIASES: dict[str, tuple[str, ...]] = {
    "Korea Utara": ("Korut", "Republik Rakyat Demokratik Korea", "RRDK", "DPRK", "North Korea", "Korea Utara"),
    "Korea Selatan": ("Korsel", "Republik Korea", "South Korea"),
    "Amerika Serikat": ("AS", "Amerika", "USA", "United States", "Paman Sam"),
    "China": ("Tiongkok", "RRT", "Republik Rakyat Tiongkok", "Republik Rakyat China", "Cina", "RRC"),
    "Rusia": ("Federasi Rusia", "Russia"),
    "Inggris": ("Inggris Raya", "Britania Raya", "UK"),
    "Ukraina": ("Ukraine",),
    "Perserikatan Bangsa-Bangsa": ("PBB", "United Nations", "UN"),
    "Dewan Keamanan PBB": ("DK PBB",),
    "Uni Eropa": ("UE", "EU"),
    "North Atlantic Treaty Organization": ("NATO", "Pakta Pertahanan Atlantik Utara"),
    "Association of Southeast Asian Nations": ("ASEAN",),
    "Komisi Pemberantasan Korupsi": ("KPK",),
    "Komisi Pemilihan Umum": ("KPU",),
    "Dewan Perwakilan Rakyat": ("DPR", "DPR RI"),
    "Tentara Nasional Indonesia": ("TNI",),
    "Kepolisian Negara Republik Indonesia": ("Polri",),
    "Badan Pusat Statistik": ("BPS",),
    "Kementerian Luar Negeri": ("Kemlu", "Kemenlu"),
    "Korean Central News Agency": ("KCNA",),
}

#: Demonyms and adjectives naming a country's people or state ("tentara Korut" is Korea Utara's).
DEMONYMS: dict[str, str] = {
    "North Korean": "Korea Utara",
    "South Korean": "Korea Selatan",
    "American": "Amerika Serikat",
    "Chinese": "China",
    "Russian": "Rusia",
    "Ukrainian": "Ukraina",
    "Indonesian": "Indonesia",
}

#: Names of states read as places, never as countries (see ``kroscek.lang.en.aliases``): none here.
STATES: tuple[str, ...] = ()
