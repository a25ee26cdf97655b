"""English attribution words; the same names as ``kroscek.lang.id.quotes``."""

CUES_AFTER = (
    "said",
    "says",
    "added",
    "told",
    "asked",
    "wrote",
    "noted",
    "explained",
    "stated",
    "argued",
    "continued",
    "insisted",
    "recalled",
    "warned",
    "tweeted",
    "claimed",
    "declared",
)
CUES_BEFORE = (
    "said",
    "says",
    "added",
    "told",
    "stated",
    "argued",
    "claimed",
    "insisted",
    "warned",
    "noted",
    "explained",
    "announced",
    "reported",
    "wrote",
    "tweeted",
    "acknowledged",
    "admitted",
    "denied",
    "suggested",
    "believes",
    "believed",
    "thinks",
    "thought",
    "predicted",
    "urged",
    "called",
    "accused",
    "asked",
    "questioned",
    "contended",
    "maintained",
    "conceded",
    "confirmed",
    "countered",
)
ACCORDING_TO = ("according to",)
#: The word opening a relative clause after a speaker's description ("a resident who …, John,").
RELATIVE = ("who",)
#: Reporting verbs that are speech only with a clause after them: none read in English.
CLAUSE_CUES: tuple[str, ...] = ()
#: Passive attribution ("It was said by …") is not read in English.
PASSIVE_CUES: tuple[str, ...] = ()
PASSIVE_ADVERBS: tuple[str, ...] = ()
ANSWER_CUES: tuple[str, ...] = ()
AGENT: tuple[str, ...] = ()
REFERRING: tuple[str, ...] = ()
REFERRING_BETWEEN: tuple[str, ...] = ()
THAT = ("that",)
#: The word that opens reported content a little after the cue ("said at a briefing in Beijing that …").
THAT_LATER = ("that",)
CITED_FROM = (
    "according to",
    "as reported by",
    "reported by",
    "told",
    "in an interview with",
    "in a statement to",
    "in a statement",
)
#: See kroscek.lang.id.quotes ("according to media reports").
SOURCE_WORDS = ("media",)
SOURCE_NAME_WORDS: tuple[str, ...] = ()
SOURCE_LINKS = ("of", "de", "the")
SPEAKER_STOPS = (
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "told",
    "when",
    "while",
    "as",
    "who",
    "which",
    "that",
    "last",
    "this",
    "on",
    "of",
    "with",
    "from",
    "adding",
)
PRONOUNS = ("he", "she", "they", "it", "we", "i")
PLURAL_PRONOUNS = ("they", "we")
#: Words closing a noun phrase that points back to someone named before: none read in English.
ANAPHORIC: tuple[str, ...] = ()
FIRST_PERSON = ("i", "we")
BETWEEN = ("also", "later", "then", "previously", "again", "has", "had", "have", "repeatedly", "once")
OPENERS = ("meanwhile", "however", "but", "and", "still", "earlier", "later", "in addition")
ROLE_WORDS = (
    "president",
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "director",
    "chief",
    "leader",
    "candidate",
    "nominee",
    "former",
    "official",
    "adviser",
    "advisor",
    "campaign manager",
    "aide",
    "analyst",
    "professor",
    "democrat",
    "republican",
    "gen.",
)
ORGANISATION_WORDS = (
    "campaign",
    "committee",
    "department",
    "ministry",
    "party",
    "agency",
    "office",
    "white house",
    "kremlin",
    "government",
    "company",
    "university",
    "board",
    "council",
    "court",
    "police",
    "the",
)
NEGATIONS = ("not", "never", "declined")
#: Words that may follow a statement noun before its source.
STATEMENT_ADJECTIVES: tuple[str, ...] = ()
STATEMENT_NOUNS = ("statement", "a statement from", "release")
QUOTING = ("quoting",)
PREPOSITIONS = ("on", "in", "at", "during", "after", "before", "when", "while", "speaking")
#: Words opening a group's phrase, the nouns after them in it: English reads every noun already.
GROUP_OPENERS: tuple[str, ...] = ()
PLURAL_OPENERS: tuple[str, ...] = ()
SPEAKER_WORDS = ("of", "the", "and", "for", "a", "an", "former", "senior", "state", "campaign")
REST_BLOCK = ("who", "which", "that", "because", "when", "if", "but")
SUBORDINATORS = ("although", "though", "if", "because", "when", "after", "before", "since", "while")

#: English noun phrases are mostly lower case ("a senior official", "the campaign"): any word
#: may sit in a speaker's phrase except these.
NOT_IN_SPEAKER = (
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "that",
    "which",
    "who",
    "whom",
    "but",
    "because",
    "if",
    "when",
    "while",
    "it",
    "this",
    "there",
    "would",
    "will",
    "could",
    "should",
    "not",
    "also",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "as",
    "after",
    "before",
    "over",
    "about",
    "than",
    "then",
    "so",
    "do",
    "did",
    "does",
)
#: The sentence closed by "…, the official said." (speaker before the verb, after a comma).
TAIL_SPEAKER_FIRST = True

