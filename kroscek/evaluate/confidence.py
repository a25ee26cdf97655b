"""``kroscek eval confidence``: how well kroscek's confidences are calibrated, per kind.

A confidence is calibrated when, of the facts given about 0.8, about 80 % are right. Each kind is
calibrated on its own gold and shown here out of fold (never scored with the numbers it was fitted
on):

- quotes: the way each speaker was found (:data:`kroscek.annotate.quotes.confidence.PATHS`) and
  whether it is right on ``tests/gold/quotes.tsv``; a way's confidence is its share of right
  speakers smoothed toward the share over all ways (:data:`PRIOR` quotes' worth of it), and each
  quote is shown with the shares of the other units (sentences, seeds) only; then held out, the
  shipped confidences on the blind gold's whole articles (:func:`blind_speakers`);
- claims: each claim kroscek makes on corpus-dev and corpus-dev-2 whose status the claims gold
  can judge (:func:`claim_statuses`), per status the same way, each corpus shown with the other's
  shares;
- events: ``make train-events`` prints its table (the grouped cross-validation's out-of-fold
  predictions, see training/events/build.py).

The reliability table puts the confidences in bins: how many, their mean, and the share right.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Group
from rich.table import Table

from kroscek.model import Article, Story

__all__ = [
    "BINS",
    "PRIOR",
    "Measured",
    "blind_speakers",
    "claim_statuses",
    "cross_fitted",
    "frequencies",
    "isotonic",
    "measure_claims",
    "measure_quotes",
    "reliability",
    "render_reliability",
    "write_section",
]

#: How many observations' worth of the overall share a kind's own share is pulled toward: a way
#: seen twice says little, one seen two hundred times speaks for itself.
PRIOR = 5.0
#: Bins of the reliability table: equal widths over [0, 1].
BINS = 5


def frequencies(groups: Sequence[str], right: Sequence[bool], prior: float = PRIOR) -> dict[str, float]:
    """Per group, its share of right answers smoothed toward the share over all groups:
    (right + prior × overall) / (seen + prior); ``*``: the share over all, for a group never seen."""
    overall = _overall(right)
    seen, good = Counter(groups), Counter(g for g, ok in zip(groups, right, strict=True) if ok)
    table = {g: round((good[g] + prior * overall) / (n + prior), 3) for g, n in sorted(seen.items())}
    return {**table, "*": round(overall, 3)}


def cross_fitted(groups: Sequence[str], right: Sequence[bool], folds: Sequence[str]) -> list[float]:
    """Each item's confidence from the :func:`frequencies` of the items of the other folds only."""
    tables = {}
    for fold in set(folds):
        kept = [k for k, f in enumerate(folds) if f != fold]
        tables[fold] = frequencies([groups[k] for k in kept], [right[k] for k in kept])
    return [tables[fold].get(group, tables[fold]["*"]) for group, fold in zip(groups, folds, strict=True)]


def _overall(right: Sequence[bool]) -> float:
    return sum(right) / len(right) if right else 0.0


def isotonic(predicted: Sequence[float], right: Sequence[bool]) -> tuple[list[float], list[float]]:
    """The knots (x, y) of an isotonic map from predicted probability to the share right, clipped to
    [0, 1]; ``numpy.interp`` between them applies it."""
    from sklearn.isotonic import IsotonicRegression

    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    fitted.fit(np.asarray(predicted, dtype=np.float64), np.asarray(right, dtype=np.float64))
    xs = [round(float(x), 4) for x in fitted.X_thresholds_]
    ys = [round(float(y), 4) for y in fitted.y_thresholds_]
    return xs, ys


