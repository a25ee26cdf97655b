"""Canonical entities across the corpus: one name per real-world entity in every article.

Per article, the ``entities`` stage already folded aliases, acronyms and name variants. Across
articles the same person may still be "Kim Jong-un" in one and "Kim Jong Un" or "Jong Un" in
another, "Volodymyr Zelenskyy" in one and "Volodymyr Zelensky" in another, and an acronym defined in one
article ("GUR") may stand alone in another. This pass groups canonical names by their folded
key, by spelling (rapidfuzz, word by word, people only), by one name's words running inside
another's (only when that longer name is the single candidate) and by acronyms some article
defines unambiguously; it picks the form most articles use and rewrites ``canonical`` in every
mention and in quote speakers (a speaker whose span is an entity takes that entity's name).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import msgspec

from kroscek.annotate.entities import name_key, runs_inside
from kroscek.model import Article, Entity, Quote, SpanIndex

__all__ = [
    "NameCounts",
    "link_entities",
    "name_counts",
    "name_mapping",
    "name_usage",
    "renamed",
    "with_speakers",
]


def _same_spelling(a: list[str], b: list[str]) -> bool:
    """Two spellings of one name ("Volodymyr Zelensky" / "Zelenskyy"), never "Kim Jong Un" / "Kim Jong Il".

    Same number of words, at least one identical, and every other pair close in spelling:
    rapidfuzz ratio over 80 between words of four letters or more. Vowel-only variants
    ("Dani" / "Doni") are different people as often as not and stay apart.
    """
    from rapidfuzz.fuzz import ratio

    if len(a) != len(b) or len(a) < 2 or a == b or not any(x == y for x, y in zip(a, b, strict=True)):
        return False
    return all(x == y or (min(len(x), len(y)) >= 4 and ratio(x, y) > 80) for x, y in zip(a, b, strict=True))


def _align_speaker(quote: Quote, entities: _Entities, mapping: Mapping[str, str]) -> Quote:
    """Give a quote's speaker the canonical name of the entity its span names, when one does."""
    if not quote.speaker_canonical:
        return quote
    canonical = mapping.get(quote.speaker_canonical, quote.speaker_canonical)
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for e in entities.near(quote.speaker_start, quote.speaker_end):
            overlaps = e.start < quote.speaker_end and quote.speaker_start < e.end
            covers = e.start <= quote.speaker_start and quote.speaker_end <= e.end
            if e.canonical and ((overlaps and e.label == "PER") or (covers and e.label != "LOC")):
                # The quote's own resolution may be the fuller name ("Guo" -> "Guo Jiakun").
                if not runs_inside(name_key(e.canonical).split(), name_key(canonical).split()):
                    canonical = e.canonical
                break
    else:
        # A speaker resolved from earlier text ("ujarnya"): the article's entity of that name.
        canonical = entities.people.get(name_key(canonical), canonical)
    return msgspec.structs.replace(quote, speaker_canonical=canonical)


class _Entities:
    """An article's entities in text order, found near an offset by bisect, and its people by folded name."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.entities]
        self.longest = max((e.end - e.start for e in self.entities), default=0)
        self.people = {name_key(e.canonical): e.canonical for e in self.entities if e.canonical and e.label == "PER"}

    def near(self, start: int, end: int) -> list[Entity]:
        """The entities that may overlap ``[start, end)``, in text order."""
        return self.entities[bisect_left(self.starts, start - self.longest) : bisect_left(self.starts, end)]


def with_speakers(article: Article) -> Article:
    """Add the people the quotes stage found speaking where the model tagged nothing.

    "Juru Bicara Kementerian Luar Negeri China, Guo Jiakun, mengatakan …" is strong evidence
    that Guo Jiakun is a person even when the statistical model missed the name.
    """
    added = []
    known = SpanIndex([(e.start, e.end) for e in article.entities])
    for q in article.quotes:
        if q.speaker_kind != "person" or q.speaker_start is None or q.speaker_end is None or not q.speaker_canonical:
            continue
        surface = article.text[q.speaker_start : q.speaker_end]
        if not set(name_key(surface).split()) & set(name_key(q.speaker_canonical).split()):
            continue  # a pronoun ("Ia") that the quotes stage resolved: not a name in the text
        if not surface[:1].isupper() or known.overlaps(q.speaker_start, q.speaker_end):
            continue
        added.append(Entity(q.speaker_start, q.speaker_end, "PER", q.speaker_canonical))
    if not added:
        return article
    entities = tuple(sorted({*article.entities, *added}, key=lambda e: (e.start, e.end, e.label, e.canonical or "")))
    return msgspec.structs.replace(article, entities=entities)


class NameCounts(NamedTuple):
    """What linking names reads of a pile: each canonical form's articles, the mentions of each
    (form, label), and the names each bare acronym is written out as. Counts of parts of a pile
    add up (:meth:`merged`) to the whole's, in any order."""

    usage: Counter[str]
    votes: Counter[tuple[str, str]]
    expansions: dict[str, set[str]]

    def merged(self, other: NameCounts) -> NameCounts:
        """The counts of both piles."""
        usage, votes = Counter(self.usage), Counter(self.votes)
        usage.update(other.usage)
        votes.update(other.votes)
        expansions = {k: set(v) for k, v in self.expansions.items()}
        for acronym, forms in other.expansions.items():
            expansions.setdefault(acronym, set()).update(forms)
        return NameCounts(usage, votes, expansions)


