"""Stores: where analysed articles and their stories live between runs (SQLite by default).

The analysis is imported when an ingest needs it, so opening a store (the web app, a report, a
second process waiting for the schema) costs no model or library loading.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kroscek.model import Article, Change, Redirect, Skipped, Story
from kroscek.settings import Settings
from kroscek.store.sqlite import Store, StoreError
from kroscek.stories.params import StoryParams

__all__ = [
    "COMMIT_ARTICLES",
    "COMMIT_SECONDS",
    "Store",
    "StoreError",
    "ingest",
    "ingest_records",
    "open_store",
    "restory",
]


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a ``postgresql://`` URL, else a SQLite file (created when missing)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from kroscek.store.postgres import PostgresStore

        return PostgresStore(text)
    return Store(text)


#: An ingest commits its articles every this many, or sooner once this many seconds have passed,
#: so a killed ingest keeps what it had analysed up to a few seconds before.
COMMIT_ARTICLES = 64
COMMIT_SECONDS = 2.0

#: How often restory recomputes when other writers keep changing the articles under it, before it
#: recomputes once more holding the write lock.
_RESTORY_TRIES = 3


def restory(store: Store, params: StoryParams | None = None) -> int:
    """Recompute canonical names across the store and every story; return the number of stories.

    The renamed articles and the new stories are written in one transaction, so a kill leaves the
    old stories or the new ones, never a mix. They are computed without holding the write lock
    (it takes seconds on a big store); when another writer changed the articles meanwhile, the
    work is done again, so the stories always cover the articles as they are.
    """
    for _ in range(_RESTORY_TRIES):
        seen = store.article_writes()
        renamed, stories, redirects, changes = _recompute(store.articles(), store.all_stories(), params)
        with store.transaction():
            if store.article_writes() == seen:
                store.upsert_articles(renamed)
                store.replace_stories(stories, redirects, changes)
                return len(stories)
    with store.transaction():  # writers kept coming: this time none can slip in
        store.article_writes()  # on PostgreSQL, the row lock every article write waits for
        renamed, stories, redirects, changes = _recompute(store.articles(), store.all_stories(), params)
        store.upsert_articles(renamed)
        store.replace_stories(stories, redirects, changes)
    return len(stories)


def _recompute(
    before: list[Article], earlier: list[Story], params: StoryParams | None = None
) -> tuple[list[Article], list[Story], list[Redirect], list[Change]]:
    """Return the articles whose canonical names change when linked across ``before``, the
    stories with the ids of the ``earlier`` ones carried over, the ids merged away, and what changed."""
    from kroscek.stories.build import build_stories
    from kroscek.stories.entities import link_entities
    from kroscek.stories.identity import carry_ids, changes

    articles = link_entities(before)
    # Only articles whose names changed are written again (most keep theirs on a small ingest).
    renamed = [a for a, old in zip(articles, before, strict=True) if a != old]
    first_seen = {a.id: (a.published or "9999", a.id) for a in articles}
    stories, redirects = carry_ids(earlier, build_stories(articles, params), first_seen)
    return renamed, stories, redirects, changes(earlier, stories, redirects)


def ingest(
    store: Store,
    paths: Iterable[str],
    settings: Settings,
    jobs: int | None = None,
    stdin: BinaryIO | None = None,
    *,
    commit_articles: int = COMMIT_ARTICLES,
    commit_seconds: float = COMMIT_SECONDS,
) -> tuple[int, list[Skipped]]:
    """Analyse ``paths``, add the articles to ``store`` (idempotent), update its stories; return (added, skipped).

    Articles are committed as they come, a batch at a time, so an ingest killed half-way keeps
    every batch it committed, and running it again adds the rest: ids are content ids and writes
    are upserts, so nothing is held twice. Stories are built over the whole store at the end
    (canonical names linked across it first), not per batch.
    """
    from kroscek.ingest import read_inputs

    return ingest_records(
        store,
        read_inputs(paths, settings, stdin),
        settings,
        jobs,
        commit_articles=commit_articles,
        commit_seconds=commit_seconds,
    )


def ingest_records(
    store: Store,
    items: Iterable[Article | Skipped],
    settings: Settings,
    jobs: int | None = None,
    *,
    commit_articles: int = COMMIT_ARTICLES,
    commit_seconds: float = COMMIT_SECONDS,
) -> tuple[int, list[Skipped]]:
    """:func:`ingest` of records already read (a watcher reads the new lines of a growing file itself)."""
    from kroscek.analysis import build_pipeline

    skipped: list[Skipped] = []

    def records() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    added, batch, since = 0, [], time.monotonic()
    for article in build_pipeline(settings).run_many(records(), jobs=jobs or settings.jobs):
        batch.append(article)
        if len(batch) >= commit_articles or time.monotonic() - since >= commit_seconds:
            added += store.upsert_articles(batch)
            batch, since = [], time.monotonic()
    added += store.upsert_articles(batch)
    restory(store, settings.story)
    return added, skipped
