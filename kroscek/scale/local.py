"""``kroscek batch --engine local``: the in-process pipeline (``--jobs`` worker processes) and the
one-process cross-article layer, writing the same Parquet tables as the Spark engine (pyarrow)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kroscek.analysis import analyze_items, cross_article
from kroscek.model import Article, Skipped, Story
from kroscek.scale.tables import Tables, Written, arrow_schema
from kroscek.settings import Settings

__all__ = ["batch_items", "write_tables"]


def batch_items(
    items: Iterable[Article | Skipped], out: Path, settings: Settings, *, jobs: int | None = None, stages: bool = True
) -> Written:
    """Analyse records read in this process and write the tables under ``out``; with ``stages``
    False the articles come annotated (the stages ran)."""
    if stages:
        result = analyze_items(items, settings, jobs=jobs)
        articles, stories, skipped = result.articles, result.stories, result.skipped
    else:
        held = list(items)
        skipped = [i for i in held if isinstance(i, Skipped)]
        articles, stories = cross_article([i for i in held if isinstance(i, Article)], settings)
    return write_tables(out, articles, stories, skipped)


def write_tables(out: Path, articles: list[Article], stories: list[Story], skipped: list[Skipped]) -> Written:
    """Write the tables of an analysed pile under ``out``, a folder per table (each replaced)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = Tables()
    by_id = {a.id: a for a in articles}
    revisions = [(by_id[a.revision_of], a) for a in articles if a.revision_of in by_id]
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [tables.article_row(a) for a in articles],
        "skipped": [tables.skipped_row(s) for s in skipped],
        "stories": [],
        "events": [],
        "claims": [],
        "changes": [],
    }
    for story in stories:
        for table, found in tables.story_rows(story, revisions).items():
            rows[table] += found
    for table, found in rows.items():
        folder = out / table
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        schema = arrow_schema(tables.columns[table])
        pq.write_table(pa.Table.from_pylist(found, schema=schema), folder / "part-00000.parquet")
    return Written(len(articles), len(skipped), len(stories))
