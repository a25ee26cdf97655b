"""Cleaning stages: the story's body, its metadata, its language."""

from __future__ import annotations

import msgspec

from kroscek.clean.body import CleanBody, clean_body
from kroscek.clean.metadata import domain_of, signature_outlet
from kroscek.model import Article
from kroscek.pipeline import stage

__all__ = ["CleanBody", "clean", "clean_body"]


def _outlet(article: Article, body: CleanBody) -> str | None:
    if article.outlet:
        return domain_of(article.outlet) if "." in article.outlet else article.outlet
    if article.url and (domain := domain_of(article.url)):
        return domain
    if body.lead and body.lead.outlet:
        return body.lead.outlet
    return signature_outlet(article.raw) or body.masthead


@stage(
    "clean",
    reads={"raw", "header_lines", "title", "authors", "outlet", "url"},
    writes={"text", "boilerplate", "title", "authors", "outlet", "wire", "dateline"},
)
def clean(article: Article) -> Article:
    """Return the article with its story text and the metadata its furniture carried."""
    body = clean_body(article.raw, article.title, article.header_lines)
    return msgspec.structs.replace(
        article,
        text=body.text,
        boilerplate=tuple(body.boilerplate),
        title=article.title or body.title,
        authors=article.authors or tuple(dict.fromkeys(body.authors)),
        outlet=_outlet(article, body),
        wire=tuple(dict.fromkeys(body.wire)),
        dateline=body.lead.place if body.lead else None,
    )