def name_counts(articles: Iterable[Article]) -> NameCounts:
    """The :class:`NameCounts` of ``articles``."""
    usage: Counter[str] = Counter()  # canonical form -> articles using it
    votes: Counter[tuple[str, str]] = Counter()  # (canonical form, label) -> mentions
    # An acronym one article defines ("Direktorat Jenderal Intelijen (GUR)") and another uses bare.
    expansions: dict[str, set[str]] = {}
    for article in articles:
        usage.update({e.canonical for e in article.entities if e.canonical})
        votes.update((e.canonical, e.label) for e in article.entities if e.canonical)
        for e in article.entities:
            surface = article.text[e.start : e.end]
            if e.canonical and surface.isupper() and e.canonical != surface and len(surface) <= 10:
                expansions.setdefault(surface, set()).add(e.canonical)
    return NameCounts(usage, votes, expansions)


def _with_known(counts: NameCounts, known: Mapping[str, tuple[str, int]]) -> tuple[Counter[str], dict[str, str]]:
    """Each form's articles and its label (the one most of its mentions carry; ties by name, so no
    dependence on article order), counting ``known`` forms (label, articles) as well."""
    usage, votes = Counter(counts.usage), Counter(counts.votes)
    for form, (label, count) in known.items():
        usage[form] += count
        votes[(form, label)] += count
    labels: dict[str, str] = {}
    for (form, label), _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        labels.setdefault(form, label)
    return usage, labels


def name_usage(
    articles: Sequence[Article], known: Mapping[str, tuple[str, int]] | None = None
) -> tuple[Counter[str], dict[str, str]]:
    """Each canonical form's articles and its label (the one most of its mentions carry; ties by
    name, so no dependence on article order), counting ``known`` forms (label, articles) as well."""
    return _with_known(name_counts(articles), known or {})


#: What a name already known to a store weighs against the forms of new articles: it always wins,
#: so the articles of a store keep their names as new ones come.
_KNOWN = 10**9


def link_entities(articles: list[Article], known: Mapping[str, tuple[str, int]] | None = None) -> list[Article]:
    """Return the articles with entity and speaker canonical names unified across the corpus.

    ``known`` holds names already given to other articles (canonical form -> its label and the
    articles using it), as a store's index keeps them: a new form that is one of them by the rules
    above takes that name, and a known name is never renamed.
    """
    articles = [with_speakers(a) for a in articles]
    mapping = name_mapping(name_counts(articles), known)
    return [renamed(a, mapping) for a in articles]


def name_mapping(counts: NameCounts, known: Mapping[str, tuple[str, int]] | None = None) -> dict[str, str]:
    """The name each canonical form of a pile (its :class:`NameCounts`, taken after
    :func:`with_speakers`) is given, by the rules of :func:`link_entities`: only the forms that
    change."""
    usage, labels = _with_known(counts, {form: (label, _KNOWN + n) for form, (label, n) in (known or {}).items()})
    defined = {acronym: next(iter(forms)) for acronym, forms in counts.expansions.items() if len(forms) == 1}
    by_key: dict[str, list[str]] = {}
    for form in usage:
        by_key.setdefault(name_key(form), []).append(form)
    # One representative per folded key: the form most articles write, then the longest.
    # Ties go to the spelling itself, so the names do not depend on the order articles come in.
    representative = {key: max(forms, key=lambda f: (usage[f], len(f), f)) for key, forms in by_key.items()}
    people = sorted(k for k in representative if labels.get(representative[k]) == "PER")
    # Candidates share a word (at the same place, for spellings): never every person with every other.
    by_word: dict[str, list[int]] = defaultdict(list)
    by_place: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for i, key in enumerate(people):
        words = key.split()
        for place, word in enumerate(words):
            by_place[len(words), place, word].append(i)
        for word in dict.fromkeys(words):
            by_word[word].append(i)
    # Spelling variants of one person: the keys join the variant most articles use.
    for key in sorted(people, key=lambda k: (-usage[representative[k]], k)):
        words = key.split()
        candidates = sorted({i for place, word in enumerate(words) for i in by_place[len(words), place, word]})
        for other in (people[i] for i in candidates):
            if other != key and _same_spelling(words, other.split()):
                winner = max((key, other), key=lambda k: (usage[representative[k]], len(k), k))
                representative[key] = representative[other] = representative[winner]
    mapping: dict[str, str] = {}
    for key, rep in representative.items():
        tokens = key.split()
        target = rep
        if labels.get(rep) == "PER" and tokens and len(tokens) <= 2:
            longer = [people[i] for i in by_word[tokens[0]] if runs_inside(tokens, people[i].split())]
            longer = [k for k in longer if not any(runs_inside(k.split(), o.split()) for o in longer)]
            if len(longer) == 1:  # "Jong Un" -> "Kim Jong Un"; never when two people could own it
                target = representative[longer[0]]
        target = defined.get(target, target)
        mapping.update({form: target for form in by_key[key] if form != target})
    return mapping


def renamed(article: Article, mapping: Mapping[str, str]) -> Article:
    """``article`` with its entities and quote speakers under the names ``mapping`` gives
    (:func:`name_mapping`; a form it does not hold keeps its name)."""
    entities = tuple(
        msgspec.structs.replace(e, canonical=mapping.get(e.canonical, e.canonical)) if e.canonical else e
        for e in article.entities
    )
    found = _Entities(entities)
    quotes = tuple(_align_speaker(q, found, mapping) for q in article.quotes)
    return msgspec.structs.replace(article, entities=entities, quotes=quotes)
