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
DAY_WORDS: dict[str, int] = {"yesterday": -1, "today": 0, "tomorrow": 1}
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
ZONES: dict[str, str | None] = {"gmt": "+00:00", "utc": "+00:00", "local time": None}
CITATION = ("no", "no.", "number")
BCE = ("bc", "bce")
