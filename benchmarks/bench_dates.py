"""Date layer benchmark: kroscek's dates against dateparser's search_dates, side by side.

1. Accuracy on the normalisation gold (tests/gold/dates.tsv): each tool reads the same sentence
   with the same publish date (dateparser: languages=['id'], RELATIVE_BASE=anchor,
   PREFER_DATES_FROM='past', DATE_ORDER='DMY'); the mention overlapping the gold span is
   compared with the gold value. dateparser returns a datetime without a grain, so it is
   formatted at the gold's own grain and only a range's start is compared: both in its favour.
2. Speed on the clean text of ../shared/corpus-dev (87 articles, repeated): articles/s of each.

Run: make bench   (or .venv/bin/python benchmarks/bench_dates.py)
"""

from __future__ import annotations

import csv
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.annotate.dates import find_dates
from kroscek.clean import clean_body
from kroscek.evaluate.normalise import _unit_text, date_form

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold" / "dates.tsv"
CORPUS = SHARED / "corpus-dev" / "articles.jsonl"


def _settings(anchor: str) -> dict[str, object]:
    return {"RELATIVE_BASE": datetime.fromisoformat(anchor), "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}


def _dateparser_value(text: str, start: int, end: int, anchor: str, grain: str, expected: str) -> str:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["id"], settings=_settings(anchor)) or []
    best, best_overlap, cursor = None, 0, 0
    for surface, moment in found:
        at = text.find(surface, cursor)
        if at < 0:
            continue
        cursor = at + 1
        overlap = min(end, at + len(surface)) - max(start, at)
        if overlap > best_overlap:
            best, best_overlap = moment, overlap
    if best is None:
        return "(none)"
    when: datetime = best
    if expected.startswith("T"):
        return "T" + when.strftime("%H:%M") + expected[6:]  # zone as the gold writes it
    if grain == "year":
        return f"{when.year:04d}"
    if grain == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if grain == "time":
        return when.strftime("%Y-%m-%dT%H:%M") + expected[16:]
    return when.date().isoformat()


def _ours_value(text: str, start: int, end: int, anchor: str) -> tuple[str, str]:
    best, best_overlap = None, 0
    for m in find_dates(text, anchor, "id"):
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    if best is None:
        return "(none)", ""
    return best.value or (f"T{best.clock}" if best.clock else ""), best.end_value or ""


def main() -> None:
    console = Console()
    try:
        import dateparser  # noqa: F401
    except ImportError:
        console.print("[yellow]dateparser is not installed: pip install -e '.[bench]'[/]")
        sys.exit(1)
    if not CORPUS.exists():
        console.print(f"[yellow]{CORPUS} is absent[/]")
        sys.exit(1)
    rows = list(csv.DictReader(GOLD.open(encoding="utf-8"), delimiter="\t"))
    ours_ok = peer_ok = total = 0
    forms: dict[str, list[int]] = {}
    for row in rows:
        text = _unit_text(row["source"], int(row["unit"]), SHARED, ROOT)
        if text is None:
            continue
        start, end = int(row["start"]), int(row["end"])
        total += 1
        ours = _ours_value(text, start, end, row["anchor"]) == (row["value"], row["end_value"])
        peer = _dateparser_value(text, start, end, row["anchor"], row["grain"], row["value"]) == row["value"]
        ours_ok += ours
        peer_ok += peer
        counts = forms.setdefault(date_form(text[start:end]), [0, 0, 0])
        counts[0] += 1
        counts[1] += ours
        counts[2] += peer
    table = Table("form", "mentions", "kroscek", "dateparser", title=f"Date values, hand gold ({total} mentions)")
    for form, (n, ours_n, peer_n) in sorted(forms.items(), key=lambda kv: -kv[1][0]):
        table.add_row(form, str(n), f"{ours_n / n:.3f}", f"{peer_n / n:.3f}")
    table.add_row("all", str(total), f"{ours_ok / total:.3f}", f"{peer_ok / total:.3f}", style="bold")
    console.print(table)

    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    texts = [(clean_body(r["text"], r.get("title")).text, r.get("published") or "2025-01-01") for r in records]
    from dateparser.search import search_dates

    repeat = 3
    began = time.perf_counter()
    for _ in range(repeat):
        for text, published in texts:
            find_dates(text, published, "id")
    ours_rate = repeat * len(texts) / (time.perf_counter() - began)
    began = time.perf_counter()
    for text, published in texts:
        search_dates(text, languages=["id"], settings=_settings(published[:10]))
    peer_rate = len(texts) / (time.perf_counter() - began)
    speed = Table(
        "tool", "articles/s", "ratio", title=f"Date mentions on corpus-dev clean text ({len(texts)} articles)"
    )
    speed.add_row("kroscek dates", f"{ours_rate:,.0f}", f"{ours_rate / peer_rate:.1f}×")
    speed.add_row("dateparser search_dates (id)", f"{peer_rate:,.1f}", "1.0×")
    console.print(speed)
    blind(console)


