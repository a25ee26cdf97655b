"""Corpus-level floors on hand-made gold. Lower a floor only on purpose, in its own commit."""

from __future__ import annotations

import json

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
    gold, found, matched = report.distinct  # measured 232 · 235 · 227: P 0.966, R 0.978
    assert gold == report.total and matched / found >= 0.93 and matched / gold >= 0.95


def test_quantity_values_on_gold() -> None:
    from kroscek.evaluate.normalise import evaluate_quantities

    need_shared(SHARED_DATA)
    report = evaluate_quantities(ROOT / "tests" / "gold" / "quantities.tsv", SHARED, ROOT)
    assert report.total >= 200 and not report.missing_sources
    assert report.accuracy >= 0.95
    gold, found, matched = report.distinct  # measured 238 · 259 · 235: P 0.907, R 0.987
    assert gold == report.total and matched / found >= 0.88 and matched / gold >= 0.95


def test_mention_detection_on_ner_ugm_test() -> None:
    from kroscek.evaluate.normalise import evaluate_mentions

    scores = evaluate_mentions(need_shared(SHARED_DATA / "indolem_ner" / "nerugm" / "test.01.tsv"))
    assert scores["TIME (NER UGM convention: no deictic words)"].overlap_prf()[2] >= 0.85
    # measured 0.849: NER UGM tags no collective ("kedua pihak", both parties), which kroscek counts
    assert scores["QUANTITY"].overlap_prf()[2] >= 0.84


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


def test_claims_gold_spans_are_found_in_the_cleaned_text() -> None:
    from kroscek.evaluate.claims import locate

    raw = "Jakarta - Polisi menetapkan 175 orang.\n\nBaca juga: 175 orang\n\nLalu   175 orang lagi."
    text = "Polisi menetapkan 175 orang.\n\nLalu 175 orang lagi."
    first = raw.index("175 orang")
    third = raw.rindex("175 orang")
    # The furniture line dropped one of three equal strings: the nearest one by position answers.
    assert locate(raw, text, first, first + 9) == (18, 27)
    assert locate(raw, text, third, third + 9) == (35, 44)
    assert locate(raw, text, 0, 7) is None  # "Jakarta" went with the dateline


def test_claims_score_counts_found_facts_and_false_divergences() -> None:
    from kroscek.evaluate.claims import GoldFact, GoldValue, score_claims
    from kroscek.model import Claim, ClaimValue, Story

    a = _claims_article("a", "Polisi menetapkan 175 orang tersangka pada Selasa.")
    b = _claims_article("b", "Sebanyak 175 orang menjadi tersangka, kata polisi.")
    fact = GoldFact(
        "f", "c", "e", "suspects", "count", "agree", (GoldValue("a", 18, 27, "175"), GoldValue("b", 9, 18, "175"))
    )
    agree = Claim("tersangka", "agree", None, (ClaimValue(175, "a", 18, 21), ClaimValue(175, "b", 9, 12)))
    wrong = Claim("x", "differ", None, (ClaimValue(175, "a", 18, 21), ClaimValue(2, "b", 0, 8)))
    story = Story(id="s", title="t", article_ids=("a", "b"), claims=(agree, wrong))
    s = score_claims("c", [a, b], [story], [fact], [])
    assert (s.found, s.status_right, s.divergent, s.true_divergent) == (1, 1, 1, 0)
    assert s.false_per_100 == 50.0


def _claims_article(name: str, text: str):  # type: ignore[no-untyped-def]
    from kroscek.model import Article

    return Article(id=name, source=name, name=name, raw=text, text=text)


def test_the_claims_gold_points_into_the_shared_corpora() -> None:
    from collections import defaultdict

    from kroscek.evaluate.claims import load_gold

    facts, pairs = load_gold(ROOT / "tests" / "gold" / "claims.json")
    assert len(facts) >= 150 and len(pairs) >= 50
    texts: dict[tuple[str, str], str] = {}
    for corpus in {f.corpus for f in facts}:
        path = need_shared(SHARED / corpus / "articles.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[(corpus, record["id"])] = record["text"]
    events: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        assert len({v.article for v in f.values}) >= 2, f.id
        for v in f.values:
            span = texts[(f.corpus, v.article)][v.start : v.end]
            assert span.strip() and any(c.isalnum() for c in span), (f.id, v.article)
        events[f.corpus].add(f.event)
    assert sum(len(e) for e in events.values()) >= 60
