"""Claims: the facts several articles of a story state, and whether they agree.

A fact is one quantity of one thing: "the number of suspects in the fire cases", "the fine in
the verdict", "the day KPU revoked its decree". Every figure counts (money, percentages, counts,
durations such as prison terms, measures; kinds by unit or counted-noun class, the classes data
in ``lang/<code>/claims.py``) and every day a text gives for a happening (never a day resolved
from the publish date, such as "kemarin"). A mention is described by its **role words**: the
content words next to it in its sentence, its counted noun, and the canonical names there
("denda", "tersangka", "@Korea Utara"). Mentions whose role words match are one fact (see
:func:`_facts`: stricter for two different values than for one); each value carries its source
(the speaker of the quote it sits in, else the outlet it was cited from) and its as-of date (the
article's day). Dated statements of states are kept as before: a quote with a date ("…," bunyi
pernyataan …, dilaporkan KCNA, Minggu (27/4/2025)) or a country followed by an announcing verb
and a day; state media speak for their state.

Status, as DESIGN.md defines it: **agree** (one value, or values within rounding); **update**
(one source, one figure per day, changing over time); **differ** (figures from different sources
or as of different days: estimates, not contradictions); **conflict** (one happening or
statement, two days).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from types import ModuleType
from typing import NamedTuple

from kroscek.annotate.entities import canonical_alias
from kroscek.lang import data_language, language_module
from kroscek.lang.xx import agencies
from kroscek.model import (
    Article,
    Claim,
    ClaimValue,
    Duplicate,
    Entity,
    Quantity,
    Quote,
    Sentence,
    SetAside,
    SpanIndex,
    sentence_at,
)
from kroscek.stories.duplicates import same_report
from kroscek.stories.groups import connected_groups

__all__ = ["find_claims", "state_voice"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@cache
def _state_media() -> re.Pattern[str]:
    names = sorted(agencies.STATE_MEDIA, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)


@cache
def _state_of() -> dict[str, str]:
    return {name.lower(): country for name, country in agencies.STATE_MEDIA.items()}


def _noun_class(quantity: Quantity, data: ModuleType) -> str | None:
    """The class of what is counted: a listed class ("tentara", "warga" are "orang"), else the
    counted noun's head word itself ("tersangka", "perusahaan")."""
    if not quantity.noun:
        return None
    head = quantity.noun.split()[0].lower()
    return str(data.NOUN_CLASSES.get(head, head))


def _proper(phrase: str) -> bool:
    """A proper name, not a clause: an acronym ("KPI"), or two to eight words each capitalised
    ("Menteri Sosial Saifullah Yusuf (Gus Ipul)")."""
    words = [w.strip("()") for w in phrase.split()]
    if len(words) == 1:
        return len(words[0]) >= 2 and words[0].isupper()
    return 2 <= len(words) <= 8 and all(w[:1].isupper() for w in words)


