"""Reports people read: the Markdown report and the HTML briefing, written the same way."""

from __future__ import annotations

from typing import Any

from kroscek.model import Article

__all__ = ["article_label", "shown_value"]


def article_label(article: Article) -> str:
    """How a report names an article: its outlet (else its name) and publish date."""
    return f"{article.outlet or article.name} ({article.published or 'date unknown'})"


def shown_value(value: Any) -> str:
    """A claim value as Indonesian news writes it: figures with "." thousands, dates as they are."""
    return f"{value:,.0f}".replace(",", ".") if isinstance(value, float) else str(value)
