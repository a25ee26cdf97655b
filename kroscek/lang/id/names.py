"""How the entities stage reads Indonesian names: the model, and the words around a name.

The same names as ``kroscek.lang.en.names``; Malay reads with these (its ``BASE``), and so
does an article in a language with no folder of its own.
"""

#: kroscek's own model, under ``kroscek/models`` (trained by ``training/ner/build.py``).
NER_MODEL = "ner-id-xs"
#: The model's labels to kroscek's: it was trained on kroscek's own, so each stays.
NER_LABELS: dict[str, str] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
#: Title Case runs are lower-cased before the model reads them (``common_words.txt`` says which
#: words are ordinary): it reads a headline such as "Habibie Pakai Penutup Mata" as one name.
TRUECASE = True

#: None: Indonesian names are kroscek's canonical names (``aliases.py`` and CLDR's Indonesian
#: names of countries), the ones other languages map theirs onto.
CANONICAL_LANGUAGE: str | None = None
#: The labels a country's name may carry when the model reads it: such a mention becomes GPE.
COUNTRY_LABELS: tuple[str, ...] = ("LOC",)
#: A country's name, an alias of one or a capital is typed by its name alone, whatever label the
#: model gave it: a country becomes GPE, a capital read as a person LOC.
PLACES_BY_NAME = True
#: The model's type of a name is kept as it gave it, mention by mention.
ONE_TYPE_PER_NAME = False

#: Lower-case words that may stand inside a long name an acronym in brackets follows ("Badan
#: Pengawasan Keuangan dan Pembangunan (BPKP)"); English ones too, for English names in Indonesian text.
NAME_CONNECTORS: tuple[str, ...] = ("dan", "dari", "untuk", "of", "and")

#: Titles before a name beyond ``quotes.ROLE_WORDS``, which hold the Indonesian ones.
TITLES: tuple[str, ...] = ()
#: Endings written onto a name that are not part of it: none.
POSSESSIVE_ENDINGS: tuple[str, ...] = ()
#: "Presiden Rusia Vladimir Putin": the title comes before the country, so the words after a
#: country are the name alone.
TITLES_AFTER_COUNTRY = False

#: Acts of speech or state after a capital that make it its government ("Pyongyang mengakui");
#: the last four are English, read in Indonesian articles too.
GOVERNMENT_VERBS: tuple[str, ...] = (
    "mengatakan",
    "menyatakan",
    "menegaskan",
    "mengakui",
    "membantah",
    "memandang",
    "menolak",
    "meminta",
    "mendesak",
    "mengecam",
    "mengumumkan",
    "mengirim",
    "mengirimkan",
    "menilai",
    "menyebut",
    "menuduh",
    "berharap",
    "menyerukan",
    "memilih",
    "menanggapi",
    "mengingatkan",
    "memperingatkan",
    "mengutuk",
    "said",
    "says",
    "denied",
    "warned",
)

#: Words that may stand between a capital and its verb ("Beijing juga menyerukan") ...
GOVERNMENT_BETWEEN: tuple[str, ...] = ("juga", "pun", "telah", "tidak", "akan")
#: ... at most this many of them.
GOVERNMENT_BETWEEN_MAX = 1
