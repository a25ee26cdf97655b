"""The ``entities`` stage: named entities from a statistical NER model, each with a canonical name.

How an article is read comes from its language's ``kroscek/lang/<code>/names.py`` (an article
in a language without data is read with the default language's, and the language stage says
so): the model, how its labels map to kroscek's, and the rules around it. Indonesian and Malay
are read by kroscek's own ``kroscek/models/ner-id-xs`` (trained by ``training/ner/build.py``),
which finds PER, ORG and LOC. English is read by the NER component of spaCy's
``en_core_web_sm``: PERSON becomes PER, ORG stays, GPE, LOC and FAC become LOC, other labels are
dropped; then the same surface written twice in an article gets one type (the majority), and a
partial name of a person the article names ("Thompson" beside "Tony Thompson") is that person
whatever the model said.

A mention that names a country (a LOC, or in English an ORG too), or a capital standing for its
government ("Pyongyang mengakui …", "Washington said …"), becomes GPE. Inside the article every
mention gets ``canonical``:

1. the curated alias table and CLDR country names (Korut, Republik Rakyat Demokratik Korea →
   Korea Utara; Tiongkok → China; AS → Amerika Serikat); English names map by CLDR territory
   code and ``lang/en/aliases.py`` to the same canonical names (U.S., US, United States →
   Amerika Serikat), so the two languages' articles share them;
2. acronyms defined in the text: "Direktorat Jenderal Intelijen (GUR)" makes GUR that body;
3. people: spelling variants and partial names join the fullest form of the same name in the
   article ("Kim Jong-un", "Kim Jong Un", "Kim Jong-Un", "Jong Un" → one person); two people
   who share one word of a name are not merged ("Kim Jong Un" and "Kim Yo Jong").
The corpus level (variants across articles) is the cross-article layer's work.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec

from kroscek.lang import DEFAULT, data_language, language_module
from kroscek.lang.xx import capitals
from kroscek.model import Article, Entity
from kroscek.pipeline import stage

__all__ = [
    "DEFAULT_MODEL",
    "canonical_alias",
    "canonical_names",
    "chunks",
    "entities",
    "entities_of",
    "find_entities",
    "load_model",
    "model_for",
    "name_key",
    "runs_inside",
    "truecase",
]

MODELS = Path(__file__).resolve().parent.parent / "models"
#: The model that reads the default language's articles.
DEFAULT_MODEL: str = language_module(DEFAULT, "names").NER_MODEL


def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Return the spaCy pipeline ``name`` (loaded once per process, from disk only).

    A name under ``kroscek/models`` is kroscek's own model; any other is an installed spaCy
    package (a dependency in pyproject.toml), of which only the NER component is loaded.
    """
    return _load_model(name)  # one cache entry whether the name is given or defaulted


@cache
def _load_model(name: str) -> Any:
    import spacy

    from kroscek.annotate.tokenizer import LAZY_TOKENIZER

    path = MODELS / name
    if path.exists():
        # The saved tokenizer's special cases are the language defaults' again (see tokenizer.py).
        return spacy.load(path, exclude=["tokenizer"], config={"nlp": {"tokenizer": {"@tokenizers": LAZY_TOKENIZER}}})
    if name.isidentifier() and importlib.util.find_spec(name) is not None:
        # The rest of the pipeline is never loaded: the NER packages used here have their own tok2vec.
        components = spacy.util.load_meta(spacy.util.get_package_path(name) / "meta.json")["components"]
        return spacy.load(name, exclude=[c for c in components if c != "ner"])
    raise FileNotFoundError(
        f"NER model {name} is missing: kroscek's own is built into {path} by `make train-ner`, "
        "an installed package comes with `pip install -e .`"
    )


def name_key(name: str) -> str:
    """Return the comparison form of a name: case, hyphens and spacing folded."""
    return " ".join(re.sub(r"[-‐–_.]", " ", name).lower().split())


@cache
def _names(code: str) -> tuple[dict[str, str], frozenset[str]]:
    """Names of language ``code`` (folded) -> canonical names, and the canonical names that are countries."""
    canonical = language_module(code, "names").CANONICAL_LANGUAGE
    return _own_names(code) if canonical is None else _mapped_names(code, canonical)


