"""English numbers; the same names as ``kroscek.lang.id.numbers``."""

SMALL_NUMBERS: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1000,
    "half": 0.5,
    "a dozen": 12,
    "dozen": 12,
}
TEEN = ""
TENS = ""
HUNDREDS = "hundred"
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
SCALE_LETTERS: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}
#: How the scale letters are written right after a currency amount ("$5 M").
SCALE_LETTER_FORMS = ("M", "T")
#: Units written onto a number ("10kg", "5km").
GLUED = ("kg", "km", "ha", "m2", "mw")
APPROXIMATE: dict[str, float] = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1e3,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "billions": 1e9,
}
HEDGES = (
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "at least",
    "at most",
    "more than",
    "over",
    "less than",
    "under",
    "up to",
    "some",
    "an estimated",
    "estimated",
    "as many as",
    "as few as",
)
CURRENCIES: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "pounds": "GBP",
    "rp": "IDR",
    "rupiah": "IDR",
    "yen": "JPY",
    "yuan": "CNY",
    "won": "KRW",
}
PERCENT = ("%", "percent", "per cent", "percentage points")
UNITS: dict[str, str] = {
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "miles": "mi",
    "mile": "mi",
    "kg": "kg",
    "kilograms": "kg",
    "tons": "t",
    "tonnes": "t",
    "liters": "l",
    "litres": "l",
    "barrels": "bbl",
    "hectares": "ha",
    "meters": "m",
    "metres": "m",
    "points": "pt",
    "basis points": "bp",
    "mw": "MW",
    "gw": "GW",
}
TIME_UNITS: dict[str, str] = {
    "seconds": "s",
    "minutes": "min",
    "hours": "h",
    "days": "d",
    "weeks": "wk",
    "months": "mo",
    "years": "yr",
    "decades": "decade",
    "day": "d",
    "week": "wk",
    "month": "mo",
    "year": "yr",
    "hour": "h",
}
NOT_AMOUNT_BEFORE = (
    "article",
    "no",
    "no.",
    "number",
    "section",
    "chapter",
    "page",
    "room",
    "floor",
    "route",
    "highway",
    "gate",
    "covid-",
    "g",
    "grade",
    "level",
    "phase",
    "year",
)
IDIOM_BEFORE = ("one", "no")
ONE_COUNTS = frozenset({"person", "people", "soldier", "civilian", "child", "case", "victim"})
#: Words that join the parts of a whole a figure was split into ("including 3 children and 2 elderly").
LIST_WORDS = ("and",)
PART_OF = ("including", "among them", "of whom", "of which")
NOT_NOUNS = frozenset(
    {
        "and",
        "or",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "that",
        "this",
        "were",
        "was",
        "are",
        "is",
        "have",
        "has",
        "had",
        "per",
        "more",
        "less",
        "than",
        "last",
        "next",
        "ago",
        "earlier",
        "later",
        "said",
        "says",
    }
)

#: The longest counted noun phrase read after an amount, in words.
MAX_NOUN_WORDS = 1

#: Words between a counted noun and its number when the noun comes first ("vehicles totaling 48").
COUNT_CUES = ("totaling", "totalling", "numbering")

#: Words that qualify a counted noun rather than name one ("12 male climbers and 9 female").
QUALIFIERS = ("male", "female", "adult", "adults", "child", "children", "men", "women")

#: See kroscek.lang.id.numbers.
RANGE_WORDS = ("to",)
RATE_WORDS = ("per",)
CURRENCY_COUNTRIES: dict[str, tuple[str, ...]] = {"dollar": ("US",), "dollars": ("US",)}
SCORE_WORDS = ("score", "won", "lost", "drew", "beat")
HYPHEN_PREFIXES = ("covid", "g")
#: English writes no collective prefix on its number words ("all three witnesses").
COLLECTIVE_PREFIX = ""
FIRST_ORDINAL = "first"
VERB_SHAPE = r"^[a-z]{3,}(ed|ing)$"
VERB_SHAPE_NOUNS = ("building", "meeting", "morning", "evening", "funding", "hundred")

#: What each hedge of :data:`HEDGES` says about its figure, for comparing a figure across a
#: translation: ``about`` (an estimate), ``lower`` (a floor: the true figure is this or more),
#: ``upper`` (a ceiling: this or less). Hedges not listed leave the figure plain.
HEDGE_SENSE: dict[str, str] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "at least": "lower",
    "more than": "lower",
    "over": "lower",
    "as few as": "lower",
    "nearly": "upper",
    "almost": "upper",
    "at most": "upper",
    "less than": "upper",
    "under": "upper",
    "up to": "upper",
    "as many as": "upper",
}
