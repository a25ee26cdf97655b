"""Corpus-level floors on hand-made gold. Lower a floor only on purpose, in its own commit."""

from __future__ import annotations

from kroscek.evaluate.clean import evaluate_clean, load_gold
from tests.conftest import CORPUS_DEV, EXAMPLES, ROOT, SHARED, need_shared

SHARED_DATA = SHARED / "data"

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


def test_date_values_on_gold() -> None:
    from kroscek.evaluate.normalise import evaluate_dates

    need_shared(SHARED_DATA)
    report = evaluate_dates(ROOT / "tests" / "gold" / "dates.tsv", SHARED, ROOT)
    assert report.total >= 200 and not report.missing_sources
    assert report.accuracy >= 0.95


def test_quantity_values_on_gold() -> None:
    from kroscek.evaluate.normalise import evaluate_quantities

    need_shared(SHARED_DATA)
    report = evaluate_quantities(ROOT / "tests" / "gold" / "quantities.tsv", SHARED, ROOT)
    assert report.total >= 200 and not report.missing_sources
    assert report.accuracy >= 0.95


def test_mention_detection_on_ner_ugm_test() -> None:
    from kroscek.evaluate.normalise import evaluate_mentions

    scores = evaluate_mentions(need_shared(SHARED_DATA / "indolem_ner" / "nerugm" / "test.01.tsv"))
    assert scores["TIME (NER UGM convention: no deictic words)"].overlap_prf()[2] >= 0.85
    assert scores["QUANTITY"].overlap_prf()[2] >= 0.85


def test_quotes_on_gold() -> None:
    from kroscek.evaluate.quotes import evaluate_quotes

    need_shared(SHARED_DATA / "indolem_ner" / "nerugm" / "test.01.tsv")
    report = evaluate_quotes(ROOT / "tests" / "gold" / "quotes.tsv", SHARED, ROOT)
    assert report.gold >= 250 and not report.missing_sources
    precision, recall, _f1 = report.prf()
    assert precision >= 0.9 and recall >= 0.9
    assert report.speaker_right / report.matched >= 0.9


def test_polnear_reader_and_scorer() -> None:
    from kroscek.evaluate.polnear import evaluate_polnear

    root = need_shared(SHARED_DATA / "polnear")
    score = evaluate_polnear(root, "dev")
    assert score.articles > 0
    content = score.scores["Content"]
    gold, predicted, overlap = content.gold, content.predicted, content.overlap_gold
    assert gold > 1000 and 0 < overlap <= predicted
