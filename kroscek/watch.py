"""``kroscek watch``: follow folders, growing JSONL files, feeds and URL lists; ingest what is new,
alert on what changed.

Each pass looks at every file the sources name (folders are walked, globs expanded). A JSONL file
is read from where the last pass stopped, complete lines only (a line still being written waits);
a file that shrank was replaced and is read again from its start. Any other file is read whole
when it is new or its size or change time moved. The new records go through the usual ingest
(analysis, articles committed, stories recomputed); the changes the recomputation recorded are the
alerts: JSON lines to a file or stdout, and a POST of them as a JSON list to a webhook.

A source that is a URL (a feed, a sitemap or a page) or a file listing URLs (``*.urls``, one per
line) is fetched (:mod:`kroscek.fetch`: robots.txt, a per-host rate limit, retries, conditional
GET) at most every ``fetch.poll`` seconds; a feed's entries already read are not fetched again. An
unreachable feed is reported and asked again at its next poll; the other sources go on.

A file's cursor (size, change time, bytes and lines read) and what was fetched at a URL are
written to the store only after the articles are committed, so a watcher killed at any point
reads again what it had not recorded, and content ids make the second reading add nothing. A file
that cannot be read is reported once per problem and tried again on the next pass; it never stops
the others.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from kroscek.analysis import ingest_records
from kroscek.fetch import Fetcher, is_url, known_in, remember_in
from kroscek.ingest import read_inputs
from kroscek.ingest.paths import expand_paths, shown
from kroscek.ingest.records import JSONL_SUFFIXES, jsonl_articles
from kroscek.model import Article, Skipped
from kroscek.settings import Settings
from kroscek.store import Store

__all__ = ["URL_LISTS", "Watcher"]

#: Files that list URLs to fetch, rather than articles to read.
URL_LISTS = (".urls",)

Cursor = tuple[int, int, int, int]  # size, change time (ns), bytes read, lines read


@dataclass
class Watcher:
    """Follows ``sources`` into ``store``; see the module docstring."""

    store: Store
    sources: Sequence[str]
    settings: Settings
    alerts: TextIO | None = None
    webhook: str | None = None
    jobs: int | None = None
    report: Callable[[str], None] = lambda message: None
    #: What fetches the URL sources (made on first use, with the store's memory of each URL).
    fetcher: Fetcher | None = None
    _told: set[tuple[str, str]] = field(default_factory=set)
    _due: dict[str, float] = field(default_factory=dict)  # URL source -> when it is polled next

    def _remote(self, source: str) -> bool:
        return is_url(source) or source.lower().endswith(URL_LISTS)

    def _fetched(self) -> list[Article | Skipped]:
        """The records of the URL sources due for a poll (each is polled again ``fetch.poll`` s later)."""
        due = [s for s in self.sources if self._remote(s) and self._due.get(s, 0.0) <= time.monotonic()]
        if not due:
            return []
        if self.fetcher is None:
            self.fetcher = Fetcher(self.settings.fetch, self.settings.max_input_bytes, known_in(self.store))
        records: list[Article | Skipped] = []
        for source in due:
            self._due[source] = time.monotonic() + self.settings.fetch.poll
            records.extend(self.fetcher.articles([source]))
        return records

    def _pending(self) -> Iterator[tuple[str, Cursor, Sequence[Article | Skipped]]]:
        """Each file with something new: its path, its cursor once read, and its records."""
        for path in expand_paths(s for s in self.sources if not self._remote(s)):
            if isinstance(path, Skipped):
                self._tell(path)
                continue
            try:
                info = os.stat(path)
            except OSError as error:
                self._tell(Skipped(shown(path), error.strerror or str(error)))
                continue
            before = self.store.cursor(path)
            if path.lower().endswith(JSONL_SUFFIXES):
                read = self._grown(path, info.st_size, info.st_mtime_ns, before)
            elif before is None or before[:2] != (info.st_size, info.st_mtime_ns):
                read = self._whole(path, info.st_size, info.st_mtime_ns)
            else:
                read = None
            if read is not None:
                yield path, *read

    def _grown(self, path: str, size: int, changed: int, before: Cursor | None) -> tuple[Cursor, list[Any]] | None:
        start, lines = (before[2], before[3]) if before and size >= before[2] else (0, 0)  # shrank: replaced
        if before and start == size and before[:2] == (size, changed):
            return None
        try:
            with open(path, "rb") as handle:
                handle.seek(start)
                data = handle.read(size - start)
        except OSError as error:
            self._tell(Skipped(shown(path), error.strerror or str(error)))
            return None
        complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits for its newline
        rows = complete.splitlines(keepends=True)
        limit = self.settings.max_input_bytes
        records = list(jsonl_articles(rows, shown(path), limit, first_line=lines + 1))
        return (size, changed, start + len(complete), lines + len(rows)), records

    def _whole(self, path: str, size: int, changed: int) -> tuple[Cursor, list[Any]] | None:
        records = list(read_inputs([path], self.settings))
        problems = [r for r in records if isinstance(r, Skipped)]
        if problems and not any(isinstance(r, Article) for r in records):
            for problem in problems:
                self._tell(problem)
            return None  # not recorded: tried again next pass
        return (size, changed, size, 0), records

    def _tell(self, skipped: Skipped) -> None:
        key = (skipped.source, skipped.reason)
        if key not in self._told:
            self._told.add(key)
            self.report(f"skipped {skipped.source}: {skipped.reason}")

    def once(self) -> list[dict[str, Any]]:
        """One pass: ingest what is new and return the changes it made (also sent as alerts)."""
        fetched = self._fetched()
        pending = list(self._pending())
        if not pending and not fetched:
            return []
        since = self.store.last_change()
        records = [*fetched, *(r for _, _, found in pending for r in found)]
        for item in records:
            if isinstance(item, Skipped):
                self._tell(item)
        added = ingest_records(self.store, records, self.settings, self.jobs).added
        self.store.set_cursors({path: cursor for path, cursor, _ in pending})
        if self.fetcher is not None:
            remember_in(self.store, self.fetcher)
        changes = self.store.changes(since, limit=1_000_000)
        pages = sum(isinstance(r, Article) for r in fetched)
        self.report(
            f"{added} new article(s) from {len(pending)} file(s) and {pages} fetched page(s); {len(changes)} change(s)"
        )
        self._send(changes)
        return changes

    def _send(self, changes: list[dict[str, Any]]) -> None:
        if not changes:
            return
        if self.alerts is not None:
            for change in changes:
                self.alerts.write(json.dumps(change, ensure_ascii=False) + "\n")
            self.alerts.flush()
        if self.webhook:
            body = json.dumps(changes, ensure_ascii=False).encode()
            request = urllib.request.Request(
                self.webhook, data=body, headers={"Content-Type": "application/json"}, method="POST"
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
            except (urllib.error.URLError, OSError) as error:
                self.report(f"webhook {self.webhook} failed: {error}")

    def run(self, interval: float = 2.0, passes: int | None = None) -> None:
        """Pass after pass, ``interval`` seconds apart, until Ctrl-C (or ``passes`` done)."""
        done = 0
        try:
            while passes is None or done < passes:
                self.once()
                done += 1
                if passes is None or done < passes:
                    time.sleep(interval)
        except KeyboardInterrupt:
            self.report("stopped")
        finally:
            if self.fetcher is not None:
                self.fetcher.close()
