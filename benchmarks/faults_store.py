"""Fault injection for the SQLite store: `kroscek ingest` killed with SIGKILL at many points.

Each scenario runs the real CLI (``kroscek ingest INPUT --store NEW.db``) in a subprocess and
kills it with SIGKILL (as ``kill -9``): at a named statement (the wrapper below counts the
store's statements in the child and kills it at the chosen one: a migration statement, the
k-th article row of the per-article ingest, a row of the stories rewrite) or from outside (when
the file appears, once N articles are committed, after T seconds, as soon as every article is in
and the stories are being recomputed). Two ingests of the two halves of the input into one new
store run at once as well. After each run the store is opened, ``PRAGMA integrity_check`` and
the FTS5 index check are run, the articles kept are counted, and the same ingest is run again
(in this process, the function the CLI calls): every input record must then be held exactly
once, each article in exactly one story.

The input is read at run time from ../shared/corpus-dev/articles.jsonl (else examples/); nothing
is copied into the repository. This is a measurement, not a test: it prints a table.

Run: .venv/bin/python benchmarks/faults_store.py [--repeats 3] [--input FILE_OR_FOLDER]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.analysis import ingest
from kroscek.ingest import read_inputs
from kroscek.model import Article
from kroscek.settings import Settings
from kroscek.store.sqlite import MIGRATIONS, Store, StoreError, _statements

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus-dev" / "articles.jsonl"

# The child: count the store's statements that start with argv[1] (migration statements,
# single-row writes and many-row writes alike) and SIGKILL this process at the argv[2]-th, then
# run the CLI with the remaining arguments. The crash point lives here, not in kroscek.
CRASHING_CLI = """
import os, signal, sys
from kroscek.store import sqlite

prefix, at, seen = sys.argv[1], int(sys.argv[2]), [0]

def count(sql):
    if sql.lstrip().startswith(prefix):
        seen[0] += 1
        if seen[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)

real_run, real_many, real_statements = sqlite.Store._run, sqlite.Store._run_many, sqlite._statements

def run(self, sql, params=()):
    count(sql)
    return real_run(self, sql, params)

def run_many(self, sql, rows):
    count(sql)
    return real_many(self, sql, rows)

def statements(script):
    for sql in real_statements(script):
        count(sql)
        yield sql

sqlite.Store._run, sqlite.Store._run_many, sqlite._statements = run, run_many, statements
sys.argv = ["kroscek", *sys.argv[3:]]
from kroscek.cli import main
main()
"""


@dataclass
class Outcome:
    """What one killed run left behind, and what the same ingest run again made of it."""

    openable: bool
    integrity: bool
    coherent: bool
    kept: int
    complete_after_rerun: bool
    killed: bool


@dataclass
class Scenario:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)


def _cli(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "kroscek"), *args]


def _crashing(prefix: str, at: int, *args: str) -> list[str]:
    return [sys.executable, "-c", CRASHING_CLI, prefix, str(at), *args]


def _committed(path: Path) -> int:
    """Articles committed in the store at ``path`` as a reader sees them (-1 while it has no table)."""
    with suppress(sqlite3.Error), closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)) as reader:
        return int(reader.execute("SELECT count(*) FROM articles").fetchone()[0])
    return -1


def _run_killed(command: list[str], kill_when: Callable[[float], bool] | None) -> bool:
    """Run ``command``; SIGKILL it once ``kill_when(seconds since start)`` holds. True when it died killed."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    started = time.monotonic()
    if kill_when is not None:
        while child.poll() is None and not kill_when(time.monotonic() - started):
            time.sleep(0.002)
        with suppress(ProcessLookupError):
            child.send_signal(signal.SIGKILL)
    _, errors = child.communicate()
    if child.returncode not in (0, -signal.SIGKILL):
        raise SystemExit(f"{' '.join(command[:4])} … failed ({child.returncode}): {errors.decode()[-2000:]}")
    return child.returncode == -signal.SIGKILL


