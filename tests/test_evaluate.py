"""Corpus-level floors on hand-made gold. Lower a floor only on purpose, in its own commit."""

from __future__ import annotations

from kroscek.evaluate.clean import evaluate_clean, load_gold
from tests.conftest import CORPUS_DEV, EXAMPLES, ROOT, need_shared

GOLD = ROOT / "tests" / "gold" / "clean_lines.tsv"


def test_gold_covers_the_seeds_and_37_articles() -> None:
    gold = load_gold(GOLD)
    assert sum(name.startswith("gabriella_") for name in gold) == 37
    assert sum(1 for p in EXAMPLES.glob("*.txt") if p.stem in gold) == 5


def test_clean_scores_on_seeds_alone() -> None:
    report = evaluate_clean(GOLD, ROOT / "no-corpus.jsonl", EXAMPLES)
    assert report.articles == 5
    assert report.precision >= 0.98 and report.recall >= 0.98 and report.story_kept_share >= 0.98


def test_clean_scores_on_corpus_dev() -> None:
    need_shared(CORPUS_DEV)
    report = evaluate_clean(GOLD, CORPUS_DEV, EXAMPLES)
    assert report.articles == 42 and not report.missing
    assert report.precision >= 0.98
    assert report.recall >= 0.98
    assert report.story_kept_share >= 0.98
