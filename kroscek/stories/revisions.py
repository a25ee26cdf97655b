"""Versions of one article: the same URL (else record id) read again with other text.

A news page changes after it is first published: a toll rises, a quote is added, a name is
corrected. Read again, the page is a new :class:`~kroscek.model.Article` (ids stay content ids)
whose ``revision_of`` names the version before it (:func:`mark_revisions`). The newest version
stands for the article: the story index places it where the previous one was and takes the
previous one out of its event and story (:mod:`kroscek.stories.index`), so the two versions are
never compared as two outlets' claims; the ``article-revised`` change says what differs
(:func:`what_changed`). The same text under the same URL twice is not a revision: those are
copies, found as any copy is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from kroscek.model import Article, Change, Evidence, revision_key

__all__ = ["EVIDENCE", "folded", "mark_revisions", "revised", "what_changed"]

#: Added sentences cited as a revision's evidence.
EVIDENCE = 20


def folded(raw: str) -> str:
    """The text two versions are compared by: spaces folded (one that differs only there is the same)."""
    return " ".join(raw.split())


def _same_text(a: str, b: str) -> bool:
    return folded(a) == folded(b)


def mark_revisions(
    articles: Sequence[Article], latest: Callable[[list[str]], dict[str, Article]] = lambda keys: {}
) -> list[Article]:
    """``articles`` (in the order they were read), each new version with ``revision_of`` set.

    The version before an article is the latest one ``latest`` gives for its key (a store's
    articles) or an earlier one among ``articles`` with that key, when its text differs.
    """
    keys = sorted({k for a in articles if (k := revision_key(a))})
    before = latest(keys) if keys else {}
    out = []
    for article in articles:
        key = revision_key(article)
        previous = before.get(key) if key else None
        if key is None or (previous is not None and _same_text(previous.raw, article.raw)):
            out.append(article)
            continue
        if previous is not None and previous.id != article.id and article.revision_of is None:
            article = msgspec.structs.replace(article, revision_of=previous.id)
        before[key] = article
        out.append(article)
    return out


def _spans(article: Article, spans: Sequence[msgspec.Struct]) -> dict[str, tuple[int, int]]:
    """Each span's text (spaces folded) and where it is; the first place of a repeated text."""
    found: dict[str, tuple[int, int]] = {}
    for span in spans:
        start, end = span.start, span.end  # type: ignore[attr-defined]
        found.setdefault(" ".join(article.text[start:end].split()), (start, end))
    return found


def what_changed(old: Article, new: Article) -> tuple[dict[str, tuple[str, ...]], tuple[Evidence, ...]]:
    """What ``new`` changed from ``old``: sentences, figures and quotes added and removed (by their
    text), the title when it changed; and as evidence, where the added sentences are in ``new``."""
    detail: dict[str, tuple[str, ...]] = {}
    evidence: tuple[Evidence, ...] = ()
    for name, layer in (("sentences", "sentences"), ("figures", "quantities"), ("quotes", "quotes")):
        mine, theirs = _spans(new, getattr(new, layer)), _spans(old, getattr(old, layer))
        added = tuple(t for t in mine if t not in theirs)
        removed = tuple(t for t in theirs if t not in mine)
        if added:
            detail[f"{name}_added"] = added
        if removed:
            detail[f"{name}_removed"] = removed
        if name == "sentences":
            evidence = tuple(Evidence(new.id, *mine[t]) for t in added[:EVIDENCE])
    if (old.title or "") != (new.title or ""):
        detail["title"] = (old.title or "", new.title or "")
    return detail, evidence


def revised(old: Article, new: Article, story: str, event: str | None) -> Change:
    """The ``article-revised`` change of ``new`` (placed in ``story`` and ``event``), a version of ``old``."""
    detail, evidence = what_changed(old, new)
    return Change("article-revised", story, event, before=old.id, after=new.id, evidence=evidence, detail=detail)
