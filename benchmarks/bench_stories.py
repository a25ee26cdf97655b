"""Cross-article benchmark: quality beside peers on corpus-dev, then scaling to 100k articles.

1. Events on the corpus-dev gold: kroscek's incremental grouping beside TF-IDF cosine +
   average-link clustering (scikit-learn) at every distance threshold, best one picked after the
   fact (an upper bound for that baseline). B-cubed F1, hard negatives kept apart, seconds.
2. Copies on the corpus-dev silver pairs: kroscek (containment over a sampled shingle index)
   beside datasketch MinHash LSH at Jaccard 0.3 over the same shingles. P / R, seconds.
3. Scaling of the cross-article layer alone (copies, events, stories, claims, quote chains,
   timeline) on 1k, 10k and 100k synthetic variants of the annotated corpus-dev articles: each
   variant keeps an article's layers and offsets, replaces a quarter of its words by random
   words of the same length (so variants are not copies) and moves its publish date, so the
   pile has many events. Seconds, peak memory, and the fitted exponent of time against size.

Run: make bench   (or .venv/bin/python benchmarks/bench_stories.py [--sizes 1000,10000,100000])
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import string
import time
from pathlib import Path

import msgspec
import numpy as np
from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.evaluate.stories import score_stories
from kroscek.model import Article
from kroscek.settings import Settings
from kroscek.stories.build import build_stories, group_events
from kroscek.stories.duplicates import copy_pairs, shingles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus-dev"
console = Console()


def peers_on_events(articles: list[Article]) -> None:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    gold = CORPUS / "gold.json"
    names = {a.id: a.name for a in articles}
    table = Table("method", "B-cubed F1", "hard negatives apart", "seconds", title="events on corpus-dev gold")
    started = time.perf_counter()
    events, _, duplicates, _, _ = group_events(articles)
    ours = time.perf_counter() - started
    r = score_stories(
        articles, [[articles[i].name for i in e] for e in events], [(names[d.a], names[d.b]) for d in duplicates], gold
    )
    table.add_row(
        "kroscek (settings fixed in advance)", f"{r['bcubed_f']:.3f}", f"{r['hard_negatives_apart']}/4", f"{ours:.2f}"
    )
    started = time.perf_counter()
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{a.title or ''} {a.text}" for a in articles]).toarray()
    best = None
    for threshold in np.arange(0.30, 0.99, 0.02):
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=float(threshold)
        ).fit_predict(matrix)
        groups: dict[int, list[str]] = {}
        for article, label in zip(articles, labels, strict=True):
            groups.setdefault(int(label), []).append(article.name)
        s = score_stories(articles, list(groups.values()), [], gold)
        if best is None or s["bcubed_f"] > best[1]["bcubed_f"]:
            best = (float(threshold), s)
    baseline = (time.perf_counter() - started) / len(np.arange(0.30, 0.99, 0.02))
    assert best is not None
    table.add_row(
        f"TF-IDF + average link, best threshold {best[0]:.2f} found after the fact",
        f"{best[1]['bcubed_f']:.3f}",
        f"{best[1]['hard_negatives_apart']}/4",
        f"{baseline:.2f}",
    )
    console.print(table)


def peers_on_copies(articles: list[Article]) -> None:
    from datasketch import MinHash, MinHashLSH

    gold = CORPUS / "gold.json"
    names = [a.name for a in articles]
    table = Table("method", "P", "R", "seconds", "ratio", title="copies on corpus-dev silver pairs")
    started = time.perf_counter()
    ours = [(names[i], names[j]) for i, j, _, _ in copy_pairs([a.text for a in articles])]
    ours_s = time.perf_counter() - started
    r = score_stories(articles, [[n] for n in names], ours, gold)
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    sketches = []
    for i, a in enumerate(articles):
        m = MinHash(num_perm=128)
        m.update_batch([int(h).to_bytes(4, "little") for h in shingles(a.text)])
        lsh.insert(str(i), m)
        sketches.append(m)
    theirs = sorted(
        {tuple(sorted((names[i], names[int(j)]))) for i, m in enumerate(sketches) for j in lsh.query(m) if int(j) != i}
    )
    theirs_s = time.perf_counter() - started
    t = score_stories(articles, [[n] for n in names], theirs, gold)
    table.add_row("kroscek containment >= 0.5", f"{r['copies_p']:.3f}", f"{r['copies_r']:.3f}", f"{ours_s:.3f}", "1.00")
    table.add_row(
        "datasketch MinHash LSH, Jaccard 0.3",
        f"{t['copies_p']:.3f}",
        f"{t['copies_r']:.3f}",
        f"{theirs_s:.3f}",
        f"{theirs_s / ours_s:.2f}",
    )
    console.print(table)


_WORD = re.compile(r"[^\W\d_]+")


def variant(article: Article, n: int, rng: random.Random) -> Article:
    """A new article with the same layers: a quarter of the words replaced in place."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return "".join(rng.choice(string.ascii_lowercase) for _ in word) if rng.random() < 0.25 else word

    day = dt.date.fromisoformat((article.published or "2020-01-01")[:10]) + dt.timedelta(days=9 * n)
    return msgspec.structs.replace(
        article,
        id=f"{article.id}-{n}",
        name=f"{article.name}-{n}",
        text=_WORD.sub(swap, article.text),
        published=day.isoformat(),
    )


def scaling(articles: list[Article], sizes: list[int]) -> None:
    rng = random.Random(7)
    table = Table("articles", "seconds", "articles/s", "peak RSS (MiB)", "stories", title="cross-article layer alone")
    points = []
    for size in sizes:
        pile = [variant(articles[i % len(articles)], i // len(articles), rng) for i in range(size)]
        started = time.perf_counter()
        stories = build_stories(pile)
        seconds = time.perf_counter() - started
        points.append((size, seconds))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        table.add_row(f"{size:,}", f"{seconds:.1f}", f"{size / seconds:,.0f}", f"{peak:,.0f}", f"{len(stories):,}")
        del pile, stories
    console.print(table)
    if len(points) > 1:
        xs = np.log([p[0] for p in points])
        ys = np.log([p[1] for p in points])
        exponent = float(np.polyfit(xs, ys, 1)[0])
        console.print(f"fitted exponent of time against articles: {exponent:.2f} (1.00 is linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    if not (CORPUS / "gold.json").exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads corpus-dev")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    peers_on_events(articles)
    peers_on_copies(articles)
    scaling(articles, [int(s) for s in args.sizes.split(",") if s])


if __name__ == "__main__":
    main()
