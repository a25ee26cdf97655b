"""``kroscek batch --engine local``: the in-process pipeline (``--jobs`` worker processes) and the
cross-article layer of ``kroscek analyze`` (:mod:`kroscek.scale.stream`: the pile on disk, only its
index in memory), writing the same Parquet tables as the Spark engine (pyarrow) a batch of rows at
a time."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kroscek.model import Article, Skipped
from kroscek.scale.stream import Pile, analyze_pile
from kroscek.scale.tables import TABLES, Tables, Written, arrow_schema
from kroscek.settings import Settings

__all__ = ["batch_items", "write_tables"]

#: Rows a table's file takes at a time (a Parquet row group each).
ROWS = 4096


def batch_items(
    items: Iterable[Article | Skipped], out: Path, settings: Settings, *, jobs: int | None = None, stages: bool = True
) -> Written:
    """Analyse records read in this process and write the tables under ``out``; with ``stages``
    False the articles come annotated (the stages ran)."""
    pile = analyze_pile(items, settings, jobs=jobs, stages=stages)
    try:
        return write_tables(out, pile)
    finally:
        pile.close()


def _revisions(pile: Pile) -> list[tuple[Article, Article]]:
    """Each (previous version, article) of the pile whose previous version is in it: two reads of
    the pile, holding only the versions."""
    wanted = {a.revision_of for a in pile.articles if a.revision_of}
    if not wanted:
        return []
    older: dict[str, Article] = {}
    newer: list[Article] = []
    for article in pile.articles:
        if article.id in wanted:
            older[article.id] = article
        if article.revision_of:
            newer.append(article)
    return [(older[a.revision_of], a) for a in newer if a.revision_of in older]


class _Table:
    """One table's Parquet file, written :data:`ROWS` rows at a time."""

    def __init__(self, folder: Path, schema: Any) -> None:
        import pyarrow.parquet as pq

        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.schema = schema
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(folder / "part-00000.parquet", schema)

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def write_tables(out: Path, pile: Pile) -> Written:
    """Write the tables of an analysed pile under ``out``, a folder per table (each replaced)."""
    tables = Tables()
    revisions = _revisions(pile)
    files = {table: _Table(out / table, arrow_schema(tables.columns[table])) for table in TABLES}
    try:
        for article in pile.articles:
            files["articles"].add([tables.article_row(article)])
        files["skipped"].add(tables.skipped_row(s) for s in pile.skipped)
        for built in pile.stories:
            for table, found in tables.story_rows(built.story, revisions).items():
                files[table].add(found)
    finally:
        for file in files.values():
            file.close()
    return Written(len(pile.articles), len(pile.skipped), len(pile.stories))
