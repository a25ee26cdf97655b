"""What makes two facts comparable across articles (English); the same names as
``kroscek.lang.id.claims``."""

from kroscek.lang.en.numbers import SCALES, SMALL_NUMBERS

#: Head word of a counted noun -> class. Words not listed are their own class.
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "soldiers",
            "troops",
            "personnel",
            "servicemen",
            "officers",
            "members",
            "residents",
            "people",
            "persons",
            "civilians",
            "citizens",
            "workers",
            "migrants",
            "refugees",
            "protesters",
            "demonstrators",
            "students",
            "employees",
            "staff",
            "volunteers",
            "participants",
        ),
        "people",
    ),
    **dict.fromkeys(("dead", "killed", "deaths", "victims", "bodies", "casualties", "fatalities"), "victims"),
    **dict.fromkeys(("houses", "homes", "buildings", "units"), "buildings"),
    **dict.fromkeys(("vehicles", "cars", "trucks", "buses", "motorcycles"), "vehicles"),
}

#: English function words by closed class, and reporting verbs: never what a figure is about.
_FUNCTION_WORDS = (
    # articles, conjunctions, prepositions
    "the",
    "and",
    "but",
    "for",
    "nor",
    "yet",
    "because",
    "while",
    "when",
    "after",
    "before",
    "since",
    "until",
    "though",
    "although",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "from",
    "with",
    "into",
    "onto",
    "about",
    "above",
    "below",
    "under",
    "over",
    "between",
    "among",
    "through",
    "during",
    "against",
    "without",
    "within",
    "across",
    "toward",
    "towards",
    "upon",
    "per",
    "via",
    "according",
    # pronouns, demonstratives, question words
    "this",
    "these",
    "those",
    "they",
    "them",
    "their",
    "its",
    "his",
    "her",
    "she",
    "him",
    "our",
    "we",
    "you",
    "your",
    "what",
    "where",
    "why",
    "how",
    # auxiliaries and modals
    "was",
    "were",
    "are",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "did",
    "does",
    # quantifiers and adverbs
    "all",
    "any",
    "each",
    "every",
    "some",
    "many",
    "much",
    "more",
    "most",
    "less",
    "least",
    "few",
    "several",
    "other",
    "another",
    "such",
    "also",
    "only",
    "just",
    "still",
    "even",
    "already",
    "around",
    "nearly",
    "almost",
    "than",
    "then",
    "there",
    "here",
    "now",
    "not",
    "very",
    "total",
    # reporting
    "said",
    "says",
    "told",
    "added",
    "estimated",
)
CONTEXT_STOP = frozenset(_FUNCTION_WORDS) | frozenset(SCALES) | frozenset(SMALL_NUMBERS)

#: Hedges that make a figure an order of magnitude, not a value to compare.
VAGUE = ("thousands", "hundreds", "dozens", "scores", "millions", "billions", "several", "some", "many")

#: Verbs of announcing: the actor before them made a statement on the date given.
ANNOUNCE = ("confirmed", "announced", "acknowledged", "admitted", "declared", "stated", "reported")

#: Words just before a date that make it the outlet's own day ("accessed on 3 May", "today, May 4").
OWN_DAY_CUES = ("accessed", "retrieved", "contacted", "reached", "today", "tonight", "tomorrow")

#: Hedges that make a figure a limit, not a measurement ("a fine of up to $1 million", "below 3%").
#: "At least" and "more than" hedge tallies ("at least 12 killed"): not limits.
LIMIT_HEDGES = (
    "up to",
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "maximum",
    "a minimum of",
    "minimum",
    "not less than",
)

#: Nouns just before a figure that make it a limit ("a cap of 3%").
LIMIT_NOUNS = ("cap", "ceiling", "limit", "threshold", "maximum", "minimum")

#: Positions are not read in English yet: its ordinals stand before their noun ("the fourth
#: floor", "the 55th minute"), which the position reader does not take.
ORDINAL_WORDS: dict[str, int] = {}
ORDINAL_NUMBER = ""
POSITION_NOUNS: tuple[str, ...] = ()

LABELS = {
    "figure": "figure",
    "date": "date",
    "time": "time",
    "month": "month",
    "year": "year",
    "position": "position",
    "statement": "date of the statement by",
}
