"""Readers of input formats, registered by file suffix: adding a format is one module with one
``@reader(".ext")`` function; :func:`kroscek.ingest.read_inputs` finds it by the file's suffix.

A reader gets the open file, the source name to report and the per-record size limit, and yields
Articles (or Skipped records naming the bad part). A reader that ``streams`` (JSONL, WARC) reads
a record at a time and takes files of any size; the others get files only up to the limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from kroscek.model import Article, Skipped

__all__ = ["Reader", "reader", "reader_for"]

ReadFunc = Callable[[BinaryIO, str, int], Iterable[Article | Skipped]]


@dataclass(frozen=True)
class Reader:
    read: ReadFunc
    streams: bool


_READERS: dict[str, Reader] = {}


def reader(*suffixes: str, streams: bool = False) -> Callable[[ReadFunc], ReadFunc]:
    """Register the decorated function as the reader of files with these suffixes."""

    def register(func: ReadFunc) -> ReadFunc:
        for suffix in suffixes:
            _READERS[suffix.lower()] = Reader(func, streams)
        return func

    return register


def reader_for(path: str) -> Reader | None:
    """The reader registered for ``path``'s suffix, if any (else the file is plain text)."""
    low = path.lower()
    return next((r for suffix, r in _READERS.items() if low.endswith(suffix)), None)
