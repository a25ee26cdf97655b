"""``kroscek eval polnear``: English attribution spans against PolNeAR (source, cue, content).

PolNeAR (Newell et al., LREC 2018) annotates every attribution in US political news as a
source, a cue and a content span (brat standoff). kroscek's English quotes give the content
span, the speaker span and the cue span. Scored per component, as CofeNet's evaluation does:
exact-span P/R/F1 and overlap P/R/F1 (spans matched one to one on any shared character).
The authors ask users to keep ``test/`` unread while developing: only ``train``/``dev`` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from kroscek.annotate.quotes import find_quotes
from kroscek.annotate.sentences import split_sentences
from kroscek.evaluate.mentions import MentionScore, span_table

__all__ = ["PolnearScore", "evaluate_polnear", "read_ann"]

_KINDS = ("Source", "Cue", "Content")


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Return the Source, Cue and Content spans of one .ann file (fragments joined)."""
    spans: dict[str, list[tuple[int, int]]] = {k: [] for k in _KINDS}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind not in spans:
            continue
        numbers = [int(n) for n in re.findall(r"\d+", offsets)]
        spans[kind].append((min(numbers), max(numbers)))
    return spans


@dataclass
class PolnearScore:
    scores: dict[str, MentionScore] = field(default_factory=lambda: {k: MentionScore(k) for k in _KINDS})
    articles: int = 0

    def add(self, kind: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> None:
        self.scores[kind].add(gold, predicted)

    def table(self, split: str) -> Table:
        return span_table(f"PolNeAR {split} ({self.articles} articles)", "component", self.scores)


def evaluate_polnear(root: Path, split: str = "dev") -> PolnearScore:
    """Return the component scores of kroscek's English quotes on a PolNeAR split."""
    if split == "test":
        raise ValueError("PolNeAR's authors ask that test/ stays unread during development")
    score = PolnearScore()
    texts = root / split / "text"
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        text_path = texts / f"{stem}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = read_ann(ann)
        quotes = find_quotes(text, split_sentences(text, "en"), "en", [])
        score.articles += 1
        score.add("Content", gold["Content"], [(q.start, q.end) for q in quotes])
        score.add(
            "Source",
            gold["Source"],
            [
                (q.speaker_start, q.speaker_end)
                for q in quotes
                if q.speaker_start is not None and q.speaker_end is not None
            ],
        )
        score.add(
            "Cue",
            gold["Cue"],
            [(q.cue_start, q.cue_end) for q in quotes if q.cue_start is not None and q.cue_end is not None],
        )
    return score
