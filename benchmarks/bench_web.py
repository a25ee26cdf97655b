"""Load benchmark: 50 concurrent clients on a store of 10k articles, over loopback.

Builds a store from synthetic variants of the annotated corpus-dev articles (as
``bench_stories.py`` makes them), starts ``kroscek serve`` in its own process, and runs
``--clients`` concurrent clients for ``--seconds``: each loops over a search (a word, a speaker,
an entity filter, a date range, in turn) and a story page (HTML briefing). Prints errors and the
p50 / p99 latency per kind of request.

Run: make bench-web   (or .venv/bin/python benchmarks/bench_web.py [--articles 10000])
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stories import CORPUS, variant

from kroscek.analysis import analyze
from kroscek.settings import Settings
from kroscek.store import Store
from kroscek.stories.build import build_stories

console = Console()


def build_store(path: Path, size: int) -> None:
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    rng = random.Random(7)
    pile = [variant(articles[i % len(articles)], i // len(articles), rng) for i in range(size)]
    store = Store(path)
    store.upsert_articles(pile)
    store.replace_stories(build_stories(pile))
    store.close()


async def client(
    base: str, until: float, stories: list[str], speakers: list[str], timings: dict[str, list[float]], errors: list[str]
) -> None:
    rng = random.Random()
    searches = [
        lambda: {"q": rng.choice(["korupsi", "banjir", "presiden", "tentara", "KPK", "harga"])},
        lambda: {"speaker": rng.choice(speakers)},
        lambda: {"q": "kata", "entity": "Indonesia"},
        lambda: {"q": "menteri", "since": "2019-01-01", "until": "2025-12-31"},
    ]
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        n = 0
        while time.perf_counter() < until:
            for kind in ("search", "story"):
                started = time.perf_counter()
                try:
                    if kind == "search":
                        response = await http.get("/", params=searches[n % len(searches)]())
                    else:
                        response = await http.get(f"/stories/{rng.choice(stories)}")
                    if response.status_code != 200:
                        errors.append(f"{kind} {response.status_code}")
                except httpx.HTTPError as error:
                    errors.append(f"{kind} {type(error).__name__}")
                timings[kind].append(time.perf_counter() - started)
            n += 1


async def load(
    base: str, clients: int, seconds: float, stories: list[str], speakers: list[str]
) -> tuple[dict[str, list[float]], list[str]]:
    timings: dict[str, list[float]] = {"search": [], "story": []}
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client(base, until, stories, speakers, timings, errors) for _ in range(clients)))
    return timings, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    path = work / "k.db"
    started = time.perf_counter()
    build_store(path, args.articles)
    console.print(f"store of {args.articles:,} articles built in {time.perf_counter() - started:.0f} s")
    store = Store(path)
    stories = [s["id"] for s in store.stories(limit=2000)]
    speakers = [
        r[0]
        for r in store.db.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC LIMIT 50"
        )
    ]
    store.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "kroscek", "serve", "--store", str(path), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/stories?limit=1", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        timings, errors = asyncio.run(load(base, args.clients, args.seconds, stories, speakers))
    finally:
        server.terminate()
        server.wait(timeout=10)
    table = Table(
        "page",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        title=f"{args.clients} clients × {args.seconds:.0f} s, {args.articles:,} articles",
    )
    for kind, values in timings.items():
        ms = np.array(values) * 1000
        table.add_row(
            kind,
            f"{len(values):,}",
            f"{len(values) / args.seconds:,.1f}",
            f"{np.percentile(ms, 50):.0f}",
            f"{np.percentile(ms, 99):.0f}",
        )
    console.print(table)
    console.print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors))[:5])})" if errors else ""))


if __name__ == "__main__":
    main()
