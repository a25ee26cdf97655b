"""``kroscek eval dates`` / ``kroscek eval quantities``: normalised values against hand gold,
and ``kroscek eval mentions``: TIME/QUANTITY mention detection on NER UGM.

Gold rows point into ``../shared/data`` (a NER sentence: its tokens joined by single spaces) or
into ``examples/`` (a raw line); see tests/gold/README.md. Each gold mention is matched with
the system mention that overlaps it most; a gold mention with none counts as wrong.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from kroscek.annotate.dates import find_date_spans, find_dates
from kroscek.annotate.quantities import find_quantities
from kroscek.evaluate.mentions import MentionScore, read_bio, score_mentions
from kroscek.ingest.records import normalise_newlines
from kroscek.lang import language_module
from kroscek.model import DateMention, Quantity

__all__ = [
    "NormaliseReport",
    "date_form",
    "date_value",
    "evaluate_dates",
    "evaluate_mentions",
    "evaluate_quantities",
    "quantity_form",
]

#: Kinds of date expressions that NER UGM does not tag (deictic words: "kemarin", "tahun
#: lalu"); left out only when scoring against that convention, never in kroscek's output.
DEICTIC_KINDS = frozenset({"day_word", "unit_rel"})


@dataclass
class NormaliseReport:
    task: str
    total: int = 0
    correct: int = 0
    by_form: Counter[str] = field(default_factory=Counter)
    correct_by_form: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # where, text, gold, got
    missing_sources: set[str] = field(default_factory=set)
    #: One-to-one over distinct mentions in the gold's units: (gold, kroscek, matched on span and value).
    distinct: tuple[int, int, int] = (0, 0, 0)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, form: str, ok: bool) -> None:
        self.total += 1
        self.by_form[form] += 1
        if ok:
            self.correct += 1
            self.correct_by_form[form] += 1

    def render(self, show_errors: bool = False) -> Group:
        table = Table("form", "mentions", "correct", "accuracy", title=f"kroscek eval {self.task}")
        for form, n in self.by_form.most_common():
            table.add_row(form, str(n), str(self.correct_by_form[form]), f"{self.correct_by_form[form] / n:.3f}")
        table.add_row("all", str(self.total), str(self.correct), f"{self.accuracy:.3f}", style="bold")
        gold, found, matched = self.distinct
        if gold:
            p, r = matched / found if found else 0.0, matched / gold
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            table.add_row(
                "distinct mentions, P / R / F1",
                f"{gold} (kroscek {found})",
                str(matched),
                f"{p:.3f} / {r:.3f} / {f1:.3f}",
                style="bold",
            )
        return with_details(table, self.missing_sources, self.errors if show_errors else [], "text")


def with_details(table: Table, missing_sources: set[str], errors: Sequence[tuple[str, ...]], what: str) -> Group:
    """A gold report: the scores table, the gold sources not found, then the errors if asked."""
    parts: list[Table | Text] = [table]
    if missing_sources:
        parts.append(Text(f"sources not found (skipped): {', '.join(sorted(missing_sources))}"))
    if errors:
        listing = Table("where", what, "gold", "kroscek", title="errors")
        for row in errors:
            listing.add_row(*row)
        parts.append(listing)
    return Group(*parts)


@cache
def _ner_sentences(path: Path) -> dict[int, str]:
    return {s.index: s.text for s in read_bio(path)}


def _unit_text(source: str, unit: int, shared: Path, root: Path) -> str | None:
    if source.startswith("data/"):
        path = shared / source
        return _ner_sentences(path).get(unit) if path.exists() else None
    path = root / source
    if not path.exists():
        return None
    lines = normalise_newlines(path.read_text(encoding="utf-8")).split("\n")
    return lines[unit] if unit < len(lines) else None


def _best(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    best, best_overlap = None, 0
    for index, (a, b) in enumerate(spans):
        overlap = min(b, end) - max(a, start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


#: The hand gold is Indonesian: its written forms are told apart with Indonesian's calendar.
_CALENDAR = language_module("id", "calendar")
_WEEKDAY = "(" + "|".join(sorted(map(re.escape, _CALENDAR.WEEKDAYS), key=len, reverse=True)) + ")"
_MONTH = (
    "("
    + "|".join(sorted(map(re.escape, {**_CALENDAR.MONTHS, **_CALENDAR.MONTH_ABBREVIATIONS}), key=len, reverse=True))
    + ")"
)


def date_form(text: str) -> str:
    """Return the written form of a date mention (for per-form accuracy), from its text alone."""
    t = text.lower()
    if re.search(r"\d{1,2}[.:]\d{2}|pukul|\bjam\b|\d+\s*(pagi|malam)$", t):
        return "clock time"
    if re.search(r"\d\s*(-|–|hingga|sampai)\s*\d|" + _MONTH + r"\s*(-|–|hingga)\s*" + _MONTH, t):
        return "range"
    if re.search(r"\b(lalu|depan|mendatang|ini|kemarin|besok|lusa)\b", t):
        return "relative"
    if re.search(r"-an\b|\babad\b|\bke-\d|kuartal|triwulan|semester|awal|akhir|pertengahan", t):
        return "period (decade, century, quarter, early/late)"
    if re.search(_WEEKDAY, t) and re.search(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}", t):
        return "weekday (d/m/yyyy)"
    if re.search(_WEEKDAY, t) and re.search(r"\d{1,2}\s*/\s*\d{1,2}", t):
        return "weekday (d/m), year inferred"
    if re.search(r"^\(?\s*\d{1,2}\s*/\s*\d{1,2}\s*\)?$", t):
        return "(d/m), year inferred"
    if re.search(r"\d{1,2}\s+" + _MONTH + r"\s+\d{4}", t):
        return "day month year"
    if re.search(r"\d{1,2}\s+" + _MONTH, t):
        return "day month, year inferred"
    if re.search(_MONTH + r"\s+\d{4}", t):
        return "month year"
    if re.search(_MONTH, t):
        return "month, year inferred"
    if re.fullmatch(r"(tahun\s+)?\d{4}", t):
        return "year"
    if re.search(_WEEKDAY, t):
        return "weekday, resolved on the publish date"
    return "other"


def quantity_form(text: str) -> str:
    """Return the written form of a quantity mention, from its text alone."""
    t = text.lower()
    if re.search(r"\brp\b|rp\d|\$|dolar|dollar|francs?|usd|euro|yen|�", t):
        return "currency"
    if re.search(r"%|persen", t):
        return "percent"
    if re.search(r"\d\s*(-|–|hingga|sampai)\s*\d|\b\w+\s+(hingga|sampai)\s+\w+", t):
        return "range"
    if re.search(r"\b(belasan|puluhan|ratusan|ribuan|jutaan|miliaran)\b", t):
        return "approximate plural"
    if re.search(r"\b(ribu|juta|miliar|triliun)\b", t):
        return "scale word"
    if not re.search(r"\d", t):
        return "number words"
    if re.search(r"\b(tahun|bulan|hari|pekan|minggu|jam|menit)\b", t):
        return "duration or age"
    if re.search(r"\d[.,]\d", t):
        return "separators (8.000, 3,5)"
    return "plain digits"


def evaluate_dates(gold: Path, shared: Path, root: Path) -> NormaliseReport:
    """Return the accuracy of normalised date values against ``gold``."""
    report = NormaliseReport("dates")
    for row in _rows(gold):
        text = _unit_text(row["source"], int(row["unit"]), shared, root)
        if text is None:
            report.missing_sources.add(row["source"])
            continue
        start, end = int(row["start"]), int(row["end"])
        mentions = find_dates(text, row["anchor"], "id")
        index = _best([(m.start, m.end) for m in mentions], start, end)
        got: tuple[str, str] = ("(none)", "")
        if index is not None:
            got = date_value(mentions[index])
        expected = (row["value"], row["end_value"])
        ok = got == expected
        report.add(date_form(text[start:end]), ok)
        if not ok:
            report.errors.append(
                (
                    f"{row['source'].rsplit('/', 1)[-1]}:{row['unit']}",
                    text[start:end],
                    " – ".join(v for v in expected if v),
                    " – ".join(v for v in got if v),
                )
            )
    report.distinct = _distinct(
        _rows(gold),
        shared,
        root,
        lambda text, row: [((m.start, m.end), date_value(m)) for m in find_dates(text, row["anchor"], "id")],
        lambda row: (row["value"], row["end_value"]),
        lambda g, f: g == f,
    )
    return report


def _distinct(
    rows: list[dict[str, str]],
    shared: Path,
    root: Path,
    found_in: Callable[[str, dict[str, str]], list[tuple[tuple[int, int], Any]]],
    gold_value: Callable[[dict[str, str]], Any],
    same: Callable[[Any, Any], bool],
) -> tuple[int, int, int]:
    """Gold and kroscek mentions of each unit the gold covers, matched one to one on an overlapping
    span and the same value (:func:`kroscek.evaluate.blind._match`): (gold, kroscek, matched)."""
    from kroscek.evaluate.blind import _match

    units: dict[tuple[str, int], list[dict[str, str]]] = {}
    for row in rows:
        units.setdefault((row["source"], int(row["unit"])), []).append(row)
    gold = found = matched = 0
    for (source, unit), members in units.items():
        text = _unit_text(source, unit, shared, root)
        if text is None:
            continue
        mine = found_in(text, members[0])
        if source.startswith("data/"):  # NER UGM leaves deictic words untagged: so does this count
            deictic = [(d.start, d.end) for d in find_date_spans(text, "id") if d.kind in DEICTIC_KINDS]
            mine = [m for m in mine if not any(m[0][0] < e and s < m[0][1] for s, e in deictic)]
        theirs = [((int(r["start"]), int(r["end"])), gold_value(r)) for r in members]
        pairs = _match(theirs, mine, same)
        gold, found, matched = gold + len(theirs), found + len(mine), matched + sum(f is not None for _, f in pairs)
    return gold, found, matched


def _same_quantity(row: dict[str, str], q: Quantity) -> bool:
    """A gold row's value, range end and unit (``-``: not checked) are kroscek's."""
    unit_ok = row["unit_of_measure"] == "-" or (q.unit or "") == row["unit_of_measure"]
    return _same(q.value, row["value"]) and _same(q.end_value, row["end_value"]) and unit_ok


def date_value(mention: DateMention) -> tuple[str, str]:
    """A date mention's value and range end as the gold writes them ("T14:30" for a bare clock time)."""
    return mention.value or (f"T{mention.clock}" if mention.clock else ""), mention.end_value or ""


