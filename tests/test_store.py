"""The SQLite store under faults: killed processes, concurrent opens, newer or damaged files, odd text."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kroscek.store.sqlite import MIGRATIONS, Store, StoreError, _statements

TABLES = {"articles", "quotes", "entities", "stories", "story_articles", "docs", "meta", "search"}


def _child(script: str, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    """Start ``script`` in a fresh Python (the crash points are patched into that process only)."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _healthy(path: Path) -> Store:
    """Open the store at ``path`` and check it the way a user's next run would meet it."""
    store = Store(path)
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert names >= TABLES
    return store


# A process that kills itself (SIGKILL, as kill -9) once ``after`` statements of the first
# migration have run: before the version is written when ``after`` is the statement count.
_KILLED_WHILE_CREATING = """
    import os, signal, sys
    import kroscek.store.sqlite as sqlite

    after, real = int(sys.argv[2]), sqlite._statements

    def dying(script):
        done = 0
        for sql in real(script):
            if done == after:
                os.kill(os.getpid(), signal.SIGKILL)
            yield sql
            done += 1
        os.kill(os.getpid(), signal.SIGKILL)

    sqlite._statements = dying
    sqlite.Store(sys.argv[1])
"""


@pytest.mark.parametrize("after", [0, 1, 7, len(list(_statements(MIGRATIONS[0])))])
def test_a_kill_while_creating_the_schema_leaves_a_store_that_opens(tmp_path: Path, after: int) -> None:
    path = tmp_path / "k.db"
    child = _child(_KILLED_WHILE_CREATING, str(path), str(after))
    child.communicate()
    assert child.returncode == -9  # it really died half-way
    store = _healthy(path)
    assert store.counts() == {"articles": 0, "quotes": 0, "entities": 0, "stories": 0}
    assert store.generation() == 0


_OPEN_ON_CUE = """
    import sys
    from kroscek.store.sqlite import Store

    sys.stdin.readline()  # every opener waits here until all are started
    Store(sys.argv[1]).close()
    print("opened")
"""


def test_concurrent_first_opens_all_succeed(tmp_path: Path) -> None:
    for attempt in range(3):
        path = tmp_path / f"new{attempt}.db"
        openers = [_child(_OPEN_ON_CUE, str(path), stdin=subprocess.PIPE) for _ in range(6)]
        for opener in openers:
            assert opener.stdin is not None
            opener.stdin.write("go\n")
            opener.stdin.flush()
        results = [opener.communicate() for opener in openers]
        assert [r[0] for r in results] == ["opened\n"] * 6, [r[1][-300:] for r in results]
        _healthy(path).close()


def test_a_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kroscek.store.sqlite as sqlite

    broken = MIGRATIONS[0] + "\nCREATE TABLE articles (id TEXT);"  # fails after every other statement ran
    monkeypatch.setattr(sqlite, "MIGRATIONS", (broken,))
    with pytest.raises(sqlite.StoreError, match="already exists"):
        Store(tmp_path / "k.db")
    monkeypatch.undo()
    _healthy(tmp_path / "k.db").close()


def test_statements_keep_trigger_bodies_whole() -> None:
    script = "CREATE TABLE t (a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;\n"
    assert list(_statements(script)) == [
        "CREATE TABLE t (a);",
        "CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;",
    ]


def _newer(path: Path, journal: str) -> None:
    """Make ``path`` a store of a newer kroscek (schema one above ours) in the given journal mode."""
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_a_newer_store_is_refused_and_left_byte_identical(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "newer.db"
    _newer(path, journal)
    before, files = hashlib.sha256(path.read_bytes()).hexdigest(), sorted(tmp_path.iterdir())
    with pytest.raises(StoreError, match=f"has schema {len(MIGRATIONS) + 1}; this kroscek knows up to"):
        Store(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(tmp_path.iterdir()) == files  # not even a -wal or -shm beside it


def test_a_newer_schema_still_in_the_wal_is_refused(tmp_path: Path) -> None:
    # A newer kroscek is running: its migration sits in the WAL, the file's header still says ours.
    path = tmp_path / "busy.db"
    Store(path).close()
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="has schema"):
        Store(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    newer.close()
