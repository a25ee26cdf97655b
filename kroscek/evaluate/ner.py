"""``kroscek eval ner``: entity F1 of the packaged NER models on each Indonesian test set.

The sets and the label mapping (PER, LOC, ORG) are shared with ``training/ner/build.py``, which
imports them from here. Entity-level exact-span P/R/F1 (spaCy's scorer) on the gold tokens.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

__all__ = ["LABELS", "SETS", "evaluate_ner", "read_conll", "to_doc"]

#: name -> (train, dev, test) files under ../shared/data
SETS: dict[str, tuple[str, str, str]] = {
    "nerugm": ("indolem_ner/nerugm/train.01.tsv", "indolem_ner/nerugm/dev.01.tsv", "indolem_ner/nerugm/test.01.tsv"),
    "nerui": ("indolem_ner/nerui/train.01.tsv", "indolem_ner/nerui/dev.01.tsv", "indolem_ner/nerui/test.01.tsv"),
    "nergrit": (
        "indonlu/nergrit_ner-grit/train_preprocess.txt",
        "indonlu/nergrit_ner-grit/valid_preprocess.txt",
        "indonlu/nergrit_ner-grit/test_preprocess.txt",
    ),
    "nerp": (
        "indonlu/nerp_ner-prosa/train_preprocess.txt",
        "indonlu/nerp_ner-prosa/valid_preprocess.txt",
        "indonlu/nerp_ner-prosa/test_preprocess.txt",
    ),
    "idner": ("idner_news_2k/train.txt", "idner_news_2k/dev.txt", "idner_news_2k/test.txt"),
}

#: Source labels to kroscek's (NER UGM's TIME/QUANTITY and NERP's EVT/FNB are left out).
LABELS: dict[str, str] = {
    "PERSON": "PER",
    "PER": "PER",
    "PPL": "PER",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "LOC": "LOC",
    "PLC": "LOC",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "ORG": "ORG",
    "IND": "ORG",
}


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Return (tokens, BIO labels mapped to PER/LOC/ORG) per sentence of a CoNLL-style file."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), ""]:
        line = line.rstrip("\r")
        if not line.strip():
            if tokens:
                sentences.append((tokens, labels))
            tokens, labels = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        prefix, _, kind = parts[-1].partition("-")
        mapped = LABELS.get(kind)
        tokens.append(parts[0])
        labels.append(f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O")
    return sentences


def to_doc(vocab: Any, tokens: list[str], labels: list[str]) -> Any:
    """Return a gold Doc; an I- tag without its B- starts an entity."""
    from spacy.tokens import Doc

    fixed: list[str] = []
    for i, label in enumerate(labels):
        if label.startswith("I-") and (i == 0 or fixed[i - 1][2:] != label[2:]):
            label = "B-" + label[2:]
        fixed.append(label)
    return Doc(vocab, words=tokens, ents=fixed)


def score_sentences(nlp: Any, sentences: list[tuple[list[str], list[str]]]) -> dict[str, Any]:
    """Return P/R/F1 (and per type) of ``nlp``'s NER on gold-tokenised sentences."""
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = [Example(Doc(nlp.vocab, words=t), to_doc(nlp.vocab, t, lab)) for t, lab in sentences]
    ner = nlp.get_pipe("ner")
    for example in examples:
        ner(example.predicted)
    result = Scorer.score_spans(examples, "ents")
    per_type = {k: v["f"] for k, v in (result["ents_per_type"] or {}).items()}
    return {
        "p": result["ents_p"] or 0.0,
        "r": result["ents_r"] or 0.0,
        "f": result["ents_f"] or 0.0,
        "per_type": per_type,
    }


def evaluate_ner(data: Path, model: str) -> dict[str, dict[str, Any]]:
    """Return per-test-set scores and the speed (tokens/s, one process) of a packaged model."""
    from kroscek.annotate.entities import load_model

    nlp = load_model(model)
    results: dict[str, dict[str, Any]] = {}
    tokens = seconds = 0.0
    for name, files in SETS.items():
        path = data / files[2]
        if not path.exists():
            continue
        sentences = read_conll(path)
        began = time.perf_counter()
        results[name] = score_sentences(nlp, sentences)
        seconds += time.perf_counter() - began
        tokens += sum(len(t) for t, _ in sentences)
    results["speed"] = {"tokens_per_s": tokens / seconds if seconds else 0.0}
    return results
