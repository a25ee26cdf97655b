"""Learn the same-event decision (``kroscek/models/events.json``) and measure it without leaks.

Three labelled sets: ``../shared/corpus-dev``, ``../shared/corpus-dev-2`` (same topic, different
happenings) and the ECB+ training topics in ``../shared/data/ecbplus-train`` (English look-alike
events). Each is annotated by kroscek's own per-article stages (cached under ``build/events``),
then measured by grouped cross-validation and leave-one-set-out
(:mod:`kroscek.evaluate.events` says how), beside TF-IDF + average link with its best threshold
picked after the fact. The shipped model is trained on every pair of the three sets; only its
coefficients are written (no text, word list or frequency from the unlicensed corpora).

Event membership confidence is calibrated on the cross-validation's out-of-fold predictions: each
member of an event the folds' models made, its leave-one-out probability by its fold's model and
whether it belongs there; an isotonic map of those (and the share of lone articles alone in the
gold) goes into ``kroscek/models/confidence.json``, with its reliability table printed (each set
calibrated on the other two sets' predictions).

    python training/events/build.py                 # measure, then write kroscek/models/events.json
    python training/events/build.py --no-write      # measure only
    python training/events/build.py --no-write --reuse --deals 8   # and CV over 8 fold deals
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
from rich.console import Console

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kroscek.analysis import analyze  # noqa: E402
from kroscek.evaluate.confidence import isotonic, reliability, render_reliability, write_section  # noqa: E402
from kroscek.evaluate.events import (  # noqa: E402
    LabelledSet,
    Pairs,
    baseline,
    cut_at_gaps,
    deal,
    fit,
    fold_models,
    group_with,
    labelled,
    leave_one_out,
    membership_predictions,
    pairs,
    score,
)
from kroscek.evaluate.stories import load_gold  # noqa: E402
from kroscek.model import Article  # noqa: E402
from kroscek.settings import Settings  # noqa: E402
from kroscek.stories.events import FEATURES  # noqa: E402

OUT = ROOT / "kroscek" / "models" / "events.json"
CONFIDENCE = ROOT / "kroscek" / "models" / "confidence.json"
SETS = {"corpus-dev": "corpus-dev", "corpus-dev-2": "corpus-dev-2", "ecbplus-train": "data/ecbplus-train"}


def annotated(path: Path, cache: Path, reuse: bool = False) -> list[Article]:
    """kroscek's per-article layers of a JSONL corpus (cached; rebuilt when the corpus or a stage is newer)."""
    stages = [ROOT / "kroscek" / part for part in ("ingest", "clean", "annotate", "lang", "models")]
    newest = max(
        p.stat().st_mtime
        for folder in stages
        for p in folder.rglob("*")
        if p.suffix in (".py", ".txt", ".json", ".cfg", ".bin", "")
    )
    if cache.exists() and (reuse or cache.stat().st_mtime > max(path.stat().st_mtime, newest)):
        return msgspec.msgpack.decode(cache.read_bytes(), type=list[Article])
    articles = analyze([str(path)], Settings(stories=False), jobs=2).articles
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(msgspec.msgpack.encode(articles))
    return articles


def _line(name: str, r: dict[str, object]) -> str:
    return (
        f"  {name:14} B-cubed P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f}; "
        f"look-alike pairs apart {r['apart']}/{r['negatives']}"
    )


def _calibrate(predicted: dict[str, tuple[list[float], list[bool], list[bool]]]) -> dict[str, object]:
    """The membership calibration of all sets' out-of-fold predictions; prints its reliability
    tables (the raw probabilities, then each set mapped by the other sets' calibration)."""
    raw = [p for ps, _, _ in predicted.values() for p in ps]
    right = [ok for _, oks, _ in predicted.values() for ok in oks]
    alone = [ok for _, _, oks in predicted.values() for ok in oks]
    console = Console()
    title = "event membership: leave-one-out probability, out of fold"
    console.print(render_reliability(title, reliability(raw, right)))
    crossed: list[float] = []
    for name, (ps, _, _) in predicted.items():
        rest = [(qs, oks) for other, (qs, oks, _) in predicted.items() if other != name]
        xs, ys = isotonic([p for qs, _ in rest for p in qs], [ok for _, oks in rest for ok in oks])
        crossed += np.interp(ps, xs, ys).tolist()
    console.print(
        render_reliability("event membership: calibrated on the other sets, out of fold", reliability(crossed, right))
    )
    share = sum(alone) / len(alone) if alone else 1.0
    print(f"lone articles alone in the gold: {sum(alone)}/{len(alone)} = {share:.3f}")
    xs, ys = isotonic(raw, right)
    return {"x": xs, "y": ys, "alone": round(share, 3)}