def _own_names(code: str) -> tuple[dict[str, str], frozenset[str]]:
    """The names of a language whose own names are canonical: CLDR's names of territories,
    ``aliases.py``'s aliases and demonyms, and the countries of the capitals table."""
    from babel import Locale

    territories = Locale(code).territories
    index: dict[str, str] = {}
    for country in territories.values():
        index[name_key(country)] = country
    aliases = language_module(code, "aliases")
    for canonical, names in aliases.ALIASES.items():
        index[name_key(canonical)] = canonical
        for alias in names:
            index[name_key(alias)] = canonical
    for demonym, country in aliases.DEMONYMS.items():
        index[name_key(demonym)] = country
    for country in capitals.COUNTRIES:
        index.setdefault(name_key(country), country)
    return index, frozenset(capitals.COUNTRIES) | frozenset(territories.values())


# CLDR territory codes of two letters that are not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _cldr_names(name: str) -> list[str]:
    """A CLDR name and its plain forms: "Myanmar (Burma)" -> Myanmar, Burma; "&" also as "and"."""
    names = [name]
    plain, _, inside = name.partition(" (")
    if inside:
        names += [plain, inside.rstrip(")")]
    names += [n.replace(" & ", " and ") for n in names if " & " in n]
    return names


def _mapped_names(code: str, canonical_code: str) -> tuple[dict[str, str], frozenset[str]]:
    """The names of language ``code`` mapped onto ``canonical_code``'s canonical names.

    CLDR's name of each territory in ``code`` maps to what ``canonical_code``'s tables call it
    (English US -> "Amerika Serikat", GB -> "Inggris"); ``code``'s ``aliases.py`` adds short and
    other forms, and the canonical language's own entries (NATO, ASEAN, KCNA …) are kept.
    """
    from babel import Locale

    canonical_index = _names(canonical_code)[0]
    index = dict(canonical_index)
    countries = set(capitals.COUNTRIES)
    own, local = Locale(code).territories, Locale(canonical_code).territories
    for territory, name in own.items():
        local_names = _cldr_names(local.get(territory, name))
        plain = local_names[1] if "(" in local_names[0] else local_names[0]
        canonical = canonical_index.get(name_key(plain), plain)
        for form in _cldr_names(name):
            index[name_key(form)] = canonical
        if len(territory) == 2 and territory.isalpha() and territory not in _NOT_COUNTRIES:
            countries.add(canonical)
    for canonical, names in language_module(code, "aliases").ALIASES.items():
        for alias in (canonical, *names):
            index[name_key(alias)] = canonical
    return index, frozenset(countries)


def canonical_alias(name: str) -> str | None:
    """The canonical name the default language's alias tables give ``name`` ("AS" -> "Amerika Serikat"), if any."""
    return _names(DEFAULT)[0].get(name_key(name))


@dataclass(frozen=True, eq=False)
class _Reader:
    """How the stage reads one language's articles, every part of it from that language's data.

    One per ``names`` data module: a language that reuses another's (Malay) shares its reader.
    """

    code: str  # the language whose data this is
    model: str
    labels: dict[str, str]
    truecase: bool
    aliases: dict[str, str]  # folded name -> canonical name
    countries: frozenset[str]  # canonical names that are countries
    country_labels: frozenset[str]
    places_by_name: bool
    one_type_per_name: bool
    states: frozenset[str]
    roles: frozenset[str]
    organisations: frozenset[str]
    common: frozenset[str]
    possessives: tuple[str, ...]
    titles_after_country: bool
    government: re.Pattern[str]
    acronym_after: re.Pattern[str]

    def is_country(self, name: str) -> bool:
        """Whether ``name`` is a country's name, or an alias of one."""
        return self.aliases.get(name_key(name)) in self.countries


def _reader(language: str | None) -> _Reader:
    """The reader of articles in ``language``: its own data's, else the default language's (an
    article in a language without data says so in its warnings, from the language stage)."""
    return _reader_of(language_module(data_language(language), "names"))


