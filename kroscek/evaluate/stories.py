"""``kroscek eval stories``: events against an event gold, copies against its pairs.

Two gold formats are read from a folder holding ``articles.jsonl`` and ``gold.json``:
- corpus-dev's (``clusters`` with ``article_ids``, ``hard_negatives``, ``near_duplicates``), as in
  ``../shared/corpus-dev`` and ``../shared/corpus-dev-2``;
- ECB+'s (``{article id: {"event", "topic"}}``, as in ``../shared/data/ecbplus-train``), where
  each topic holds two look-alike happenings: every pair of articles of one topic and different
  events is a hard negative.

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
from typing import Any, NamedTuple

from kroscek.model import Article
from kroscek.stories.groups import connected_groups
from kroscek.stories.params import StoryParams

__all__ = ["Gold", "bcubed", "evaluate_events", "load_gold", "score_stories"]


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


class Gold(NamedTuple):
    """An event gold in one shape: clusters of article names, look-alike pairs, copy pairs."""

    clusters: list[list[str]]
    hard_negatives: list[tuple[str, str]]
    near_duplicates: list[tuple[str, str]]


def load_gold(path: Path) -> Gold:
    """Read ``gold.json`` (corpus-dev's format or ECB+'s) into :class:`Gold`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "clusters" in data:
        return Gold(
            [list(c["article_ids"]) for c in data["clusters"]],
            [(h["pair"][0], h["pair"][1]) for h in data.get("hard_negatives", [])],
            [(d["ids"][0], d["ids"][1]) for d in data.get("near_duplicates", [])],
        )
    events: dict[str, list[str]] = {}
    topics: dict[str, dict[str, list[str]]] = {}
    for name, label in sorted(data.items()):
        events.setdefault(label["event"], []).append(name)
        topics.setdefault(label["topic"], {}).setdefault(label["event"], []).append(name)
    lookalike = [
        (a, b)
        for by_event in topics.values()
        for e1, e2 in itertools.combinations(sorted(by_event), 2)
        for a in by_event[e1]
        for b in by_event[e2]
    ]
    return Gold(list(events.values()), lookalike, [])


def score_stories(
    articles: Sequence[Article], events: Sequence[Sequence[str]], copies: Iterable[tuple[str, str]], gold: Gold | Path
) -> dict[str, Any]:
    """Score ``events`` (lists of article names) and ``copies`` (name pairs) against the gold."""
    if isinstance(gold, Path):
        gold = load_gold(gold)
    names = [a.name for a in articles]
    present = set(names)
    clustered = {x for c in gold.clusters for x in c}
    gold_clusters = [[x for x in c if x in present] for c in gold.clusters]
    gold_clusters = [c for c in gold_clusters if c] + [[n] for n in names if n not in clustered]
    p, r, f = bcubed(events, gold_clusters)
    event_of = {x: i for i, c in enumerate(events) for x in c}
    negatives = [(a, b) for a, b in gold.hard_negatives if a in present and b in present]
    apart = sum(event_of.get(a) != event_of.get(b) for a, b in negatives)
    gold_copies = _closure(gold.near_duplicates)
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


def evaluate_events(articles: Sequence[Article], gold_path: Path, params: StoryParams | None = None) -> dict[str, Any]:
    """Group ``articles`` (copies, events) with ``params`` and score the result against ``gold_path``; adds seconds."""
    import time

    from kroscek.stories.build import group_events

    started = time.perf_counter()
    grouping = group_events(articles, params)
    events, duplicates = grouping.events, grouping.duplicates
    seconds = time.perf_counter() - started
    name = {a.id: a.name for a in articles}
    result = score_stories(
        articles,
        [[articles[i].name for i in rows] for rows in events],
        [(name[d.a], name[d.b]) for d in duplicates],
        gold_path,
    )
    return {**result, "seconds": seconds}
