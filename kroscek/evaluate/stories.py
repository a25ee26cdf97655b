"""``kroscek eval stories``: events against the corpus-dev event gold, copies against its pairs.

- B-cubed precision / recall / F1 of the ``events`` grouping: articles in no gold cluster are
  singletons, as the gold says.
- Hard negatives: the share of look-alike pairs of different events kept in different events.
- Copies: precision and recall of the pairs inside predicted copy groups against the gold
  near-duplicate pairs (both sides closed transitively; the gold pairs are silver).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kroscek.model import Article
from kroscek.stories.groups import connected_groups

__all__ = ["bcubed", "evaluate_events", "score_stories"]


def bcubed(predicted: Sequence[Iterable[str]], gold: Sequence[Iterable[str]]) -> tuple[float, float, float]:
    """Return B-cubed (precision, recall, F1) of a clustering over the same items."""
    pred_of = {x: frozenset(c) for c in map(frozenset, predicted) for x in c}
    gold_of = {x: frozenset(c) for c in map(frozenset, gold) for x in c}
    items = list(gold_of)
    for x in items:
        pred_of.setdefault(x, frozenset([x]))
    p = sum(len(pred_of[x] & gold_of[x]) / len(pred_of[x]) for x in items) / len(items)
    r = sum(len(pred_of[x] & gold_of[x]) / len(gold_of[x]) for x in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _closure(pairs: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """Every pair inside the groups the ``pairs`` join (the transitive closure)."""
    pairs = list(pairs)
    names = sorted({x for pair in pairs for x in pair})
    index = {name: i for i, name in enumerate(names)}
    groups = connected_groups(len(names), [(index[a], index[b]) for a, b in pairs])
    return {frozenset((names[a], names[b])) for g in groups for a, b in itertools.combinations(g, 2)}


def score_stories(
    articles: Sequence[Article], events: Sequence[Sequence[str]], copies: Iterable[tuple[str, str]], gold_path: Path
) -> dict[str, Any]:
    """Score ``events`` (lists of article names) and ``copies`` (name pairs) against gold.json."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = [a.name for a in articles]
    clustered = {x for c in gold["clusters"] for x in c["article_ids"]}
    gold_clusters = [c["article_ids"] for c in gold["clusters"]] + [[n] for n in names if n not in clustered]
    p, r, f = bcubed(events, gold_clusters)
    event_of = {x: i for i, c in enumerate(events) for x in c}
    negatives = [tuple(h["pair"]) for h in gold["hard_negatives"]]
    apart = sum(event_of.get(a) != event_of.get(b) for a, b in negatives)
    gold_copies = _closure(tuple(d["ids"]) for d in gold["near_duplicates"])
    found = _closure(copies)
    hit = len(found & gold_copies)
    return {
        "articles": len(names),
        "events": len(events),
        "gold_events": len(gold_clusters),
        "bcubed_p": p,
        "bcubed_r": r,
        "bcubed_f": f,
        "hard_negatives_apart": apart,
        "hard_negatives": len(negatives),
        "copies_p": hit / len(found) if found else 0.0,
        "copies_r": hit / len(gold_copies) if gold_copies else 0.0,
        "copy_pairs": len(found),
        "gold_copy_pairs": len(gold_copies),
    }


def evaluate_events(articles: Sequence[Article], gold_path: Path) -> dict[str, Any]:
    """Group ``articles`` (copies, events) and score the result against ``gold_path``; adds seconds."""
    import time

    from kroscek.stories.build import group_events

    started = time.perf_counter()
    events, _, duplicates, _, _ = group_events(articles)
    seconds = time.perf_counter() - started
    name = {a.id: a.name for a in articles}
    result = score_stories(
        articles,
        [[articles[i].name for i in rows] for rows in events],
        [(name[d.a], name[d.b]) for d in duplicates],
        gold_path,
    )
    return {**result, "seconds": seconds}