class _Layers:
    """An article's quotes and named entities, found by offset with bisect (not one scan per figure)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.quotes = sorted(article.quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        self.named = sorted((e for e in article.entities if e.canonical), key=lambda e: e.start)
        self.named_starts = [e.start for e in self.named]
        self.named_by_end = sorted(self.named, key=lambda e: e.end)
        self.named_ends = [e.end for e in self.named_by_end]
        self.canonicals = frozenset(e.canonical for e in self.named)

    def source(self, start: int) -> str | None:
        """Who the figure at ``start`` is attributed to: the speaker of the quote around it, as a name
        the text gives (the person, organisation or place the entities layer found in the speaker
        phrase — the whole phrase when it is a body of it, "intelijen Korea Selatan" — or a name it
        gives elsewhere in the article or the language data knows, "AS"), else the outlet the quote
        was cited from. A speaker phrase
        that names no one ("Pagi", "Artinya", "laporan") is no source."""
        i = bisect_right(self.quote_starts, start)
        for q in reversed(self.quotes[max(0, i - 4) : i]):  # quotes seldom nest: the nearest few
            if start < q.end:
                cited = q.cited_from if q.cited_from and not any(c.isdigit() for c in q.cited_from) else None
                name = self._named(q) or cited  # an outlet, never a date read as one
                return canonical_alias(name) or name if name else None
        return None

    def _named(self, quote: Quote) -> str | None:
        if quote.speaker_start is not None and quote.speaker_end is not None:
            lo = bisect_left(self.named_ends, quote.speaker_start + 1)
            # Entities ending inside or after the phrase, in end order: the first few are those in it.
            window = self.named_by_end[lo : lo + 8]
            inside = [e for e in window if quote.speaker_start <= e.start and e.end <= quote.speaker_end]
            phrase = quote.speaker_canonical or ""
            if inside:
                if phrase[:1].islower() or _proper(phrase):  # "intelijen Korea Selatan", "Bimo Adi Nursanthyasto"
                    return phrase
                return max(inside, key=lambda e: (e.end - e.start, -e.start)).canonical
        name = quote.speaker_canonical
        if not name:
            return None
        known = canonical_alias(name)  # "AS", "Korut": a name the language data knows
        if known or name in self.canonicals:
            return known or name
        # A proper name of two words or more the entities layer missed ("Luh Suastini"); one
        # capitalised word alone is as likely a sentence opener ("Artinya", "Tercatat").
        return name if _proper(name) else None

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


class _Mention(NamedTuple):
    """A figure or a dated happening in one article, with what it is about."""

    kind: str  # what it measures: a unit ("IDR", "%", "yr"), a counted class ("orang"), "date" or "time"
    value: ClaimValue
    near: frozenset[str]  # content words next to it in its sentence (the role words: "denda", "tersangka")
    context: frozenset[str]  # its sentence's content words and canonical names
    event: str  # the article's event: days are compared inside one happening only
    copies: str  # the article's copy group (itself when it has none): copies never diverge
    # Why it is compared only where articles agree, if it is: a limit ("denda paling banyak Rp 1
    # miliar", "di bawah 3%": many values keep it) or a day the outlet itself acted on.
    agree_only: str | None = None


#: Words on each side of a figure, inside its sentence, that say what it is.
NEAR_WORDS = 6
_WORD = re.compile(r"[^\W\d_]{3,}")


def _near(layers: _Layers, start: int, end: int, sentence: Sentence, stop: frozenset[str]) -> frozenset[str]:
    """The role words of the figure at ``start:end``: up to ``NEAR_WORDS`` content words on each
    side inside its sentence, a named entity counted once by its canonical name ("Korut" and
    "Korea Utara" are one word here)."""
    text = layers.article.text
    before = list(_WORD.finditer(text, sentence.start, start))[-NEAR_WORDS:]
    after = list(_WORD.finditer(text, end, sentence.end))[:NEAR_WORDS]
    words = before + after
    if not words:
        return frozenset()
    low, high = words[0].start(), words[-1].end()
    named = layers.named[bisect_left(layers.named_starts, low) : bisect_left(layers.named_starts, high)]
    spans = [(e.start, e.end) for e in named]
    plain = {w.group().lower() for w in words if not any(s <= w.start() < e for s, e in spans)}
    return frozenset((plain - stop) | {f"@{e.canonical}" for e in named})


def _mentions(article: Article, data: ModuleType, event: str, day: dt.date | None, copies: str = "") -> list[_Mention]:
    """The article's figures (every unit and counted class, durations included) and happening days;
    ``day`` is the article's reference day (their as-of date)."""
    out = []
    as_of = day.isoformat() if day else None
    layers = _Layers(article)
    previous_class: str | None = None
    previous_sentence = -1
    places: list[tuple[int, int, str, float | str, frozenset[str], bool]] = []
    for quantity in article.quantities:
        if quantity.value is None or quantity.part_of is not None:
            continue
        sentence = sentence_at(article.sentences, quantity.start)
        at = sentence.start if sentence else -1
        kind = quantity.unit or _noun_class(quantity, data)
        if kind is None and at == previous_sentence:
            kind = previous_class  # "3.000 warga … dan sekitar 10.000 diperkirakan …"
        previous_class, previous_sentence = kind, at
        if kind is None or (quantity.hedge or "").lower() in data.VAGUE:
            continue
        noun = frozenset(w.lower() for w in _WORD.findall(quantity.noun or "")) - data.CONTEXT_STOP
        places.append((quantity.start, quantity.end, kind, quantity.value, noun, _limit(article.text, quantity, data)))
    dated = [(m.start, m.end) for m in article.dates]
    for low, high, head, nth in _positions(article.text, data):
        if not any(s < high and low < e for s, e in dated):  # "kuartal pertama 2008" is a date
            places.append((low, high, f"#{head}", float(nth), frozenset({head}), False))
    for mention in article.dates:
        # A day counted from the publish date ("kemarin", "Senin lalu") is only as right as that
        # date: never compared. A date written with its day and month ("Senin (20/10)") is, its
        # year taken from the article.
        if mention.day_assumed or (
            mention.relative and not any(c.isdigit() for c in article.text[mention.start : mention.end])
        ):
            continue
        if mention.value and mention.grain in ("day", "time") and _DAY.match(mention.value):
            places.append((mention.start, mention.end, "date", mention.value[:10], frozenset(), False))
        elif mention.value and mention.grain in ("month", "year") and not mention.end_value:
            # "sejak 2022", "Maret 2025": compared only where articles agree (a month or a year
            # names many happenings; two of them are no contradiction).
            places.append((mention.start, mention.end, mention.grain, mention.value, frozenset(), False))
        if mention.clock:  # "pukul 13.30 WIB": the hour of a happening
            places.append((mention.start, mention.end, "time", mention.clock[:5], frozenset(), False))
    for start, end, kind, value, noun, limit in places:
        sentence = sentence_at(article.sentences, start)
        if sentence is None:
            continue
        own = kind == "date" and _own_day(article.text, sentence.start, start, str(value), day, data)
        agree_only = _LIMIT if limit else (_OWN_DAY if own else None)
        near = _near(layers, start, end, sentence, data.CONTEXT_STOP) | noun  # the counted noun is a role word
        context = layers.context(sentence.start, sentence.end, (start, end), data.CONTEXT_STOP)
        source = layers.source(start)
        out.append(
            _Mention(
                kind,
                ClaimValue(value, article.id, start, end, source, article.outlet, as_of),
                near,
                context,
                event,
                copies or article.id,
                agree_only,
            )
        )
    return out


