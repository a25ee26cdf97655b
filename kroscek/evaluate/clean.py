"""``kroscek eval clean``: furniture removal against line-level gold.

A raw line counts as removed when the cleaner removed it whole (a Boilerplate with
``part == "line"``); a line that lost only a prefix or suffix still counts as kept.
"""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text

from kroscek.clean import clean_body
from kroscek.ingest.records import normalise_newlines

__all__ = ["CleanReport", "evaluate_clean", "load_gold"]


@dataclass
class CleanReport:
    true_furniture: int = 0
    false_furniture: int = 0  # story lines removed
    missed_furniture: int = 0  # furniture lines kept
    story_kept: int = 0
    articles: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, int, str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        removed = self.true_furniture + self.false_furniture
        return self.true_furniture / removed if removed else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_furniture + self.missed_furniture
        return self.true_furniture / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def story_kept_share(self) -> float:
        gold = self.story_kept + self.false_furniture
        return self.story_kept / gold if gold else 1.0

    def render(self, show_errors: bool = False) -> Group:
        table = Table("measure", "value", title="kroscek eval clean (line level)")
        table.add_row("articles", str(self.articles))
        table.add_row("furniture lines (gold)", str(self.true_furniture + self.missed_furniture))
        table.add_row("story lines (gold)", str(self.story_kept + self.false_furniture))
        table.add_row("furniture precision", f"{self.precision:.4f}")
        table.add_row("furniture recall", f"{self.recall:.4f}")
        table.add_row("furniture F1", f"{self.f1:.4f}")
        table.add_row("story lines kept", f"{self.story_kept_share:.4f}")
        table.add_row("articles/s (clean only)", f"{self.articles / self.seconds:,.0f}" if self.seconds else "-")
        parts: list[Table | Text] = [table]
        if self.missing:
            parts.append(Text(f"gold names not found in the inputs: {', '.join(self.missing)}"))
        if show_errors and self.errors:
            errors = Table("name", "line", "gold", "text", title="wrong lines")
            for name, line, gold, text in self.errors:
                errors.add_row(name, str(line), gold, text[:100])
            parts.append(errors)
        return Group(*parts)


def load_gold(path: Path) -> dict[str, dict[int, str]]:
    """Return gold labels by article name, then raw line index."""
    gold: dict[str, dict[int, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            gold.setdefault(row["name"], {})[int(row["line"])] = row["label"]
    return gold


def _inputs(corpus: Path, examples: Path, names: set[str]) -> dict[str, tuple[str, str | None]]:
    """Return (raw text, given title) by name for the gold's articles."""
    found: dict[str, tuple[str, str | None]] = {}
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("id") in names:
                    found[record["id"]] = (normalise_newlines(record["text"]), record.get("title"))
    if examples.is_dir():
        for path in sorted(examples.glob("*.txt")):
            if path.stem in names:
                found[path.stem] = (normalise_newlines(path.read_text(encoding="utf-8")), None)
    return found


def evaluate_clean(gold_path: Path, corpus: Path, examples: Path) -> CleanReport:
    """Return the line-level scores of the cleaner on the gold's articles."""
    gold = load_gold(gold_path)
    inputs = _inputs(corpus, examples, set(gold))
    report = CleanReport(missing=sorted(set(gold) - set(inputs)))
    for name, labels in gold.items():
        if name not in inputs:
            continue
        raw, title = inputs[name]
        began = time.perf_counter()
        body = clean_body(raw, title)
        report.seconds += time.perf_counter() - began
        report.articles += 1
        removed = {b.line for b in body.boilerplate if b.part == "line"}
        lines = raw.split("\n")
        for index, label in labels.items():
            predicted = "furniture" if index in removed else "story"
            if label == "furniture" and predicted == "furniture":
                report.true_furniture += 1
            elif label == "furniture":
                report.missed_furniture += 1
                report.errors.append((name, index, label, lines[index]))
            elif predicted == "furniture":
                report.false_furniture += 1
                report.errors.append((name, index, label, lines[index]))
            else:
                report.story_kept += 1
    return report
