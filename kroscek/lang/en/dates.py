"""English date expressions; the same names as ``kroscek.lang.id.dates``."""

DAYPARTS = ("morning", "afternoon", "evening", "night", "overnight")
PAST = ("ago", "last", "earlier")
FUTURE = ("next", "coming", "later")
CURRENT = ("this",)
UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
#: Calendar units a period part names on its own as the current one (English says "early this year").
CURRENT_WHEN_ALONE: tuple[str, ...] = ()
#: Words joining two dates that are two days, not the ends of a range ("May 3 and 4").
COORDINATORS = ("and",)
#: Words offering two dates as alternatives: always two dates ("May 3 or 4").
ALTERNATIVES = ("or",)
#: Words before a pair joined by a coordinator that make it a range ("between May 3 and 5").
RANGE_OPENERS = ("between",)
PERIOD_PARTS: dict[str, str] = {"early": "early", "mid": "mid", "late": "late"}
RANGE_JOINERS = ("to", "until", "through", "-", "–", "—", "and")
YEAR_CUES = ("in", "since", "until", "by", "year", "early", "late", "mid", "before", "after", "during")
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "q1": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
QUARTER_WORDS = ("quarter",)
HALF_WORDS = ("half",)
CLOCK_WORDS = ("at",)
#: Time zones written after a clock time, with their offsets (None: a zone whose offset the name
#: alone does not fix, "ET" in summer or winter, "local time").
ZONES: dict[str, str | None] = {
    "gmt": "+00:00",
    "utc": "+00:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
    "bst": "+01:00",
    "cet": "+01:00",
    "cest": "+02:00",
    "aest": "+10:00",
    "aedt": "+11:00",
    "et": None,
    "pt": None,
    "local time": None,
}
#: Twelve-hour clock marks and the hours they add ("3:05 AM UTC", "4.59 p.m. EDT").
MERIDIEM: dict[str, int] = {"am": 0, "a.m.": 0, "pm": 12, "p.m.": 12}
CITATION = ("no", "no.", "number")
BCE = ("bc", "bce")

#: Labels on a page's date stamp, and whether the date they introduce is when the page was
#: published or when it was changed ("Published: … | Updated: …").
STAMP_LABELS: dict[str, str] = {
    "published": "published",
    "first published": "published",
    "originally published": "published",
    "posted": "published",
    "first posted": "published",
    "created": "published",
    "release": "published",
    "released": "published",
    "updated": "updated",
    "last updated": "updated",
    "update": "updated",
    "edited": "updated",
    "modified": "updated",
}

#: How a numeric date is read: "dm" (day first), "md" (month first) or None when the page
#: decides (English: "12/16/08" is month first, "14/09/2013" day first; "4/9/2007" needs the
#: page's other dates or its time zone, else it is left unread).
NUMERIC_ORDER: str | None = None

#: Time zones of places that write the month first (North America) or the day first; a zone
#: beside a numeric date says how the page reads it.
MONTH_FIRST_ZONES = (
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "mst",
    "mdt",
    "pt",
    "pst",
    "pdt",
    "akst",
    "akdt",
    "hst",
)
DAY_FIRST_ZONES = (
    "bst",
    "ist",
    "cet",
    "cest",
    "eet",
    "eest",
    "aest",
    "aedt",
    "awst",
    "nzst",
    "nzdt",
    "sast",
    "hkt",
    "sgt",
    "uk",
)

#: Grammar words the date patterns are built from (see kroscek.lang.id.dates).
YEAR_WORDS = ("year", "years")
MONTH_WORDS = ("month of",)
CENTURY_WORDS = ("century",)
#: Letters after a day number: after a day number ("18th September 2013", "May 3rd").
DAY_SUFFIXES = ("st", "nd", "rd", "th")
ORDINAL_PREFIX = ""
QUARTER_OF = ("of",)
CLOCK_HEDGES = ("about", "around")
LOCAL_TIME = ("local time",)
AGE_WORDS = ("aged",)
WEEKDAY_ALSO_UNIT: tuple[str, ...] = ()
MONTH_BEFORE_DAY = True
RELATIVE_FIRST = True
CLOCK_JOINERS = ("at",)
SOME = ("several", "a few", "some")

#: Words before a bare day number that make it a day of the publish month ("tanggal 23").
DAY_OF_MONTH_WORDS: tuple[str, ...] = ()
