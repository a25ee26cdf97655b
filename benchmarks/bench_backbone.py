"""Backbone benchmark: furniture removal and throughput, side by side with jusText and trafilatura.

1. Quality on the line-level gold (tests/gold/clean_lines.tsv): kroscek's cleaner, jusText
   (Indonesian stop list) and trafilatura, each given the same raw lines (the peers as one <p>
   per line, the form they read). Furniture precision/recall, story lines kept, articles/s.
2. Throughput of the whole per-article pipeline (ingest + clean + language + sentences) on
   ../shared/corpus-dev, replicated to a few hundred articles, with --jobs 1 and --jobs 2,
   and peak memory.

Run: make bench   (or .venv/bin/python benchmarks/bench_backbone.py [--repeat N])
"""

from __future__ import annotations

import argparse
import html
import json
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.clean import clean_body
from kroscek.clean.language import detect_language
from kroscek.evaluate.clean import load_gold
from kroscek.ingest.records import normalise_newlines
from kroscek.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "clean_lines.tsv"
CORPUS = ROOT.parent / "shared" / "corpus-dev" / "articles.jsonl"
EXAMPLES = ROOT / "examples"

Predictor = Callable[[list[str]], set[int]]  # raw lines -> indexes predicted furniture


def _ours(lines: list[str]) -> set[int]:
    body = clean_body("\n".join(lines))
    return {b.line for b in body.boilerplate if b.part == "line" and b.line is not None}


def _as_html(lines: list[str]) -> tuple[str, list[int]]:
    kept = [i for i, line in enumerate(lines) if line.strip()]
    paragraphs = "".join(f"<p>{html.escape(lines[i])}</p>" for i in kept)
    return f"<html><body>{paragraphs}</body></html>", kept


def _justext(lines: list[str]) -> set[int]:
    import justext

    page, kept = _as_html(lines)
    paragraphs = justext.justext(page.encode(), justext.get_stoplist("Indonesian"))
    by_text = {p.text.strip(): p.is_boilerplate for p in paragraphs}
    return {i for i in kept if by_text.get(" ".join(lines[i].split()), True)}


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _trafilatura(lines: list[str]) -> set[int]:
    import trafilatura

    page, kept = _as_html(lines)
    extracted = _key(trafilatura.extract(page, include_comments=False) or "")
    return {i for i in kept if _key(lines[i]) not in extracted}


def _quality(
    name: str, predict: Predictor, inputs: dict[str, list[str]], gold: dict[str, dict[int, str]]
) -> dict[str, Any]:
    tp = fp = fn = kept = 0
    began = time.perf_counter()
    predictions = {n: predict(lines) for n, lines in inputs.items()}
    seconds = time.perf_counter() - began
    for n, labels in gold.items():
        if n not in predictions:
            continue
        for index, label in labels.items():
            removed = index in predictions[n]
            tp += label == "furniture" and removed
            fn += label == "furniture" and not removed
            fp += label == "story" and removed
            kept += label == "story" and not removed
    return {
        "tool": name,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "story_kept": kept / (kept + fp) if kept + fp else 1.0,
        "rate": len(inputs) / seconds,
    }


def _gold_inputs(gold: dict[str, dict[int, str]]) -> dict[str, list[str]]:
    inputs: dict[str, list[str]] = {}
    if CORPUS.exists():
        for line in CORPUS.open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] in gold:
                inputs[record["id"]] = normalise_newlines(record["text"]).split("\n")
    for path in sorted(EXAMPLES.glob("*.txt")):
        if path.stem in gold:
            inputs[path.stem] = normalise_newlines(path.read_text(encoding="utf-8")).split("\n")
    return inputs


def _throughput(repeat: int, jobs: int) -> tuple[int, float, dict[str, float]]:
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for copy in range(repeat):
                for r in records:
                    out.write(json.dumps({**r, "id": f"{r['id']}#{copy}"}, ensure_ascii=False) + "\n")
        began = time.perf_counter()
        result = analyze([str(path)], Settings(), jobs=jobs)
        seconds = time.perf_counter() - began
    return len(result.articles), seconds, result.timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=6, help="copies of corpus-dev to process")
    args = parser.parse_args()
    console = Console()
    if not CORPUS.exists():
        console.print(f"[yellow]{CORPUS} is absent; the benchmark needs ../shared/corpus-dev[/]")
        sys.exit(1)

    gold = load_gold(GOLD)
    inputs = _gold_inputs(gold)
    rows = [_quality("kroscek", _ours, inputs, gold)]
    for name, predictor in (("jusText 3 (Indonesian stop list)", _justext), ("trafilatura 2", _trafilatura)):
        try:
            rows.append(_quality(name, predictor, inputs, gold))
        except ImportError:
            console.print(f"[yellow]{name} not installed: pip install -e '.[bench]'[/]")
    table = Table(
        "tool",
        "furniture P",
        "furniture R",
        "story kept",
        "articles/s",
        "kroscek speed ×",
        title=f"Furniture removal, line gold ({len(inputs)} articles)",
    )
    for row in rows:
        table.add_row(
            row["tool"],
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['story_kept']:.3f}",
            f"{row['rate']:,.0f}",
            f"{rows[0]['rate'] / row['rate']:.1f}",
        )
    console.print(table)

    detect_language("Model bahasa dimuat sebelum pengukuran dimulai.")  # load once, as a service would
    speed = Table(
        "jobs",
        "articles",
        "seconds",
        "articles/s",
        "ratio vs jobs 1",
        title="the whole per-article pipeline (ingest + every stage) on corpus-dev",
    )
    base = None
    stage_rows = {}
    for jobs in (1, 2):
        count, seconds, timings = _throughput(args.repeat, jobs)
        rate = count / seconds
        base = base or rate
        speed.add_row(str(jobs), str(count), f"{seconds:.2f}", f"{rate:,.0f}", f"{rate / base:.2f}")
        stage_rows[jobs] = (count, timings)
    console.print(speed)
    count, timings = stage_rows[1]
    stages = Table("stage", "seconds", "articles/s (stage alone)", title="per stage, --jobs 1")
    for name, seconds in timings.items():
        stages.add_row(name, f"{seconds:.3f}", f"{count / seconds:,.0f}" if seconds else "-")
    console.print(stages)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    console.print(f"peak RSS: main process {own:.0f} MiB, largest worker {workers:.0f} MiB")


if __name__ == "__main__":
    main()
