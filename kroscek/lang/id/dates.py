"""Indonesian date expressions as news writes them: words the date layer reads.

Month and weekday names are in ``calendar``. Patterns here are fragments the date scanner
joins; keep them as alternations of lower-case words (matching ignores case).
"""

#: Parts of the day that may follow a date or weekday ("Senin malam", "Minggu (24/8) pagi").
DAYPARTS = ("dini hari", "larut malam", "tengah malam", "pagi", "siang", "sore", "petang", "malam", "subuh")

#: Words after a weekday, month or span that point back (past) or forward (future).
PAST = ("yang lalu", "lalu", "silam", "kemarin")
FUTURE = ("mendatang", "depan", "nanti", "yang akan datang", "berikutnya")
CURRENT = ("ini",)

#: Calendar units for relative spans ("pekan lalu", "dua hari lalu", "tahun depan").
UNITS: dict[str, str] = {
    "hari": "day",
    "pekan": "week",
    "minggu": "week",
    "bulan": "month",
    "tahun": "year",
}

#: Words for a day relative to the publish day, with the offset in days.
DAY_WORDS: dict[str, int] = {
    "kemarin lusa": -2,
    "kemarin": -1,
    "hari ini": 0,
    "besok": 1,
    "esok": 1,
    "esok hari": 1,
    "lusa": 2,
    "pagi ini": 0,
    "siang ini": 0,
    "sore ini": 0,
    "petang ini": 0,
    "malam ini": 0,
    "nanti malam": 0,
    "malam nanti": 0,
    "nanti sore": 0,
    "sore nanti": 0,
    "nanti siang": 0,
    "siang nanti": 0,
}

#: Parts of a period ("awal tahun ini", "akhir Mei", "pertengahan Juni 2024").
PERIOD_PARTS: dict[str, str] = {"awal": "early", "pertengahan": "mid", "medio": "mid", "akhir": "late"}

#: Calendar units a period part names on its own as the current one ("awal tahun": early this year).
CURRENT_WHEN_ALONE = ("tahun", "bulan")

#: Words joining two dates that are two days, not the ends of a range ("3 dan 4 Mei").
COORDINATORS = ("dan", "serta")

#: Words offering two dates as alternatives: always two dates ("tanggal 23 atau 24").
ALTERNATIVES = ("atau",)

#: Words before a pair joined by a coordinator that make it a range ("antara 3 dan 5 Mei").
RANGE_OPENERS = ("antara",)

#: Words joining the two ends of a range.
RANGE_JOINERS = ("hingga", "sampai dengan", "sampai", "s.d.", "s/d", "sd", "-", "–", "—", "dan")

#: Words that may stand before a bare year and make it a year ("pada 2028", "tahun 2014").
YEAR_CUES = (
    "tahun",
    "pada",
    "sejak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "periode",
    "era",
    "medio",
    "sebelum",
    "setelah",
    "selama",
    "di",
    "dari",
    "ke",
    "per",
    "dekade",
)

#: Ordinals for quarters and halves ("kuartal pertama 2008", "semester II 2024").
ORDINALS: dict[str, int] = {
    "pertama": 1,
    "kesatu": 1,
    "i": 1,
    "1": 1,
    "kedua": 2,
    "ii": 2,
    "2": 2,
    "ketiga": 3,
    "iii": 3,
    "3": 3,
    "keempat": 4,
    "iv": 4,
    "4": 4,
}
QUARTER_WORDS = ("kuartal", "triwulan", "caturwulan", "kwartal")
HALF_WORDS = ("semester",)

#: Clock words and time zones (offset from UTC); "waktu setempat" keeps no offset.
CLOCK_WORDS = ("pukul", "jam", "pk")
ZONES: dict[str, str | None] = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "waktu setempat": None}
#: Twelve-hour clock marks: Indonesian writes the 24-hour clock ("19.40 WIB").
MERIDIEM: dict[str, int] = {}

#: A year inside a legal citation names the act, not a date ("UU Nomor 31 Tahun 1999",
#: "Perpres No. 79/2025"): the words that open such a citation.
CITATION = ("nomor", "no", "no.", "nomer")

#: Era words after a year.
BCE = ("sebelum masehi", "sm")

#: Labels on a page's date stamp, and whether the date they introduce is when the page was
#: published or when it was changed ("Diterbitkan … | Diperbarui …").
STAMP_LABELS: dict[str, str] = {
    "diterbitkan": "published",
    "dipublikasikan": "published",
    "terbit": "published",
    "tayang": "published",
    "dimuat": "published",
    "diperbarui": "updated",
    "diperbaharui": "updated",
    "update": "updated",
    "diupdate": "updated",
    "pembaruan": "updated",
}

#: Numeric dates are day first ("20/10/2025").
NUMERIC_ORDER: str | None = "dm"
MONTH_FIRST_ZONES: tuple[str, ...] = ()
DAY_FIRST_ZONES = ("wib", "wita", "wit")

#: Grammar words the date patterns are built from (what stands before a year, a month, a
#: century; "sekitar pukul"; "waktu setempat"; the age words before "60-an").
YEAR_WORDS = ("tahun",)
MONTH_WORDS = ("bulan",)
CENTURY_WORDS = ("abad",)
#: The ordinal prefix of a century or a quarter's number ("abad ke-21").
#: Letters after a day number: English's, for the English dates Indonesian pages print ("18th September 2013").
DAY_SUFFIXES = ("st", "nd", "rd", "th")
ORDINAL_PREFIX = "ke"
#: Between a quarter and its year ("kuartal II tahun 2024").
QUARTER_OF = ("tahun",)
CLOCK_HEDGES = ("sekitar",)
LOCAL_TIME = ("waktu setempat",)
AGE_WORDS = ("usia", "umur", "berusia")
#: A weekday name that is also a unit ("dua minggu": two weeks; "Minggu (5/1)": Sunday).
WEEKDAY_ALSO_UNIT = ("minggu",)
#: English writes the month before the day ("March 4, 2014") and the relative word before the
#: unit or weekday ("last week", "next Tuesday"); Indonesian does neither.
MONTH_BEFORE_DAY = False
RELATIVE_FIRST = False
#: Between a day and its clock time ("Senin (5/1) pada pukul 10.00").
CLOCK_JOINERS = ("pada",)
#: An unspecific count before a unit ("beberapa minggu": some weeks).
SOME = ("beberapa",)

#: Words before a bare day number that make it a day of the publish month ("tanggal 23").
DAY_OF_MONTH_WORDS: tuple[str, ...] = ("tanggal", "tgl")
