"""Ingest: paths, folders, globs and stdin to Article records (or Skipped, with the reason).

A bad input never stops the batch: it comes out as a :class:`~kroscek.model.Skipped` naming the
file (and the line, for JSONL) and the problem, and every other input is still read.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from kroscek.ingest.decode import InputError, decode
from kroscek.ingest.records import jsonl_articles, looks_like_jsonl, text_article
from kroscek.model import Article, Skipped
from kroscek.settings import Settings

__all__ = ["InputError", "expand_paths", "read_inputs"]

_GLOB_CHARS = frozenset("*?[")


def _display(path: Path) -> str:
    return path.as_posix()


def expand_paths(paths: Iterable[str]) -> Iterator[str | Skipped]:
    """Yield file paths (folders walked recursively, globs expanded, sorted) or ``-`` for stdin."""
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield Skipped(given, "folder holds no files")
            yield from (_display(p) for p in found)
        elif path.exists():
            yield _display(path)
        elif _GLOB_CHARS & set(given):
            matches = sorted(m for m in glob.glob(given, recursive=True) if Path(m).is_file())
            if not matches:
                yield Skipped(given, "pattern matches no file")
            yield from (_display(Path(m)) for m in matches)
        else:
            yield Skipped(given, "no such file or folder")


_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _read_text(source: str, handle: BinaryIO, limit: int) -> Article:
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"over the limit of {limit:,} bytes (max_input_bytes)")
    decoded = decode(data, source)
    return text_article(decoded.text, source, decoded.note)


def _read_one(source: str, settings: Settings, stdin: BinaryIO) -> Iterator[Article | Skipped]:
    limit = settings.max_input_bytes
    if source == "-":
        # A buffered stream can be peeked at without consuming what it shows.
        stream = stdin if isinstance(stdin, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, stdin))
        if looks_like_jsonl(stream.peek(64)[:64]):
            yield from jsonl_articles(stream, source, limit)
        else:
            yield _read_text(source, stream, limit)
        return
    try:
        if source.endswith(_JSONL_SUFFIXES):
            with open(source, "rb") as handle:
                yield from jsonl_articles(handle, source, limit)
            return
        size = os.path.getsize(source)
        if size > limit:
            raise InputError(source, f"{size:,} bytes, over the limit of {limit:,} (max_input_bytes)")
        with open(source, "rb") as handle:
            yield _read_text(source, handle, limit)
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from error


def read_inputs(paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Article | Skipped]:
    """Yield an Article per input record, or a Skipped per input that cannot be read.

    Records stream: a JSONL file is read a line at a time, whatever its size.
    """
    for source in expand_paths(paths):
        if isinstance(source, Skipped):
            yield source
            continue
        try:
            yield from _read_one(source, settings, stdin or sys.stdin.buffer)
        except InputError as error:
            yield Skipped(error.source, error.problem)
