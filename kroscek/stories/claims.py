"""Claims: comparable facts from several articles of a story, and whether they agree.

Two kinds of fact are aligned (the comparability rules are data in ``lang/<code>/claims.py``):

- **Figures**: quantities whose counted nouns share a class ("tentara", "pasukan", "warga …
  dikirim" are counts of people) and unit, across the story. Figures that are part of another
  ("termasuk 500 perwira") and orders of magnitude ("ribuan") are left out. Each value carries
  its source (the speaker of the quote it sits in, else the outlet it was cited from) and its
  as-of date (the article's day).
- **Dated statements**: the day an actor made a statement, inside one event: a quote with a
  date ("…," bunyi pernyataan …, dilaporkan KCNA, Minggu (27/4/2025)) or a sentence where a
  country is followed by an announcing verb and a day is given ("Pada hari Senin, Korea Utara …
  mengonfirmasi"). State media speak for their state.

Status, as DESIGN.md defines it: **agree** (one value); **update** (one source, one figure per
day, changing over time); **differ** (figures from different sources, or several figures of one
source on one day such as "8.000 of the 10.000": estimates, not contradictions); **conflict**
(one statement, two dates).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from types import ModuleType

from kroscek.annotate.entities import canonical_alias
from kroscek.lang import language_module
from kroscek.lang.xx import agencies
from kroscek.model import Article, Claim, ClaimValue, Entity, Quantity, SpanIndex, sentence_at
from kroscek.stories.grouping import reference_day
from kroscek.stories.groups import connected_groups

__all__ = ["find_claims", "state_voice"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@cache
def _data(lang: str) -> ModuleType | None:
    try:
        return language_module(lang, "claims")
    except ModuleNotFoundError:
        return None


@cache
def _state_media() -> re.Pattern[str]:
    names = sorted(agencies.STATE_MEDIA, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)


@cache
def _state_of() -> dict[str, str]:
    return {name.lower(): country for name, country in agencies.STATE_MEDIA.items()}


def _noun_class(quantity: Quantity, data: ModuleType) -> str | None:
    """The class of what is counted: a listed class, or a measured noun ("Rp … anggaran")."""
    if not quantity.noun:
        return None
    head = quantity.noun.split()[0].lower()
    if head in data.NOUN_CLASSES:
        return str(data.NOUN_CLASSES[head])
    return head if quantity.unit else None


class _Layers:
    """An article's quotes and named entities, found by offset with bisect (not one scan per figure)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.quotes = sorted(article.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        self.named = sorted((e for e in article.entities if e.canonical), key=lambda e: e.start)
        self.named_starts = [e.start for e in self.named]

    def source(self, start: int) -> str | None:
        """Who the figure at ``start`` is attributed to: the speaker (or cited outlet) of the quote around it."""
        i = bisect_right(self.quote_starts, start)
        for q in reversed(self.quotes[max(0, i - 4) : i]):  # quotes seldom nest: the nearest few
            if start < q.end:
                name = q.speaker_canonical or q.cited_from
                return canonical_alias(name) or name if name else None
        return None

    def context(self, start: int, end: int, skip: tuple[int, int], stop: frozenset[str]) -> frozenset[str]:
        """What a figure's sentence is about: its content words and canonical entities, not the figure."""
        article = self.article
        text = article.text[start : skip[0]] + " " + article.text[skip[1] : end]
        named = self.named[bisect_left(self.named_starts, start) : bisect_left(self.named_starts, end)]
        in_names = {
            w.lower() for e in named for w in _CONTEXT_WORD.findall(f"{e.canonical} {article.text[e.start : e.end]}")
        }
        words = {w.lower() for w in _CONTEXT_WORD.findall(text)} - stop - in_names
        return frozenset(words | {f"@{e.canonical}" for e in named})


_CONTEXT_WORD = re.compile(r"[^\W\d_]{4,}")


