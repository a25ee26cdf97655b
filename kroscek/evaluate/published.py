"""``kroscek eval published``: the publish date kroscek infers when the input gives none.

Sets (each is skipped, and says so, when its files are absent):

- ``ecbplus gold``: the 60 ECB+ articles of ``tests/gold/published.tsv`` (the date each text
  states, or none); the records carry no ``published``.
- ``corpus-dev`` and ``corpus-dev-2``: every article with metadata ``published``, read with that
  field removed; the metadata's day is the gold.

Per set: coverage (share of articles given a value), accuracy (share of the values on the gold
day), wrong-day rate (share of articles given a day that is not the gold day, counting a value
where the gold has none: worse than no value), the share of the values within three days of the
gold (close enough for event grouping, whose window is four days) and the share of articles
given a day further off (or a day where the gold has none). Per ``published_source`` the right
days and the values, to show which step of the cascade answers and how well.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text

import kroscek.clean
import kroscek.clean.language
import kroscek.clean.published  # noqa: F401  (registers the stages)
from kroscek.ingest.records import jsonl_articles
from kroscek.model import Article, day_of
from kroscek.pipeline import Pipeline

__all__ = ["PublishedScore", "evaluate_published", "infer_without_metadata", "load_gold", "score"]

#: The stages the publish date depends on.
STAGES = ("clean", "language", "published")
#: A value this many days from the gold still puts the article in the right event window.
NEAR_DAYS = 3


@dataclass
class PublishedScore:
    name: str
    articles: int = 0
    valued: int = 0
    correct: int = 0
    near: int = 0
    far: int = 0
    by_source: Counter[str] = field(default_factory=Counter)
    correct_by_source: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, gold, got, source

    @property
    def coverage(self) -> float:
        return self.valued / self.articles if self.articles else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.valued if self.valued else 0.0

    @property
    def wrong_rate(self) -> float:
        return (self.valued - self.correct) / self.articles if self.articles else 0.0

    @property
    def far_rate(self) -> float:
        return self.far / self.articles if self.articles else 0.0

    def add(self, name: str, gold: date | None, got: str | None, source: str | None) -> None:
        self.articles += 1
        day = day_of(got)
        if day is None:
            return
        self.valued += 1
        label = source or "-"
        self.by_source[label] += 1
        if gold is not None and abs((day - gold).days) <= NEAR_DAYS:
            self.near += 1
        else:
            self.far += 1
        if day == gold:
            self.correct += 1
            self.correct_by_source[label] += 1
        else:
            self.errors.append((name, gold.isoformat() if gold else "none", got or "", label))


def score(name: str, rows: Iterable[tuple[str, date | None, str | None, str | None]]) -> PublishedScore:
    """Return the scores of (article name, gold day, inferred value, source) rows."""
    result = PublishedScore(name)
    for row in rows:
        result.add(*row)
    return result


def load_gold(path: Path) -> dict[str, date | None]:
    """Return the gold publish day (or None: the text states none) by article id."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["id"]: date.fromisoformat(row["published"]) if row["published"] else None
            for row in csv.DictReader(handle, delimiter="\t")
        }


def _records(path: Path, keep: set[str] | None) -> Iterator[tuple[dict[str, object], date | None]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if keep is None or record.get("id") in keep:
                yield record, day_of(record.get("published"))


def infer_without_metadata(records: Iterable[dict[str, object]]) -> list[Article]:
    """Return the records run through the stages that set ``published``, their own ``published`` removed."""
    lines = (json.dumps({k: v for k, v in r.items() if k != "published"}).encode() for r in records)
    articles = [a for a in jsonl_articles(lines, "eval", 10**8) if isinstance(a, Article)]
    return [a for a, _ in Pipeline.from_names(STAGES).run_batch_safe(articles)]


def _scored(name: str, pairs: Sequence[tuple[dict[str, object], date | None]]) -> PublishedScore:
    articles = infer_without_metadata(r for r, _ in pairs)
    return score(
        name, ((a.name, gold, a.published, a.published_source) for a, (_, gold) in zip(articles, pairs, strict=True))
    )


@dataclass
class PublishedReport:
    scores: list[PublishedScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def render(self, show_errors: bool = False) -> Group:
        table = Table(
            "set",
            "articles",
            "coverage",
            "accuracy",
            "wrong day",
            f"within {NEAR_DAYS} days",
            f"off > {NEAR_DAYS} days",
            "by source (right day/values)",
            title="kroscek eval published (metadata removed)",
        )
        for s in self.scores:
            sources = ", ".join(f"{k} {s.correct_by_source[k]}/{n}" for k, n in sorted(s.by_source.items()))
            table.add_row(
                s.name,
                str(s.articles),
                f"{s.coverage:.3f}",
                f"{s.accuracy:.3f}",
                f"{s.wrong_rate:.3f}",
                f"{s.near / s.valued:.3f}" if s.valued else "-",
                f"{s.far_rate:.3f}",
                sources,
            )
        parts: list[Table | Text] = [table]
        if self.missing:
            parts.append(Text(f"sets not found (skipped): {', '.join(self.missing)}"))
        if show_errors:
            listing = Table("set", "article", "gold", "kroscek", "source", title="wrong days")
            for s in self.scores:
                for row in s.errors:
                    listing.add_row(s.name, *row)
            parts.append(listing)
        return Group(*parts)


def evaluate_published(gold_path: Path, shared: Path) -> PublishedReport:
    """Return the publish-date scores on the ECB+ gold and the two Indonesian dev corpora."""
    report = PublishedReport()
    ecb = shared / "data" / "ecbplus-train" / "articles.jsonl"
    if ecb.exists() and gold_path.exists():
        gold = load_gold(gold_path)
        found = {str(r["id"]): r for r, _ in _records(ecb, set(gold))}
        pairs = [(found[name], day) for name, day in gold.items() if name in found]
        report.scores.append(_scored("ecbplus gold", pairs))
        if len(pairs) < len(gold):
            report.missing.append(f"{len(gold) - len(pairs)} ecbplus gold articles")
    else:
        report.missing.append(str(ecb) if not ecb.exists() else str(gold_path))
    for corpus in ("corpus-dev", "corpus-dev-2"):
        path = shared / corpus / "articles.jsonl"
        if not path.exists():
            report.missing.append(str(path))
            continue
        pairs = [(r, day) for r, day in _records(path, None) if day is not None]
        report.scores.append(_scored(corpus, pairs))
    return report
