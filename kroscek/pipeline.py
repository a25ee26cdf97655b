"""Named per-article stages and the runner that applies them in order.

A stage is a pure function ``Article -> Article`` registered with the layers (Article field
names) it reads and writes, and, when it has settings, the msgspec Struct that holds them with
their defaults: such a stage is called ``func(article, config)``, its config validated when the
pipeline is built (an unknown key or a wrong type names the stage and the key) from the
``[stage.<name>]`` tables of the settings file. The runner checks at build time that every layer a stage reads is
provided by ingest or by an earlier stage, and at run time that each stage returned an Article
and changed only what it declared. It times every stage and runs in-process or in a process
pool with identical output, in input order.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

import msgspec

from kroscek.model import Article, Warning

__all__ = [
    "INGEST_LAYERS",
    "Pipeline",
    "PipelineError",
    "Stage",
    "StageError",
    "registered_stages",
    "shipped_order",
    "stage",
]

StageFunc = Callable[..., Article]  # (article) or (article, config)
BatchFunc = Callable[..., list[Article]]  # (articles) or (articles, config)

#: Layers an Article carries when it leaves ingest.
INGEST_LAYERS = frozenset(
    {
        "id",
        "source",
        "name",
        "raw",
        "header_lines",
        "url",
        "title",
        "authors",
        "outlet",
        "published",
        "published_source",
        "warnings",
    }
)
_LAYERS = frozenset(Article.__struct_fields__)
#: Batches out at a worker or waiting for it, per worker: enough that none waits for work, few
#: enough that a stream of any length stays bounded in memory (articles come back in input order).
_IN_FLIGHT_PER_JOB = 4
#: Articles that go through the stages together (a stage with a batch form sees them at once).
BATCH = 16


class PipelineError(ValueError):
    """The stage list cannot run: an unknown stage or a layer read before it is written."""


class StageError(RuntimeError):
    """A stage failed on one article; the message names the stage and the article."""

    def __init__(self, stage: str, article: str, problem: str) -> None:
        super().__init__(f"stage '{stage}' failed on '{article}': {problem}")
        self.stage = stage
        self.article = article
        self.problem = problem


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    reads: frozenset[str]
    writes: frozenset[str]
    #: Optional form over many articles at once (same results, faster: a model's batched call).
    batch: BatchFunc | None = None
    #: The stage's settings (a msgspec Struct type with defaults), if it has any.
    config: type[msgspec.Struct] | None = None
    #: The settings it runs with (built by :meth:`configured`).
    settings: msgspec.Struct | None = None
    #: Raised when the stage's output changes for the same input (a settings file may pin it).
    version: int = 1

    @property
    def qualified(self) -> str:
        """The versioned name: ``kroscek.dates.v1``."""
        return f"kroscek.{self.name}.v{self.version}"

    def configured(self, values: dict[str, Any]) -> Stage:
        """This stage with its settings: the defaults overridden by ``values`` (validated)."""
        if self.config is None:
            if values:
                raise PipelineError(f"stage '{self.name}' takes no settings (given {sorted(values)})")
            return self
        try:
            chosen = msgspec.convert(values, self.config)
        except msgspec.ValidationError as error:
            raise PipelineError(f"settings of stage '{self.name}': {error}") from error
        return replace(self, settings=chosen)

    def call(self, article: Article) -> Article:
        return self.func(article) if self.config is None else self.func(article, self.settings)

    def call_batch(self, articles: list[Article]) -> list[Article]:
        assert self.batch is not None
        return self.batch(articles) if self.config is None else self.batch(articles, self.settings)


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str,
    *,
    reads: Iterable[str],
    writes: Iterable[str],
    batch: BatchFunc | None = None,
    config: type[msgspec.Struct] | None = None,
    version: int = 1,
) -> Callable[[StageFunc], StageFunc]:
    """Register the decorated function as stage ``name``; give the function back unchanged.

    ``batch``, when given, does the same work for a list of articles at once; the runner uses it
    on each batch and falls back to the one-article form to find which article failed.
    ``config``, when given, is the Struct of the stage's settings: the function (and its batch
    form) then takes the settings as a second argument.
    """
    reads_set, writes_set = frozenset(reads), frozenset(writes)
    unknown = (reads_set | writes_set) - _LAYERS
    if unknown:
        raise PipelineError(f"stage '{name}' declares unknown layers: {sorted(unknown)}")

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage '{name}' is registered twice")
        _REGISTRY[name] = Stage(name, func, reads_set, writes_set, batch, config, version=version)
        return func

    return register


def registered_stages() -> dict[str, Stage]:
    """Return the registered stages by name."""
    return dict(_REGISTRY)


_QUALIFIED = re.compile(r"^kroscek\.(?P<name>[\w-]+)\.v(?P<version>\d+)$")


def _resolve(name: str) -> str:
    """A stage's registry name from ``dates`` or a pinned ``kroscek.dates.v1`` (its version must match)."""
    pinned = _QUALIFIED.match(name)
    if not pinned:
        return name
    short, version = pinned["name"], int(pinned["version"])
    found = _REGISTRY.get(short)
    if found is not None and found.version != version:
        raise PipelineError(f"settings ask for {name}; this kroscek has {found.qualified}")
    return short


def shipped_order() -> tuple[str, ...]:
    """Every stage kroscek ships, each after the stages that write a layer it reads (a stage that
    also writes that layer only adds to it, like ``warnings``: no order between such stages);
    ties by name. The default pipeline: registering a stage in a kroscek module adds it."""
    shipped = {n: s for n, s in _REGISTRY.items() if s.func.__module__.startswith("kroscek.")}
    after = {
        n: {m for m, o in shipped.items() if m != n and (s.reads - s.writes) & o.writes} for n, s in shipped.items()
    }
    order: list[str] = []
    while after:
        ready = sorted(n for n, needs in after.items() if not needs - set(order))
        if not ready:
            raise PipelineError(f"the stages {sorted(after)} wait on each other")
        order.append(ready[0])
        del after[ready[0]]
    return tuple(order)


