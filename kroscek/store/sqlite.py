"""The default store: one SQLite file with full-text search (FTS5) over articles, quotes, entities.

Articles and stories are kept whole (msgspec JSON of the records) beside the columns search needs.
Writes are idempotent upserts by content id: ingesting the same article twice changes nothing.
The schema carries its version in ``PRAGMA user_version``; ``MIGRATIONS`` brings any older file
up to date when it is opened, each migration in one transaction with its version number, so a
process killed half-way leaves the file as it was, and two processes creating one file wait for
each other. Stories are recomputed over the whole store after each ingest (the grouping is
linear in articles), so a new article joins or opens its story. Every statement runs through
``Store._run``/``_run_many``/``_fetch``: a database error becomes a ``StoreError`` that says
what to do, and a NUL in a text value becomes U+FFFD (PostgreSQL refuses it).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import msgspec

from kroscek.model import Article, Change, Correction, Redirect, Story, revision_key

__all__ = [
    "COMPACT_INDEX",
    "CORRECTIONS_TABLE",
    "INDEX_TABLES",
    "MIGRATIONS",
    "TABLES",
    "IndexRows",
    "Store",
    "StoreError",
    "as_stored",
]

_ARTICLE = msgspec.json.Decoder(Article)
_STORY = msgspec.json.Decoder(Story)
_CHANGE = msgspec.json.Decoder(Change)
_CORRECTION = msgspec.json.Decoder(Correction)
_ENCODE = msgspec.json.Encoder()

#: The tables both stores share; ``{blob}``, ``{rowid}`` and ``{docs_extra}`` are the dialect's.
TABLES = """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, outlet TEXT, published TEXT, title TEXT,
        record {blob} NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, speaker TEXT, role TEXT, cited_from TEXT,
        text TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        canonical TEXT NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, canonical, label)
    );
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, size INTEGER NOT NULL, record {blob} NOT NULL);
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE docs (
        rowid {rowid}, kind TEXT NOT NULL, article_id TEXT NOT NULL, span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL, title TEXT, body TEXT, speaker TEXT{docs_extra}
    );
    CREATE INDEX docs_article ON docs(article_id);
    CREATE INDEX docs_speaker ON docs(speaker) WHERE kind = 'quote';
"""

#: Ids merged into another (a story, event, claim or quote chain) and the changes of each
#: recomputation, in order (``seq``), with when and which story.
LIFE_TABLES = """
    CREATE TABLE redirects (old TEXT PRIMARY KEY, new TEXT NOT NULL, kind TEXT NOT NULL);
    CREATE TABLE changes (
        seq {rowid}, at TEXT NOT NULL, story TEXT NOT NULL, kind TEXT NOT NULL, record {blob} NOT NULL
    );
    CREATE INDEX changes_story ON changes(story, seq);
"""

#: How far ``kroscek watch`` has read each file it follows (size and change time as last seen,
#: bytes and lines of a growing JSONL file consumed), so a restart resumes where it stopped.
CURSORS_TABLE = """
    CREATE TABLE cursors (
        source TEXT PRIMARY KEY, size BIGINT NOT NULL, changed BIGINT NOT NULL, bytes_read BIGINT NOT NULL,
        lines_read BIGINT NOT NULL
    );
"""

#: What ``kroscek fetch`` and ``kroscek watch`` last read at each URL (:class:`kroscek.fetch.Fetched`):
#: its validators for a conditional GET, the digest of its body, the article it gave, and when.
FETCHED_TABLE = """
    CREATE TABLE fetched (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, digest TEXT NOT NULL, article_id TEXT, at TEXT NOT NULL
    );
"""

#: Versions of one article (kroscek.stories.revisions): the key two versions share (URL, else record
#: id). Articles stored before this column came have none, and are no one's previous version.
REVISION_KEY = """
    ALTER TABLE articles ADD COLUMN revision_key TEXT;
    CREATE INDEX articles_revision_key ON articles(revision_key);
