"""Do batches change the events? The same articles into a store in one batch, in 10 batches, in 10
shuffled batches (each batch placed by the story index, :func:`kroscek.stories.index.update`),
beside ``kroscek analyze`` of the whole pile (issue 13).

For corpus-dev, corpus-dev-2 and ecbplus-train (annotated once, or read from the training cache in
build/events/), each way of feeding a store ends with its events; B-cubed F1 of each against the
one-batch store (1.000: the same events) and of the one-batch store against the analysis of the
whole pile.

Run: .venv/bin/python benchmarks/order_independence.py
"""

from __future__ import annotations

import random
from pathlib import Path

import msgspec
from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.evaluate.stories import bcubed
from kroscek.model import Article
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.build import build_stories
from kroscek.stories.entities import link_entities
from kroscek.stories.index import update

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {"corpus-dev": "corpus-dev", "corpus-dev-2": "corpus-dev-2", "ecbplus-train": "data/ecbplus-train"}


def annotated(name: str) -> list[Article] | None:
    cache = ROOT / "build" / "events" / f"{name}.msgpack"
    if cache.exists():
        return msgspec.msgpack.decode(cache.read_bytes(), type=list[Article])
    path = SHARED / SETS[name] / "articles.jsonl"
    return analyze([str(path)], Settings(stories=False), jobs=2).articles if path.exists() else None


def events_of_store(batches: list[list[Article]]) -> list[list[str]]:
    store = Store(":memory:")
    for batch in batches:
        store.upsert_articles(batch)
        update(store)
    found = [sorted(e.article_ids) for s in store.all_stories() for e in s.events]
    store.close()
    return found


def agreement(a: list[list[str]], b: list[list[str]]) -> float:
    return bcubed(a, b)[2]


def main() -> None:
    console = Console()
    columns = ("set", "articles", "10 batches", "10 shuffled batches", "one batch vs analyze")
    table = Table(*columns, title="events, B-cubed F1")
    for name in SETS:
        articles = annotated(name)
        if articles is None:
            console.print(f"{name} is absent: skipped")
            continue
        size = -(-len(articles) // 10)
        one = events_of_store([articles])
        ten = events_of_store([articles[i : i + size] for i in range(0, len(articles), size)])
        mixed = articles[:]
        random.Random(5).shuffle(mixed)
        shuffled = events_of_store([mixed[i : i + size] for i in range(0, len(mixed), size)])
        whole = [sorted(e.article_ids) for s in build_stories(link_entities(articles)) for e in s.events]
        table.add_row(
            name,
            f"{len(articles)}",
            f"{agreement(ten, one):.3f}",
            f"{agreement(shuffled, one):.3f}",
            f"{agreement(one, whole):.3f}",
        )
    console.print(table)


if __name__ == "__main__":
    main()