def _figures(article: Article, data: ModuleType) -> list[tuple[str, ClaimValue, frozenset[str]]]:
    out = []
    previous_class: str | None = None
    previous_sentence = -1
    day = reference_day(article)
    layers = _Layers(article)
    for quantity in article.quantities:
        if quantity.value is None or quantity.part_of is not None:
            continue
        sentence = sentence_at(article.sentences, quantity.start)
        at = sentence.start if sentence else -1
        kind = _noun_class(quantity, data)
        if kind is None and at == previous_sentence:
            kind = previous_class  # "3.000 warga … dan sekitar 10.000 diperkirakan …"
        previous_class, previous_sentence = kind, at
        hedge = (quantity.hedge or "").lower()
        if kind is None or hedge in data.VAGUE or sentence is None or quantity.unit in data.DURATION_UNITS:
            continue
        about = f"{kind} ({quantity.unit})" if quantity.unit else kind
        value = ClaimValue(
            value=quantity.value,
            article_id=article.id,
            start=quantity.start,
            end=quantity.end,
            source=layers.source(quantity.start),
            outlet=article.outlet,
            date=day.isoformat() if day else None,
        )
        context = layers.context(sentence.start, sentence.end, (quantity.start, quantity.end), data.CONTEXT_STOP)
        out.append((about, value, context))
    return out


#: Share of the smaller context two figures must have in common (and at least two words or
#: names) to count the same thing; figures in one sentence always do.
SAME_FACT = 0.3
#: A context word shared by more figures than this links none (too common in the story).
_CROWDED = 200


def _facts(figures: list[tuple[ClaimValue, frozenset[str]]]) -> list[list[int]]:
    """Group figures of one class into facts: linked by shared context, candidates by word."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, (_, context) in enumerate(figures):
        for word in context:
            by_word[word].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in by_word.values():
        if len(members) <= _CROWDED:
            shared.update((a, b) for x, a in enumerate(members) for b in members[x + 1 :])
    links = []
    for (a, b), n in shared.items():
        (va, ca), (vb, cb) = figures[a], figures[b]
        same_sentence = va.article_id == vb.article_id and ca == cb
        if same_sentence or (n >= 2 and n >= SAME_FACT * min(len(ca), len(cb))):
            links.append((a, b))
    return connected_groups(len(figures), links)


def _topic(contexts: list[frozenset[str]]) -> str:
    """The words most of a fact's figures share, for its ``about``."""
    counts = Counter(w for c in contexts for w in c)
    # Ties go to the alphabet, never to set order (which changes with PYTHONHASHSEED).
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
    common = [w.lstrip("@") for w, n in ranked if n > 1]
    return ", ".join(common)


def state_voice(text: str) -> str | None:
    """The state whose state media ``text`` names ("Korean Central News Agency (KCNA)")."""
    found = _state_media().search(text)
    return _state_of()[found.group().lower()] if found else None


def _voice(name: str | None, countries: frozenset[str]) -> str | None:
    """The state a speaker or reporting agency speaks for, when it is one."""
    if not name:
        return None
    if name in countries:
        return name
    return state_voice(name)