#: Days from an article's reference day within which a cued date is the outlet's own day.
OWN_DAY = 1
#: Words before a date that may name the outlet's own act or its "today".
_CUE_WORDS = 3


@cache
def _position_patterns(data: ModuleType) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """An ordinal ("ke-119", "ketiga") to look behind for its noun, and a position noun with a
    plain number after it ("lantai 4", "lantai empat"); None where the language gives none."""
    words = "|".join(re.escape(w) for w in sorted(data.ORDINAL_WORDS, key=len, reverse=True))
    either = [p for p in (data.ORDINAL_NUMBER, f"(?P<word>{words})" if words else "") if p]
    cardinal = "|".join(sorted(map(re.escape, data.SMALL_NUMBERS), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, data.POSITION_NOUNS), key=len, reverse=True))
    first = re.compile(rf"\b(?:{'|'.join(either)})\b(?![.,]?\d)") if either else None
    second = re.compile(rf"\b(?P<noun>{nouns})\s+(?P<plain>\d{{1,3}}|{cardinal})\b(?![.,]?\d)") if nouns else None
    return first, second


_NOUN_BEFORE = re.compile(r"([^\W\d_]{3,})\s+$")


def _positions(text: str, data: ModuleType) -> list[tuple[int, int, str, int]]:
    """Positions in a row ("urutan ke-119", "tangkap tangan ketiga", "lantai empat", "menit 55"):
    (start, end, noun, value). A plain number is a position only after a position noun; "ke-N"
    and an ordinal word after any content word."""
    ordinals, plain = _position_patterns(data)
    if ordinals is None and plain is None:
        return []
    low = text.lower()  # the patterns are lower-case (faster than matching without case)
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep the offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    text = low
    out = []
    for match in ordinals.finditer(text) if ordinals else ():
        before = _NOUN_BEFORE.search(text, max(0, match.start() - 40), match.start())
        noun = before.group(1) if before else ""
        if not noun or noun in data.CONTEXT_STOP:
            continue
        found = match.groupdict()
        value = int(found["nth"]) if found.get("nth") else data.ORDINAL_WORDS[found["word"]]
        if value > 0:
            out.append((match.start(), match.end(), noun, value))
    for match in plain.finditer(text) if plain else ():
        number = match["plain"]
        value = int(number) if number.isdigit() else int(data.SMALL_NUMBERS[number])
        if value > 0:
            out.append((match.start("plain"), match.end(), match["noun"], value))
    return sorted(out)