def _over_deals(
    sets: list[LabelledSet], made: dict[str, Pairs], deals: int, left_out: dict[str, dict[str, Any]]
) -> None:
    """The grouped cross-validation with the folds dealt ``deals`` ways, each set's mean F1 and
    look-alike pairs apart, and the mean of those and the leave-one-set-out F1s (one number to
    compare settings by: a single deal moves a score by a few thousandths)."""
    found: dict[str, list[dict[str, Any]]] = {s.name: [] for s in sets}
    for seed in range(deals):
        for s in sets:
            dealt = replace(s, fold=deal(s.gold, s.negatives, seed))
            found[s.name].append(score(dealt, group_with(dealt, fold_models(dealt, sets, made))))
    print(f"\ngrouped cross-validation over {deals} fold deals (mean):")
    for s in sets:
        runs = found[s.name]
        f1 = sum(r["f"] for r in runs) / deals
        apart = sum(r["apart"] for r in runs) / deals
        print(f"  {s.name:14} B-cubed F1 {f1:.3f}; look-alike pairs apart {apart:.1f}/{runs[0]['negatives']}")
    means = [sum(r["f"] for r in runs) / deals for runs in found.values()] + [r["f"] for r in left_out.values()]
    print(f"  mean of these and the left-out F1s: {sum(means) / len(means):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "events")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--baseline", action="store_true", help="also run TF-IDF + average link (slow)")
    parser.add_argument("--reuse", action="store_true", help="use the cached annotations even if stale")
    parser.add_argument(
        "--deals", type=int, default=1, help="also the mean cross-validation over this many fold deals (0, 1, ...)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    sets = []
    for name, folder in SETS.items():
        where = args.shared / folder
        sets.append(
            labelled(
                name,
                annotated(where / "articles.jsonl", args.cache / f"{name}.msgpack", args.reuse),
                load_gold(where / "gold.json"),
            )
        )
    made = {s.name: pairs(s) for s in sets}
    print(f"annotated and paired in {time.perf_counter() - started:.0f} s")
    for name, (_, y, _) in made.items():
        print(f"  {name}: {len(y)} pairs, {int(y.sum())} positive")
    print("\ngrouped cross-validation (each article decides with the model of its own fold):")
    predicted: dict[str, tuple[list[float], list[bool], list[bool]]] = {}
    grouped: dict[str, list[list[int]]] = {}
    for s in sets:
        models = fold_models(s, sets, made)
        events = grouped[s.name] = group_with(s, models)
        print(_line(s.name, score(s, events)))
        predicted[s.name] = membership_predictions(s, events, models)
    calibration = _calibrate(predicted)
    print("\nleave one set out (trained on the other two):")
    left_out = leave_one_out(sets, made)
    left_out_scores = {s.name: score(s, left_out[s.name]) for s in sets}
    for s in sets:
        print(_line(s.name, left_out_scores[s.name]))
    if args.deals > 1:
        _over_deals(sets, made, args.deals, left_out_scores)
    cut = [(s, c) for s in sets if (c := cut_at_gaps(s)).gold != s.gold]
    if cut:
        print("\nagainst gold events cut where dated members lie more than a week apart (coverage within days):")
    for s, c in cut:
        print(_line(f"{s.name} CV", score(c, grouped[s.name])))
        print(_line(f"{s.name} left out", score(c, left_out[s.name])))
    if args.baseline:
        print("\nTF-IDF + average link, best threshold picked after the fact (an upper bound for it):")
        for s in sets:
            print(_line(s.name, baseline(s)))
    final = fit([m[:2] for m in made.values()])
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, final.weights, strict=True))
    print(f"\nshipped model: {weights}, bias {final.bias:+.2f}")
    if not args.no_write:
        OUT.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
        write_section(CONFIDENCE, "events", calibration)
        print(f"written: {OUT}, the events part of {CONFIDENCE}")


if __name__ == "__main__":
    main()
