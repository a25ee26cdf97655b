"""Ingest: paths, folders, globs and stdin to Article records (or Skipped, with the reason).

A bad input never stops the batch: it comes out as a :class:`~kroscek.model.Skipped` naming the
file (and the line, for JSONL) and the problem, and every other input is still read.
"""

from __future__ import annotations

import importlib
import io
import os
import pkgutil
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

from kroscek.ingest.decode import InputError, decode
from kroscek.ingest.paths import expand_paths, shown
from kroscek.ingest.readers import reader_for
from kroscek.ingest.records import jsonl_articles, looks_like_jsonl, text_article
from kroscek.model import Article, Skipped
from kroscek.settings import Settings

__all__ = ["InputError", "expand_paths", "read_file", "read_inputs"]


def _read_text(source: str, handle: BinaryIO, limit: int) -> Article:
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"over the limit of {limit:,} bytes (max_input_bytes)")
    decoded = decode(data, source)
    return text_article(decoded.text, source, decoded.note)


def _read_one(path: str, settings: Settings, stdin: BinaryIO) -> Iterator[Article | Skipped]:
    limit = settings.max_input_bytes
    source = shown(path)
    if path == "-":
        # A buffered stream can be peeked at without consuming what it shows.
        stream = stdin if isinstance(stdin, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, stdin))
        if looks_like_jsonl(stream.peek(64)[:64]):
            yield from jsonl_articles(stream, source, limit)
        else:
            yield _read_text(source, stream, limit)
        return
    try:
        found = reader_for(path)
        if found is None or not found.streams:
            size = os.path.getsize(path)
            if size > limit:
                raise InputError(source, f"{size:,} bytes, over the limit of {limit:,} (max_input_bytes)")
        with open(path, "rb") as handle:
            yield from found.read(handle, source, limit) if found else [_read_text(source, handle, limit)]
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from error


def read_file(data: bytes, source: str, settings: Settings) -> Iterator[Article | Skipped]:
    """The records of one input file already read into memory (a cluster reads its files itself),
    by the reader its suffix names, else as text; what cannot be read comes out as Skipped."""
    found = reader_for(source)
    try:
        if (found is None or not found.streams) and len(data) > settings.max_input_bytes:
            limit = settings.max_input_bytes
            raise InputError(source, f"{len(data):,} bytes, over the limit of {limit:,} (max_input_bytes)")
        handle = io.BytesIO(data)
        if found is None:
            yield _read_text(source, handle, settings.max_input_bytes)
        else:
            yield from found.read(handle, source, settings.max_input_bytes)
    except InputError as error:
        yield Skipped(error.source, error.problem)


def read_inputs(paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Yield an Article per input record, or a Skipped per input that cannot be read.

    Records stream: a JSONL file is read a line at a time, whatever its size.
    """
    for path in expand_paths(paths):
        if isinstance(path, Skipped):
            yield path
            continue
        try:
            yield from _read_one(path, settings, stdin or sys.stdin.buffer)
        except InputError as error:
            yield Skipped(error.source, error.problem)


# Every module of this package is imported, so a reader registered in any of them is found.
for _module in pkgutil.walk_packages(__path__, f"{__name__}."):
    importlib.import_module(_module.name)