def _same(a: float | None, b: str) -> bool:
    if not b:
        return a is None
    return a is not None and math.isclose(a, float(b), rel_tol=1e-9)


def evaluate_quantities(gold: Path, shared: Path, root: Path) -> NormaliseReport:
    """Return the accuracy of quantity values (and units, where the gold gives one)."""
    report = NormaliseReport("quantities")
    for row in _rows(gold):
        text = _unit_text(row["source"], int(row["unit"]), shared, root)
        if text is None:
            report.missing_sources.add(row["source"])
            continue
        start, end = int(row["start"]), int(row["end"])
        found = find_quantities(text, "id")
        index = _best([(q.start, q.end) for q in found], start, end)
        ok = False
        got = "(none)"
        if index is not None:
            q = found[index]
            ok = _same_quantity(row, q)
            got = f"{q.value:g}" + (f"–{q.end_value:g}" if q.end_value is not None else "") + f" {q.unit or ''}"
        report.add(quantity_form(text[start:end]), ok)
        if not ok:
            expected = (
                row["value"] + (f"–{row['end_value']}" if row["end_value"] else "") + f" {row['unit_of_measure']}"
            )
            report.errors.append((f"{row['source'].rsplit('/', 1)[-1]}:{row['unit']}", text[start:end], expected, got))
    report.distinct = _distinct(
        _rows(gold),
        shared,
        root,
        lambda text, row: [((q.start, q.end), q) for q in find_quantities(text, "id")],
        lambda row: row,
        _same_quantity,
    )
    return report


def evaluate_mentions(path: Path) -> dict[str, MentionScore]:
    """Return TIME and QUANTITY mention scores on one NER UGM file, both date conventions."""
    sentences = list(read_bio(path))
    spans: Callable[[str], list[tuple[int, int]]]

    def all_dates(text: str) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in find_date_spans(text, "id")]

    def named_dates(text: str) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in find_date_spans(text, "id") if d.kind not in DEICTIC_KINDS]

    spans = all_dates
    return {
        "TIME (all kroscek dates)": score_mentions(sentences, "TIME", spans),
        "TIME (NER UGM convention: no deictic words)": score_mentions(sentences, "TIME", named_dates),
        "QUANTITY": score_mentions(
            sentences, "QUANTITY", lambda t: [(q.start, q.end) for q in find_quantities(t, "id")]
        ),
    }