@dataclass
class Pipeline:
    """An ordered, checked list of stages."""

    stages: tuple[Stage, ...]
    timings: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_names(cls, names: Sequence[str], settings: dict[str, dict[str, Any]] | None = None) -> Pipeline:
        """Return the pipeline of these registered stages, checked for order, each with its
        settings from ``settings`` (stage name -> keys; validated)."""
        names = [_resolve(n) for n in (names or shipped_order())]
        missing = [n for n in names if n not in _REGISTRY]
        if missing:
            known = ", ".join(sorted(_REGISTRY)) or "none"
            raise PipelineError(f"unknown stage(s) {missing}; registered: {known}")
        settings = {_resolve(k): v for k, v in (settings or {}).items()}
        stray = sorted(set(settings) - set(names))
        if stray:
            raise PipelineError(f"settings given for stage(s) {stray} that the pipeline does not run")
        return cls(tuple(_REGISTRY[n].configured(settings.get(n, {})) for n in names))

    def __post_init__(self) -> None:
        available = set(INGEST_LAYERS)
        for s in self.stages:
            unmet = s.reads - available
            if unmet:
                raise PipelineError(f"stage '{s.name}' reads {sorted(unmet)} before any stage writes it")
            available |= s.writes
        self.timings = {s.name: 0.0 for s in self.stages}

    def run(self, article: Article) -> Article:
        """Return the article with every stage applied; raise StageError naming the stage."""
        return self._run(article, strict=True)[0]

    def run_safe(self, article: Article) -> tuple[Article, dict[str, float]]:
        """Return the article and per-stage seconds; a failing stage becomes a warning.

        The stages after a failure are not run on that article, and what the earlier stages
        found is kept.
        """
        return self._run(article, strict=False)

    def _run(self, article: Article, *, strict: bool) -> tuple[Article, dict[str, float]]:
        spent: dict[str, float] = {}
        for s in self.stages:
            article, spent[s.name], failed = _apply(s, article, strict=strict)
            if failed:
                break
        for name, seconds in spent.items():
            self.timings[name] += seconds
        return article, spent

    def run_batch_safe(self, articles: list[Article]) -> list[tuple[Article, dict[str, float]]]:
        """``run_safe`` over a batch, stage by stage, so a stage's batch form sees them together."""
        current = list(articles)
        failed = [False] * len(current)
        spent: list[dict[str, float]] = [{} for _ in current]
        for s in self.stages:
            alive = [i for i, f in enumerate(failed) if not f]
            if not alive:
                break
            if s.batch is not None and len(alive) > 1:
                began = time.perf_counter()
                try:
                    results = s.call_batch([current[i] for i in alive])
                    for i, result in zip(alive, results, strict=True):
                        _check_result(s, current[i], result)
                    share = (time.perf_counter() - began) / len(alive)
                    for i, result in zip(alive, results, strict=True):
                        current[i] = result
                        spent[i][s.name] = share
                    continue
                except Exception:  # find the article that failed, one by one
                    pass
            for i in alive:
                current[i], spent[i][s.name], failed[i] = _apply(s, current[i], strict=False)
        for seconds in spent:
            for name, value in seconds.items():
                self.timings[name] += value
        return list(zip(current, spent, strict=True))

    def run_many(self, articles: Iterable[Article], *, jobs: int = 1) -> Iterator[Article]:
        """Yield the processed articles in input order, in-process or over ``jobs`` processes."""
        source = iter(articles)
        if jobs <= 1:
            while batch := list(islice(source, BATCH)):
                for article, _ in self.run_batch_safe(batch):
                    yield article
            return
        # A new batch goes out as the oldest comes back, so the workers never wait for a window to
        # drain and memory holds at most _IN_FLIGHT_PER_JOB * jobs batches.
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque[Future[list[tuple[Article, dict[str, float]]]]] = deque()
            while True:
                while len(pending) < _IN_FLIGHT_PER_JOB * jobs and (batch := list(islice(source, BATCH))):
                    pending.append(pool.submit(self.run_batch_safe, batch))
                if not pending:
                    return
                for article, spent in pending.popleft().result():
                    for name, seconds in spent.items():
                        self.timings[name] += seconds
                    yield article


def _apply(s: Stage, article: Article, *, strict: bool) -> tuple[Article, float, bool]:
    """Run one stage on one article: (article, seconds, failed); a failure becomes a warning."""
    began = time.perf_counter()
    try:
        result = s.call(article)
        _check_result(s, article, result)
    except Exception as error:
        failure = StageError(s.name, article.name, f"{type(error).__name__}: {error}")
        if strict:
            raise failure from error
        warning = Warning(s.name, str(failure))
        return (
            msgspec.structs.replace(article, warnings=(*article.warnings, warning)),
            time.perf_counter() - began,
            True,
        )
    return result, time.perf_counter() - began, False


def _check_result(s: Stage, before: Article, after: object) -> None:
    if not isinstance(after, Article):
        raise TypeError(f"returned {type(after).__name__}, not Article")
    changed = {
        f for f in _LAYERS if getattr(after, f) is not getattr(before, f) and getattr(after, f) != getattr(before, f)
    }
    undeclared = changed - s.writes
    if undeclared:
        raise TypeError(f"changed {sorted(undeclared)} without declaring them in writes")
