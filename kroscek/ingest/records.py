"""Readers that turn one input (a text file or a JSONL file) into Article records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from kroscek.ingest.decode import InputError
from kroscek.model import Article, Skipped, Warning, article_id

__all__ = ["JSONL_FIELDS", "jsonl_articles", "looks_like_jsonl", "text_article"]

#: Fields a JSONL line may carry; ``text`` is required.
JSONL_FIELDS = ("id", "text", "title", "url", "outlet", "published", "authors")

_NEWLINES = re.compile(r"\r\n?")


def normalise_newlines(text: str) -> str:
    """Return ``text`` with CRLF and CR line ends as LF (raw line indexes count LF lines)."""
    return _NEWLINES.sub("\n", text)


def _name_of(source: str) -> str:
    if source == "-":
        return "stdin"
    return PurePosixPath(source).stem or source


def text_article(text: str, source: str, note: str | None = None) -> Article:
    """Return the Article for one plain-text input."""
    raw = normalise_newlines(text)
    warnings = (Warning("ingest", note),) if note else ()
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
        return None, f"published {value!r} is not a string"
    try:
        datetime.fromisoformat(value)
    except ValueError:
        if not re.fullmatch(r"\d{4}(-\d{2})?", value):
            return None, f"published {value!r} is not ISO 8601; ignored"
    return value, None


def _article_from_object(obj: Any, source: str, line_no: int) -> Article:
    where = f"{source}:{line_no}"
    if not isinstance(obj, dict):
        raise InputError(where, "a JSONL line must be a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no 'text' (a non-empty string is required)")
    authors = obj.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise InputError(where, "'authors' must be a list of strings")
    for key in ("id", "title", "url", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str | int):
            raise InputError(where, f"'{key}' must be a string")
    record_id = str(obj["id"]) if obj.get("id") is not None else None
    url = obj.get("url") or None
    identity = record_id or url or where
    published, problem = _published(obj.get("published"))
    raw = normalise_newlines(text)
    return Article(
        id=article_id(identity, raw),
        source=where,
        name=record_id or url or f"{_name_of(source)}:{line_no}",
        raw=raw,
        url=url,
        title=(obj.get("title") or None),
        authors=tuple(a.strip() for a in authors if a.strip()),
        outlet=(obj.get("outlet") or None),
        published=published,
        published_source="metadata" if published else None,
        warnings=(Warning("ingest", problem),) if problem else (),
    )


def jsonl_articles(lines: Iterable[bytes], source: str, limit: int) -> Iterator[Article | Skipped]:
    """Yield one Article per JSONL line, or a Skipped naming the line when it is bad.

    Lines are read one at a time, so a corpus file of any size streams; ``limit`` bounds one
    record, not the file. JSON lines are UTF-8 (RFC 8259); a BOM on the first line is allowed.
    """
    for line_no, raw in enumerate(lines, start=1):
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
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(where, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        try:
            yield _article_from_object(obj, source, line_no)
        except InputError as error:
            yield Skipped(error.source, error.problem)
