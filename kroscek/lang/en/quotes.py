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
CONNECTORS = ("and", "of", "for")
VERB_SHAPE = r"^[a-z]{3,}(?:ed|ing)$"

#: Words a speaker phrase never starts with when it holds no name.
NOT_SPEAKER_WORDS = frozenset(
    {"the", "of", "with", "via", "in", "on", "at", "for", "about", "after", "before", "while"}
)