def _at_grain(moment: datetime, gold: tuple[str, str, str]) -> tuple[str, str]:
    """dateparser's datetime written at the gold's own grain (in its favour: it gives no grain)."""
    value, end_value, grain = gold
    if grain == "year":
        written = f"{moment.year:04d}"
    elif grain == "month":
        written = f"{moment.year:04d}-{moment.month:02d}"
    elif grain == "time":
        written = moment.strftime("%Y-%m-%dT%H:%M") + value[16:]  # the zone as the gold writes it
    else:
        written = moment.date().isoformat()
    return written, end_value if written == value else ""  # a range's start is all it can give


def blind(console: Console) -> None:
    """Dates of the blind articles (tests/gold/blind, see tests/gold/README.md): kroscek and dateparser
    on the same clean text, one to one on overlapping span and value (kroscek.evaluate.blind)."""
    from dateparser.search import search_dates

    from kroscek.analysis import analyze_items
    from kroscek.evaluate.blind import BlindScore, _match, _placed, _rows, _week_as_days
    from kroscek.ingest.records import record_articles
    from kroscek.settings import Settings

    gold_dir, path = ROOT / "tests" / "gold" / "blind", SHARED / "corpus-blind" / "articles.jsonl"
    if not path.exists():
        console.print(f"[yellow]{path} is absent: no blind comparison[/]")
        return
    rows = _rows(gold_dir, "dates")
    names = {r["name"] for r in rows}
    records = [r for line in path.read_text(encoding="utf-8").splitlines() if (r := json.loads(line))["id"] in names]
    articles = {a.name: a for a in analyze_items(record_articles(records, str(path)), Settings(stories=False)).articles}
    table = Table("articles", "tool", "gold", "found", "matched", "P", "R", "F1", title="Dates of the blind articles")
    for label, held in (("all 25", False), ("held-out 13", True)):
        scores = {"kroscek": BlindScore("kroscek"), "dateparser": BlindScore("dateparser")}
        for record in records:
            name = record["id"]
            if held and not "blind_013" <= name <= "blind_025":
                continue
            article = articles[name]
            for tool, score in scores.items():
                placed = _placed(rows, name, record["text"], article.text, score)
                gold = [(span, (*_week_as_days(r["value"], r["end_value"]), r["grain"])) for span, r in placed]
                if tool == "kroscek":
                    found = [((d.start, d.end), (d.value or "", d.end_value or "")) for d in article.dates]
                    same = lambda g, f: g[:2] == f  # noqa: E731
                else:
                    anchor = (record.get("published") or "")[:10]
                    settings = _settings(anchor) if anchor else {}
                    hits = search_dates(article.text, languages=["id"], settings=settings) or []
                    found, cursor = [], 0
                    for surface, moment in hits:
                        at = article.text.find(surface, cursor)
                        if at >= 0:
                            found.append(((at, at + len(surface)), moment))
                            cursor = at + 1
                    same = lambda g, f: _at_grain(f, g) == g[:2]  # noqa: E731
                pairs = _match(gold, found, same)
                score.gold += len(gold)
                score.found += len(found)
                score.matched += sum(f is not None for _, f in pairs)
        for tool, score in scores.items():
            table.add_row(
                label,
                tool,
                str(score.gold),
                str(score.found),
                str(score.matched),
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
            )
    console.print(table)


if __name__ == "__main__":
    main()
