"""The SQLite store under faults: killed processes, concurrent opens, newer or damaged files, odd text."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import msgspec
import pytest

from kroscek.analysis import ingest
from kroscek.model import Article, Entity, Quote, Sentence
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.store.sqlite import MIGRATIONS, Store, StoreError, _statements
from kroscek.stories.index import restory, update
from tests.conftest import pg_scratch

FAST = Settings(stages=("clean",))  # the store is under test, not the analysis: one cheap stage
TABLES = {"articles", "quotes", "entities", "stories", "story_articles", "docs", "meta", "search"}


def _article(n: int, *, nul: str = "") -> Article:
    """A small hand-built article; ``nul`` goes into every text field (``"\\x00"`` for issue 10)."""
    body = f'Warga{nul} melapor ke polisi. "Kami tidak{nul} takut {n}," kata Budi{nul} Santoso di Jakarta.'
    quote = body.index("Kami")
    return Article(
        id=f"a{n:04d}{nul}",
        source=f"test{nul}:{n}",
        name=f"artikel{nul}-{n}",
        raw=body,
        text=body,
        url=f"https://contoh.id/{nul}{n}",
        title=f"Judul{nul} {n}",
        authors=(f"Siti{nul} Aminah",),
        outlet=f"contoh{nul}.id",
        published=f"2024-08-{n % 28 + 1:02d}",
        sentences=(Sentence(0, len(body)),),
        entities=(
            Entity(body.index("Budi"), body.index(" di "), "PER", f"Budi{nul} Santoso"),
            Entity(body.index("Jakarta"), len(body) - 1, "GPE", "Jakarta"),
        ),
        quotes=(
            Quote(
                start=quote,
                end=body.index(',"'),
                kind="direct",
                speaker=f"Budi{nul} Santoso",
                speaker_canonical=f"Budi{nul} Santoso",
                speaker_role=f"warga{nul}",
                cited_from=f"Antara{nul}",
            ),
        ),
    )


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


def _damage(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with zeros, as a failing disk would."""
    db = sqlite3.connect(path)
    page = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(bytes(page))


def test_a_damaged_page_is_a_store_error_that_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    store = Store(path)
    store.upsert_articles(_article(n) for n in range(3))
    store.close()
    _damage(path, "articles")
    store = Store(path)  # the schema is intact: opening works, the damage shows on use
    uses = (lambda: store.upsert_articles([_article(9)]), store.articles, lambda: store.article("a0001"))
    for use in uses:
        with pytest.raises(StoreError) as raised:
            use()
        message = str(raised.value)
        assert f"store '{path}' is damaged (database disk image is malformed)" in message
        assert f"sqlite3 '{path}' .recover" in message and "backup" in message
    store.close()