def _limit(text: str, quantity: Quantity, data: ModuleType) -> bool:
    """A figure that bounds a quantity rather than measures it: a limit hedge ("paling banyak",
    "di bawah") or a limit noun just before it ("batas 3%", "pagu Rp 5 triliun")."""
    if (quantity.hedge or "").lower() in data.LIMIT_HEDGES:
        return True
    before = _WORD.findall(text, max(0, quantity.start - 40), quantity.start)
    return bool(before) and before[-1].lower() in data.LIMIT_NOUNS


def _own_day(text: str, low: int, start: int, value: str, day: dt.date | None, data: ModuleType) -> bool:
    """A date that names the outlet's own act, not a happening: a reporting word just before it
    ("rilis yang dikutip, Senin (20/10)", "cuaca besok, Selasa, 21 Oktober") and the day itself
    within ``OWN_DAY`` of the article's reference day. Two outlets read a release or forecast on
    different days; their days are no contradiction."""
    if day is None or not _DAY.match(value) or _days_apart(value, day.isoformat()) > OWN_DAY:
        return False
    before = " ".join(w.lower() for w in _WORD.findall(text, low, start)[-_CUE_WORDS:])
    return bool(_own_day_cues(data).search(before))


@cache
def _own_day_cues(data: ModuleType) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, data.OWN_DAY_CUES))})\b")


#: Share of the smaller set of role words two figures of one value must share to be one fact;
#: figures of different values must share ``SAME_FACT_APART`` and at least two role words (a
#: false divergence is the worst error: the bar is higher).
SAME_FACT = 0.25
SAME_FACT_APART = 0.75
SHARED_APART = 3
#: Two estimates of one quantity seldom lie further apart than this; further apart, two figures
#: are two things (or one was misread: "Rp 4.500" beside "Rp 1 miliar").
APART_RATIO = 5.0
#: Kinds that say when something happened (one true value each), and what each gives.
_WHEN = {"date": "day", "time": "hour"}
#: Periods compared only where they agree.
_PERIODS = {"month": "month", "year": "year"}
#: Days two articles may disagree on when one happening took place (more: two happenings).
DATE_SLIP = 7
#: A role word shared by more figures than this proposes no pairs (too common in the story).
_CROWDED = 40

#: Why two figures that look like one fact were not compared (shown to the reader).
_LIMIT = "a limit (at most, at least, below, a ceiling) is compared only with the same limit"
_OWN_DAY = "the day an outlet itself read, quoted or forecast for, not the day of a happening"


def _days_apart(a: object, b: object) -> int:
    return abs((dt.date.fromisoformat(str(a)) - dt.date.fromisoformat(str(b))).days)


def _within(a: object, b: object, ratio: float) -> bool:
    """Two numbers at most ``ratio`` times apart (days and hours: always)."""
    if not (isinstance(a, int | float) and isinstance(b, int | float)):
        return True
    low, high = sorted((abs(a), abs(b)))
    return low > 0 and high <= ratio * low


def _copies(a: _Mention, b: _Mention) -> bool:
    """Mentions in two articles of one copy group (an article and its re-run)."""
    return a.value.article_id != b.value.article_id and a.copies == b.copies


