"""The ``published`` stage: the publish date, and how it was obtained.

A cascade, and ``published_source`` says which step answered:

1. ``metadata``: the input record's own ``published`` (kept as given);
2. ``byline``: the page's date stamp the cleaner removed ("Kamis, 16 Jan 2025 19:20 WIB",
   "Kompas.com - 12/03/2025, 14:05 WIB");
3. ``text``: the latest news stamp in the story itself, a date written with its weekday or in
   brackets and with its year ("Senin (28/4/2025)", "Jumat, 18 Oktober 2024").
"""

from __future__ import annotations

import msgspec

from kroscek.annotate.dates import DateSpan, find_date_spans, find_dates, resolve
from kroscek.model import Article
from kroscek.pipeline import stage

__all__ = ["infer_published", "published"]


def _full_value(span: DateSpan, text: str, language: str | None) -> str | None:
    """Return the ISO value of a span that names its own day and year, else None."""
    if span.kind != "point" or not (span.groups.get("y") or span.groups.get("y2")):
        return None
    value = resolve(span, None, language).value
    return value if value and len(value) >= 10 else None


def _is_stamp(span: DateSpan) -> bool:
    return bool(span.groups.get("w") or span.groups.get("open"))


def infer_published(article: Article) -> tuple[str | None, str | None]:
    """Return (publish date, how it was obtained) for an article."""
    if article.published:
        return article.published, article.published_source or "metadata"
    for item in article.boilerplate:
        if item.reason == "date":
            for span in find_date_spans(item.text, article.language):
                if value := _full_value(span, item.text, article.language):
                    return value, "byline"
    spans = find_date_spans(article.text, article.language)
    stamps = [
        value for span in spans if _is_stamp(span) and (value := _full_value(span, article.text, article.language))
    ]
    if stamps:
        return max(stamps, key=lambda v: v[:10]), "text"
    # A stamp without its year ("Pada Selasa (29 Oktober)"): the weekday and the article's other
    # dates give the year.
    weekday_stamps = [
        m.value
        for m in find_dates(article.text, None, article.language)
        if m.value and m.relative and m.grain in ("day", "time")
    ]
    if weekday_stamps:
        return max(weekday_stamps, key=lambda v: v[:10]), "text"
    return None, None


@stage(
    "published",
    reads={"published", "published_source", "boilerplate", "text", "language"},
    writes={"published", "published_source"},
)
def published(article: Article) -> Article:
    """Return the article with ``published`` filled where metadata, a stamp or the text tell it."""
    value, source = infer_published(article)
    return msgspec.structs.replace(article, published=value, published_source=source)
