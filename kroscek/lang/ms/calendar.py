"""Malay month and weekday names, with the abbreviations news pages print."""

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "mac": 3,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "julai": 7,
    "ogos": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "disember": 12,
}

#: Abbreviations, read only next to a day or a year ("16 Jan 2025", "Okt. 2024").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "apr": 4,
    "jul": 7,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
}

WEEKDAYS: dict[str, int] = {
    "isnin": 0,
    "selasa": 1,
    "rabu": 2,
    "khamis": 3,
    "jumaat": 4,
    "sabtu": 5,
    "ahad": 6,
}

#: Words that stand beside a date on a page's date line ("Dikemas kini 5 Mei 2025, 08:00").
DATE_LINE_WORDS = frozenset(
    {
        "dikemas",
        "kini",
        "diterbitkan",
        "terbit",
        "kemaskini",
        "pukul",
        "hari",
        "tarikh",
        "myt",
    }
)