def test_an_ingest_into_a_damaged_store_is_a_store_error(tmp_path: Path) -> None:
    path, records = tmp_path / "k.db", tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "x1", "text": _article(1).text}) + "\n", encoding="utf-8")
    Store(path).close()
    _damage(path, "docs")
    with pytest.raises(StoreError, match=r"is damaged .* while writing to it"):
        ingest(Store(path), [str(records)], FAST)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A new empty store of each kind (PostgreSQL in a schema of its own; skipped without a server)."""
    store = open_store(tmp_path / "k.db" if request.param == "sqlite" else pg_scratch("kroscek_nul"))
    yield store
    store.close()


def test_nul_in_any_text_field_is_stored_and_read_back(any_store: Store, tmp_path: Path) -> None:
    odd, plain = _article(1, nul="\x00"), _article(2)
    assert any_store.upsert_articles([odd, plain]) == 2
    assert any_store.article(odd.id) == odd  # the record comes back exactly as written, NULs and all
    assert sorted(any_store.articles([odd.id, plain.id]), key=lambda a: a.id) == [odd, plain]
    restory(any_store)
    assert any_store.story_of(odd.id) is not None and any_store.story_of(plain.id) is not None
    hits = any_store.search("melapor", outlet="contoh\x00.id")
    assert [(h["kind"], h["title"]) for h in hits] == [("article", "Judul\ufffd 1")]
    # The speaker's NUL spelling is the one linking chose for both articles (the ids in the index
    # columns carry U+FFFD, and finding an article by that id works too).
    quotes = any_store.search(speaker="Budi\x00 Santoso")
    assert {(q["article_id"], q["speaker"]) for q in quotes} >= {("a0001\ufffd", "Budi\ufffd Santoso")}
    assert any_store.article("a0001\ufffd") == any_store.article(odd.id) is not None
    assert any_store.search(entity="Budi\x00 Santoso")
    assert any_store.counts() == {"articles": 2, "quotes": 2, "entities": 4, "stories": any_store.counts()["stories"]}
    # Through the whole ingest too (the JSONL reader may drop NULs itself; the store must not fail either way).
    records = tmp_path / "nul.jsonl"
    record = {"id": "n\x001", "title": "Judul\x00 berita", "outlet": "de\x00tik.com", "authors": ["Budi\x00 S"]}
    records.write_text(json.dumps({**record, "text": odd.text}) + "\n", encoding="utf-8")
    added, skipped, _ = ingest(any_store, [str(records)], FAST)
    assert (added, skipped) == (1, []) and any_store.counts()["articles"] == 3
    assert {a.title for a in any_store.articles()} >= {"Judul\x00 1", "Judul 2"}


# -- interrupted ingests and story recomputations ---------------------------------------------


def _records(path: Path, count: int) -> Path:
    """Write ``count`` short JSONL records (distinct texts, so distinct content ids) to ``path``."""
    speakers = ["Budi Santoso", "Siti Aminah", "Retno Marsudi", "Lin Jian"]
    lines = [
        json.dumps(
            {
                "id": f"r{n}",
                "outlet": "contoh.id",
                "published": f"2024-08-{n % 28 + 1:02d}",
                "title": f"Banjir {n}",
                "text": f'JAKARTA - Warga kampung {n} melapor banjir. "Kami tidak takut," kata {speakers[n % 4]}.',
            }
        )
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _held_once(path: Path, expected: int) -> None:
    """The store at ``path`` opens, is sound, and holds every article once, each in exactly one story."""
    store = _healthy(path)
    assert store.counts()["articles"] == expected
    in_stories = store.db.execute("SELECT count(*), count(DISTINCT article_id) FROM story_articles").fetchone()
    assert in_stories == (expected, expected)
    store.close()


# Ingest argv[2] into argv[1] four articles per commit, dying (SIGKILL) as the argv[3]-th article
# row is written: inside the transaction of the third batch when it is 10.
_KILLED_WHILE_INGESTING = """
    import os, signal, sys
    from kroscek.settings import Settings
    from kroscek.analysis import ingest
    from kroscek.store import open_store, sqlite

    after, real, written = int(sys.argv[3]), sqlite.Store._run, [0]

    def dying(self, sql, params=()):
        if sql.startswith("INSERT INTO articles"):
            written[0] += 1
            if written[0] == after:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(self, sql, params)

    sqlite.Store._run = dying
    ingest(open_store(sys.argv[1]), [sys.argv[2]], Settings(stages=("clean",)), commit_articles=4, commit_seconds=1e9)
"""


def test_an_ingest_killed_mid_batch_keeps_the_committed_batches(tmp_path: Path) -> None:
    path, records = tmp_path / "k.db", _records(tmp_path / "in.jsonl", 14)
    child = _child(_KILLED_WHILE_INGESTING, str(path), str(records), "10")
    assert child.communicate()[0] == "" and child.returncode == -9
    store = _healthy(path)
    assert store.counts()["articles"] == 8  # two batches of four committed, the third rolled back
    store.close()
    ingest(Store(path), [str(records)], FAST)  # the same ingest again: the rest, nothing twice
    _held_once(path, 14)


# Ingest JSONL from stdin two articles per commit; the test kills it (kill -9 from outside) once
# the first pipeline batch of 16 is committed and the process waits for more input.
_INGEST_STDIN = """
    import sys
    from kroscek.settings import Settings
    from kroscek.analysis import ingest
    from kroscek.store import open_store

    ingest(open_store(sys.argv[1]), ["-"], Settings(stages=("clean",)), commit_articles=2, commit_seconds=1e9)
