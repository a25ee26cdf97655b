"""Parquet files of records: a row a record, with the JSONL fields as columns (``text`` required).

A table of articles another tool wrote (a crawl's export, a data lake's table) is read a row
group at a time, each row by the JSONL reader's rules (:func:`kroscek.ingest.records.record_articles`),
named ``file.parquet:N`` after its row number. Columns other than the JSONL fields are not read.
A ``published`` column of timestamps is read as ISO 8601 text. Reading Parquet needs pyarrow
(``pip install 'kroscek[spark]'``); without it such a file is skipped and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from kroscek.ingest.decode import InputError
from kroscek.ingest.readers import reader
from kroscek.ingest.records import JSONL_FIELDS, record_articles
from kroscek.model import Article, Skipped

__all__ = ["PARQUET_SUFFIXES", "parquet_record", "read_parquet", "sized"]

PARQUET_SUFFIXES = (".parquet",)
#: Rows converted to Python at a time.
_ROWS = 1024


def parquet_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSONL record: a timestamp or date ``published`` as ISO 8601 text."""
    record = dict(row)
    if isinstance(record.get("published"), dt.date):
        record["published"] = record["published"].isoformat()
    return record


@reader(*PARQUET_SUFFIXES, streams=True)
def read_parquet(handle: BinaryIO, source: str, limit: int) -> Iterator[Article | Skipped]:
    """A Parquet file of records, a batch of rows at a time; a record whose text is over ``limit``
    bytes is skipped."""
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise InputError(source, "reading Parquet needs pyarrow (pip install 'kroscek[spark]')") from error
    try:
        table = pq.ParquetFile(handle)
    except Exception as error:  # pyarrow's ArrowInvalid and friends: not a Parquet file
        raise InputError(source, f"not a Parquet file: {error}") from error
    columns = [name for name in JSONL_FIELDS if name in table.schema_arrow.names]
    if "text" not in columns:
        raise InputError(source, "no 'text' column (a Parquet file of records needs one)")
    number = 1
    for batch in table.iter_batches(batch_size=_ROWS, columns=columns):
        rows = batch.to_pylist()
        yield from sized(map(parquet_record, rows), source, number, limit)
        number += len(rows)


def sized(rows: Iterator[dict[str, Any]], source: str, first: int, limit: int) -> Iterator[Article | Skipped]:
    """The records of ``rows`` (numbered from ``first``), each one whose text is over ``limit`` bytes skipped."""
    for number, row in enumerate(rows, start=first):
        text = row.get("text")
        if isinstance(text, str) and len(text.encode("utf-8", "surrogatepass")) > limit:
            yield Skipped(f"{source}:{number}", f"text over the limit of {limit:,} bytes (max_input_bytes)")
        else:
            yield from record_articles([row], source, number)
