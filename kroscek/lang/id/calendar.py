"""Indonesian month and weekday names, with the abbreviations news pages print."""

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
}

#: Abbreviations, read only next to a day or a year ("16 Jan 2025", "Okt. 2024").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
}

WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

#: Words that stand beside a date on a page's date line ("Diperbarui 5 Mei 2025, 08:00 WIB").
DATE_LINE_WORDS = frozenset(
    {
        "diperbarui",
        "diterbitkan",
        "dipublikasikan",
        "terbit",
        "tayang",
        "update",
        "pukul",
        "wib",
        "wita",
        "wit",
        "hari",
        "tanggal",
    }
)
