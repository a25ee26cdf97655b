"""``kroscek eval entities-en``: English PER/ORG/LOC/GPE mentions against hand gold on ECB+.

The gold (``tests/gold/entities_en.tsv``) marks every person, organisation and place mention
of 20 ECB+ train articles by character offsets into the ``text`` field of
``../shared/data/ecbplus-train/articles.jsonl``; the scorer runs the ``entities`` stage on that
same field (the clean stage is not in the loop, so the offsets need no mapping). GPE is a
country, or a capital speaking for its government; every other place is LOC. Types are scored
with LOC and GPE as one place type (LOC+GPE), and GPE alone beside it. Exact: the same span and
type; overlap: a shared character and the same type, each gold span matched at most once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from kroscek.evaluate.mentions import MentionScore, span_table
from kroscek.model import Entity

__all__ = ["EntityScore", "Predictor", "evaluate_entities_en", "read_gold", "score_entities", "stage_predictor"]

#: Rows of the table: the type each label is scored under.
_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC+GPE", "GPE": "LOC+GPE"}

Predictor = Callable[[list[str]], list[list[Entity]]]  # texts -> their entities


def read_gold(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Return the gold mentions of each article: name -> [(start, end, label)] in text order."""
    gold: dict[str, list[tuple[int, int, str]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if number == 0 or not line.strip():
            continue
        name, start, end, label = line.split("\t")
        gold.setdefault(name, []).append((int(start), int(end), label))
    return gold


@dataclass
class EntityScore:
    scores: dict[str, MentionScore] = field(
        default_factory=lambda: {k: MentionScore(k) for k in ("PER", "ORG", "LOC+GPE", "GPE", "all", "untyped")}
    )
    articles: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, kind, label, surface

    def add(self, name: str, text: str, gold: list[tuple[int, int, str]], predicted: list[Entity]) -> None:
        """Count one article's mentions."""
        self.articles += 1
        found = [(e.start, e.end, e.label) for e in predicted if e.label in _TYPES]
        for kind in ("PER", "ORG", "LOC+GPE"):
            g = [(s, e) for s, e, label in gold if _TYPES[label] == kind]
            p = [(s, e) for s, e, label in found if _TYPES[label] == kind]
            used, unmatched = self.scores[kind].add(g, p)
            self.errors.extend((name, "missed", kind, text[s:e]) for i, (s, e) in enumerate(g) if i not in used)
            self.errors.extend((name, "extra", kind, text[p[k][0] : p[k][1]]) for k in unmatched)
        self.scores["GPE"].add(
            [(s, e) for s, e, label in gold if label == "GPE"], [(s, e) for s, e, label in found if label == "GPE"]
        )
        self.scores["untyped"].add([(s, e) for s, e, _ in gold], [(s, e) for s, e, _ in found])
        typed = self.scores["all"]  # the sum of the three typed rows
        typed.gold, typed.predicted, typed.exact, typed.overlap_gold, typed.overlap_predicted = (
            sum(getattr(self.scores[k], a) for k in ("PER", "ORG", "LOC+GPE"))
            for a in ("gold", "predicted", "exact", "overlap_gold", "overlap_predicted")
        )

    def table(self, title: str) -> Table:
        return span_table(title, "type", self.scores)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def stage_predictor(language: str = "en") -> Predictor:
    """The ``entities`` stage itself, run on texts as articles of ``language``."""
    from kroscek.annotate.entities import entities_of

    def predict(texts: list[str]) -> list[list[Entity]]:
        return entities_of(texts, language)

    return predict


def score_entities(
    gold: dict[str, list[tuple[int, int, str]]], texts: dict[str, str], predict: Predictor
) -> EntityScore:
    """Return ``predict``'s scores on the gold articles (one batch call, timed)."""
    names = sorted(gold)
    score = EntityScore()
    began = time.perf_counter()
    found = predict([texts[n] for n in names])
    score.seconds = time.perf_counter() - began
    for name, predicted in zip(names, found, strict=True):
        score.add(name, texts[name], gold[name], predicted)
    return score


def read_texts(path: Path) -> dict[str, str]:
    """Return the ``text`` of each record of an articles.jsonl, by ``id``."""
    texts = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    return texts


def evaluate_entities_en(gold_path: Path, articles: Path, language: str = "en") -> EntityScore:
    """Return the ``entities`` stage's scores on the English gold (run as ``language``)."""
    gold = read_gold(gold_path)
    texts = read_texts(articles)
    missing = sorted(set(gold) - set(texts))
    if missing:
        raise ValueError(f"{articles} lacks the gold's articles {', '.join(missing[:5])}")
    stage_predictor(language)([texts[sorted(gold)[0]]])  # load the model outside the timing
    return score_entities(gold, texts, stage_predictor(language))
