"""Plain functions the CLI (and later the web app and Spark) call: inputs in, records out."""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import kroscek.annotate
import kroscek.clean
from kroscek.ingest import read_inputs
from kroscek.model import Article, Skipped, Story
from kroscek.pipeline import Pipeline
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.build import build_stories
from kroscek.stories.entities import link_entities
from kroscek.stories.index import update
from kroscek.stories.revisions import mark_revisions

__all__ = [
    "COMMIT_ARTICLES",
    "COMMIT_SECONDS",
    "Analysis",
    "analyze",
    "analyze_items",
    "build_pipeline",
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
    # The cross-article layer: one canonical name per entity across the whole batch.
    result.articles = mark_revisions(link_entities(result.articles))
    if settings.stories:
        started = time.perf_counter()
        # The newest version of an article stands for it (kroscek.stories.revisions).
        replaced = {a.revision_of for a in result.articles}
        result.stories = build_stories([a for a in result.articles if a.id not in replaced], settings.story)
        result.timings["stories"] = time.perf_counter() - started
    return result


#: An ingest commits its articles every this many, or sooner once this many seconds have passed,
#: so a killed ingest keeps what it had analysed up to a few seconds before.
COMMIT_ARTICLES = 64
COMMIT_SECONDS = 2.0


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
    """Analyse ``paths``, add the new articles to ``store`` (idempotent), update its stories; return (added, skipped).

    Articles are committed as they come, a batch at a time, so an ingest killed half-way keeps
    every batch it committed, and running it again adds the rest: ids are content ids, and an
    article the store holds is not written again, so nothing is held twice. At the end the story
    index places every article it has not placed yet (:func:`kroscek.stories.index.update`): names
    linked to the store's, events and stories updated where the new articles land.
    """
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
    skipped: list[Skipped] = []
    added, batch, since = 0, [], time.monotonic()

    def commit(batch: list[Article]) -> int:
        # An article the store holds is left as it is: the index placed it, with its names linked.
        # A new one read before under its URL (else record id) with other text is that one's next version.
        new = store.missing(a.id for a in batch)
        return store.upsert_articles(mark_revisions([a for a in batch if a.id in new], store.latest_versions))

    for article in build_pipeline(settings).run_many(_articles(items, skipped), jobs=jobs or settings.jobs):
        batch.append(article)
        if len(batch) >= commit_articles or time.monotonic() - since >= commit_seconds:
            added += commit(batch)
            batch, since = [], time.monotonic()
    added += commit(batch)
    update(store, settings.story)
    return added, skipped