def reliability(
    predicted: Sequence[float], right: Sequence[bool], bins: int = BINS
) -> list[tuple[str, int, float, float]]:
    """Rows of a reliability table: per bin of predicted confidence (equal widths over [0, 1],
    empty bins left out) its range, count, mean predicted and observed share right; then all."""
    p = np.asarray(predicted, dtype=np.float64)
    y = np.asarray(right, dtype=np.float64)
    at = np.minimum((p * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        mask = at == b
        if mask.any():
            label = f"{b / bins:.1f}–{(b + 1) / bins:.1f}"
            rows.append((label, int(mask.sum()), float(p[mask].mean()), float(y[mask].mean())))
    if len(p):
        rows.append(("all", len(p), float(p.mean()), float(y.mean())))
    return rows


def render_reliability(title: str, rows: Sequence[tuple[str, int, float, float]]) -> Table:
    """A reliability table as rich prints it."""
    table = Table("confidence", "count", "mean predicted", "observed accuracy", title=title)
    for label, count, mean, observed in rows:
        table.add_row(label, str(count), f"{mean:.3f}", f"{observed:.3f}")
    return table


def claim_statuses(
    articles: Sequence[Article], stories: Sequence[Story], gold: Path, corpus: str
) -> tuple[list[str], list[bool]]:
    """The status of each claim of ``stories`` the claims gold can judge, and whether it is right:
    a claim holding values of two or more articles of one gold fact is right when its status is
    that fact's; a differ, update or conflict claim whose values belong to no one gold fact is a
    false divergence (wrong). An agree claim on no gold fact is not judged: the gold lists only
    facts that two or more articles of a gold event state, and says nothing of the others."""
    from kroscek.evaluate.claims import DIVERGENT, load_gold, locate

    facts, _ = load_gold(gold)
    by_name = {a.name: a for a in articles}
    name_of = {a.id: a.name for a in articles}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for number, fact in enumerate(f for f in facts if f.corpus == corpus):
        for v in fact.values:
            article = by_name.get(v.article)
            place = locate(article.raw, article.text, v.start, v.end) if article else None
            if place:
                spans.setdefault(v.article, []).append((*place, number))
    status_of = [f.status for f in facts if f.corpus == corpus]
    statuses: list[str] = []
    right: list[bool] = []
    for claim in (c for s in stories for c in s.claims):
        owners: dict[int, set[str]] = {}
        belongs = []
        for cv in claim.values:
            owner = name_of.get(cv.article_id, "")
            hit = {f for s, e, f in spans.get(owner, []) if s < cv.end and cv.start < e}
            belongs.append(hit)
            for f in hit:
                owners.setdefault(f, set()).add(owner)
        held = [f for f, who in owners.items() if len(who) >= 2]
        if held:
            best = max(held, key=lambda f: (len(owners[f]), -f))
            statuses.append(claim.status)
            right.append(claim.status == status_of[best])
        elif claim.status in DIVERGENT and not (belongs and set.intersection(*belongs)):
            statuses.append(claim.status)
            right.append(False)
    return statuses, right


def write_section(path: Path, kind: str, section: object) -> None:
    """Write one kind's calibration into the JSON file at ``path``, keeping the other kinds'."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[kind] = section
    path.write_text(json.dumps(dict(sorted(data.items())), indent=1) + "\n", encoding="utf-8")


@dataclass
class Measured:
    """One kind's calibration (its table, by way or status) and how it fares out of fold."""

    kind: str
    table: dict[str, float]
    seen: Counter[str]  # items per group
    good: Counter[str]  # right items per group
    rows: list[tuple[str, int, float, float]]  # the reliability table, out of fold

    def render(self) -> Group:
        groups = Table("group", "count", "right", "confidence", title=f"{self.kind}: per group (shipped)")
        for group, n in sorted(self.seen.items(), key=lambda item: -item[1]):
            groups.add_row(group, str(n), f"{self.good[group] / n:.3f}", f"{self.table[group]:.3f}")
        groups.add_row("any other", "", "", f"{self.table['*']:.3f}")
        return Group(groups, render_reliability(f"{self.kind}: reliability, out of fold", self.rows))


def _measured(kind: str, groups: Sequence[str], right: Sequence[bool], folds: Sequence[str]) -> Measured:
    return Measured(
        kind,
        frequencies(groups, right),
        Counter(groups),
        Counter(g for g, ok in zip(groups, right, strict=True) if ok),
        reliability(cross_fitted(groups, right, folds), right),
    )


def measure_quotes(gold: Path, shared: Path, root: Path) -> Measured:
    """Speaker confidence by the way it was found, on the quotes gold; out of fold by unit (a
    sentence of the NER sets, a seed article)."""
    from kroscek.evaluate.quotes import evaluate_quotes

    found = evaluate_quotes(gold, shared, root).attributions
    return _measured("quote speakers", [p for p, _, _ in found], [ok for _, ok, _ in found], [u for _, _, u in found])


def measure_claims(gold: Path, shared: Path, jobs: int = 2) -> Measured:
    """Claim status confidence per status, on the claims gold's corpora (each analysed whole as
    ``kroscek analyze`` does); out of fold by corpus."""
    from kroscek.analysis import analyze
    from kroscek.evaluate.claims import load_gold
    from kroscek.settings import Settings

    statuses: list[str] = []
    right: list[bool] = []
    folds: list[str] = []
    for corpus in sorted({f.corpus for f in load_gold(gold)[0]}):
        path = shared / corpus / "articles.jsonl"
        if not path.exists():
            continue
        result = analyze([str(path)], Settings(), jobs=jobs)
        found, oks = claim_statuses(result.articles, result.stories, gold, corpus)
        statuses += found
        right += oks
        folds += [corpus] * len(found)
    return _measured("claim statuses", statuses, right, folds)


def blind_speakers(gold: Path, shared: Path) -> list[tuple[str, int, float, float]]:
    """The reliability of the shipped speaker confidences on the blind gold (articles no rule and no
    calibration was made from): each matched quote whose gold names a speaker."""
    from kroscek.evaluate.blind import evaluate_blind

    speakers = next(s for s in evaluate_blind(gold, shared) if s.task == "speakers")
    judged = [(c, ok) for c, ok in speakers.judged if c is not None]
    return reliability([c for c, _ in judged], [ok for _, ok in judged])