def _share(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    n = len(a & b)
    return n, n / min(len(a), len(b)) if a and b else 0.0


def _facts(mentions: list[_Mention]) -> tuple[list[list[int]], list[tuple[int, int, str]]]:
    """Group mentions of one kind into facts: what two articles (or two sources) say of one thing.

    Candidates are pairs that share a role word (an inverted index, never all pairs). A pair of
    one value is one fact when they share ``SAME_FACT`` of their role words; a pair of two values
    when they share ``SAME_FACT_APART`` of them and at least ``SHARED_APART``, inside one event
    (a false divergence is the worst error: the bar is higher). Days are compared inside one
    event and at most ``DATE_SLIP`` days apart. Pairs join strongest first; a join that would
    put two mentions of one article and one source in one fact is refused: an article's own
    figures differ only where it gives them to different sources ("12.000 dikirim …; menurut
    intelijen Korea Selatan, 3.000 …").

    Also returns the pairs set aside: two values that pass the bar of one fact but are not
    compared (a limit beside a measured value, an outlet's own day), with why, one pair per two
    facts.
    """
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for word in m.near:
            by_word[word].append(i)
        if m.kind in _WHEN or m.kind in _PERIODS:
            by_word[f"={m.value.value}"].append(i)  # one day, hour, month or year in two articles
    seen: set[tuple[int, int]] = set()
    links: list[tuple[float, int, int]] = []
    aside: list[tuple[int, int, str]] = []
    for members in by_word.values():
        if len(members) > _CROWDED:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = mentions[i], mentions[j]
                if (i, j) in seen or (a.value.article_id, a.value.source) == (b.value.article_id, b.value.source):
                    continue
                seen.add((i, j))
                n, share = _share(a.near, b.near)
                if (a.kind in _WHEN or a.kind in _PERIODS) and (
                    a.event != b.event or (a.kind == "date" and _days_apart(a.value.value, b.value.value) > DATE_SLIP)
                ):
                    continue
                if a.value.value == b.value.value:
                    # One day or hour in two reports of one event is one fact whatever words
                    # surround it; a month or a year needs its role words too.
                    if share >= SAME_FACT or a.kind in _WHEN:
                        links.append((1.0 + share, i, j))
                elif a.kind in _PERIODS or a.kind.startswith("#") or _copies(a, b):
                    # Months, years and positions are compared only where they agree; an article
                    # and its copy are one report: they add no weight and never diverge.
                    continue
                elif a.event == b.event and n >= SHARED_APART and share >= SAME_FACT_APART:
                    # Too far apart: two things (a list's items, a section number); nothing a
                    # reader expects compared. A limit or an outlet's own day looks like the
                    # fact itself: the reader is told why it was not compared.
                    if a.agree_only or b.agree_only:
                        aside.append((i, j, a.agree_only or b.agree_only or ""))
                    elif _within(a.value.value, b.value.value, APART_RATIO):
                        links.append((share, i, j))
    parent = list(range(len(mentions)))
    voices = [{(m.value.article_id, m.value.source)} for m in mentions]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        ri, rj = root(i), root(j)
        if ri == rj or voices[ri] & voices[rj]:
            continue
        parent[rj] = ri
        voices[ri] |= voices[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[root(i)].append(i)
    told: dict[tuple[int, int], tuple[int, int, str]] = {}
    for i, j, why in aside:
        ri, rj = sorted((root(i), root(j)))
        if ri != rj:
            told.setdefault((ri, rj), (i, j, why))
    return [members for members in groups.values() if len(members) > 1], sorted(told.values())


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


#: Figures this close (relative difference) are one figure written two ways (rounding).
ROUNDING = 0.01


def _figure_status(kind: str, values: list[ClaimValue]) -> tuple[str, str]:
    """One value: agree. A day of one happening has one true value: conflict. Figures are estimates:
    one source revising its own figure is an update; else they differ."""
    numbers = [v.value for v in values if isinstance(v.value, int | float)]
    distinct = {v.value for v in values}
    if len(distinct) == 1 or (
        len(numbers) == len(values) and max(numbers) - min(numbers) <= ROUNDING * max(abs(x) for x in numbers)
    ):
        return "agree", f"{len(values)} articles give the same {_WHEN.get(kind) or _PERIODS.get(kind, 'figure')}"
    if kind in _WHEN:
        when = " and ".join(sorted(str(v) for v in distinct))
        return "conflict", f"one happening, its {_WHEN[kind]} given as {when} by different articles"
    sources = sorted({v.source for v in values if v.source})
    dates = sorted({v.date for v in values if v.date})
    one_source = len(sources) == 1 and all(v.source for v in values)
    if one_source and len(dates) > 1 and all(len({v.value for v in values if v.date == d}) == 1 for d in dates):
        return "update", f"{sources[0]} revised its own figure between {dates[0]} and {dates[-1]}"
    span = f"as of {dates[0]} to {dates[-1]}" if len(dates) > 1 else (f"as of {dates[0]}" if dates else "")
    unattributed = any(v.source is None for v in values)
    named = ", ".join(sources) + (" and unattributed" if sources and unattributed else "")
    return "differ", f"{len(distinct)} figures from {named or 'unattributed reports'} {span}".strip()


def find_claims(
    articles: Sequence[Article],
    event_of: dict[str, str],
    days: Sequence[dt.date | None],
    copies: Sequence[Duplicate] = (),
) -> tuple[list[Claim], list[SetAside]]:
    """Return the claims among ``articles`` (one story) and the figures set aside (look like one
    fact, not compared, with why); ``event_of`` maps article id to event id, ``days`` are the
    articles' reference days (:func:`kroscek.stories.grouping.reference_day`), ``copies`` the
    story's copy links (a rewrite is a report of its own and is not one of them)."""
    row = {a.id: i for i, a in enumerate(articles)}
    links = [(row[d.a], row[d.b]) for d in copies if same_report(d.kind) and d.a in row and d.b in row]
    group_of = {articles[i].id: articles[g[0]].id for g in connected_groups(len(articles), links) for i in g}
    mentions: dict[str, list[_Mention]] = defaultdict(list)
    statements: dict[tuple[str, str], list[ClaimValue]] = defaultdict(list)
    data_of: dict[str, ModuleType] = {}
    for article, day in zip(articles, days, strict=True):
        data = data_of[article.id] = language_module(data_language(article.language), "claims")
        for mention in _mentions(article, data, event_of.get(article.id, ""), day, group_of[article.id]):
            mentions[mention.kind].append(mention)
        for actor, value in _statements(article, data):
            statements[(event_of.get(article.id, ""), actor)].append(value)
    claims: list[tuple[str, Claim]] = []  # (what it dates or counts, the claim)
    aside = []
    for kind, found in sorted(mentions.items()):
        facts, pairs = _facts(found)
        for members in facts:
            values = [found[i].value for i in sorted(members)]
            status, reason = _figure_status(kind, values)
            label = _label(kind, [found[i] for i in members], data_of)
            claims.append((kind, Claim(about=label, status=status, reason=reason, values=tuple(values))))  # type: ignore[arg-type]
        for i, j, why in pairs:
            pair = [found[i], found[j]]
            aside.append(SetAside(_label(kind, pair, data_of), why, (found[i].value, found[j].value)))
    for (_, actor), values in sorted(statements.items()):
        if len({v.article_id for v in values}) < 2:
            continue
        dated = sorted({str(v.value) for v in values})
        if len(dated) == 1:
            status, reason = "agree", f"every article dates {actor}'s statement {dated[0]}"
        else:
            status, reason = "conflict", f"one statement by {actor}, dated {' and '.join(dated)} by different articles"
        about = f"{data_of[values[0].article_id].LABELS['statement']} {actor}"
        claims.append(("statement", Claim(about=about, status=status, reason=reason, values=tuple(values))))  # type: ignore[arg-type]
    # A day that a dated statement already gives is not a second claim.
    stated = {(v.article_id, v.value) for kind, c in claims if kind == "statement" for v in c.values}
    kept = [c for kind, c in claims if kind != "date" or not all((v.article_id, v.value) in stated for v in c.values)]
    return kept, aside


def _label(kind: str, mentions: list[_Mention], data_of: dict[str, ModuleType]) -> str:
    """What a fact is about, in the language of its first report: its kind and the words its figures share."""
    labels = data_of[mentions[0].value.article_id].LABELS
    topic = _topic([m.near | m.context for m in mentions])
    if kind.startswith("#"):
        label = f"{labels['position']} ({kind[1:]})"
    elif kind in labels:
        label = labels[kind]
    else:
        label = f"{labels['figure']} ({kind})"
    return label + (f": {topic}" if topic else "")
