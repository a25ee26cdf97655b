"""Stores: where analysed articles and their stories live between runs (SQLite by default).

The analysis is imported when an ingest needs it, so opening a store (the web app, a report, a
second process waiting for the schema) costs no model or library loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import msgspec

from kroscek.model import Skipped
from kroscek.settings import Settings
from kroscek.store.sqlite import Store, StoreError

__all__ = ["Store", "StoreError", "ingest", "open_store", "restory"]


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a ``postgresql://`` URL, else a SQLite file (created when missing)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from kroscek.store.postgres import PostgresStore

        return PostgresStore(text)
    return Store(text)


def restory(store: Store) -> int:
    """Recompute canonical names across the store and every story; return the number of stories."""
    from kroscek.stories.build import build_stories
    from kroscek.stories.entities import link_entities

    before = store.articles()
    articles = link_entities(before)
    # Only articles whose names changed are written again (most keep theirs on a small ingest).
    store.upsert_articles(a for a, old in zip(articles, before, strict=True) if a != old)
    stories = build_stories(articles)
    store.replace_stories(stories)
    return len(stories)


def ingest(
    store: Store, paths: Iterable[str], settings: Settings, jobs: int | None = None, stdin: BinaryIO | None = None
) -> tuple[int, list[Skipped]]:
    """Analyse ``paths``, add the articles to ``store`` (idempotent) and update its stories.

    Stories are built over the whole store afterwards, not per batch, so the per-article run
    leaves them out.
    """
    from kroscek.analysis import analyze

    result = analyze(paths, msgspec.structs.replace(settings, stories=False), jobs=jobs, stdin=stdin)
    store.upsert_articles(result.articles)
    restory(store)
    return len(result.articles), result.skipped