def _check(path: Path, inputs: list[str], expected: int, killed: bool) -> Outcome:
    """Open the store at ``path``, check it, count what it kept, ingest ``inputs`` again, count again."""
    try:
        store = Store(path)
    except StoreError:
        return Outcome(False, False, False, 0, False, killed)
    integrity = store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    try:
        store.db.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # FTS5 index vs its table
    except sqlite3.DatabaseError:
        integrity = False
    kept = store.counts()["articles"]
    coherent = _coherent(store)
    ingest(store, inputs, Settings())
    held = store.counts()["articles"]
    covered = store.db.execute("SELECT count(*), count(DISTINCT article_id) FROM story_articles").fetchone()
    store.close()
    return Outcome(True, integrity, coherent, kept, held == expected and tuple(covered) == (expected, expected), killed)


def _coherent(store: Store) -> bool:
    """Whether the stories are one whole set: their records and their article links agree, on stored articles."""
    stories = [store.story(row[0]) for row in store.db.execute("SELECT id FROM stories").fetchall()]
    from_records = {(s.id, a) for s in stories if s is not None for a in s.article_ids}
    links = set(store.db.execute("SELECT story_id, article_id FROM story_articles").fetchall())
    articles = {row[0] for row in store.db.execute("SELECT id FROM articles").fetchall()}
    return None not in stories and links == from_records and {a for _, a in links} <= articles


