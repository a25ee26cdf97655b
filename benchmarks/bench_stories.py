"""Cross-article benchmark: quality beside peers on corpus-dev, then scaling to 100k articles.

1. Events on corpus-dev, corpus-dev-2 and the ECB+ training topics: kroscek's learned decision
   scored by grouped cross-validation (kroscek/evaluate/events.py: never on the events a model
   learnt from) beside TF-IDF cosine + average-link clustering (scikit-learn) at every distance
   threshold, the best one picked after the fact (an upper bound for that baseline). B-cubed P/R/F1
   and look-alike pairs kept apart.
2. Copies on the corpus-dev silver pairs: kroscek (containment over a sampled shingle index)
   beside datasketch MinHash LSH at Jaccard 0.3 over the same shingles. P / R, seconds.
3. The grouping step on the labelled sets' real articles pooled (Indonesian, then all three).
4. Scaling of the cross-article layer alone (names linked across articles, revisions, copies,
   events, stories, claims, quote chains, timeline) on 1k, 10k and 100k synthetic variants of the
   annotated corpus-dev articles: each variant keeps an article's layers and offsets, replaces a
   quarter of its words by random words of the same length (so variants are not copies) and
   moves its publish date, so the pile has many events. Seconds, peak memory, and the fitted
   exponent of time against size.

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
from kroscek.stories.build import build_stories, group_prepared, prepare
from kroscek.stories.duplicates import copy_pairs, shingles
from kroscek.stories.entities import link_entities
from kroscek.stories.events import group_articles
from kroscek.stories.revisions import mark_revisions

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus-dev"
console = Console()


def peers_on_events(shared: Path) -> None:
    """kroscek's events, cross-validated, beside TF-IDF + average link at its best threshold (after the fact)."""
    from kroscek.evaluate.events import baseline, cross_validate, labelled, pairs
    from kroscek.evaluate.stories import load_gold

    sets = []
    for name, folder in (
        ("corpus-dev", "corpus-dev"),
        ("corpus-dev-2", "corpus-dev-2"),
        ("ecbplus-train", "data/ecbplus-train"),
    ):
        where = shared / folder
        if not (where / "gold.json").exists():
            console.print(f"{where} is absent: skipped")
            continue
        articles = analyze([str(where / "articles.jsonl")], Settings(stories=False), jobs=2).articles
        sets.append(labelled(name, articles, load_gold(where / "gold.json")))
    made = {s.name: pairs(s) for s in sets}
    ours = cross_validate(sets, made)
    table = Table(
        "set", "method", "B-cubed P / R / F1", "look-alike pairs apart", title="events: kroscek (grouped CV) and TF-IDF"
    )
    for s in sets:
        r = ours[s.name]
        table.add_row(
            s.name,
            "kroscek, learned decision, grouped cross-validation",
            f"{r['p']:.3f} / {r['r']:.3f} / {r['f']:.3f}",
            f"{r['apart']}/{r['negatives']}",
        )
        b = baseline(s)
        table.add_row(
            "",
            f"TF-IDF + average link, best threshold {b['threshold']:.2f} after the fact",
            f"{b['p']:.3f} / {b['r']:.3f} / {b['f']:.3f}",
            f"{b['apart']}/{b['negatives']}",
        )
    console.print(table)
    grouping_on_real([s.articles for s in sets if s.name != "ecbplus-train"], [s.articles for s in sets])


def grouping_on_real(indonesian: list[list[Article]], every: list[list[Article]]) -> None:
    """The grouping step (profiles and copies, then events and stories) on the labelled sets' real
    articles pooled: warm, best of three, the names linked first as analyze does."""
    table = Table("pile", "articles", "profiles and copies /s", "events and stories /s", "grouping /s")
    for name, piles in (("Indonesian sets", indonesian), ("all three sets", every)):
        pile = mark_revisions(link_entities([a for articles in piles for a in articles]))
        if not pile:
            continue
        best = [float("inf")] * 2
        for _ in range(3):
            started = time.perf_counter()
            prepared = prepare(pile)
            middle = time.perf_counter()
            group_prepared(prepared)
            best = [min(best[0], middle - started), min(best[1], time.perf_counter() - middle)]
        n = len(pile)
        table.add_row(name, f"{n:,}", f"{n / best[0]:,.0f}", f"{n / best[1]:,.0f}", f"{n / sum(best):,.0f}")
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
    theirs: list[tuple[str, str]] = sorted(
        {
            (min(names[i], names[int(j)]), max(names[i], names[int(j)]))
            for i, m in enumerate(sketches)
            for j in lsh.query(m)
            if int(j) != i
        }
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
    table = Table(
        "articles",
        "names s",
        "grouping s",
        "grouping articles/s",
        "events decision articles/s",
        "whole layer s",
        "articles/s",
        "peak RSS (MiB)",
        "stories",
        title="cross-article layer alone (names: link_entities and revisions; grouping: profiles, copies, events "
        "and stories; events decision: the same-event pass and split alone, on the profiled pile; whole layer: "
        "names, then build_stories)",
    )
    points, grouping_points, decision_points = [], [], []
    for size in sizes:
        pile = [variant(articles[i % len(articles)], i // len(articles), rng) for i in range(size)]
        started = time.perf_counter()
        pile = mark_revisions(link_entities(pile))  # the steps before the stories, as analyze runs them
        names = time.perf_counter() - started
        started = time.perf_counter()
        prepared = prepare(pile)
        group_prepared(prepared)
        grouping = time.perf_counter() - started
        started = time.perf_counter()
        group_articles(prepared.profiles, prepared.order, prepared.tied)
        decision = time.perf_counter() - started
        del prepared
        started = time.perf_counter()
        stories = build_stories(pile)
        seconds = names + time.perf_counter() - started
        points.append((size, seconds))
        grouping_points.append((size, grouping))
        decision_points.append((size, decision))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        table.add_row(
            f"{size:,}",
            f"{names:.1f}",
            f"{grouping:.1f}",
            f"{size / grouping:,.0f}",
            f"{size / decision:,.0f}",
            f"{seconds:.1f}",
            f"{size / seconds:,.0f}",
            f"{peak:,.0f}",
            f"{len(stories):,}",
        )
        del pile, stories
    console.print(table)
    for what, found in (("whole layer", points), ("grouping", grouping_points), ("events decision", decision_points)):
        if len(found) > 1:
            exponent = float(np.polyfit(np.log([p[0] for p in found]), np.log([p[1] for p in found]), 1)[0])
            console.print(f"fitted exponent of time against articles, {what}: {exponent:.2f} (1.00 is linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    if not (CORPUS / "gold.json").exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads corpus-dev")
    peers_on_events(ROOT.parent / "shared")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    peers_on_copies(articles)
    scaling(articles, [int(s) for s in args.sizes.split(",") if s])


if __name__ == "__main__":
    main()