#: See kroscek.lang.id.quotes.
#: The word that joins the last two names of a list ("Russia and China").
AND = ("and",)
#: Words that may open a role in apposition after a name ("Maria Lopez, a spokeswoman …").
DETERMINERS = ("a", "an", "the")
CONNECTORS = ("and", "of", "for")
VERB_SHAPE = r"^[a-z]{3,}(?:ed|ing)$"

#: Words a speaker phrase never starts with when it holds no name.
NOT_SPEAKER_WORDS = frozenset(
    {"the", "of", "with", "via", "in", "on", "at", "for", "about", "after", "before", "while"}
)

#: Verbs of saying, thinking, showing and wanting that attribute content to a source (the
#: attribution tagger's lexicon, ``kroscek.annotate.quotes.tagger``), in their base form: the
#: regular -s, -ed and -ing forms are made from it, the irregular ones are listed below.
ATTRIBUTION_VERBS = (
    "say",
    "tell",
    "add",
    "ask",
    "write",
    "note",
    "report",
    "announce",
    "suggest",
    "argue",
    "call",
    "show",
    "describe",
    "find",
    "tweet",
    "think",
    "want",
    "seem",
    "continue",
    "declare",
    "explain",
    "acknowledge",
    "criticize",
    "criticise",
    "believe",
    "appear",
    "accuse",
    "endorse",
    "expect",
    "see",
    "cite",
    "seek",
    "urge",
    "defend",
    "support",
    "recall",
    "respond",
    "propose",
    "agree",
    "hope",
    "conclude",
    "claim",
    "refuse",
    "praise",
    "state",
    "know",
    "warn",
    "promise",
    "plan",
    "insist",
    "reply",
    "offer",
    "reveal",
    "oppose",
    "indicate",
    "feel",
    "predict",
    "fear",
    "question",
    "vow",
    "pledge",
    "denounce",
    "dismiss",
    "read",
    "name",
    "reject",
    "deny",
    "blame",
    "back",
    "stress",
    "prefer",
    "mention",
    "decry",
    "charge",
    "confirm",
    "admit",
    "concede",
    "contend",
    "maintain",
    "counter",
    "assert",
    "allege",
    "estimate",
    "worry",
    "complain",
    "demand",
    "emphasize",
    "emphasise",
    "point",
    "recommend",
    "speculate",
    "testify",
    "joke",
    "quip",
    "tout",
    "boast",
    "brag",
    "lament",
    "disclose",
    "signal",
    "hint",
    "imply",
    "observe",
    "remark",
    "comment",
    "caution",
    "assure",
    "reassure",
    "doubt",
    "wonder",
    "mock",
    "attack",
    "slam",
    "blast",
    "label",
    "dub",
    "characterize",
    "hail",
    "welcome",
    "applaud",
    "condemn",
    "decline",
    "inform",
    "preach",
    "pitch",
    "push",
    "favor",
    "favour",
    "consider",
    "assume",
    "anticipate",
    "imagine",
    "suspect",
    "recognize",
    "understand",
    "mean",
    "hear",
    "speak",
    "teach",
    "learn",
    "discover",
    "determine",
    "calculate",
    "project",
    "forecast",
    "poll",
    "survey",
    "quote",
    "paraphrase",
    "summarize",
)
#: Irregular forms of the verbs above.
ATTRIBUTION_IRREGULAR = (
    "said",
    "told",
    "wrote",
    "written",
    "thought",
    "saw",
    "seen",
    "knew",
    "known",
    "felt",
    "found",
    "meant",
    "heard",
    "spoke",
    "spoken",
    "understood",
    "taught",
    "learnt",
    "sought",
    "according",
    "says",
)

#: Focus adverbs: opening a source, they stand outside it in PolNeAR ("Even China said …" has
#: the source "China"; the attribution tagger's ``snap``).
FOCUS_ADVERBS = ("even", "especially", "particularly")

#: Words that hedge what a speaker asserts (a possibility, a report, an estimate), lower case:
#: a translation that adds one where the original has none of these nor of
#: :data:`MAYBE_HEDGES` shifts the claim, and one that drops one likewise.
MODAL_HEDGES = (
    "may",
    "might",
    "maybe",
    "possibly",
    "possible",
    "probably",
    "likely",
    "perhaps",
    "reportedly",
    "allegedly",
    "alleged",
    "apparently",
    "presumably",
    "suspected",
    "estimated",
)

#: Words that hedge in some uses and not in others ("could" of ability, "would" of the future,
#: "expected" of a forecast or of a comparison: "longer than expected"):
#: neither evidence of a hedge nor of its absence.
MAYBE_HEDGES = (
    "could",
    "can",
    "would",
    "should",
    "expect",
    "expects",
    "expected",
    "possibility",
    "believed",
    "believe",
    "seems",
    "seem",
)
