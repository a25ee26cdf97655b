"""Load benchmark: a store of 10k articles served over loopback, open and closed loop.

Builds a store from synthetic variants of the annotated corpus-dev articles (as
``bench_stories.py`` makes them) and starts ``kroscek serve --workers N`` in its own process.

- Open loop (``--rates``): requests arrive at each offered rate (Poisson arrivals, whatever the
  server's pace), half searches (a word, a speaker, an entity filter, a date range, in turn), half
  story pages (HTML briefings); a latency runs from the request's arrival time, so a server that
  falls behind shows it. Prints p50 / p99 per rate and the highest rate with p99 under 200 ms.
- Closed loop (``--clients``): that many clients, each sending its next request when the last
  one answered, for ``--seconds``.

Run: make bench-web   (or .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--workers 2])
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


class _Requests:
    """The requests both loops send: a search (a word, a speaker, an entity filter, a date range, in
    turn) or a story page; each one's failure is noted in ``errors``."""

    def __init__(self, rng: random.Random, stories: list[str], speakers: list[str], errors: list[str]) -> None:
        self.rng, self.stories, self.errors = rng, stories, errors
        self.searches = [
            lambda: {"q": rng.choice(["korupsi", "banjir", "presiden", "tentara", "KPK", "harga"])},
            lambda: {"speaker": rng.choice(speakers)},
            lambda: {"q": "kata", "entity": "Indonesia"},
            lambda: {"q": "menteri", "since": "2019-01-01", "until": "2025-12-31"},
        ]

    async def send(self, http: httpx.AsyncClient, kind: str, n: int) -> None:
        """Send the ``kind`` request (``n`` picks the search); a failure goes to ``errors``."""
        try:
            if kind == "search":
                response = await http.get("/", params=self.searches[n % len(self.searches)]())
            else:
                response = await http.get(f"/stories/{self.rng.choice(self.stories)}")
            if response.status_code != 200:
                self.errors.append(f"{kind} {response.status_code}")
        except httpx.HTTPError as error:
            self.errors.append(f"{kind} {type(error).__name__}")


async def client(
    base: str, until: float, stories: list[str], speakers: list[str], timings: dict[str, list[float]], errors: list[str]
) -> None:
    requests = _Requests(random.Random(), stories, speakers, errors)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        n = 0
        while time.perf_counter() < until:
            for kind in ("search", "story"):
                started = time.perf_counter()
                await requests.send(http, kind, n)
                timings[kind].append(time.perf_counter() - started)
            n += 1


async def offered(
    base: str,
    rate: float,
    seconds: float,
    stories: list[str],
    speakers: list[str],
    kinds: tuple[str, ...] = ("search", "story"),
) -> tuple[dict[str, list[float]], list[str]]:
    """Open loop: Poisson arrivals at ``rate`` per second for ``seconds``; latency from each arrival."""
    rng = random.Random(11)
    timings: dict[str, list[float]] = {"search": [], "story": []}
    errors: list[str] = []
    requests = _Requests(rng, stories, speakers, errors)
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=1000)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:

        async def one(n: int, due: float) -> None:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            kind = kinds[n % len(kinds)]
            await requests.send(http, kind, n // 2)
            timings[kind].append(time.perf_counter() - due)

        start = time.perf_counter() + 0.5
        due, arrivals = start, []
        while due < start + seconds:
            arrivals.append(due)
            due += rng.expovariate(rate)
        await asyncio.gather(*(one(n, at) for n, at in enumerate(arrivals)))
    return timings, errors


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
    parser.add_argument("--rates", default="25,50,75,100,150", help="Offered loads, requests/s (open loop).")
    parser.add_argument("--workers", type=int, default=2, help="Server processes (kroscek serve --workers).")
    parser.add_argument("--closed", action="store_true", help="Also run the closed loop of --clients clients.")
    parser.add_argument("--pages", default="search,story", help="The open loop's requests, in turn: search, story.")
    parser.add_argument("--store", help="Serve this store instead of building one (a path kept from an earlier run).")
    args = parser.parse_args()
    if args.store:
        path = Path(args.store)
    else:
        path = Path(tempfile.mkdtemp()) / "k.db"
        started = time.perf_counter()
        build_store(path, args.articles)
        console.print(f"store of {args.articles:,} articles built in {time.perf_counter() - started:.0f} s: {path}")
    kinds = tuple(k for k in args.pages.split(",") if k)
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
    serve = [sys.executable, "-m", "kroscek", "serve", "--store", str(path), "--port", str(port)]
    server = subprocess.Popen([*serve, "--workers", str(args.workers)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/stories?limit=1", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        asyncio.run(offered(base, 10, 5, stories, speakers, kinds))  # warm-up: each worker's first pages, not counted
        rates = [float(r) for r in args.rates.split(",") if r]
        table = Table("offered req/s", "answered", "p50 ms", "p99 ms", "search p99", "story p99", "errors")
        best = 0.0
        for rate in rates:
            timings, errors = asyncio.run(offered(base, rate, args.seconds, stories, speakers, kinds))
            every = np.array(timings["search"] + timings["story"]) * 1000
            search_ms = np.array(timings["search"] or [0.0]) * 1000
            story_ms = np.array(timings["story"] or [0.0]) * 1000
            p99 = float(np.percentile(every, 99))
            table.add_row(
                f"{rate:g}",
                f"{len(every):,}",
                f"{np.percentile(every, 50):.0f}",
                f"{p99:.0f}",
                f"{np.percentile(search_ms, 99):.0f}" if timings["search"] else "—",
                f"{np.percentile(story_ms, 99):.0f}" if timings["story"] else "—",
                str(len(errors)),
            )
            if p99 < 200 and not errors:
                best = max(best, rate)
        table.title = f"open loop, {args.seconds:.0f} s per rate, {args.articles:,} articles, {args.workers} workers"
        console.print(table)
        console.print(f"highest offered rate with p99 < 200 ms: {best:g} requests/s")
        if args.closed:
            timings, errors = asyncio.run(load(base, args.clients, args.seconds, stories, speakers))
            _closed_table(args, timings, errors)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _closed_table(args: argparse.Namespace, timings: dict[str, list[float]], errors: list[str]) -> None:
    table = Table(
        "page",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        title=f"closed loop: {args.clients} clients × {args.seconds:.0f} s, {args.articles:,} articles",
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
