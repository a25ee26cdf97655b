"""What one batch costs a store: 1,000 new articles into stores of growing size (issue 13).

The store is filled with synthetic variants of the annotated corpus-dev articles (as
bench_stories.py makes them: layers kept, a quarter of the words replaced, publish dates moved 9
days per variant) and indexed once. Variants come in eras of ``ERA``: each era spells every longer
word and every name its own way, so a story lasts an era, as stories of a real archive end, instead
of one story per corpus-dev article running through the whole store and growing with it.
Then 1,000 more variants are inserted the way ``kroscek ingest`` does: articles
upserted, the story index updated (:func:`kroscek.stories.index.update`: only the new articles and
the events near them placed, only the stories they touch rebuilt), beside the full recompute it
replaces (:func:`kroscek.stories.index.restory`: every story built again over the whole store),
each in a process of its own on a copy of the same store, so seconds and peak RSS are that insert's
alone. Above ``--full-up-to`` articles the full recompute is not run again: the store's first
indexing (one pass over all its articles, in this process) stands for it. The exponent of insert
time against store size says how the cost grows (0: not at all).

Also printed: the story index's bytes per article (on disk, by table: SQLite's dbstat) in each
base store.

Run: .venv/bin/python benchmarks/bench_insert.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import resource
import shutil
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import msgspec
import numpy as np
from bench_stories import CORPUS, variant
from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.model import Article
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.index import restory, update

console = Console()
BATCH = 1000
#: Variants of one article per era (about ten weeks of news).
ERA = 8
_WORD = re.compile(r"[^\W\d_]{4,}")


def _respelled(word: str, era: int) -> str:
    """``word`` as era ``era`` spells it: the same length (offsets stay), the same word every time."""
    digest = hashlib.blake2b(f"{era}:{word.lower()}".encode(), digest_size=32).digest()
    return "".join(string.ascii_lowercase[b % 26] for b in digest[: len(word)]) + word[32:]


def era_variant(article: Article, n: int, rng: random.Random) -> Article:
    """:func:`bench_stories.variant` of ``article``, in the spelling of its era."""
    era = n // ERA
    made = variant(article, n, rng)
    return msgspec.structs.replace(
        made,
        text=_WORD.sub(lambda m: _respelled(m.group(), era), made.text),
        title=_WORD.sub(lambda m: _respelled(m.group(), era), made.title or "") or None,
        entities=tuple(
            msgspec.structs.replace(e, canonical=_WORD.sub(lambda m: _respelled(m.group(), era), e.canonical))
            if e.canonical
            else e
            for e in made.entities
        ),
    )


def insert(path: str, batch: str, how: str) -> None:
    """In a process of its own: insert the batch (msgpack) into the store and print what it cost."""
    articles = msgspec.msgpack.decode(Path(batch).read_bytes(), type=list[Article])
    store = Store(path)
    seen = store.last_change()
    started = time.perf_counter()
    store.upsert_articles(articles)
    (update if how == "index" else restory)(store)
    seconds = time.perf_counter() - started
    changes = len(store.changes(seen, limit=10_000_000))
    print(json.dumps({"seconds": seconds, "peak": _own_peak(), "changes": changes}))


def _own_peak() -> float:
    """This process's peak RSS in MiB since it started its program (VmHWM: ru_maxrss of a child keeps
    the peak of the process it was forked from, here the one holding the whole pile)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def index_bytes(path: Path) -> dict[str, float]:
    """Bytes per indexed article of each story-index table of the store at ``path``, its indexes
    on it included (SQLite's dbstat: the pages each B-tree takes)."""
    import sqlite3

    db = sqlite3.connect(path)
    try:
        owner = dict(db.execute("SELECT name, tbl_name FROM sqlite_master WHERE tbl_name LIKE 'index_%'").fetchall())
        articles = db.execute("SELECT count(*) FROM index_articles").fetchone()[0] or 1
        found: dict[str, float] = {}
        for name, size in db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall():
            if name in owner:
                found[owner[name]] = found.get(owner[name], 0.0) + size / articles
        return found
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--full-up-to", type=int, default=10_000, help="stores up to this size also get the full recompute"
    )
    parser.add_argument("--insert", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.insert:
        insert(*args.insert)
        return
    if not (CORPUS / "articles.jsonl").exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads corpus-dev")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    rng = random.Random(11)
    table = Table(
        "store articles",
        "index update s",
        "peak RSS MiB",
        "full recompute s",
        "peak RSS MiB",
        "ratio",
        "changes",
        title=f"{BATCH:,} new articles into a store",
    )
    points = []
    sizes: dict[int, dict[str, float]] = {}
    for size in [int(s) for s in args.sizes.split(",") if s]:
        pile = [era_variant(articles[i % len(articles)], i // len(articles), rng) for i in range(size + BATCH)]
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder) / "base.db"
            store = Store(base)
            store.upsert_articles(pile[:size])
            built = time.perf_counter()
            update(store)
            indexed = time.perf_counter() - built
            console.print(f"{size:,} articles indexed in {indexed:.0f} s")
            store.close()
            sizes[size] = index_bytes(base)
            batch = Path(folder) / "batch.msgpack"
            batch.write_bytes(msgspec.msgpack.encode(pile[size:]))
            cost = {}
            for how in ("index", "full") if size <= args.full_up_to else ("index",):
                copy = Path(folder) / f"{how}.db"
                shutil.copy(base, copy)
                for suffix in ("-wal", "-shm"):
                    if Path(f"{base}{suffix}").exists():
                        shutil.copy(f"{base}{suffix}", f"{copy}{suffix}")
                run = subprocess.run(
                    [sys.executable, __file__, "--insert", str(copy), str(batch), how],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                cost[how] = json.loads(run.stdout.strip().splitlines()[-1])
        if "full" not in cost:  # the store's first indexing is the same work as a full recompute
            cost["full"] = {"seconds": indexed, "peak": float("nan"), "changes": 0}
        points.append((size, cost["index"]["seconds"]))
        table.add_row(
            f"{size:,}",
            f"{cost['index']['seconds']:.1f}",
            f"{cost['index']['peak']:,.0f}",
            f"{cost['full']['seconds']:.1f}",
            f"{cost['full']['peak']:,.0f}",
            f"{cost['full']['seconds'] / cost['index']['seconds']:.1f}×",
            f"{cost['index']['changes']:,}",
        )
    console.print(table)
    largest = {t: max(f.get(t, 0.0) for f in sizes.values()) for found in sizes.values() for t in found}
    tables = sorted(largest, key=lambda t: -largest[t])
    usage = Table("store articles", *tables, "index, bytes per article", title="the story index on disk, by table")
    for size, found in sizes.items():
        usage.add_row(f"{size:,}", *(f"{found.get(t, 0):,.0f}" for t in tables), f"{sum(found.values()):,.0f}")
    console.print(usage)
    if len(points) > 1:
        exponent = float(np.polyfit(np.log([p[0] for p in points]), np.log([p[1] for p in points]), 1)[0])
        console.print(f"exponent of index update time against store size: {exponent:.2f} (0: does not grow)")


if __name__ == "__main__":
    main()