def _statements(article: Article, data: ModuleType) -> list[tuple[str, ClaimValue]]:
    countries = frozenset(e.canonical for e in article.entities if e.label == "GPE" and e.canonical)
    out = []
    for q in article.quotes:
        if not (q.date and _DAY.match(q.date)):
            continue
        actor = _voice(q.speaker_canonical, countries) or _voice(q.cited_from, countries)
        if actor:
            out.append((actor, ClaimValue(q.date[:10], article.id, q.start, q.end, actor, article.outlet, q.date[:10])))
    announce = re.compile(r"\b(?:" + "|".join(map(re.escape, data.ANNOUNCE)) + r")\b", re.IGNORECASE)
    # Each date and country placed in its sentence once (bisect), never every one per sentence.
    sentences = article.sentences
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < sentences[i].end else -1

    days_in: dict[int, set[str]] = defaultdict(set)
    for d in article.dates:
        if d.value and d.grain == "day" and _DAY.match(d.value):
            days_in[sentence_of(d.start)].add(d.value)
    countries_in: dict[int, list[Entity]] = defaultdict(list)
    for e in article.entities:
        if e.label == "GPE":
            countries_in[sentence_of(e.start)].append(e)
    quoted = SpanIndex([(q.start, q.end) for q in article.quotes])
    for i, sentence in enumerate(sentences):
        days = days_in.get(i, set())
        if len(days) != 1:
            continue  # no day, or several: which one the statement has is not clear
        here = countries_in.get(i, [])
        for e in here:
            if not e.canonical:
                continue
            verb = announce.search(article.text, e.end, min(sentence.end, e.end + 60))
            other = any(e.end <= o.start < (verb.start() if verb else 0) for o in here)
            if verb and not other and not quoted.covers(e.start):
                value = next(iter(days))[:10]
                out.append(
                    (
                        str(e.canonical),
                        ClaimValue(value, article.id, sentence.start, sentence.end, e.canonical, article.outlet, value),
                    )
                )
                break
    return out


def _figure_status(values: list[ClaimValue]) -> tuple[str, str]:
    """Figures are estimates: they agree, differ, or one source updates its own figure."""
    distinct = {v.value for v in values}
    if len(distinct) == 1:
        return "agree", f"{len(values)} mentions give the same figure"
    sources = sorted({v.source for v in values if v.source})
    dates = sorted({v.date for v in values if v.date})
    one_source = len(sources) == 1 and all(v.source for v in values)
    if one_source and len(dates) > 1 and all(len({v.value for v in values if v.date == d}) == 1 for d in dates):
        return "update", f"{sources[0]} revised its own figure between {dates[0]} and {dates[-1]}"
    span = f"as of {dates[0]} to {dates[-1]}" if len(dates) > 1 else (f"as of {dates[0]}" if dates else "")
    named = ", ".join(sources) + (" and unattributed" if any(v.source is None for v in values) else "")
    return "differ", f"{len(distinct)} figures from {named or 'unattributed reports'} {span}".strip()


def find_claims(articles: Sequence[Article], event_of: dict[str, str]) -> list[Claim]:
    """Return the claims among ``articles`` (one story); ``event_of`` maps article id to event id."""
    figures: dict[str, list[tuple[ClaimValue, frozenset[str]]]] = defaultdict(list)
    statements: dict[tuple[str, str], list[ClaimValue]] = defaultdict(list)
    for article in articles:
        data = _data(article.language or "id") or _data("id")
        assert data is not None
        for about, value, context in _figures(article, data):
            figures[about].append((value, context))
        for actor, value in _statements(article, data):
            statements[(event_of.get(article.id, ""), actor)].append(value)
    claims = []
    for about, found in sorted(figures.items()):
        for members in _facts(found):
            values = [found[i][0] for i in sorted(members)]
            if len({v.article_id for v in values}) < 2:
                continue
            status, reason = _figure_status(values)
            topic = _topic([found[i][1] for i in members])
            label = f"jumlah {about}" + (f": {topic}" if topic else "")
            claims.append(Claim(about=label, status=status, reason=reason, values=tuple(values)))  # type: ignore[arg-type]
    for (_, actor), values in sorted(statements.items()):
        if len({v.article_id for v in values}) < 2:
            continue
        days = sorted({str(v.value) for v in values})
        if len(days) == 1:
            status, reason = "agree", f"every article dates {actor}'s statement {days[0]}"
        else:
            status, reason = "conflict", f"one statement by {actor}, dated {' and '.join(days)} by different articles"
        claims.append(Claim(about=f"tanggal pernyataan {actor}", status=status, reason=reason, values=tuple(values)))  # type: ignore[arg-type]
    return claims
