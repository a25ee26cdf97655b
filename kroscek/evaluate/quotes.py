"""``kroscek eval quotes``: quote detection and speakers against hand gold (Indonesian).

Gold rows point into ``../shared/data`` NER sentences (offsets into the tokens joined by
spaces) or name a seed in ``examples/`` with the first words of the quote. A predicted quote
matches a gold one when they share at least half of the shorter span (one to one). The
speaker is right when kroscek's speaker or canonical speaker equals the gold name, or is the
gold name with its role in front ("Presiden Yudhoyono" for "Yudhoyono"); an empty gold
speaker (a pronoun with nothing before it in a lone sentence) wants no speaker.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Group
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.annotate.dates import find_dates
from kroscek.annotate.quotes.resolve import attributed
from kroscek.annotate.sentences import split_sentences
from kroscek.evaluate.normalise import _ner_sentences, with_details
from kroscek.lang import language_module
from kroscek.model import Quote
from kroscek.settings import Settings

__all__ = ["QuoteReport", "evaluate_quotes"]


@dataclass
class QuoteReport:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    cited_right: int = 0
    cited_total: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    missing_sources: set[str] = field(default_factory=set)
    #: Each matched quote's way its speaker was found, whether the speaker is right, and its unit.
    attributions: list[tuple[str, bool, str]] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def render(self, show_errors: bool = False) -> Group:
        p, r, f = self.prf()
        table = Table("measure", "value", title="kroscek eval quotes (Indonesian hand gold)")
        table.add_row("gold quotes", str(self.gold))
        table.add_row("kroscek quotes", str(self.predicted))
        table.add_row("detection precision", f"{p:.3f}")
        table.add_row("detection recall", f"{r:.3f}")
        table.add_row("detection F1", f"{f:.3f}")
        table.add_row(
            "speaker accuracy (matched quotes)", f"{self.speaker_right / self.matched:.3f}" if self.matched else "-"
        )
        table.add_row(
            "kind accuracy (matched quotes)", f"{self.kind_right / self.matched:.3f}" if self.matched else "-"
        )
        table.add_row(
            "cited_from accuracy (where gold or kroscek has one)",
            f"{self.cited_right / self.cited_total:.3f} ({self.cited_total})" if self.cited_total else "-",
        )
        return with_details(table, self.missing_sources, self.errors if show_errors else [], "quote")


def _speaker_ok(gold: str, quote: Quote, roles: tuple[str, ...]) -> bool:
    gold_key = " ".join(gold.lower().split())
    candidates = [c for c in (quote.speaker_canonical, quote.speaker) if c]
    if not gold_key:
        return not quote.speaker_canonical
    for candidate in candidates:
        key = " ".join(candidate.lower().replace(",", " ").split())
        if key == gold_key:
            return True
        prefix = key[: -len(gold_key)].strip() if key.endswith(" " + gold_key) else None
        if prefix and any(prefix == r or prefix.startswith(r + " ") for r in roles):
            return True
    return False


def _match(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> dict[int, int]:
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, (gs, ge) in enumerate(gold):
        best, best_share = None, 0.0
        for pi, (ps, pe) in enumerate(predicted):
            if pi in used:
                continue
            overlap = min(ge, pe) - max(gs, ps)
            shorter = min(ge - gs, pe - ps) or 1
            if overlap / shorter >= 0.5 and overlap / shorter > best_share:
                best, best_share = pi, overlap / shorter
        if best is not None:
            pairs[gi] = best
            used.add(best)
    return pairs


def evaluate_quotes(gold_path: Path, shared: Path, root: Path) -> QuoteReport:
    """Return detection, speaker, kind and cited_from scores of the quote stage."""
    roles = tuple(language_module("id", "quotes").ROLE_WORDS)
    with gold_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    report = QuoteReport()
    units: dict[tuple[str, int], list[dict[str, str]]] = {}
    for row in rows:
        units.setdefault((row["source"], int(row["unit"])), []).append(row)
    seeds = sorted({src for src, _ in units if src.startswith("examples/")})
    seed_articles = {}
    if seeds:
        paths = [str(root / s) for s in seeds if (root / s).exists()]
        report.missing_sources |= {s for s in seeds if not (root / s).exists()}
        for article in analyze(paths, Settings()).articles:
            seed_articles[f"examples/{article.name}.txt"] = article
    for (source, unit), gold_rows in units.items():
        if source.startswith("data/"):
            path = shared / source
            if not path.exists():
                report.missing_sources.add(source)
                continue
            text = _ner_sentences(path)[unit]
            found = attributed(text, split_sentences(text), "id", find_dates(text, None, "id"))
            spans = [(int(r["start"]), int(r["end"])) for r in gold_rows]
        else:
            if source not in seed_articles:
                continue
            article = seed_articles[source]
            text = article.text
            found = attributed(text, list(article.sentences), article.language, list(article.dates))
            spans = []
            for r in gold_rows:
                at = text.find(r["content"])
                spans.append((at, at + len(r["content"])) if at >= 0 else (-1, -1))
        quotes = [q for q, _ in found]
        predicted = [(q.start, q.end) for q in quotes]
        pairs = _match(spans, predicted)
        report.gold += len(gold_rows)
        report.predicted += len(quotes)
        report.matched += len(pairs)
        where = f"{source.rsplit('/', 1)[-1]}:{unit}" if unit >= 0 else source.rsplit("/", 1)[-1]
        for gi, row in enumerate(gold_rows):
            gs, ge = spans[gi]
            snippet = text[gs:ge][:50] if gs >= 0 else row["content"][:50]
            if gi not in pairs:
                report.errors.append((where, snippet, f"{row['kind']} · {row['speaker'] or '—'}", "(missed)"))
                continue
            quote = quotes[pairs[gi]]
            ok = _speaker_ok(row["speaker"], quote, roles)
            report.attributions.append((found[pairs[gi]][1], ok, f"{source}:{unit}"))
            report.speaker_right += ok
            report.kind_right += quote.kind == row["kind"]
            if row["cited_from"] or quote.cited_from:
                report.cited_total += 1
                report.cited_right += (quote.cited_from or "").lower() == row["cited_from"].lower()
            if not ok:
                got = quote.speaker_canonical or quote.speaker or "—"
                report.errors.append((where, snippet, f"speaker {row['speaker'] or '—'}", f"speaker {got}"))
        for pi, (ps, pe) in enumerate(predicted):
            if pi not in pairs.values():
                report.errors.append((where, text[ps:pe][:50], "(not a quote)", quotes[pi].kind))
    return report
