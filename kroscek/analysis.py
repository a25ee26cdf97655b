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
from kroscek.stories.build import build_stories
from kroscek.stories.entities import link_entities

__all__ = ["Analysis", "analyze", "analyze_items", "build_pipeline"]

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

    def records() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                result.skipped.append(item)
            else:
                yield item

    for article in pipeline.run_many(records(), jobs=jobs or settings.jobs):
        result.articles.append(article)
        if progress:
            progress(article)
    result.timings = dict(pipeline.timings)
    # The cross-article layer: one canonical name per entity across the whole batch.
    result.articles = link_entities(result.articles)
    if settings.stories:
        started = time.perf_counter()
        result.stories = build_stories(result.articles, settings.story)
        result.timings["stories"] = time.perf_counter() - started
    return result
