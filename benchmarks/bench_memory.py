"""Peak memory of ``kroscek analyze --out`` against pile size: the pile held whole, and streamed.

A pile of N synthetic variants of the annotated corpus-dev articles (``bench_insert.era_variant``:
layers kept, a quarter of the words replaced, dates moved, each era of variants spelling its words
its own way, so stories end as an archive's do) goes through what ``kroscek analyze --out`` does
after the stages (pre-annotated: the NER model would take an hour at 100k): names linked across
the pile, revisions, copies, events, stories, claims, quote chains, timelines, then kroscek.json,
report.md, index.html and a briefing per story. Two ways, each in a process of its own that makes
the variants as they are read:

- whole: the pile in memory and the document encoded at once (``kroscek analyze`` before it
  streamed: :func:`kroscek.analysis.cross_article`, :func:`kroscek.model.to_contract`);
- streamed: :mod:`kroscek.scale.stream` (``kroscek analyze`` now): the articles on disk, only the
  grouping index in memory, the JSON and reports written a record at a time.

Printed per size: seconds, peak RSS (VmHWM), and the peak above the process's memory before the
pile per article. The story index of a store (``kroscek ingest``) is measured by
bench_insert.py (its bytes per article, by table).

Run: .venv/bin/python benchmarks/bench_memory.py [--sizes 1000,10000,100000] [--ways whole,streamed]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
from bench_insert import _own_peak, era_variant
from bench_stories import CORPUS
from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.model import Article
from kroscek.settings import Settings

console = Console()


def _variants(base: list[Article], size: int) -> Iterator[Article]:
    """``size`` variants of ``base``, made one at a time (as bench_insert makes them)."""
    rng = random.Random(11)
    for i in range(size):
        yield era_variant(base[i % len(base)], i // len(base), rng)


def _rss() -> float:
    """This process's resident memory now, MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(way: str, size: int, corpus: str, out: str) -> None:
    """In a process of its own: analyse ``size`` variants one ``way`` into ``out``; print the cost."""
    from kroscek.analysis import cross_article
    from kroscek.model import to_contract
    from kroscek.report.files import write_reports

    base = msgspec.msgpack.decode(Path(corpus).read_bytes(), type=list[Article])
    settings, folder = Settings(), Path(out)
    if way == "streamed":  # only this way's modules: the whole way also runs on a kroscek before streaming
        from kroscek.model import write_contract
        from kroscek.report.files import write_report_files
        from kroscek.scale.stream import analyze_pile
    start = _rss()
    began = time.perf_counter()
    if way == "whole":
        articles, stories = cross_article(list(_variants(base, size)), settings)
        document = msgspec.json.format(msgspec.json.encode(to_contract(articles, stories, [])), indent=2)
        (folder / "kroscek.json").write_bytes(document + b"\n")
        del document
        write_reports(folder, articles, [], stories)
    else:
        pile = analyze_pile(_variants(base, size), settings, folder, stages=False)
        with (folder / "kroscek.json").open("wb") as written:
            write_contract(written, pile.articles, (b.story for b in pile.stories), pile.skipped)
        members = ((b.story, pile.members(b)) for b in pile.stories)
        write_report_files(folder, len(pile.articles), pile.skipped, pile.furniture, members, pile.articles)
        pile.close()
    seconds = time.perf_counter() - began
    print(json.dumps({"seconds": seconds, "peak": _own_peak(), "start": start}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ways", default="whole,streamed")
    parser.add_argument("--run", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run[0], int(args.run[1]), args.run[2], args.run[3])
        return
    if not (CORPUS / "articles.jsonl").exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads corpus-dev")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    table = Table(
        "articles",
        "way",
        "seconds",
        "peak RSS MiB",
        "above start, KB per article",
        title="kroscek analyze --out after the stages (pre-annotated variants): peak memory",
    )
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.msgpack"
        corpus.write_bytes(msgspec.msgpack.encode(articles))
        for size in [int(s) for s in args.sizes.split(",") if s]:
            for way in args.ways.split(","):
                out = Path(scratch) / f"{way}-{size}"
                out.mkdir()
                done = subprocess.run(
                    [sys.executable, __file__, "--run", way, str(size), str(corpus), str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                cost = json.loads(done.stdout.strip().splitlines()[-1])
                table.add_row(
                    f"{size:,}",
                    way,
                    f"{cost['seconds']:.1f}",
                    f"{cost['peak']:,.0f}",
                    f"{(cost['peak'] - cost['start']) * 1024 / size:.1f}",
                )
                console.print(f"{size:,} {way}: {cost['seconds']:.0f} s, peak {cost['peak']:,.0f} MiB")
    console.print(table)


if __name__ == "__main__":
    main()
