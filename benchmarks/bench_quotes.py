"""Speed of the quotes layer: English (the attribution tagger) beside Indonesian (the rule readers).

English: the texts of PolNeAR dev (../shared/data/polnear); Indonesian: the clean text of
../shared/corpus-dev. Sentences and dates are found first and not timed; each side is read
once to warm up (models loaded), then timed over its articles. One process, one core.

Run: .venv/bin/python benchmarks/bench_quotes.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.annotate.dates import find_dates
from kroscek.annotate.quotes import find_quotes
from kroscek.annotate.sentences import split_sentences
from kroscek.clean import clean_body
from kroscek.model import DateMention, Sentence

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

Prepared = list[tuple[str, list[Sentence], list[DateMention]]]


def english() -> Prepared:
    """PolNeAR dev's texts, with their sentences."""
    texts = sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    return [(t, split_sentences(t, "en"), []) for t in (p.read_text(encoding="utf-8") for p in texts)]


def indonesian() -> Prepared:
    """corpus-dev's clean texts, with their sentences and dates."""
    lines = (SHARED / "corpus-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [clean_body(r["text"], r.get("title")).text for r in map(json.loads, lines)]
    return [(t, split_sentences(t, "id"), find_dates(t, None, "id")) for t in texts]


def rate(articles: Prepared, language: str, tagger: bool = True) -> float:
    """Articles per second of ``find_quotes`` over ``articles``, after one warm-up article."""
    text, sentences, dates = articles[0]
    find_quotes(text, sentences, language, dates, tagger=tagger)
    began = time.perf_counter()
    for text, sentences, dates in articles:
        find_quotes(text, sentences, language, dates, tagger=tagger)
    return len(articles) / (time.perf_counter() - began)


def main() -> None:
    en, id_ = english(), indonesian()
    table = Table("path", "articles", "mean characters", "articles/s", title="quotes layer speed (one core)")
    for name, articles, language, tagger in (
        ("English, attribution tagger", en, "en", True),
        ("English, rule readers alone", en, "en", False),
        ("Indonesian, rule readers", id_, "id", True),
    ):
        size = sum(len(t) for t, _, _ in articles) // len(articles)
        table.add_row(name, str(len(articles)), str(size), f"{rate(articles, language, tagger):.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
