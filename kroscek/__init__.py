"""kroscek: cross-check the news.

The public API (the command line and the web app use the same functions)::

    import kroscek

    result = kroscek.analyze_texts(["Korban banjir di Garut mencapai 12 orang, kata BPBD Garut ..."])
    result = kroscek.analyze_records([{"id": "a1", "text": "...", "outlet": "kompas.com",
                                       "published": "2025-01-02"}])
    result = kroscek.analyze_paths(["scrapes/"], kroscek.load_settings(Path("my.toml")))
    result.articles, result.stories, result.skipped          # Article and Story records
    kroscek.to_contract(result.articles, result.stories)     # the kroscek/1 JSON contract, as dicts

Names are imported on first use, so ``import kroscek`` loads no model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kroscek.analysis import Analysis
    from kroscek.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Settings",
    "Story",
    "analyze_paths",
    "analyze_records",
    "analyze_texts",
    "load_settings",
    "to_contract",
]


def analyze_texts(texts: Iterable[str], settings: Settings | None = None, *, jobs: int | None = None) -> Analysis:
    """Analyse plain article texts (each one article, named ``text:N``)."""
    return analyze_records(({"text": t} for t in texts), settings, jobs=jobs, source="text")


def analyze_records(
    records: Iterable[Mapping[str, Any]],
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    source: str = "records",
) -> Analysis:
    """Analyse records: mappings with ``text`` and optional ``id``, ``title``, ``url``, ``outlet``,
    ``published``, ``authors`` (the JSONL fields); a bad record is skipped with the reason."""
    from kroscek.analysis import analyze_items
    from kroscek.ingest.records import record_articles
    from kroscek.settings import Settings

    return analyze_items(record_articles(records, source), settings or Settings(), jobs=jobs)


def analyze_paths(paths: Iterable[str], settings: Settings | None = None, *, jobs: int | None = None) -> Analysis:
    """Analyse files, folders and globs (``-`` reads stdin), as ``kroscek analyze`` does."""
    from kroscek.analysis import analyze
    from kroscek.settings import Settings

    return analyze(paths, settings or Settings(), jobs=jobs)


def __getattr__(name: str) -> Any:
    """The records, settings and contract, imported when first asked for."""
    if name in ("Article", "Story", "to_contract"):
        import kroscek.model

        return getattr(kroscek.model, name)
    if name in ("Settings", "load_settings"):
        import kroscek.settings

        return getattr(kroscek.settings, name)
    if name == "Analysis":
        import kroscek.analysis

        return kroscek.analysis.Analysis
    raise AttributeError(f"module 'kroscek' has no attribute {name!r}")
