"""Readers that turn one input (a text file or a JSONL file) into Article records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from kroscek.ingest.decode import InputError
from kroscek.ingest.readers import reader
from kroscek.model import FIRST_YEAR, LAST_YEAR, Article, Skipped, Warning, article_id

__all__ = [
    "JSONL_FIELDS",
    "JSONL_SUFFIXES",
    "jsonl_articles",
    "looks_like_jsonl",
    "record_articles",
    "scrub",
    "text_article",
]

#: Files read as JSON lines, a record a line (a growing one is followed by ``kroscek watch``).
JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: Fields a JSONL line may carry; ``text`` is required.
JSONL_FIELDS = ("id", "text", "title", "url", "outlet", "published", "authors")

_NEWLINES = re.compile(r"\r\n?")


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_newlines(text: str) -> str:
    """Return ``text`` with CRLF and CR line ends as LF (raw line indexes count LF lines)."""
    return _NEWLINES.sub("\n", text)


def scrub(value: str) -> tuple[str, str | None]:
    """Return ``value`` fit to store and encode, and what was repaired (None when nothing was).

    Lone surrogates (JSON allows ``"\\ud800"``; no encoder does) become U+FFFD, and NUL
    characters, which no news text means and PostgreSQL refuses, are dropped.
    """
    notes = []
    if _SURROGATE.search(value):
        value, count = _SURROGATE.subn("\ufffd", value)
        notes.append(f"{count} lone surrogate(s) replaced by U+FFFD")
    if "\x00" in value:
        notes.append(f"{value.count(chr(0))} NUL character(s) dropped")
        value = value.replace("\x00", "")
    return value, "; ".join(notes) or None


def _name_of(source: str) -> str:
    if source == "-":
        return "stdin"
    return PurePosixPath(source).stem or source


def text_article(text: str, source: str, note: str | None = None) -> Article:
    """Return the Article for one plain-text input."""
    raw, repaired = scrub(normalise_newlines(text))
    warnings = tuple(Warning("ingest", n) for n in (note, repaired) if n)
    return Article(
        id=article_id(source, raw),
        source=source,
        name=_name_of(source),
        raw=raw,
        warnings=warnings,
    )


def looks_like_jsonl(head: bytes) -> bool:
    """Return True when the first non-blank character of ``head`` opens a JSON object."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _published(value: Any) -> tuple[str | None, str | None]:
    """Return (ISO value, problem) for a JSONL ``published`` field."""
    if value in (None, ""):
        return None, None
    if not isinstance(value, str):
        return None, f"published {value!r} is not a string; ignored"
    try:
        year = datetime.fromisoformat(value).year
    except ValueError:
        if not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", value):
            return None, f"published {value!r} is not ISO 8601; ignored"
        year = int(value[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None, f"published {value!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}; kept here, not used"
    return value, None


def _string(obj: dict[str, Any], key: str, problems: list[str]) -> str | None:
    """The field ``key`` when it is a non-empty string; else None, saying why when it was something else."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems.append(f"'{key}' is not a string ({type(value).__name__}); ignored")
        return None
    value, repaired = scrub(value)
    if repaired:
        problems.append(f"'{key}': {repaired}")
    return value.strip() or None


def _authors(value: Any, problems: list[str]) -> tuple[str, ...]:
    if value is None or value == "" or value == []:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(a, str) for a in items):
        problems.append("'authors' is not a list of strings; ignored")
        return ()
    return tuple(name for a in items if (name := scrub(a)[0].strip()))


class _LongInteger(str):
    """An integer literal too long for ``int`` (over 4,300 digits): kept as its digits."""


def _integer(digits: str) -> int | _LongInteger:
    return int(digits) if len(digits) <= 4000 else _LongInteger(digits)


def _record_id(value: Any, problems: list[str]) -> str | None:
    """The record's own id: a string, or an integer written as one (never a boolean)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | _LongInteger):
        problems.append(f"'id' is not a string or an integer ({type(value).__name__}); ignored")
        return None
    return scrub(str(value))[0]


def _article_from_object(obj: Any, source: str, line_no: int) -> Article:
    where = f"{source}:{line_no}"
    if not isinstance(obj, dict):
        raise InputError(where, "a JSONL line must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no 'text' (a non-empty string is required)")
    raw, repaired = scrub(normalise_newlines(text))
    if not raw.strip():
        raise InputError(where, "no 'text' (a non-empty string is required)")
    problems = [f"'text': {repaired}"] if repaired else []
    record_id = _record_id(obj.get("id"), problems)
    url = _string(obj, "url", problems)
    title = _string(obj, "title", problems)
    outlet = _string(obj, "outlet", problems)
    authors = _authors(obj.get("authors"), problems)
    published, problem = _published(obj.get("published"))
    if problem:
        problems.append(problem)
    identity = record_id or url or where
    return Article(
        id=article_id(identity, raw),
        source=where,
        name=record_id or url or f"{_name_of(source)}:{line_no}",
        raw=raw,
        url=url,
        title=title,
        authors=authors,
        outlet=outlet,
        published=published,
        published_source="metadata" if published else None,
        warnings=tuple(Warning("ingest", p) for p in problems),
    )


def jsonl_articles(lines: Iterable[bytes], source: str, limit: int, first_line: int = 1) -> Iterator[Article | Skipped]:
    """Yield one Article per JSONL line, or a Skipped naming the line when it is bad.

    Lines are read one at a time, so a corpus file of any size streams; ``limit`` bounds one
    record, not the file. JSON lines are UTF-8 (RFC 8259); a BOM on the first line is allowed.
    ``first_line`` numbers the first of ``lines`` (a watcher reads a growing file from where it was).
    """
    for line_no, raw in enumerate(lines, start=first_line):
        where = f"{source}:{line_no}"
        if len(raw) > limit:
            yield Skipped(where, f"record of {len(raw):,} bytes, over the limit of {limit:,} (max_input_bytes)")
            continue
        try:
            line = raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield Skipped(where, f"not UTF-8 ({error.reason} at byte {error.start}); JSON lines must be UTF-8")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_int=_integer)
        except json.JSONDecodeError as error:
            yield Skipped(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            yield Skipped(where, "invalid JSON (nested too deeply)")
            continue
        try:
            yield _article_from_object(obj, source, line_no)
        except InputError as error:
            yield Skipped(error.source, error.problem)


def record_articles(records: Iterable[Any], source: str = "records", first: int = 1) -> Iterator[Article | Skipped]:
    """One Article per record (a mapping with ``text`` and the optional JSONL fields), or a
    Skipped naming the record (``source:N``, ``first`` numbering the first record) when it is
    bad: the JSONL reader's rules, for records a program already holds."""
    for number, obj in enumerate(records, start=first):
        try:
            yield _article_from_object(dict(obj) if isinstance(obj, Mapping) else obj, source, number)
        except InputError as error:
            yield Skipped(error.source, error.problem)


@reader(*JSONL_SUFFIXES, streams=True)
def read_jsonl(handle: BinaryIO, source: str, limit: int) -> Iterator[Article | Skipped]:
    """A JSONL file, a line at a time (any size; ``limit`` bounds one record)."""
    yield from jsonl_articles(handle, source, limit)