@cache
def _reader_of(names: ModuleType) -> _Reader:
    """The reader a ``kroscek.lang.<code>.names`` module describes, with ``<code>``'s other data."""
    code = names.__name__.split(".")[-2]
    quotes = language_module(code, "quotes")
    aliases, countries = _names(code)
    verbs = "|".join(sorted(names.GOVERNMENT_VERBS, key=len, reverse=True))
    between = "|".join(names.GOVERNMENT_BETWEEN)
    return _Reader(
        code=code,
        model=names.NER_MODEL,
        labels=names.NER_LABELS,
        truecase=names.TRUECASE,
        aliases=aliases,
        countries=countries,
        country_labels=frozenset(names.COUNTRY_LABELS),
        places_by_name=names.PLACES_BY_NAME,
        one_type_per_name=names.ONE_TYPE_PER_NAME,
        states=frozenset(language_module(code, "aliases").STATES),
        roles=frozenset(quotes.ROLE_WORDS) | {f"{t}." for t in names.TITLES} | set(names.TITLES),
        organisations=frozenset(w for w in quotes.ORGANISATION_WORDS if " " not in w),
        common=_common_words(code),
        possessives=tuple(names.POSSESSIVE_ENDINGS),
        titles_after_country=names.TITLES_AFTER_COUNTRY,
        # A capital is its government when an act of speech or state follows it (matched at
        # the mention's end, never on a copy of the rest of the text).
        government=re.compile(
            rf"\s*(?:,\s*[^,]{{0,60}},\s*)?(?:(?:{between})\s+){{0,{names.GOVERNMENT_BETWEEN_MAX}}}(?:{verbs})\b",
            re.IGNORECASE,
        ),
        acronym_after=_acronym_after(tuple(names.NAME_CONNECTORS)),
    )


def model_for(language: str | None) -> str:
    """The model that reads articles of ``language`` (its ``names.NER_MODEL``)."""
    return _reader(language).model


# "<Place>, " right before a mention: "Atlanta, Georgia", "Seattle, Washington".
_AFTER_PLACE = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")


def _is_state_after_place(text: str, start: int, surface: str, states: frozenset[str]) -> bool:
    return surface in states and _AFTER_PLACE.search(text, max(0, start - 40), start) is not None


def _acronym_after(connectors: tuple[str, ...]) -> re.Pattern[str]:
    """A long name and the acronym in brackets after it; ``connectors`` may stand inside the name.
    Possessive runs: a word is read whole or not at all."""
    inside = "".join(f"|{re.escape(w)}" for w in connectors)
    return re.compile(
        rf"(?P<long>[A-Z][\w'’-]*+(?:\s++(?:[A-Z][\w'’-]*+{inside})){{1,8}})\s*\(\s*(?P<short>[A-Z][A-Za-z]{{1,9}})\s*\)"
    )


_NAME_RUN = re.compile(r"[\w'’-]+")
_CAPITAL = re.compile("[A-Z]")


def _acronyms(text: str, acronym_after: re.Pattern[str]) -> dict[str, str]:
    """Acronyms the text defines: "Direktorat Jenderal Intelijen (GUR)" -> {"GUR": long form}.

    A long form can only be tried from the first capital of a word: from a later capital of
    the same word ("AAAA…") it reads the same rest and fares the same, so trying each of them
    would read a long word once per capital.
    """
    found = {}
    resume = 0
    for run in _NAME_RUN.finditer(text):
        if run.start() < resume:
            continue
        capital = _CAPITAL.search(text, run.start(), run.end())
        if capital is None:
            continue
        match = acronym_after.match(text, capital.start())
        if match:
            found[name_key(match.group("short"))] = match.group("long")
            resume = match.end()
    return found


def canonical_names(
    text: str, mentions: list[tuple[int, int, str]], language: str | None = None
) -> list[tuple[str, str]]:
    """Return (label, canonical) for each (start, end, label) mention of ``text``.

    The names, countries and verbs of speech after a capital are ``language``'s (the default
    language's when it has no data).
    """
    return _canonical(text, mentions, _reader(language))