"""

#: The story index (:mod:`kroscek.stories.index`): each indexed article's number, event and story;
#: each event's and story's running state; the inverted indexes from term to the events and
#: stories that hold it (``seq``: the order entries were made, the most recent probed first);
#: sampled copy shingles and their articles; canonical names given so far, by word.
INDEX_TABLES = """
    CREATE TABLE index_articles (
        article_id TEXT PRIMARY KEY, number BIGINT NOT NULL, event_id TEXT NOT NULL, story_id TEXT NOT NULL
    );
    CREATE INDEX index_articles_story ON index_articles(story_id);
    CREATE TABLE index_groups (id TEXT PRIMARY KEY, kind TEXT NOT NULL, story_id TEXT, state {blob} NOT NULL);
    CREATE TABLE index_terms (seq {rowid}, kind TEXT NOT NULL, term BIGINT NOT NULL, group_id TEXT NOT NULL);
    CREATE INDEX index_terms_term ON index_terms(kind, term, seq);
    CREATE TABLE index_shingles (seq {rowid}, hash BIGINT NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX index_shingles_hash ON index_shingles(hash, seq);
    CREATE TABLE index_names (
        form TEXT PRIMARY KEY, name_key TEXT NOT NULL, label TEXT NOT NULL, articles BIGINT NOT NULL
    );
    CREATE INDEX index_names_key ON index_names(name_key);
    CREATE TABLE index_name_words (word TEXT NOT NULL, form TEXT NOT NULL, PRIMARY KEY (word, form));
"""

#: Analysts' corrections (:mod:`kroscek.stories.corrections`), numbered in the order made: each
#: record whole, and whether the last update of the stories could apply it (``applied``, ``lapsed``:
#: no longer applies, with the reason; ``pending`` until an update has looked at it).
CORRECTIONS_TABLE = """
    CREATE TABLE corrections (
        id {rowid}, at TEXT NOT NULL, by_whom TEXT NOT NULL, kind TEXT NOT NULL, record {blob} NOT NULL,
        status TEXT NOT NULL, reason TEXT
    );
"""

#: The story index in less room (a third): each sampled shingle names its article by index number
#: (two integers, no text, one B-tree keyed by both); term entries are kept in the B-tree of their
#: key, the order they were made given by a counter in ``meta`` (``{without_rowid}``: SQLite's
#: clustered tables; PostgreSQL keeps a heap and its key). Index states are written compactly by
#: kroscek.stories.groups.encode_weights (states written before are still read).
COMPACT_INDEX = """
    CREATE INDEX index_articles_number ON index_articles(number);
    CREATE TABLE index_shingles_by_number (
        hash BIGINT NOT NULL, number BIGINT NOT NULL, PRIMARY KEY (hash, number)
    ){without_rowid};
    INSERT INTO index_shingles_by_number SELECT DISTINCT s.hash, a.number
        FROM index_shingles s JOIN index_articles a ON a.article_id = s.article_id;
    DROP TABLE index_shingles;
    ALTER TABLE index_shingles_by_number RENAME TO index_shingles;
    CREATE TABLE index_terms_by_key (
        kind TEXT NOT NULL, term BIGINT NOT NULL, seq BIGINT NOT NULL, group_id TEXT NOT NULL,
        PRIMARY KEY (kind, term, seq)
    ){without_rowid};
    INSERT INTO index_terms_by_key SELECT kind, term, seq, group_id FROM index_terms;
    DROP TABLE index_terms;
    ALTER TABLE index_terms_by_key RENAME TO index_terms;
    INSERT INTO meta VALUES ('index_terms', (SELECT coalesce(max(seq), 0) FROM index_terms));
"""

#: Migration n brings a file from user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    TABLES.format(blob="BLOB", rowid="INTEGER PRIMARY KEY", docs_extra="")
    + """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta VALUES ('generation', 0);
    CREATE VIRTUAL TABLE search USING fts5(
        kind UNINDEXED, article_id UNINDEXED, span_start UNINDEXED, span_end UNINDEXED, title, body, speaker,
        content = 'docs', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER docs_insert AFTER INSERT ON docs BEGIN
        INSERT INTO search (rowid, kind, article_id, span_start, span_end, title, body, speaker)
        VALUES (new.rowid, new.kind, new.article_id, new.span_start, new.span_end, new.title, new.body, new.speaker);
    END;
    CREATE TRIGGER docs_delete AFTER DELETE ON docs BEGIN
        INSERT INTO search (search, rowid, kind, article_id, span_start, span_end, title, body, speaker)
        VALUES ('delete', old.rowid, old.kind, old.article_id, old.span_start, old.span_end, old.title, old.body,
                old.speaker);
    END;
    """,
    # A counter every write of articles moves, so a story recomputation can tell its input went stale.
    "INSERT INTO meta VALUES ('article_writes', 0);",
    # Ids kept for life: merged ids redirect; what each recomputation changed.
    LIFE_TABLES.format(blob="BLOB", rowid="INTEGER PRIMARY KEY"),
    CURSORS_TABLE,
    INDEX_TABLES.format(blob="BLOB", rowid="INTEGER PRIMARY KEY"),
    FETCHED_TABLE,
    REVISION_KEY,
    CORRECTIONS_TABLE.format(blob="BLOB", rowid="INTEGER PRIMARY KEY"),
    COMPACT_INDEX.format(without_rowid=" WITHOUT ROWID"),
)


#: How long a writer waits for another one (a concurrent ingest, the web app) before giving up.
BUSY_SECONDS = 30.0


class IndexRows(msgspec.Struct):
    """What one update of the story index writes (see :data:`INDEX_TABLES`)."""

    articles: list[tuple[str, int, str, str]] = []  # (article, number, event, story)
    groups: list[tuple[str, str, str | None, bytes]] = []  # (id, "event" | "story", story of an event, state)
    terms: list[tuple[str, int, str]] = []  # (kind, term, group), in the order made
    shingles: list[tuple[int, int]] = []  # (sampled shingle, article's index number)
    names: dict[str, tuple[str, str, int]] = {}  # canonical form -> (folded key, label, articles now using it)
    words: list[tuple[str, str]] = []  # (word, form)
    dropped: list[tuple[str, str]] = []  # (kind, id) of events and stories taken apart: state and terms go
    superseded: list[str] = []  # articles a newer version replaced: their shingles go


class StoreError(RuntimeError):
    """The store cannot be opened, is newer than this kroscek, or failed a read or a write (damaged, full, locked)."""


def _statements(script: str) -> Iterator[str]:
    """Yield the SQL statements of ``script`` one by one (a trigger's body stays with its trigger).

    ``executescript`` would commit before it starts, so a migration run with it is not atomic.
    """
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:80]}")


def _header_version(path: str) -> int | None:
    """Return the schema version in an existing SQLite file's header, read as plain bytes; else None."""
    if not os.path.isfile(path):  # a new file, ``:memory:``, a folder: SQLite will say what is wrong
        return None
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big", signed=True)  # PRAGMA user_version lives at offset 60


def _without_nul(params: Sequence[Any]) -> tuple[Any, ...]:
    """Return ``params`` with every NUL in a text value replaced by U+FFFD.

    PostgreSQL refuses NUL in text, and SQLite's FTS and string functions stop at one; the same
    replacement on both keeps the stores alike, one character for one so lengths still match.
    Records are stored whole as JSON, where a NUL is escaped, so an article reads back as written.
    """
    return tuple(as_stored(p) if isinstance(p, str) else p for p in params)


def as_stored(text: str) -> str:
    """``text`` as the store's columns hold it: each NUL as U+FFFD (see :func:`_without_nul`)."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def _explain(path: str, doing: str, error: sqlite3.DatabaseError) -> str:
    """Return what went wrong with the store at ``path`` and what the user can do about it."""
    code = error.sqlite_errorname or ""
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return (
            f"store '{path}' is damaged ({error}) while {doing}. Restore it from a backup, or save what is "
            f"left with `sqlite3 '{path}' .recover | sqlite3 recovered.db` and use recovered.db"
        )
    if code.startswith("SQLITE_FULL"):
        return f"store '{path}': the disk is full ({error}) while {doing}; free some space and run it again"
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"store '{path}' stayed locked by another writer for {BUSY_SECONDS:.0f} s ({error}) while {doing}; "
            "run it again when that one is done"
        )
    if code.startswith("SQLITE_READONLY"):
        return f"store '{path}' cannot be written ({error}): check the permissions of the file and its folder"
    if code.startswith("SQLITE_IOERR"):
        return f"store '{path}': the disk failed ({error}) while {doing}; check the disk, then run it again"
    return f"store '{path}' failed while {doing}: {error}"


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """``values`` in pieces small enough for one ``IN (…)`` (SQLite allows a limited number of parameters)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _fts_query(text: str) -> str:
    """Each word as a quoted FTS5 term (prefix match on the last), so user input is never syntax."""
    words = [w.replace('"', '""') for w in text.split() if w.strip()]
    if not words:
        return ""
    terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(terms)


class Store:
    """A kroscek store in one SQLite file (``:memory:`` for a throwaway one)."""

    #: What locks a row read inside a transaction; SQLite's transactions already hold the whole file.
    _LOCK_ROW = ""
    #: The order articles were first added in (an upsert keeps a row's rowid): the input order
    #: grouping falls back on for undated articles, as ``kroscek analyze`` of the same input.
    _INGEST_ORDER = "rowid"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._depth = 0
        # A file a newer kroscek wrote is refused before SQLite opens it: switching it to WAL
        # would rewrite its header.
        self._check_version(_header_version(self.path))
        try:
            # Transactions are ours (BEGIN IMMEDIATE … COMMIT), not the sqlite3 module's implicit ones.
            self.db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open store '{path}': {error}") from error
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self._schema_version()  # again through SQLite: the header may lag a WAL not yet checkpointed
            self.db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except BaseException as error:
            self.db.close()
            if isinstance(error, sqlite3.Error):  # "file is not a database", a locked or read-only file …
                raise StoreError(f"cannot open store '{path}': {error}") from error
            raise

    def _migrate(self) -> None:
        # Each migration is one transaction that re-reads the version under the write lock: a
        # second process creating the same file waits, then finds nothing left to do.
        while self._schema_version() < len(MIGRATIONS):
            with self.transaction():
                number = self._schema_version()
                if number >= len(MIGRATIONS):
                    break
                for sql in _statements(MIGRATIONS[number]):
                    self.db.execute(sql)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def _schema_version(self) -> int:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        self._check_version(version)
        return version

    def _check_version(self, version: int | None) -> None:
        if version is not None and version > len(MIGRATIONS):
            raise StoreError(
                f"store '{self.path}' has schema {version}; this kroscek knows up to {len(MIGRATIONS)}: "
                "open it with the newer kroscek that wrote it (the file is left as it was)"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block as one transaction: all of its writes are kept, or none.

        It takes the write lock at the start (``BEGIN IMMEDIATE``), so two writers queue instead
        of failing half-way; a block inside another joins the outer transaction.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._run("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self._run("COMMIT")
        except BaseException:
            with suppress(sqlite3.Error):  # a failed COMMIT may leave the transaction open
                self.db.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    # Every statement goes through these three, so a database error anywhere becomes a StoreError
    # that names the file and what to do, never a traceback, and no text value carries a NUL.

    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._failing(sql):
            self.db.execute(sql, _without_nul(params))

    def _run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._failing(sql):
            self.db.executemany(sql, (_without_nul(row) for row in rows))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._failing(sql):
            return list(self.db.execute(sql, _without_nul(params)).fetchall())

    @contextmanager
    def _failing(self, sql: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as error:
            doing = "reading it" if sql.lstrip().upper().startswith("SELECT") else "writing to it"
            raise StoreError(_explain(self.path, doing, error)) from error

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------------------------

    def upsert_articles(self, articles: Iterable[Article]) -> int:
        """Insert or replace articles by id (with their quotes, entities and search rows)."""
        written = list(articles)
        if not written:
            return 0
        count = 0
        with self.transaction():
            self._run("UPDATE meta SET value = value + 1 WHERE key = 'article_writes'")
            for a in written:
                self._run(
                    "INSERT INTO articles (id, name, outlet, published, title, record, revision_key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET name=excluded.name, outlet=excluded.outlet, "
                    "published=excluded.published, title=excluded.title, record=excluded.record, "
                    "revision_key=excluded.revision_key",
                    (a.id, a.name, a.outlet, a.published, a.title, _ENCODE.encode(a), revision_key(a)),
                )
                for table in ("quotes", "entities"):
                    self._run(f"DELETE FROM {table} WHERE article_id = ?", (a.id,))
                self._run("DELETE FROM docs WHERE article_id = ?", (a.id,))
                self._run_many(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            a.id,
                            q.start,
                            q.end,
                            q.speaker_canonical or q.speaker,
                            q.speaker_role,
                            q.cited_from,
                            a.text[q.start : q.end],
                        )
                        for q in a.quotes
                    ],
                )
                counts: dict[tuple[str, str], int] = {}
                for e in a.entities:
                    if e.canonical:
                        counts[(e.canonical, e.label)] = counts.get((e.canonical, e.label), 0) + 1
                self._run_many(
                    "INSERT INTO entities VALUES (?, ?, ?, ?)",
                    [(a.id, c, label, n) for (c, label), n in counts.items()],
                )
                rows = [("article", a.id, 0, len(a.text), a.title or "", a.text, "")]
                rows += [
                    ("quote", a.id, q.start, q.end, "", a.text[q.start : q.end], q.speaker_canonical or q.speaker or "")
                    for q in a.quotes
                ]
                rows += [("entity", a.id, 0, 0, "", name, "") for name, _ in counts]
                self._run_many(
                    "INSERT INTO docs (kind, article_id, span_start, span_end, title, body, speaker) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                count += 1
        return count

    def replace_stories(
        self, stories: Sequence[Story], redirects: Sequence[Redirect] = (), changes: Sequence[Change] = ()
    ) -> None:
        """Replace every story (they are recomputed over the whole store), record the ids merged
        away and what changed, in one transaction."""
        with self.transaction():
            self._redirect(redirects)
            self._record(changes)
            self._run("DELETE FROM stories")
            self._run("DELETE FROM story_articles")
            self._insert_stories(stories)

    def _redirect(self, redirects: Sequence[Redirect]) -> None:
        for r in redirects:  # an id merged twice answers as the last survivor
            self._run("DELETE FROM redirects WHERE old = ?", (r.old,))
            self._run("UPDATE redirects SET new = ? WHERE new = ?", (r.new, r.old))
        self._run_many("INSERT INTO redirects VALUES (?, ?, ?)", [(r.old, r.new, r.kind) for r in redirects])

    def _record(self, changes: Sequence[Change]) -> None:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._run_many(
            "INSERT INTO changes (at, story, kind, record) VALUES (?, ?, ?, ?)",
            [(at, c.story, c.kind, _ENCODE.encode(c)) for c in changes],
        )

    def _insert_stories(self, stories: Sequence[Story]) -> None:
        self._run("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        self._run_many(
            "INSERT INTO stories VALUES (?, ?, ?, ?)",
            [(s.id, s.title, len(s.article_ids), _ENCODE.encode(s)) for s in stories],
        )
        self._run_many("INSERT INTO story_articles VALUES (?, ?)", [(s.id, a) for s in stories for a in s.article_ids])

    def upsert_stories(
        self, stories: Sequence[Story], redirects: Sequence[Redirect] = (), changes: Sequence[Change] = ()
    ) -> None:
        """Write ``stories`` over the ones of the same id (the others stay), the ids merged away
        and what changed, in one transaction."""
        with self.transaction():
            self._redirect(redirects)
            self._record(changes)
            for chunk in _chunks([s.id for s in stories]):
                marks = ",".join("?" * len(chunk))
                self._run(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
                self._run(f"DELETE FROM story_articles WHERE story_id IN ({marks})", chunk)
            for chunk in _chunks([r.old for r in redirects if r.kind == "story"]):
                marks = ",".join("?" * len(chunk))
                self._run(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
                self._run(f"DELETE FROM story_articles WHERE story_id IN ({marks})", chunk)
            self._insert_stories(stories)

    def save_index(self, rows: IndexRows, *, fresh: bool = False) -> None:
        """Add an update's rows to the story index (``fresh``: in place of the whole index)."""
        with self.transaction():
            if fresh:
                for table in ("index_articles", "index_groups", "index_terms", "index_shingles", "index_names"):
                    self._run(f"DELETE FROM {table}")
                self._run("DELETE FROM index_name_words")
            for chunk in _chunks(rows.superseded):
                self._run(
                    "DELETE FROM index_shingles WHERE number IN "
                    f"(SELECT number FROM index_articles WHERE article_id IN ({','.join('?' * len(chunk))}))",
                    chunk,
                )
            for kind in ("event", "story"):
                for chunk in _chunks([i for k, i in rows.dropped if k == kind]):
                    marks = ",".join("?" * len(chunk))
                    self._run(f"DELETE FROM index_groups WHERE id IN ({marks})", chunk)
                    self._run(f"DELETE FROM index_terms WHERE kind = ? AND group_id IN ({marks})", (kind, *chunk))
            self._run_many(
                "INSERT INTO index_articles VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
                "number=excluded.number, event_id=excluded.event_id, story_id=excluded.story_id",
                rows.articles,
            )
            self._run_many(
                "INSERT INTO index_groups VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "kind=excluded.kind, story_id=excluded.story_id, state=excluded.state",
                rows.groups,
            )
            last = int(
                self._fetch(
                    "UPDATE meta SET value = value + ? WHERE key = 'index_terms' RETURNING value", (len(rows.terms),)
                )[0][0]
            )
            first = last - len(rows.terms) + 1
            self._run_many(
                "INSERT INTO index_terms (kind, term, seq, group_id) VALUES (?, ?, ?, ?)",
                [(kind, term, first + i, group) for i, (kind, term, group) in enumerate(rows.terms)],
            )
            self._run_many(
                "INSERT INTO index_shingles (hash, number) VALUES (?, ?) ON CONFLICT DO NOTHING", rows.shingles
            )
            self._run_many(
                "INSERT INTO index_names VALUES (?, ?, ?, ?) ON CONFLICT(form) DO UPDATE SET "
                "label=excluded.label, articles=excluded.articles",
                [(form, key, label, n) for form, (key, label, n) in rows.names.items()],
            )
            self._run_many("INSERT INTO index_name_words VALUES (?, ?) ON CONFLICT(word, form) DO NOTHING", rows.words)

    def add_correction(self, correction: Correction) -> Correction:
        """Record ``correction`` (``pending`` until an update looks at it); return it with its number."""
        with self.transaction():
            number = int(
                self._fetch(
                    "INSERT INTO corrections (at, by_whom, kind, record, status) VALUES (?, ?, ?, ?, 'pending') "
                    "RETURNING id",
                    (correction.at, correction.by, correction.kind, b""),
                )[0][0]
            )
            kept = msgspec.structs.replace(correction, id=number)
            self._run("UPDATE corrections SET record = ? WHERE id = ?", (_ENCODE.encode(kept), number))
        return kept

    def set_correction_status(self, statuses: Iterable[tuple[int, str, str | None]]) -> None:
        """Record whether each correction (number, status, reason) applied in the last update."""
        with self.transaction():
            self._run_many(
                "UPDATE corrections SET status = ?, reason = ? WHERE id = ?", [(s, r, n) for n, s, r in statuses]
            )

    # -- reading -------------------------------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """Every correction, oldest first."""
        return [_CORRECTION.decode(r[0]) for r in self._fetch("SELECT record FROM corrections ORDER BY id")]

    def correction_status(self) -> dict[int, tuple[str, str | None]]:
        """Each correction's status and reason as the last update left them."""
        return {int(r[0]): (str(r[1]), r[2]) for r in self._fetch("SELECT id, status, reason FROM corrections")}

    def unindexed(self, limit: int | None = None) -> list[Article]:
        """The articles the story index has not placed yet (the first ``limit``), in the order they
        were first added."""
        rows = self._fetch(
            "SELECT record FROM articles WHERE id NOT IN (SELECT article_id FROM index_articles) "
            f"ORDER BY {self._INGEST_ORDER}" + (" LIMIT ?" if limit is not None else ""),
            (limit,) if limit is not None else (),
        )
        return [_ARTICLE.decode(r[0]) for r in rows]

    def indexed(self) -> int:
        """The number the next indexed article gets (0: the index is empty)."""
        return int(self._fetch("SELECT coalesce(max(number) + 1, 0) FROM index_articles")[0][0])

    def index_terms(self, kind: str, terms: Sequence[int], per_term: int) -> dict[int, list[str]]:
        """The last ``per_term`` groups of ``kind`` each term was indexed for, oldest first.

        One indexed read per term (``index_terms_term`` in reverse, ``per_term`` rows): the cost does
        not grow with how many entries a common term has gathered.
        """
        found: dict[int, list[str]] = {}
        for term in terms:
            rows = self._fetch(
                "SELECT group_id FROM index_terms WHERE kind = ? AND term = ? ORDER BY seq DESC LIMIT ?",
                (kind, term, per_term),
            )
            if rows:
                found[int(term)] = [str(r[0]) for r in reversed(rows)]
        return found

    def index_groups(self, ids: Sequence[str]) -> dict[str, tuple[str | None, bytes]]:
        """Each indexed event's or story's story (for an event) and state."""
        found = {}
        for chunk in _chunks(list(ids)):
            rows = self._fetch(
                f"SELECT id, story_id, state FROM index_groups WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update({str(r[0]): (r[1], bytes(r[2])) for r in rows})
        return found

    def index_members(self, ids: Sequence[str], of: str = "story") -> list[tuple[str, int, str, str]]:
        """(article, number, event, story) of every article the index placed in the stories
        (``of="event"``: the events) of ``ids``."""
        column = {"story": "story_id", "event": "event_id"}[of]
        found = []
        for chunk in _chunks(list(ids)):
            found += self._fetch(
                "SELECT article_id, number, event_id, story_id FROM index_articles "
                f"WHERE {column} IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        return [(str(a), int(n), str(e), str(s)) for a, n, e, s in found]

    def latest_versions(self, keys: Sequence[str]) -> dict[str, Article]:
        """For each revision key (URL, else record id), the article with it added last."""
        found: dict[str, Article] = {}
        for key in keys:
            rows = self._fetch(
                f"SELECT record FROM articles WHERE revision_key = ? ORDER BY {self._INGEST_ORDER} DESC LIMIT 1",
                (as_stored(key),),
            )
            if rows:
                found[key] = _ARTICLE.decode(rows[0][0])
        return found

    def index_placed(self, article_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The event and story the index placed each of ``article_ids`` in (those placed; a version a
        newer one replaced is placed nowhere)."""
        found: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(list(article_ids)):
            rows = self._fetch(
                "SELECT article_id, event_id, story_id FROM index_articles "
                f"WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update({str(a): (str(e), str(s)) for a, e, s in rows if e})  # "": a replaced version
        return found

    def shingle_owners(self, hashes: Sequence[int], per_hash: int) -> dict[int, list[str]]:
        """The last ``per_hash`` indexed articles holding each sampled shingle (one indexed read each)."""
        found: dict[int, list[str]] = {}
        for value in hashes:
            rows = self._fetch(
                "SELECT a.article_id FROM index_shingles s JOIN index_articles a ON a.number = s.number "
                "WHERE s.hash = ? ORDER BY s.number DESC LIMIT ?",
                (value, per_hash),
            )
            if rows:
                found[int(value)] = [str(r[0]) for r in reversed(rows)]
        return found

    def known_names(self, keys: Sequence[str], words: Sequence[str], per_word: int) -> dict[str, tuple[str, int]]:
        """The canonical names given so far (form -> label, articles) whose folded key is one of
        ``keys``, and the ``per_word`` most used of those holding each of ``words``."""
        found: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(sorted(set(keys))):
            rows = self._fetch(
                f"SELECT form, label, articles FROM index_names WHERE name_key IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update({str(f): (str(label), int(n)) for f, label, n in rows})
        for chunk in _chunks(sorted(set(words))):
            rows = self._fetch(
                "SELECT form, label, articles FROM (SELECT n.form, n.label, n.articles, ROW_NUMBER() OVER "
                "(PARTITION BY w.word ORDER BY n.articles DESC, n.form) AS r FROM index_name_words w "
                f"JOIN index_names n ON n.form = w.form WHERE w.word IN ({','.join('?' * len(chunk))})) AS t "
                "WHERE r <= ?",
                (*chunk, per_word),
            )
            found.update({str(f): (str(label), int(n)) for f, label, n in rows})
        return found

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self._fetch(f"SELECT record FROM articles ORDER BY {self._INGEST_ORDER}")
        else:
            wanted = list(ids)
            rows = []
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk : chunk + 500]
                rows += self._fetch(f"SELECT record FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
        return [_ARTICLE.decode(r[0]) for r in rows]

    def each_article(self, batch: int = 500) -> Iterator[Article]:
        """Every article in ingest order, read ``batch`` at a time: a store of any size in bounded memory."""
        order, last = self._INGEST_ORDER, -1
        while rows := self._fetch(
            f"SELECT {order}, record FROM articles WHERE {order} > ? ORDER BY {order} LIMIT ?", (last, batch)
        ):
            last = int(rows[-1][0])
            yield from (_ARTICLE.decode(r[1]) for r in rows)

    def story_ids(self) -> list[str]:
        """Every story's id, largest first (ties by id): the order of the reports."""
        return [str(r[0]) for r in self._fetch("SELECT id FROM stories ORDER BY size DESC, id")]

    def missing(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` the store does not hold."""
        wanted = list(ids)
        held: set[str] = set()
        for chunk in _chunks(wanted):
            held.update(
                r[0] for r in self._fetch(f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            )
        return {i for i in wanted if as_stored(i) not in held}

    def article(self, article_id: str) -> Article | None:
        rows = self._fetch("SELECT record FROM articles WHERE id = ?", (article_id,))
        return _ARTICLE.decode(rows[0][0]) if rows else None

    def story(self, story_id: str) -> Story | None:
        rows = self._fetch("SELECT record FROM stories WHERE id = ?", (story_id,))
        return _STORY.decode(rows[0][0]) if rows else None

    def cursor(self, source: str) -> tuple[int, int, int, int] | None:
        """What a watcher last saw of ``source``: (size, change time in ns, bytes read, lines read)."""
        rows = self._fetch("SELECT size, changed, bytes_read, lines_read FROM cursors WHERE source = ?", (source,))
        return (int(rows[0][0]), int(rows[0][1]), int(rows[0][2]), int(rows[0][3])) if rows else None

    def set_cursors(self, cursors: dict[str, tuple[int, int, int, int]]) -> None:
        """Record how far each source was read (after its articles were committed)."""
        with self.transaction():
            for source, (size, changed, done, lines) in cursors.items():
                self._run("DELETE FROM cursors WHERE source = ?", (source,))
                self._run("INSERT INTO cursors VALUES (?, ?, ?, ?, ?)", (source, size, changed, done, lines))

    def fetched(self, url: str) -> tuple[str | None, str | None, str, str | None] | None:
        """What was last read at ``url``: (ETag, Last-Modified, body digest, article id), or None."""
        rows = self._fetch(
            "SELECT etag, last_modified, digest, article_id FROM fetched WHERE url = ?", (as_stored(url),)
        )
        return (rows[0][0], rows[0][1], str(rows[0][2]), rows[0][3]) if rows else None

    def set_fetched(self, records: Iterable[tuple[str, str | None, str | None, str, str | None]]) -> None:
        """Record what was read at each URL (url, ETag, Last-Modified, digest, article id), after its
        article was committed."""
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction():
            for url, etag, modified, digest, article_id in records:
                self._run("DELETE FROM fetched WHERE url = ?", (as_stored(url),))
                self._run(
                    "INSERT INTO fetched VALUES (?, ?, ?, ?, ?, ?)",
                    (*(as_stored(v) if v is not None else None for v in (url, etag, modified, digest, article_id)), at),
                )

    def last_change(self) -> int:
        """The number of the latest recorded change (0: none)."""
        return int(self._fetch("SELECT coalesce(max(seq), 0) FROM changes")[0][0])

    def all_stories(self) -> list[Story]:
        """Every story, as a recomputation compares them with its own."""
        return [_STORY.decode(r[0]) for r in self._fetch("SELECT record FROM stories ORDER BY id")]

    def redirect(self, group_id: str) -> str | None:
        """The id a merged story, event, claim or quote chain now answers as, if it was merged."""
        rows = self._fetch("SELECT new FROM redirects WHERE old = ?", (group_id,))
        return str(rows[0][0]) if rows else None

    def changes(
        self, since: int = 0, story: str | None = None, limit: int = 500, *, latest: bool = False
    ) -> list[dict[str, Any]]:
        """What recomputations changed after change number ``since``, oldest first (of one story if
        given): the first ``limit`` of them, or with ``latest`` the last ``limit``."""
        where = "seq > ?"
        params: list[Any] = [since]
        if story:
            where += " AND story = ?"
            params.append(story)
        order = "DESC" if latest else "ASC"
        rows = self._fetch(
            f"SELECT seq, at, record FROM changes WHERE {where} ORDER BY seq {order} LIMIT ?", (*params, limit)
        )
        found = [{"seq": int(r[0]), "at": r[1], **msgspec.to_builtins(_CHANGE.decode(r[2]))} for r in rows]
        return found[::-1] if latest else found

    def story_of(self, article_id: str) -> str | None:
        rows = self._fetch("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    def stories(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self._fetch("SELECT id, title, size FROM stories ORDER BY size DESC, id LIMIT ?", (limit,))
        return [{"id": r[0], "title": r[1], "articles": r[2]} for r in rows]

    def article_writes(self) -> int:
        """A number that changes whenever articles are written (inside a transaction: held until it ends)."""
        return int(self._fetch(f"SELECT value FROM meta WHERE key = 'article_writes'{self._LOCK_ROW}")[0][0])

    def generation(self) -> int:
        """A number that changes whenever the stories are rewritten (for caching pages)."""
        return int(self._fetch("SELECT value FROM meta WHERE key = 'generation'")[0][0])

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._fetch(f"SELECT count(*) FROM {table}")[0][0])
            for table in ("articles", "quotes", "entities", "stories")
        }

    def search(
        self,
        text: str = "",
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        speaker: str | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Full-text hits (articles, quotes, entities) filtered by outlet, date range, entity, speaker."""
        where: list[str] = []
        params: list[str | int] = []
        for clause, value in (
            ("a.outlet = ?", outlet),
            ("a.published >= ?", since),
            ("substr(a.published, 1, 10) <= ?", until),
            ("s.article_id IN (SELECT article_id FROM entities WHERE canonical = ?)", entity),
            ("s.kind = 'quote' AND s.speaker = ?", speaker),
        ):
            if value:
                where.append(clause)
                params.append(value)
        columns = "s.kind, s.article_id, s.span_start, s.span_end, a.title, a.outlet, a.published, s.speaker"
        sql, first = self._search_sql(text, columns, where)
        rows = self._fetch(sql, [*first, *params, max(1, min(limit, 500))])
        keys = ("kind", "article_id", "start", "end", "title", "outlet", "published", "speaker", "snippet")
        return [{**dict(zip(keys, r, strict=True)), "speaker": r[7] or None} for r in rows]

    def _search_sql(self, text: str, columns: str, where: list[str]) -> tuple[str, list[str]]:
        """The dialect's query: FTS5 MATCH with snippet and rank; without words, the plain table."""
        query = _fts_query(text)
        if query:
            where = ["search MATCH ?", *where]
            body = "snippet(search, 5, '[', ']', ' … ', 16)"
            source, order = "search s", "rank"
        else:
            body, source, order = "substr(s.body, 1, 200)", "docs s", "a.published DESC"
        sql = (
            f"SELECT {columns}, {body} FROM {source} JOIN articles a ON a.id = s.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {order} LIMIT ?"
        )
        return sql, [query] if query else []
