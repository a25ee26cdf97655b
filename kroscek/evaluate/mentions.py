"""Mention detection against token-level gold (NER UGM's TIME and QUANTITY spans).

The gold text is pre-tokenised: tokens are joined with single spaces, kroscek runs on that
string, and its character spans are mapped back to token ranges. Exact match needs the same
token range; overlap match needs one shared token (each gold span matched at most once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

__all__ = ["GoldSentence", "MentionScore", "read_bio", "score_mentions", "span_table"]


@dataclass(frozen=True)
class GoldSentence:
    index: int
    tokens: tuple[str, ...]
    spans: dict[str, tuple[tuple[int, int], ...]]  # label -> token ranges [start, end)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def token_offsets(self) -> list[tuple[int, int]]:
        offsets, at = [], 0
        for token in self.tokens:
            offsets.append((at, at + len(token)))
            at += len(token) + 1
        return offsets


def read_bio(path: Path) -> Iterator[GoldSentence]:
    """Yield the sentences of a token<TAB>BIO file (blank lines between sentences)."""
    tokens: list[str] = []
    labels: list[str] = []
    index = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in [*handle, "\n"]:
            line = line.rstrip("\r\n")
            if line.strip():
                parts = line.split("\t") if "\t" in line else line.split()
                tokens.append(parts[0])
                labels.append(parts[-1])
                continue
            if tokens:
                yield GoldSentence(index, tuple(tokens), _spans(labels))
                index += 1
                tokens, labels = [], []


def _spans(labels: list[str]) -> dict[str, tuple[tuple[int, int], ...]]:
    found: dict[str, list[tuple[int, int]]] = {}
    i = 0
    while i < len(labels):
        if labels[i].startswith("B-"):
            kind = labels[i][2:]
            j = i + 1
            while j < len(labels) and labels[j] == f"I-{kind}":
                j += 1
            found.setdefault(kind, []).append((i, j))
            i = j
        else:
            i += 1
    return {k: tuple(v) for k, v in found.items()}


@dataclass
class MentionScore:
    label: str
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_predicted: int = 0
    misses: list[tuple[int, str, str]] = field(default_factory=list)  # sentence, gold text, context
    extras: list[tuple[int, str, str]] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> tuple[set[int], list[int]]:
        """Count one unit's spans; return (gold matched on overlap, predicted not matched).

        Exact: the same span. Overlap: any shared position, each gold span matched at most once.
        """
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.exact += len(set(gold) & set(predicted))
        used: set[int] = set()
        unmatched = []
        for k, p in enumerate(predicted):
            hit = next((i for i, g in enumerate(gold) if i not in used and g[0] < p[1] and p[0] < g[1]), None)
            if hit is None:
                unmatched.append(k)
            else:
                used.add(hit)
        self.overlap_predicted += len(predicted) - len(unmatched)
        self.overlap_gold += len(used)
        return used, unmatched

    def exact_prf(self) -> tuple[float, float, float]:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    def overlap_prf(self) -> tuple[float, float, float]:
        p = self.overlap_predicted / self.predicted if self.predicted else 0.0
        r = self.overlap_gold / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)


def span_table(title: str, first: str, scores: dict[str, MentionScore]) -> Table:
    """The exact and overlap P/R/F1 of each score, one row each (``kroscek eval mentions/polnear``)."""
    table = Table(
        first, "gold", "kroscek", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1", title=title
    )
    for name, score in scores.items():
        row = (*score.exact_prf(), *score.overlap_prf())
        table.add_row(name, str(score.gold), str(score.predicted), *(f"{x:.3f}" for x in row))
    return table


Predictor = Callable[[str], list[tuple[int, int]]]  # text -> character spans


def _to_tokens(spans: list[tuple[int, int]], offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges = []
    for start, end in spans:
        covered = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        if covered:
            ranges.append((covered[0], covered[-1] + 1))
    return ranges


def score_mentions(sentences: list[GoldSentence], label: str, predict: Predictor) -> MentionScore:
    """Return exact and overlap counts of ``predict`` against the gold spans of ``label``."""
    score = MentionScore(label)
    for sentence in sentences:
        gold = list(sentence.spans.get(label, ()))
        predicted = _to_tokens(predict(sentence.text), sentence.token_offsets())
        used, unmatched = score.add(gold, predicted)
        for k in unmatched:
            p = predicted[k]
            score.extras.append((sentence.index, " ".join(sentence.tokens[p[0] : p[1]]), sentence.text))
        for i, g in enumerate(gold):
            if i not in used:
                score.misses.append((sentence.index, " ".join(sentence.tokens[g[0] : g[1]]), sentence.text))
    return score