def _canonical(text: str, mentions: list[tuple[int, int, str]], reader: _Reader) -> list[tuple[str, str]]:
    aliases = reader.aliases
    defined = _acronyms(text, reader.acronym_after)
    people = _People([text[s:e] for s, e, label in mentions if label == "PER"])
    out = []
    for start, end, label in mentions:
        surface = " ".join(text[start:end].split())
        key = name_key(surface)
        state = _is_state_after_place(text, start, surface, reader.states)
        canonical = None if state else aliases.get(key)
        if canonical is None and key in defined:
            canonical = aliases.get(name_key(defined[key]), defined[key])
        if state:
            label = "LOC"
        elif label in ("LOC", "GPE", "ORG") and surface in capitals.CAPITALS and reader.government.match(text, end):
            label, canonical = "GPE", capitals.CAPITALS[surface]
        elif label in reader.country_labels and reader.is_country(surface) and surface not in reader.states:
            label = "GPE"
        if canonical is None and label == "PER":
            canonical = people.fullest(surface)
        out.append((label, canonical or surface))
    return out


def runs_inside(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is a contiguous run of ``long``'s words, and shorter."""
    return len(long) > len(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


class _People:
    """The article's person mentions, indexed by folded name and by word.

    A partial name can only belong to a name that has all its words, so each lookup compares
    it with the names in the smallest of its words' lists, never with every person.
    """

    def __init__(self, mentions: list[str]) -> None:
        self.mentions = mentions
        self.keys = [name_key(m) for m in mentions]
        self.positions: dict[str, list[int]] = {}  # key -> positions of its mentions, in order
        self.by_word: dict[str, set[str]] = {}  # word -> keys that have it
        for position, key in enumerate(self.keys):
            self.positions.setdefault(key, []).append(position)
        for key in self.positions:
            for word in key.split():
                self.by_word.setdefault(word, set()).add(key)
        self._fullest: dict[str, str] = {}

    def _owners(self, tokens: list[str]) -> set[str]:
        """The names that hold ``tokens`` as a contiguous run of their words, and are longer."""
        if not tokens:
            candidates: set[str] | list[str] = list(self.positions)
        else:
            lists = sorted((self.by_word.get(t, set()) for t in set(tokens)), key=len)
            candidates = lists[0].intersection(*lists[1:])
        return {k for k in candidates if runs_inside(tokens, k.split())}

    def fullest(self, name: str) -> str:
        """The fullest form of a person's name in the article that contains this one's words."""
        if name not in self._fullest:
            self._fullest[name] = self._find_fullest(name)
        return self._fullest[name]

    def _find_fullest(self, name: str) -> str:
        key = name_key(name)
        tokens = key.split()
        owners = self._owners(tokens)
        if owners:
            # Two owners neither inside the other: "Habibie" beside "BJ Habibie" and "Ainun
            # Habibie", either could be meant. Only the longest owner can hold all the others.
            longest = max(len(o.split()) for o in owners)
            top = [o for o in owners if len(o.split()) == longest]
            if len(top) > 1 or not all(o == top[0] or runs_inside(o.split(), top[0].split()) for o in owners):
                return name
        best = name
        # The mentions that can change the answer (the same name written otherwise, and the
        # owners), in the article's order.
        relevant = sorted(p for k in (key, *owners) for p in self.positions.get(k, ()))
        for position in relevant:
            other, other_key = self.mentions[position], self.keys[position]
            if other_key == key:
                if len(other) > len(best) and other[0].isupper():
                    best = other
            elif len(other_key.split()) > len(name_key(best).split()):
                best = other  # "Jong Un" inside "Kim Jong Un": a contiguous run of the longer name
        # Spelling variants of the chosen form collapse to its first written variant.
        first = self.positions.get(name_key(best))
        return " ".join(self.mentions[first[0]].split()) if first else best


def _is_role(word: str, roles: frozenset[str]) -> bool:
    return word.lower().rstrip(".,") in roles


_JOINED = re.compile(r"(?:-[^\W\d_A-Z][^\W\d_]*|['’][^\W\d_]{2,})+")


def _tidy(text: str, start: int, end: int, label: str, reader: _Reader) -> list[tuple[int, int, str]]:
    """Repair what the statistical model gets wrong in ways a rule can see.

    Leading lower-case words are not part of a name ("kota Suja" -> "Suja"; "medan" alone is
    not an entity; "the Denver Broncos"), nor are titles and ranks around a person's ("Presiden
    Joko Widodo", "Iptu Zainal Abidin", "Albert Dinata General Manager", "Const. Tim Fanning"),
    nor a possessive ending ("North Carolina's"); a span that begins with a country and goes on
    with a name ("Ukraina Volodymyr Zelensky", "U.S. President Barack Obama") is a country and a
    person; where the language types places by name alone (Indonesian), a country, an alias of
    one, or a capital is a place, whatever label it got (English leaves that to
    :func:`canonical_names`, which sees the words around it).
    """
    end -= len(next((p for p in reader.possessives if text[start:end].endswith(p)), ""))
    # A name the tokenizer cut inside a word keeps the whole word: "Kim Jong-un" (a lower-case part
    # after a hyphen; "Prabowo-Gibran" is two names), "O'Brien" (a letter and an apostrophe before).
    if (joined := _JOINED.match(text, end - 1 if text[end - 1 : end] in "-'’" else end)) is not None:
        end = joined.end()
    before = text[max(0, start - 3) : start]
    if len(before) >= 2 and before[-1] in "'’" and before[-2].isalpha() and not before[:-2].isalnum():
        start -= 2
    words = list(re.finditer(r"\S+", text[start:end]))
    roles = reader.roles
    first = 0
    while first < len(words) and (
        not words[first].group()[0].isupper() or (label == "PER" and _is_role(words[first].group(), roles))
    ):
        first += 1
    del words[:first]
    while label == "PER" and len(words) > 1:
        if len(words) > 2 and " ".join(w.group() for w in words[-2:]).lower() in roles:
            del words[-2:]
        elif _is_role(words[-1].group(), roles):
            words.pop()
        else:
            break
    # "Abdul Aziz KASUS DANA": a shouted headline word after the name is not part of it.
    common = reader.common
    while label == "PER" and len(words) > 1 and words[-1].group().isupper() and words[-1].group().lower() in common:
        words.pop()
    if not words:
        return []
    if label == "PER" and words[0].group().lower() in reader.organisations:
        label = "ORG"  # "Kementerian Pemuda dan Olahraga" is never a person
    end = start + words[-1].end()
    start = start + words[0].start()
    base = start - words[0].start()
    if len(words) > 2:
        for cut in (2, 1):
            head = " ".join(w.group() for w in words[:cut])
            rest = words[cut:]
            if reader.is_country(head) and len(rest) >= 2 and all(w.group()[0].isupper() for w in rest):
                country = (start, base + words[cut - 1].end(), "GPE")
                if reader.titles_after_country:  # the title after the country goes: "U.S. President Barack Obama"
                    return [country, *_tidy(text, base + rest[0].start(), end, "PER", reader)]
                return [country, (base + rest[0].start(), end, "PER")]
    if not reader.places_by_name:
        return [(start, end, label)]
    surface = text[start:end]
    if reader.is_country(surface):
        label = "GPE"
    elif surface in capitals.CAPITALS and label == "PER":
        label = "LOC"
    return [(start, end, label)]


@cache
def _common_words(lang: str) -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "lang" / lang / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(w for w in lines if w and not w.startswith("#"))


_WORD = re.compile(r"[^\W\d_]+")


def truecase(text: str, lang: str = DEFAULT) -> str:
    """Lower-case ordinary words inside Title Case runs (headlines), keeping every offset.

    "Habibie Pakai Penutup Mata Diungkap Sang Kakak" reads to the model as one long name;
    "Habibie pakai penutup mata diungkap Sang kakak" does not. A run is three or more
    capitalised words in a row; it changes only when two or more of its words are on the
    common-word list of ``lang`` (so "Kementerian Luar Negeri" stays whole), and all-caps
    words never do.
    """
    common = _common_words(lang)
    chars = list(text)
    run: list[re.Match[str]] = []

    def flush() -> None:
        ordinary = [
            m for m in run if m.group()[1:].islower() and m.group().lower() in common and len(m.group()[0].lower()) == 1
        ]
        if len(run) >= 3 and len(ordinary) >= 2:
            for m in ordinary:
                chars[m.start()] = m.group()[0].lower()
        run.clear()

    for match in _WORD.finditer(text):
        if not match.group()[0].isupper():
            flush()
            continue
        if run and text[run[-1].end() : match.start()].strip():
            flush()
        run.append(match)
    flush()
    return "".join(chars)


def _split_trailing_people(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Split "Kementerian Luar Negeri Tiongkok Lin Jian" when the article names Lin Jian alone.

    Indonesian puts the title before the name with no comma, and the model sometimes swallows
    the name into the organisation; a tail of words that the same article tags as a person
    elsewhere is that person. Only tails no longer (in words of a folded name) than the
    longest person are tried, so a long mention costs what its words cost.
    """
    people = {name_key(text[s:e]) for s, e, label in mentions if label == "PER"}
    longest = max((len(k.split()) for k in people), default=0)
    out: list[tuple[int, int, str]] = []
    for start, end, label in mentions:
        words = list(re.finditer(r"\S+", text[start:end])) if label != "PER" else []
        if len(words) >= 3:
            # The folded words of the tail from each cut on: the name_key of that tail.
            sizes = [len(name_key(w.group()).split()) for w in words]
            tail_size = sum(sizes)
            for cut in range(1, len(words) - 1):
                tail_size -= sizes[cut - 1]
                if tail_size > longest:
                    continue
                tail = " ".join(w.group() for w in words[cut:])
                if name_key(tail) in people:
                    out.append((start, start + words[cut - 1].end(), label))
                    out.append((start + words[cut].start(), end, "PER"))
                    break
            else:
                out.append((start, end, label))
            continue
        out.append((start, end, label))
    return out


def _read(text: str, spans: list[tuple[int, int, str]], reader: _Reader) -> list[Entity]:
    """The entities of ``text`` from the model's (start, end, label) spans, by ``reader``'s rules."""
    mapped = [(s, e, reader.labels[label]) for s, e, label in spans if label in reader.labels]
    mentions = _split_trailing_people(text, [m for s, e, label in mapped for m in _tidy(text, s, e, label, reader)])
    if reader.one_type_per_name:
        mentions = _agree(text, mentions, reader)
    resolved = _canonical(text, mentions, reader)
    return [Entity(s, e, label, canonical) for (s, e, _), (label, canonical) in zip(mentions, resolved, strict=True)]


def _place_or(label: str) -> str:
    return "LOC" if label == "GPE" else label


def _agree(text: str, mentions: list[tuple[int, int, str]], reader: _Reader) -> list[tuple[int, int, str]]:
    """One type per name in an article, and a person's partial names are that person.

    For a model that types the same word differently from sentence to sentence (English's:
    "Thompson" PER, then ORG; ``names.ONE_TYPE_PER_NAME``): a name written alike takes the type
    most of its mentions have (a tie changes nothing). Then an ORG or LOC whose words are a run
    of a person's longer name in the same article ("Thompson" beside "Tony Thompson") is PER,
    unless the language's alias tables or the capitals know it (a country is never a surname
    here).
    """
    keys = [name_key(text[s:e]) for s, e, _ in mentions]
    votes: dict[str, Counter[str]] = {}
    for key, (_, _, label) in zip(keys, mentions, strict=True):
        votes.setdefault(key, Counter())[_place_or(label)] += 1
    agreed = []
    for key, (start, end, label) in zip(keys, mentions, strict=True):
        counts = votes[key]
        top, count = counts.most_common(1)[0]
        if count > counts[_place_or(label)] and list(counts.values()).count(count) == 1:
            label = top
        agreed.append((start, end, label))
    people = _People([text[s:e] for s, e, label in agreed if label == "PER"])
    index = reader.aliases
    out = []
    for key, (start, end, label) in zip(keys, agreed, strict=True):
        surface = " ".join(text[start:end].split())
        if (
            label in ("ORG", "LOC")
            and key not in index
            and surface not in capitals.CAPITALS
            and people._owners(key.split())
        ):
            label = "PER"
        out.append((start, end, label))
    return out


_PARAGRAPH_END = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s")
_SPACE = re.compile(r"\s")


def _last_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    end = None
    for match in pattern.finditer(text, low, high):
        end = match.end()
    return end


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pieces of ``text``, none longer than ``limit``, in order.

    A text within the limit is one piece. A longer one is cut after a paragraph break in the
    second half of each stretch of ``limit`` characters, else after a sentence end, else after
    a space, else at the limit; so every piece but the last is at least half the limit.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = (
            _last_end(_PARAGRAPH_END, text, low, high)
            or _last_end(_SENTENCE_END, text, low, high)
            or _last_end(_SPACE, text, low, high)
            or high
        )
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


# spaCy's tokenizer strips a run's prefixes and suffixes one at a time and reads the rest of
# the run again each time: "-" * 2,000 took 5 s, 20,000 minutes. Runs that long are never
# names, so the model reads them with spaces put in (offsets unchanged): punctuation in
# pieces of at most 8, any other run of non-spaces in pieces of at most 64.
_PUNCTUATION_RUN = re.compile(r"(?<![^\w\s])[^\w\s]{9,}")
_LONG_RUN = re.compile(r"(?<!\S)\S{65,}")


def _spaced(text: str, pattern: re.Pattern[str], piece: int) -> str:
    chars: list[str] | None = None
    for match in pattern.finditer(text):
        chars = chars or list(text)
        for at in range(match.start() + piece, match.end(), piece + 1):
            chars[at] = " "
    return "".join(chars) if chars else text


def _tokenizable(text: str) -> str:
    """``text`` with no whitespace-free run long enough to make spaCy's tokenizer quadratic."""
    return _spaced(_spaced(text, _PUNCTUATION_RUN, 8), _LONG_RUN, 64)


def _ner_spans(texts: list[str], reader: _Reader) -> list[list[tuple[int, int, str]]]:
    """The model's (start, end, label) mentions in each text, through one ``nlp.pipe`` call.

    A text over the model's ``max_length`` (spaCy refuses those) goes in pieces cut at
    paragraph or sentence ends (:func:`chunks`), and its pieces' offsets are shifted back.
    Title Case runs are lower-cased first where the language's data says its model needs it
    (:func:`truecase`, with the language's common words).
    """
    nlp = load_model(reader.model)
    pieces: list[tuple[int, int, str]] = []  # (text number, offset, piece)
    for number, text in enumerate(texts):
        if text.strip():
            readable = _tokenizable(truecase(text, reader.code) if reader.truecase else text)
            pieces.extend((number, offset, piece) for offset, piece in chunks(readable, nlp.max_length))
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    if hasattr(nlp.tokenizer, "prepare"):  # its special cases for the whole batch at once
        nlp.tokenizer.prepare(piece for _, _, piece in pieces)
    docs = nlp.pipe([piece for _, _, piece in pieces], batch_size=32)
    for (number, offset, _), doc in zip(pieces, docs, strict=True):
        found[number].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
    return found


def find_entities(text: str, language: str | None = None) -> list[Entity]:
    """Return the entity mentions of ``text`` with labels and canonical names, read as ``language``."""
    return entities_of([text], language)[0] if text.strip() else []


def entities_of(texts: list[str], language: str | None = None) -> list[list[Entity]]:
    """Return the entities of each text, all of ``language``, through one model call."""
    return _read_all(texts, _reader(language))


def _read_all(texts: list[str], reader: _Reader) -> list[list[Entity]]:
    spans = _ner_spans(texts, reader)
    return [_read(t, found, reader) if t.strip() else [] for t, found in zip(texts, spans, strict=True)]


def _entities_batch(articles: list[Article]) -> list[Article]:
    """The stage over a batch: one ``nlp.pipe`` call per language's reader, faster than one call per text."""
    by_reader: dict[_Reader, list[int]] = {}
    for number, article in enumerate(articles):
        by_reader.setdefault(_reader(article.language), []).append(number)
    found: list[list[Entity]] = [[] for _ in articles]
    for reader, numbers in by_reader.items():
        for number, mentions in zip(numbers, _read_all([articles[n].text for n in numbers], reader), strict=True):
            found[number] = mentions
    return [msgspec.structs.replace(a, entities=tuple(f)) for a, f in zip(articles, found, strict=True)]


@stage("entities", reads={"text", "language"}, writes={"entities"}, batch=_entities_batch)
def entities(article: Article) -> Article:
    """Return the article with its ``entities`` layer, read by its language's model."""
    return msgspec.structs.replace(article, entities=tuple(find_entities(article.text, language=article.language)))
