"""The PostgreSQL store, for a team's shared server: the same records and queries as SQLite.

It is the SQLite ``Store`` with three things swapped: the connection (psycopg 3, placeholders
translated), the schema (``BYTEA`` records, a generated ``tsvector`` column with a GIN index in
place of FTS5), and the search query (``websearch_to_tsquery`` over the ``simple`` configuration,
``ts_headline`` snippets, ``ts_rank`` order). Migrations are numbered like SQLite's and recorded
in the ``meta`` table under ``schema``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from kroscek.store.sqlite import (
    COMPACT_INDEX,
    CORRECTIONS_TABLE,
    CURSORS_TABLE,
    FETCHED_TABLE,
    INDEX_TABLES,
    LIFE_TABLES,
    REVISION_KEY,
    TABLES,
    Store,
    StoreError,
)

__all__ = ["PG_MIGRATIONS", "PostgresStore"]

_TSV = """,
        tsv tsvector GENERATED ALWAYS AS (
            to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || coalesce(speaker, ''))
        ) STORED"""

PG_MIGRATIONS: tuple[str, ...] = (
    TABLES.format(blob="BYTEA", rowid="BIGSERIAL PRIMARY KEY", docs_extra=_TSV)
    + """
    CREATE INDEX docs_tsv ON docs USING GIN (tsv);
    INSERT INTO meta VALUES ('generation', 0);
    """,
    "INSERT INTO meta VALUES ('article_writes', 0);",
    LIFE_TABLES.format(blob="BYTEA", rowid="BIGSERIAL PRIMARY KEY"),
    CURSORS_TABLE,
    # The order articles were first added in (SQLite has it as the rowid).
    "ALTER TABLE articles ADD COLUMN seq BIGSERIAL;",
    INDEX_TABLES.format(blob="BYTEA", rowid="BIGSERIAL PRIMARY KEY"),
    FETCHED_TABLE,
    REVISION_KEY,
    CORRECTIONS_TABLE.format(blob="BYTEA", rowid="BIGSERIAL PRIMARY KEY"),
    "ALTER TABLE meta ALTER COLUMN value TYPE BIGINT;" + COMPACT_INDEX.format(without_rowid=""),
)


#: The advisory lock key kroscek's migrations hold (any constant other programs are unlikely to use).
_MIGRATION_LOCK = 0x6B726F7363656B

_HEADLINE = "StartSel=[, StopSel=], MaxWords=24, MinWords=8"


class _Connection:
    """psycopg 3 behind the few sqlite3 calls the store makes (``?`` placeholders, ``with`` = transaction)."""

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to {url.split('@')[-1]}: {error}") from error
        self._transactions: list[Any] = []

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: Any) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)

    def __enter__(self) -> _Connection:
        transaction = self.conn.transaction()
        transaction.__enter__()
        self._transactions.append(transaction)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._transactions.pop().__exit__(kind, error, trace)

    def close(self) -> None:
        self.conn.close()


class PostgresStore(Store):
    """A kroscek store in a PostgreSQL database (``postgresql://…`` URL)."""

    _LOCK_ROW = " FOR UPDATE"
    _INGEST_ORDER = "seq"

    def __init__(self, url: str) -> None:
        self.path = url
        self.db = _Connection(url)  # type: ignore[assignment]
        self._migrate()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block as one transaction (a block inside another is a savepoint of it)."""
        with self._failing("COMMIT"), self.db:
            yield

    @contextmanager
    def _failing(self, sql: str) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as error:
            doing = "reading it" if sql.lstrip().upper().startswith("SELECT") else "writing to it"
            where = self.path.split("@")[-1]  # never the password
            raise StoreError(f"store {where} failed while {doing}: {error}") from error

    def _migrate(self) -> None:
        with self.db:
            # One migrator at a time (the lock ends with the transaction): two first opens of an
            # empty database would otherwise both create the tables and one would fail.
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = int(row[0]) if row else 0
            if version > len(PG_MIGRATIONS):
                raise StoreError(f"store has schema {version}; this kroscek knows up to {len(PG_MIGRATIONS)}")
            for number in range(version, len(PG_MIGRATIONS)):
                self.db.execute(PG_MIGRATIONS[number])
                self.db.execute(
                    "INSERT INTO meta VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (number + 1,),
                )

    def _search_sql(self, text: str, columns: str, where: list[str]) -> tuple[str, list[str]]:
        words = " ".join(text.split())
        if not words:
            sql = (
                f"SELECT {columns}, substr(s.body, 1, 200) FROM docs s JOIN articles a ON a.id = s.article_id"
                + (" WHERE " + " AND ".join(where) if where else "")
                + " ORDER BY a.published DESC LIMIT ?"
            )
            return sql, []
        sql = (
            "WITH q AS (SELECT websearch_to_tsquery('simple', ?) AS query) "
            f"SELECT {columns}, ts_headline('simple', s.body, q.query, '{_HEADLINE}') "
            "FROM docs s JOIN articles a ON a.id = s.article_id CROSS JOIN q "
            "WHERE " + " AND ".join(["s.tsv @@ q.query", *where]) + " ORDER BY ts_rank(s.tsv, q.query) DESC LIMIT ?"
        )
        return sql, [words]
