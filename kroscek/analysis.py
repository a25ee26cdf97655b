"""Plain functions the CLI (and later the web app and Spark) call: inputs in, records out."""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, NamedTuple

import msgspec

import kroscek.annotate
import kroscek.clean
from kroscek.ingest import read_inputs
from kroscek.model import Article, Skipped, Story
from kroscek.pipeline import Pipeline
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.build import build_stories
from kroscek.stories.entities import link_entities
from kroscek.stories.index import restory, update
from kroscek.stories.revisions import mark_revisions

__all__ = [
    "COMMIT_ARTICLES",
    "COMMIT_SECONDS",
    "Analysis",
    "Ingested",
    "analyze",
    "analyze_items",
    "build_pipeline",
    "cross_article",
    "ingest",
    "ingest_records",
]

# Every module of the stage packages is imported, so a stage registered in any of them is part
# of the pipeline (kroscek.pipeline.shipped_order) without another edit.
for _package in (kroscek.clean, kroscek.annotate):
    for _module in pkgutil.walk_packages(_package.__path__, f"{_package.__name__}."):
        importlib.import_module(_module.name)


@dataclass
class Analysis:
    """What one run produced: articles in input order, skipped inputs, seconds per stage."""

    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def build_pipeline(settings: Settings) -> Pipeline:
    """Return the checked pipeline of the stages named in ``settings``, each with its settings."""
    return Pipeline.from_names(settings.stages, settings.stage)


def analyze(
    paths: Iterable[str],
    settings: Settings,
    *,
    jobs: int | None = None,
    stdin: BinaryIO | None = None,
    progress: Callable[[Article], None] | None = None,
) -> Analysis:
    """Return the analysis of every input under ``paths`` (``-`` reads stdin)."""
    return analyze_items(read_inputs(paths, settings, stdin), settings, jobs=jobs, progress=progress)


def _articles(items: Iterable[Article | Skipped], skipped: list[Skipped]) -> Iterator[Article]:
    """The articles of ``items``, in order; the inputs that could not be read go to ``skipped``."""
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def analyze_items(
    items: Iterable[Article | Skipped],
    settings: Settings,
    *,
    jobs: int | None = None,
    progress: Callable[[Article], None] | None = None,
) -> Analysis:
    """Return the analysis of articles already read (texts or records a program holds)."""
    pipeline = build_pipeline(settings)
    result = Analysis()
    for article in pipeline.run_many(_articles(items, result.skipped), jobs=jobs or settings.jobs):
        result.articles.append(article)
        if progress:
            progress(article)
    result.timings = dict(pipeline.timings)
    started = time.perf_counter()
    result.articles, result.stories = cross_article(result.articles, settings)
    if settings.stories:
        result.timings["stories"] = time.perf_counter() - started
    return result


def cross_article(articles: list[Article], settings: Settings) -> tuple[list[Article], list[Story]]:
    """The cross-article layer over annotated ``articles`` (in input order): one canonical name per
    entity across the batch, versions of one article marked, and (``settings.stories``) the stories."""
    articles = mark_revisions(link_entities(articles))
    if not settings.stories:
        return articles, []
    # The newest version of an article stands for it (kroscek.stories.revisions).
    replaced = {a.revision_of for a in articles}
    return articles, build_stories([a for a in articles if a.id not in replaced], settings.story)


#: An ingest commits its articles every this many, or sooner once this many seconds have passed,
#: so a killed ingest keeps what it had analysed up to a few seconds before.
COMMIT_ARTICLES = 64
COMMIT_SECONDS = 2.0


class Ingested(NamedTuple):
    """What an ingest did: articles added, inputs skipped (unreadable), records the store held."""

    added: int
    skipped: list[Skipped]
    #: Records whose id the store already held (or read twice in this ingest): not analysed again,
    #: unless ``redo`` (then re-analysed and replaced).
    held: int = 0


def ingest(
    store: Store,
    paths: Iterable[str],
    settings: Settings,
    jobs: int | None = None,
    stdin: BinaryIO | None = None,
    *,
    redo: bool = False,
    commit_articles: int = COMMIT_ARTICLES,
    commit_seconds: float = COMMIT_SECONDS,
) -> Ingested:
    """Analyse ``paths``, add the new articles to ``store`` (idempotent), update its stories.

    Articles are committed as they come, a batch at a time, so an ingest killed half-way keeps
    every batch it committed, and running it again adds the rest: ids are content ids, so a record
    the store holds is recognised before it is analysed and left as it is. At the end the story
    index places every article it has not placed yet (:func:`kroscek.stories.index.update`): names
    linked to the store's, events and stories updated where the new articles land. With ``redo``
    the held records are analysed again and replace the stored ones (a newer kroscek, changed
    settings), and the story index is rebuilt from the store (:func:`kroscek.stories.index.restory`).
    """
    return ingest_records(
        store,
        read_inputs(paths, settings, stdin),
        settings,
        jobs,
        redo=redo,
        commit_articles=commit_articles,
        commit_seconds=commit_seconds,
    )


def _unheld(store: Store, items: Iterable[Article | Skipped], held: list[str]) -> Iterator[Article | Skipped]:
    """``items`` in order without the articles ``store`` holds or this run read before (their ids go
    to ``held``). Each is asked of the store as it comes (tens of microseconds): a stream read from
    stdin is never kept waiting for more input than the pipeline's own batch."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            yield item
        elif item.id not in seen and store.missing([item.id]):
            seen.add(item.id)
            yield item
        else:
            held.append(item.id)


def ingest_records(
    store: Store,
    items: Iterable[Article | Skipped],
    settings: Settings,
    jobs: int | None = None,
    *,
    redo: bool = False,
    commit_articles: int = COMMIT_ARTICLES,
    commit_seconds: float = COMMIT_SECONDS,
) -> Ingested:
    """:func:`ingest` of records already read (a watcher reads the new lines of a growing file itself)."""
    skipped: list[Skipped] = []
    held: list[str] = []
    added, replaced, batch, since = 0, 0, [], time.monotonic()

    def commit(batch: list[Article]) -> None:
        # A new article read before under its URL (else record id) with other text is that one's
        # next version; one the store holds (only with redo) keeps the version it was.
        nonlocal added, replaced
        new = store.missing(a.id for a in batch)
        fresh = mark_revisions([a for a in batch if a.id in new], store.latest_versions)
        again = [_kept_revision(store, a) for a in batch if a.id not in new] if redo else []
        added += store.upsert_articles(fresh + again) - len(again)
        replaced += len(again)

    if not redo:
        items = _unheld(store, items, held)
    for article in build_pipeline(settings).run_many(_articles(items, skipped), jobs=jobs or settings.jobs):
        batch.append(article)
        if len(batch) >= commit_articles or time.monotonic() - since >= commit_seconds:
            commit(batch)
            batch, since = [], time.monotonic()
    commit(batch)
    if replaced:
        restory(store, settings.story)
    else:
        update(store, settings.story)
    return Ingested(added, skipped, len(held) + replaced)


def _kept_revision(store: Store, article: Article) -> Article:
    """``article`` analysed again, with the ``revision_of`` its stored record has."""
    stored = store.article(article.id)
    if stored is None or stored.revision_of == article.revision_of:
        return article
    return msgspec.structs.replace(article, revision_of=stored.revision_of)
