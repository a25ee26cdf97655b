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

import msgspec

from kroscek.annotate.dates.find import find_date_spans
from kroscek.annotate.dates.grammar import DateSpan
from kroscek.annotate.dates.resolve import _YEAR_FROM_TEXT, anchor_of, resolve, text_anchor
from kroscek.model import FIRST_YEAR, LAST_YEAR, Article, DateMention, Warning
from kroscek.pipeline import stage

__all__ = ["DateSpan", "anchor_of", "dates", "find_date_spans", "find_dates", "resolve", "text_anchor"]


def find_dates(
    text: str, published: str | None, language: str | None = "id", outside: list[DateMention] | None = None
) -> list[DateMention]:
    """Return the date mentions of ``text`` resolved against ``published``.

    Without a publish date, a day and month without a year take it from the latest date the
    text writes in full (the weekday, when written, decides); deictic words ("kemarin",
    "Senin lalu") stay unresolved. Mentions whose date lies outside the years allowed keep no
    value and are also added to ``outside`` when it is given.
    """
    anchor = anchor_of(published)
    spans = find_date_spans(text, language)
    fallback = anchor or text_anchor(spans, language)
    found = []
    for span in spans:
        r = resolve(span, anchor if anchor or span.kind not in _YEAR_FROM_TEXT else fallback, language)
        mention = DateMention(span.start, span.end, r.value, r.end_value, r.grain, r.relative, r.modifier, r.clock)
        found.append(mention)
        if r.outside and outside is not None:
            outside.append(mention)
    return found


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
