"""What one batch costs a store: 1,000 new articles into stores of growing size (issue 13).

The store is filled with synthetic variants of the annotated corpus-dev articles (as
bench_stories.py makes them: layers kept, a quarter of the words replaced, publish dates moved),
its stories computed once; then 1,000 more variants are inserted the way ``kroscek ingest`` does
(articles upserted, stories recomputed with ids carried over and changes recorded). Seconds and
peak RSS of the insert, per store size, and the exponent of insert time against store size
(0 would be an insert whose cost does not grow with the store).

Run: .venv/bin/python benchmarks/bench_insert.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_stories import CORPUS, variant
from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.index import restory

console = Console()
BATCH = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    if not (CORPUS / "articles.jsonl").exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads corpus-dev")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    rng = random.Random(11)
    table = Table("store articles", "insert s", "of which stories s", "peak RSS (MiB)", "changes", title="1,000 new")
    points = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        pile = [variant(articles[i % len(articles)], i // len(articles), rng) for i in range(size + BATCH)]
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "k.db")
            store.upsert_articles(pile[:size])
            restory(store)
            seen = store.last_change()
            started = time.perf_counter()
            store.upsert_articles(pile[size:])
            upserted = time.perf_counter()
            restory(store)
            done = time.perf_counter()
            changes = len(store.changes(seen, limit=10_000_000))
            store.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        points.append((size, done - started))
        table.add_row(f"{size:,}", f"{done - started:.1f}", f"{done - upserted:.1f}", f"{peak:,.0f}", f"{changes:,}")
    console.print(table)
    if len(points) > 1:
        exponent = float(np.polyfit(np.log([p[0] for p in points]), np.log([p[1] for p in points]), 1)[0])
        console.print(f"exponent of insert time against store size: {exponent:.2f} (0: does not grow with the store)")


if __name__ == "__main__":
    main()