"""


def test_an_ingest_killed_from_outside_keeps_what_it_committed(tmp_path: Path) -> None:
    path, records = tmp_path / "k.db", _records(tmp_path / "in.jsonl", 24)
    lines = records.read_text(encoding="utf-8").splitlines(keepends=True)
    child = _child(_INGEST_STDIN, str(path), stdin=subprocess.PIPE)
    assert child.stdin is not None
    child.stdin.write("".join(lines[:16]))
    child.stdin.flush()
    committed = 0
    while committed < 16 and child.poll() is None:  # poll the store as any reader would
        with suppress(sqlite3.Error), closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as reader:
            committed = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
    child.kill()
    child.communicate()
    assert child.returncode == -9 and committed == 16
    _healthy(path).close()
    ingest(Store(path), [str(records)], FAST)
    _held_once(path, 24)


def test_an_interrupted_story_recomputation_keeps_the_old_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "k.db"
    ingest(Store(path), [str(_records(tmp_path / "a.jsonl", 6))], FAST)
    store = Store(path)
    before = (store.stories(), store.generation(), store.articles())
    store.upsert_articles(_article(n) for n in range(3))  # new articles, stories not yet recomputed
    written = store.articles()
    real = Store._run_many

    def failing(self: Store, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if sql.startswith("INSERT INTO story_articles"):  # the stories rows are written: fail now
            raise KeyboardInterrupt
        real(self, sql, rows)

    monkeypatch.setattr(Store, "_run_many", failing)
    with pytest.raises(KeyboardInterrupt):
        restory(store)
    assert (store.stories(), store.generation(), store.articles()) == (before[0], before[1], written)
    monkeypatch.undo()
    restory(store)
    store.close()
    _held_once(path, 9)


def test_articles_another_writer_adds_are_placed_by_the_next_index_update(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    store.upsert_articles([_article(1)])
    assert update(store) == 1 and update(store) == 0
    other = Store(tmp_path / "k.db")  # another writer, e.g. a second ingest
    other.upsert_articles([_article(2)])
    assert store.unindexed() == [_article(2)]
    assert update(store) == 1 and store.unindexed() == []
    _held_once(tmp_path / "k.db", 2)


def test_a_store_of_the_previous_schema_is_brought_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kroscek.store.sqlite as sqlite

    monkeypatch.setattr(sqlite, "MIGRATIONS", MIGRATIONS[:1])
    old = Store(tmp_path / "k.db")  # an article as the first schema's kroscek wrote it
    first = _article(1)
    row = (first.id, first.name, first.outlet, first.published, first.title, msgspec.json.encode(first))
    with old.transaction():
        old._run("INSERT INTO articles (id, name, outlet, published, title, record) VALUES (?, ?, ?, ?, ?, ?)", row)
    old.close()
    monkeypatch.undo()
    store = _healthy(tmp_path / "k.db")
    assert store.article_writes() == 0 and store.article(_article(1).id) == _article(1)
    store.upsert_articles([_article(2)])
    assert store.article_writes() == 1


# -- records the store holds are not analysed again (issue 17) ----------------------------------


def _analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles the pipeline is given from now on."""
    from kroscek.pipeline import Pipeline

    seen: list[str] = []
    run_many = Pipeline.run_many

    def counting(self: Pipeline, articles: Iterable[Article], **kwargs: Any) -> Iterator[Article]:
        def noted() -> Iterator[Article]:
            for article in articles:
                seen.append(article.id)
                yield article

        return run_many(self, noted(), **kwargs)

    monkeypatch.setattr(Pipeline, "run_many", counting)
    return seen


def test_ingest_analyses_only_records_the_store_does_not_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "k.db")
    first = _records(tmp_path / "a.jsonl", 5)
    assert ingest(store, [str(first)], FAST) == (5, [], 0)
    analysed = _analysed(monkeypatch)
    both = _records(tmp_path / "b.jsonl", 7)  # the same five records and two new ones
    done = ingest(store, [str(first), str(both)], FAST)  # the first file again: all five held
    assert (done.added, done.held) == (2, 10) and len(analysed) == 2
    assert store.counts()["articles"] == 7
    store.close()


def test_redo_analyses_held_records_again_replaces_them_and_rebuilds_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "k.db")
    records = _records(tmp_path / "a.jsonl", 4)
    ingest(store, [str(records)], FAST)
    assert all(not a.quotes for a in store.articles())  # FAST runs no quotes stage
    stories = store.counts()["stories"]
    analysed = _analysed(monkeypatch)
    done = ingest(store, [str(records)], Settings(), redo=True)
    assert (done.added, done.held, len(analysed)) == (0, 4, 4)
    assert all(a.quotes for a in store.articles())  # the stored records are the new analysis
    assert store.counts()["articles"] == 4 and store.counts()["stories"] == stories
    _held_once(tmp_path / "k.db", 4)
    store.close()
