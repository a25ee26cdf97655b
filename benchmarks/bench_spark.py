"""``kroscek batch --engine spark`` throughput: local[1] against local[2], and what the driver holds.

1. Each master runs the whole batch (read, stages, cross-article layer, six Parquet tables) on a
   corpus in a process of its own; the seconds are the batch's, after the Spark session started
   (the JVM's start is not the pile's cost). Articles per second, per core, and the scaling ratio.
2. The driver's share, in this process on the same corpus annotated once: the summaries it
   collects (pickled bytes per article, as Spark sends them) and the seconds of its one pass
   (copy links, events, stories: :func:`kroscek.scale.cross.plan`) per article.
3. The cluster that would do 1,000,000 articles in an hour, from the per-core rate.

Run: .venv/bin/python benchmarks/bench_spark.py [--corpus ../shared/corpus-dev-2/articles.jsonl]
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.analysis import build_pipeline
from kroscek.ingest import read_inputs
from kroscek.model import Article
from kroscek.scale import cross
from kroscek.settings import Settings
from kroscek.stories.duplicates import candidate_pairs
from kroscek.stories.entities import name_counts, name_mapping, with_speakers

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus-dev-2" / "articles.jsonl"
GOAL = 1_000_000  # articles in an hour

# The job that reads the pile and runs the stages is the batch's countByValue;
# its seconds come from the Spark UI's REST API.
_ONE_RUN = """
import datetime as dt, json, sys, time, urllib.request
from kroscek.scale.spark import batch, session
from kroscek.settings import Settings
spark = session(sys.argv[1], "kroscek bench")
spark.sparkContext.setLogLevel("ERROR")
began = time.perf_counter()
done = batch(spark, [sys.argv[2]], sys.argv[3], Settings())
seconds = time.perf_counter() - began
sc = spark.sparkContext
url = f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/jobs"
jobs = json.load(urllib.request.urlopen(url))
at = lambda t: dt.datetime.strptime(t.replace("GMT", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z")
first = next(j for j in jobs if j["name"].startswith("countByValue"))
stages = (at(first["completionTime"]) - at(first["submissionTime"])).total_seconds()
print("RESULT", done.articles, seconds, stages, flush=True)
spark.stop()
"""


def spark_run(master: str, corpus: Path) -> tuple[int, float, float]:
    """(articles, seconds, seconds of reading and the stages) of one batch on ``master``, in a process of its own."""
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-c", _ONE_RUN, master, str(corpus), out], env=env, capture_output=True, text=True
        )
    line = next((x for x in run.stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"{master} failed:\n{run.stderr[-3000:]}")
    _, articles, seconds, stages = line.split()
    return int(articles), float(seconds), float(stages)


def driver_share(corpus: Path) -> tuple[int, float, float]:
    """(articles, summary bytes per article, seconds of the driver's pass per article)."""
    settings = Settings()
    read = [i for i in read_inputs([str(corpus)], settings) if isinstance(i, Article)]
    speaking = [(seq, with_speakers(a)) for seq, a in enumerate(build_pipeline(settings).run_many(read))]
    mapping = name_mapping(name_counts(a for _, a in speaking))
    kept = [(seq, cross.finish(a, mapping, None)) for seq, a in speaking]
    summaries = cross.summaries(kept)
    size = sum(len(pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL)) for s in summaries) / len(summaries)
    copies = settings.story.copies
    shingled = {seq: cross.shingled(a, copies) for seq, a in kept}
    owners: dict[int, list[int]] = defaultdict(list)
    for seq, found in shingled.items():
        for h in found.sampled(copies):
            owners[h].append(seq)
    pairs = {p for seqs in owners.values() for p in candidate_pairs(sorted(seqs), copies.crowd)}
    kinds = [(p, k) for p in sorted(pairs) if (k := cross.verify(shingled[p[0]], shingled[p[1]], copies))]
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, cross.Summaries(Path(folder)) as on_disk:
        cross.plan(on_disk.extend(summaries), kinds, settings.story)
    return len(kept), size, (time.perf_counter() - began) / len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--masters", default="local[1],local[2]")
    args = parser.parse_args()
    console = Console()
    load = os.getloadavg()[0]
    runs = [(m, *spark_run(m, args.corpus)) for m in args.masters.split(",")]
    table = Table("master", "articles", "batch s", "articles/s", "per core", "ratio", "stages s", "per core", "ratio")
    table.title = str(args.corpus)
    whole, staged = runs[0][1] / runs[0][2], runs[0][1] / runs[0][3]
    for master, articles, seconds, stages in runs:
        cores = int(master.split("[")[1].rstrip("]")) if "[" in master else os.cpu_count() or 1
        rate, rate_stages = articles / seconds, articles / stages
        shown = [f"{seconds:.1f}", f"{rate:.2f}", f"{rate / cores:.2f}", f"{rate / whole:.2f}"]
        shown += [f"{stages:.1f}", f"{rate_stages / cores:.2f}", f"{rate_stages / staged:.2f}"]
        table.add_row(master, str(articles), *shown)
    console.print(table)
    articles, size, per_article = driver_share(args.corpus)
    console.print(
        f"driver: {size:,.0f} bytes of summary per article (pickled); its pass {per_article * 1000:.2f} ms per "
        f"article ({articles} articles); load average {load:.1f} on {os.cpu_count()} cores at the start"
    )
    for name, per_core in (("whole batch", whole), ("stages job", staged)):
        console.print(
            f"{GOAL:,} articles in an hour at {per_core:.2f} articles/s per core ({name}, local[1]): "
            f"{math.ceil(GOAL / 3600 / per_core)} executor cores"
        )
    console.print(
        f"the driver's passes on {GOAL:,}: {GOAL * per_article / 60:.0f} min; the summaries sent to it: "
        f"{GOAL * size / 2**30:.1f} GiB (on its local disk, not in its memory)"
    )


if __name__ == "__main__":
    main()
