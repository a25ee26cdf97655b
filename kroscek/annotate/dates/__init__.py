"""The ``dates`` stage: date and time mentions, normalised against the publish date.

Two steps, kept apart so each can be tested alone:

1. **Find** (:func:`find_date_spans`): regular patterns built from the language's data
   (month and weekday names, day parts, relative words, range joiners, clock words and zones)
   propose candidate spans; the longest non-overlapping ones win. News forms come whole:
   "Senin (28/4/2025) pukul 14.30 WIB", "Pada Selasa (29 Oktober)", "18-19 Juni 2024",
   "Senin (5/8) malam hingga Selasa (6/8)", "Juni tahun lalu", "dua hari lalu".
2. **Resolve** (:func:`resolve`): each span gets an ISO value, a grain (year, month, day,
   time), an end for ranges, and ``relative`` when the publish date was needed. A missing
   year is taken from the publish date, checked against the weekday when one is written
   ("Selasa (29 Oktober)" in an April 2025 article is 2024-10-29, a Tuesday). A bare weekday
   is the publish day when it is that weekday, else the latest such day before it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

import msgspec

from kroscek.annotate.dates.find import find_date_spans
from kroscek.annotate.dates.grammar import DateSpan
from kroscek.annotate.dates.resolve import _YEAR_FROM_TEXT, anchor_of, resolve, text_anchor
from kroscek.lang import data_language, language_module
from kroscek.model import FIRST_YEAR, LAST_YEAR, Article, DateMention, Warning
from kroscek.pipeline import stage

__all__ = ["DateSpan", "anchor_of", "dates", "find_date_spans", "find_dates", "resolve", "text_anchor"]


def find_dates(
    text: str, published: str | None, language: str | None = "id", outside: list[DateMention] | None = None
) -> list[DateMention]:
    """Return the date mentions of ``text`` resolved against ``published``.

    When the text says which day its "today" is ("hari ini, Senin (20/10/2025)": a report written
    before midnight and published after it), relative words count from that day. Without a
    publish date, a day and month without a year take it from the latest date the
    text writes in full (the weekday, when written, decides); deictic words ("kemarin",
    "Senin lalu") stay unresolved. Mentions whose date lies outside the years allowed keep no
    value and are also added to ``outside`` when it is given.
    """
    anchor = anchor_of(published)
    spans = find_date_spans(text, language)
    anchor = _own_today(text, spans, anchor, language) or anchor
    fallback = anchor or text_anchor(spans, language)
    found: list[DateMention] = []
    pairs = _pairs_of(language)
    for span in spans:
        from_text = anchor is None and span.kind in _YEAR_FROM_TEXT
        r = resolve(span, fallback if from_text else anchor, language, written=from_text)
        mention = DateMention(span.start, span.end, r.value, r.end_value, r.grain, r.relative, r.modifier, r.clock)
        mention = msgspec.structs.replace(mention, as_written=r.as_written) if r.as_written else mention
        if r.outside and outside is not None:
            outside.append(mention)
        found.extend(_coordinated(text, mention, pairs))
    if anchor is not None:
        found = [
            _on_its_day(text, k, found, anchor.isoformat()) if m.value is None and m.clock else m
            for k, m in enumerate(found)
        ]
    return found


#: What may stand between "hari ini" and the date that says which day it is.
_TODAY_GAP = re.compile(r"^[\s,(]*$")


def _own_today(text: str, spans: list[DateSpan], anchor: date | None, language: str | None) -> date | None:
    """The day the text itself calls today: a "today" word next to a full date ("hari ini, Senin
    (20/10/2025)", "Senin (20/10/2025) hari ini"), within a day or two of the publish day."""
    if anchor is None:
        return None
    for k, span in enumerate(spans):
        if span.kind != "day_word" or resolve(span, anchor, language).value != anchor.isoformat():
            continue
        for other in (spans[k - 1] if k else None, spans[k + 1] if k + 1 < len(spans) else None):
            if other is None or other.kind != "point":
                continue
            gap = text[min(span.end, other.end) : max(span.start, other.start)]
            value = resolve(other, anchor, language).value or ""
            if _TODAY_GAP.match(gap) and len(value) == 10:
                day = date.fromisoformat(value)
                if 0 < abs((day - anchor).days) <= 2:
                    return day
    return None


class _Pairs(NamedTuple):
    """How a language writes two dates as a pair: the joining words, those of them that offer
    alternatives (never a range), and the words before a pair that make it a range."""

    joined: re.Pattern[str]
    alternatives: frozenset[str]
    opener: re.Pattern[str]


@cache
def _pairs_of(language: str | None) -> _Pairs:
    data = language_module(data_language(language), "dates")
    words = (*data.COORDINATORS, *data.ALTERNATIVES)
    return _Pairs(
        re.compile(rf"\s+(?P<w>{'|'.join(map(re.escape, words))})\s+", re.IGNORECASE),
        frozenset(data.ALTERNATIVES),
        re.compile(rf"\b(?:{'|'.join(map(re.escape, data.RANGE_OPENERS))})\s+$", re.IGNORECASE),
    )


#: What ends a sentence between a day and a clock time that cannot be its day.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _on_its_day(text: str, k: int, mentions: list[DateMention], anchor: str) -> DateMention:
    """A clock time with no day written on it (``mentions[k]``, "sekitar pukul 21.30 WIT") on the day
    it belongs to: the nearest day its sentence names, before it first, else the publish day."""
    clock = mentions[k]
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(mentions) and not _apart(text, mentions[j], clock):  # in the same sentence
            if _one_day(mentions[j]):
                day = str(mentions[j].value)[:10]
                return msgspec.structs.replace(clock, value=f"{day}T{clock.clock}", relative=True, day_assumed=True)
            j += step
    return msgspec.structs.replace(clock, value=f"{anchor}T{clock.clock}", relative=True, day_assumed=True)


def _one_day(mention: DateMention) -> bool:
    """A mention of one day (a date, or a date with its own clock time)."""
    return mention.grain in ("day", "time") and len(mention.value or "") >= 10 and mention.end_value is None


def _apart(text: str, a: DateMention, b: DateMention) -> bool:
    """Whether a sentence ends between the two mentions."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return _SENTENCE_END.search(text, first.end, second.start) is not None


def _coordinated(text: str, mention: DateMention, pairs: _Pairs) -> list[DateMention]:
    """Two dates joined by "dan" or "atau" are two dates, not a range: "3 dan 4 Mei 2025" gives 3 May
    and 4 May, "2019 dan 2024" two years; "antara 3 dan 5 Mei" stays the range it names."""
    if mention.grain not in ("day", "month", "year") or not mention.value or not mention.end_value or mention.clock:
        return [mention]
    joined = pairs.joined.search(text, mention.start, mention.end)
    if joined is None:
        return [mention]
    alternative = joined["w"].lower() in pairs.alternatives
    if not alternative and pairs.opener.search(text[max(0, mention.start - 20) : mention.start]):
        return [mention]
    first = msgspec.structs.replace(mention, end=joined.start(), end_value=None)
    second = msgspec.structs.replace(mention, start=joined.end(), value=mention.end_value, end_value=None)
    return [first, second]


@stage("dates", reads={"text", "published", "language", "warnings"}, writes={"dates", "warnings"})
def dates(article: Article) -> Article:
    """Return the article with its ``dates`` layer (and a warning per date it could not place)."""
    outside: list[DateMention] = []
    found = find_dates(article.text, article.published, article.language, outside)
    years = f"{FIRST_YEAR}-{LAST_YEAR}"
    warnings = tuple(
        Warning("dates", f"{article.text[m.start : m.end]!r} lies outside the years {years}; kept as text")
        for m in outside
    )
    return msgspec.structs.replace(article, dates=tuple(found), warnings=article.warnings + warnings)
