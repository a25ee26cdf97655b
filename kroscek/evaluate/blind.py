"""``kroscek eval blind``: dates, quantities and quotes against a gold made before anything ran on the articles.

The gold (``tests/gold/blind/*_{dates,quantities,quotes}.tsv``, see tests/gold/README.md) points
by offsets into the raw ``text`` of ``../shared/corpus-blind/articles.jsonl``: every date, amount
and piece of reported speech of each annotated article, written by hand before kroscek or any
rule was run on or written from it. kroscek reads the same records as ``kroscek analyze`` does;
each gold span is found in the clean text (:func:`kroscek.evaluate.claims.locate`). A gold
mention the cleaner removed is a miss, unless the gold marks it as furniture (then it is left
out). Mentions are scored one to one: a system mention matches a gold mention when their spans
overlap and their values agree (a gold ISO week is its Monday to Sunday, as kroscek writes a
week); each counts once, so precision, recall and F1 are over distinct mentions.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from kroscek.analysis import analyze_items
from kroscek.evaluate.claims import locate
from kroscek.evaluate.normalise import date_value
from kroscek.ingest.records import record_articles
from kroscek.model import Article
from kroscek.settings import Settings

__all__ = ["BlindScore", "evaluate_blind", "render_blind"]


@dataclass
class BlindScore:
    """One layer's one-to-one match of kroscek's mentions with the gold's."""

    task: str
    gold: int = 0
    found: int = 0
    matched: int = 0
    removed: int = 0  # gold mentions of story text the cleaner removed (counted as missed)
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)  # a second measure: (right, of)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # where, text, gold, kroscek
    #: Speakers only: each judged quote's confidence (None: none given) and whether its speaker is right.
    judged: list[tuple[float | None, bool]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _rows(folder: Path, kind: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob(f"*_{kind}.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle, delimiter="\t"))
    return rows


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(
    gold: Sequence[tuple[tuple[int, int], Any]],
    found: Sequence[tuple[tuple[int, int], Any]],
    same: Callable[[Any, Any], bool],
) -> list[tuple[int, int | None]]:
    """Each gold mention and the system mention it matches (overlapping, the same value), one to one,
    the closest spans first; None when it has none."""
    used: set[int] = set()
    out: list[tuple[int, int | None]] = []
    for g, (span, value) in enumerate(gold):
        best = None
        for f, (other, got) in enumerate(found):
            if f in used or not _overlap(span, other) or not same(value, got):
                continue
            distance = abs(span[0] - other[0]) + abs(span[1] - other[1])
            if best is None or distance < best[0]:
                best = (distance, f)
        if best is not None:
            used.add(best[1])
        out.append((g, best[1] if best else None))
    return out


def _number(value: str) -> float | None:
    return float(value) if value.strip() else None


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _week_as_days(value: str, end_value: str) -> tuple[str, str]:
    """A gold ISO week ("2025-W42") as the Monday and Sunday kroscek writes for it."""
    found = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if found is None or end_value:
        return value, end_value
    monday = dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _articles(shared: Path, names: set[str]) -> dict[str, tuple[dict[str, Any], Article]]:
    path = shared / "corpus-blind" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r.get("id") in names]
    analysed = analyze_items(record_articles(records, str(path)), Settings(stories=False)).articles
    by_name = {a.name: a for a in analysed}
    return {r["id"]: (r, by_name[r["id"]]) for r in records if r["id"] in by_name}


def _placed(
    rows: list[dict[str, str]], name: str, raw: str, text: str, score: BlindScore
) -> list[tuple[tuple[int, int], dict[str, str]]]:
    """The gold rows of article ``name`` with their spans in its clean ``text``; the rows of story
    text the cleaner removed count as missed (those the gold marks as furniture are left out)."""
    out = []
    for row in rows:
        if row["name"] != name:
            continue
        span = locate(raw, text, int(row["start"]), int(row["end"]))
        if span is None:
            if row.get("furniture") != "1":
                score.removed += 1
                score.gold += 1
                score.errors.append((name, raw[int(row["start"]) : int(row["end"])], "(removed)", ""))
            continue
        out.append((span, row))
    return out


def evaluate_blind(gold: Path, shared: Path, only: Sequence[str] = ()) -> list[BlindScore]:
    """Dates, quantities, quotes and speakers of the annotated blind articles (``only``: those whose
    id matches one of these shell patterns, e.g. the half read for rules or the half kept unread)."""
    kinds = {k: _rows(gold, k) for k in ("dates", "quantities", "quotes")}
    names = {row["name"] for rows in kinds.values() for row in rows}
    if only:
        names = {n for n in names if any(fnmatch.fnmatchcase(n, pattern) for pattern in only)}
    read = _articles(shared, names)
    scores = {k: BlindScore(k) for k in ("dates", "quantities", "quotes", "speakers")}
    for name in sorted(read):
        record, article = read[name]
        raw, text = record["text"], article.text

        # Dates: the value (and range end) must agree.
        dates = _placed(kinds["dates"], name, raw, text, scores["dates"])
        found_dates = [((d.start, d.end), date_value(d)) for d in article.dates]
        _score(
            scores["dates"],
            name,
            text,
            [(s, _week_as_days(r["value"], r["end_value"])) for s, r in dates],
            found_dates,
            lambda g, f: bool(g == f),
        )
        # Quantities: value, range end and unit; the counted noun is a second measure.
        amounts = _placed(kinds["quantities"], name, raw, text, scores["quantities"])
        found_amounts = [((q.start, q.end), (q.value, q.end_value, q.unit or "")) for q in article.quantities]
        gold_amounts = [(s, (_number(r["value"]), _number(r["end_value"]), r["unit"])) for s, r in amounts]
        pairs = _score(
            scores["quantities"],
            name,
            text,
            gold_amounts,
            found_amounts,
            lambda g, f: _same_number(g[0], f[0]) and _same_number(g[1], f[1]) and g[2] == f[2],
        )
        nouns = scores["quantities"].extra.setdefault("counted noun right", (0, 0))
        for g, f in pairs:
            row = amounts[g][1]
            if f is None or not row["noun_start"]:
                continue
            noun = raw[int(row["noun_start"]) : int(row["noun_end"])].lower()
            counted = (article.quantities[f].noun or "").lower()
            nouns = (nouns[0] + (bool(counted) and (noun in counted or counted in noun)), nouns[1] + 1)
        scores["quantities"].extra["counted noun right"] = nouns
        # Quotes: the content spans overlap; speakers: that and the speaker named.
        quotes = _placed(kinds["quotes"], name, raw, text, scores["quotes"])
        found_quotes = [((q.start, q.end), q) for q in article.quotes]
        pairs = _score(scores["quotes"], name, text, [(s, r) for s, r in quotes], found_quotes, lambda g, f: True)
        speakers = scores["speakers"]
        speakers.gold += sum(1 for _, r in quotes if r["speaker_start"])
        speakers.found += sum(1 for q in article.quotes if q.speaker)
        for g, f in pairs:
            row = quotes[g][1]
            if f is None or not row["speaker_start"]:
                continue
            want = " ".join(raw[int(row["speaker_start"]) : int(row["speaker_end"])].lower().split())
            q = article.quotes[f]
            got = {" ".join((s or "").lower().split()) for s in (q.speaker, q.speaker_canonical) if s}
            right = any(s and (s in want or want in s) for s in got)
            speakers.judged.append((q.confidence, right))
            if right:
                speakers.matched += 1
            else:
                speakers.errors.append((name, text[q.start : q.start + 60], want, " / ".join(sorted(got)) or "(none)"))
    return list(scores.values())


def _score(
    score: BlindScore,
    name: str,
    text: str,
    gold: list[tuple[tuple[int, int], Any]],
    found: list[tuple[tuple[int, int], Any]],
    same: Callable[[Any, Any], bool],
) -> list[tuple[int, int | None]]:
    pairs = _match(gold, found, same)
    score.gold += len(gold)
    score.found += len(found)
    score.matched += sum(1 for _, f in pairs if f is not None)
    hit = {f for _, f in pairs if f is not None}
    for g, f in pairs:
        if f is None:
            span, value = gold[g]
            near = [v for s, v in found if _overlap(s, span)]
            score.errors.append((name, text[span[0] : span[1]], _show(value), _show(near[0]) if near else "(none)"))
    for f, (span, value) in enumerate(found):
        if f not in hit and not any(_overlap(span, s) for s, _ in gold):
            score.errors.append((name, text[span[0] : span[1]], "(not in gold)", _show(value)))
    return pairs


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return value.get("kind", "") or "quote"
    if isinstance(value, tuple):
        return " ".join("" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in value).strip()
    return type(value).__name__ if hasattr(value, "start") else str(value)


def render_blind(scores: Sequence[BlindScore], show_errors: bool = False) -> Group:
    table = Table(
        "layer", "gold", "kroscek", "matched", "precision", "recall", "F1", "notes", title="kroscek eval blind"
    )
    for s in scores:
        notes = [f"{k}: {a}/{b}" for k, (a, b) in s.extra.items()]
        if s.removed:
            notes.append(f"{s.removed} gold in text the cleaner removed")
        table.add_row(
            s.task,
            str(s.gold),
            str(s.found),
            str(s.matched),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            "; ".join(notes),
        )
    parts: list[Table | Text] = [table]
    if show_errors:
        for s in scores:
            listing = Table("article", "text", "gold", "kroscek", title=f"{s.task}: errors")
            for row in s.errors:
                listing.add_row(*row)
            parts.append(listing)
    return Group(*parts)