def _distinct(inputs: list[str]) -> int:
    """How many articles the inputs make: distinct content ids of the records that can be read."""
    return len({item.id for item in read_inputs(inputs, Settings()) if isinstance(item, Article)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per scenario (each at its own kill point)")
    parser.add_argument("--input", default=str(CORPUS if CORPUS.exists() else ROOT / "examples"))
    parser.add_argument("--seed", type=int, default=10)
    options = parser.parse_args()
    console, rng = Console(width=200), random.Random(options.seed)
    inputs = [options.input]
    expected = _distinct(inputs)
    creates = sum(sql.startswith("CREATE") for sql in _statements(MIGRATIONS[0]))
    work = Path(tempfile.mkdtemp(prefix="kroscek-faults-"))
    console.print(f"input {options.input}: {expected} distinct records; scratch {work}")

    # An uninterrupted run, to place the timed kills inside it.
    began = time.monotonic()
    _run_killed(_cli("ingest", *inputs, "--store", str(work / "whole.db")), None)
    whole = time.monotonic() - began
    console.print(f"uninterrupted `kroscek ingest`: {whole:.1f} s")

    halves = [str(work / "half-a.jsonl"), str(work / "half-b.jsonl")]
    if options.input.endswith(".jsonl"):
        lines = Path(options.input).read_text(encoding="utf-8").splitlines(keepends=True)
        Path(halves[0]).write_text("".join(lines[::2]), encoding="utf-8")
        Path(halves[1]).write_text("".join(lines[1::2]), encoding="utf-8")
    else:
        halves = inputs * 2

    def at_statement(prefix: str, low: int, high: int, *, first: list[str] | None = None) -> Callable[[Path], bool]:
        def run(path: Path) -> bool:
            if first:  # a store that already has articles and stories, the old set a kill must leave
                ingest(Store(path), first, Settings())
            at = rng.randint(low, high)
            return _run_killed(_crashing(prefix, at, "ingest", *inputs, "--store", str(path)), None)

        return run

    def from_outside(
        when: Callable[[Path], Callable[[float], bool]], *, first: list[str] | None = None
    ) -> Callable[[Path], bool]:
        def run(path: Path) -> bool:
            if first:
                ingest(Store(path), first, Settings())
            return _run_killed(_cli("ingest", *inputs, "--store", str(path)), when(path))

        return run

    def file_appears(path: Path) -> Callable[[float], bool]:
        return lambda _: path.exists()

    def committed_at_least(share: float) -> Callable[[Path], Callable[[float], bool]]:
        def when(path: Path) -> Callable[[float], bool]:
            wanted = max(1, int(expected * share * rng.uniform(0.8, 1.2)))
            return lambda _: _committed(path) >= min(wanted, expected - 1)

        return when

    def after_seconds(path: Path) -> Callable[[float], bool]:
        moment = rng.uniform(0.05, 0.95) * whole
        return lambda elapsed: elapsed >= moment

    def all_in(path: Path) -> Callable[[float], bool]:
        return lambda _: _committed(path) >= expected  # every article committed: restory is running

    def concurrent(path: Path) -> bool:
        both = [
            subprocess.Popen(_cli("ingest", half, "--store", str(path)), stdout=subprocess.DEVNULL, cwd=ROOT)
            for half in halves
        ]
        codes = [p.wait() for p in both]
        if codes != [0, 0]:
            raise SystemExit(f"concurrent ingests exited {codes}")
        return False

    def uninterrupted(path: Path) -> bool:
        return _run_killed(_cli("ingest", *inputs, "--store", str(path)), None)

    scenarios: list[tuple[str, Callable[[Path], bool], list[str]]] = [
        ("no kill (reference)", uninterrupted, inputs),
        ("first open: kill at a schema statement", at_statement("CREATE", 1, creates), inputs),
        ("first open: kill -9 once the file appears", from_outside(file_appears), inputs),
        ("ingest: kill at a random article row (mid-batch)", at_statement("INSERT INTO articles", 1, expected), inputs),
        ("ingest: kill -9 once ~25% are committed", from_outside(committed_at_least(0.25)), inputs),
        ("ingest: kill -9 once ~75% are committed", from_outside(committed_at_least(0.75)), inputs),
        ("ingest: kill -9 at a random moment", from_outside(after_seconds), inputs),
        ("stories: kill at a story row (in the rewrite)", at_statement("INSERT INTO stor", 1, 2), inputs),
        ("stories: kill -9 once every article is in", from_outside(all_in), inputs),
        (
            "stories, half already in: kill at a story row",
            at_statement("INSERT INTO stor", 1, 2, first=halves[:1]),
            inputs,
        ),
        ("stories, half already in: kill -9 once all are in", from_outside(all_in, first=halves[:1]), inputs),
        ("two ingests (two halves) into one new store", concurrent, halves),
    ]
    results: list[Scenario] = []
    for name, run, rerun in scenarios:
        scenario = Scenario(name)
        for repeat in range(options.repeats):
            path = work / f"{len(results)}-{repeat}.db"
            killed = run(path)
            scenario.outcomes.append(_check(path, rerun, _distinct(rerun), killed))
        results.append(scenario)
        console.print(f"done: {name}")

    table = Table(title=f"SQLite store under SIGKILL: {expected} distinct input records, {options.repeats} runs each")
    columns = ("runs", "killed", "store openable", "integrity ok", "stories whole", "kept before rerun", "after rerun")
    for column in ("scenario", *columns):
        table.add_column(column, justify="left" if column == "scenario" else "right")
    for scenario in results:
        outs = scenario.outcomes
        kept = ", ".join(str(o.kept) for o in outs)
        table.add_row(
            scenario.name,
            str(len(outs)),
            str(sum(o.killed for o in outs)),
            f"{sum(o.openable for o in outs)}/{len(outs)}",
            f"{sum(o.integrity for o in outs)}/{len(outs)}",
            f"{sum(o.coherent for o in outs)}/{len(outs)}",
            kept,
            f"{sum(o.complete_after_rerun for o in outs)}/{len(outs)} == {expected}",
        )
    console.print(table)
    console.print(
        "integrity ok: PRAGMA integrity_check and the FTS5 integrity-check both pass. stories whole: before the\n"
        "rerun, the story records and the story_articles links are one set, on stored articles. after rerun: runs\n"
        "whose store then held every distinct input record exactly once, each in exactly one story."
    )
    for stale in work.iterdir():
        stale.unlink()
    os.rmdir(work)


if __name__ == "__main__":
    main()
