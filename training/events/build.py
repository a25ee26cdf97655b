"""Learn the same-event decision (``kroscek/models/events.json``) and measure it without leaks.

Three labelled sets: ``../shared/corpus-dev``, ``../shared/corpus-dev-2`` (same topic, different
happenings) and the ECB+ training topics in ``../shared/data/ecbplus-train`` (English look-alike
events). Each is annotated by kroscek's own per-article stages (cached under ``build/events``),
then measured by grouped cross-validation and leave-one-set-out
(:mod:`kroscek.evaluate.events` says how), beside TF-IDF + average link with its best threshold
picked after the fact. The shipped model is trained on every pair of the three sets; only its
coefficients are written (no text, word list or frequency from the unlicensed corpora).

    python training/events/build.py                 # measure, then write kroscek/models/events.json
    python training/events/build.py --no-write      # measure only
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import msgspec

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kroscek.analysis import analyze  # noqa: E402
from kroscek.evaluate.events import baseline, cross_validate, fit, labelled, leave_one_out, pairs  # noqa: E402
from kroscek.evaluate.stories import load_gold  # noqa: E402
from kroscek.model import Article  # noqa: E402
from kroscek.settings import Settings  # noqa: E402
from kroscek.stories.events import FEATURES  # noqa: E402

OUT = ROOT / "kroscek" / "models" / "events.json"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "events")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--baseline", action="store_true", help="also run TF-IDF + average link (slow)")
    parser.add_argument("--reuse", action="store_true", help="use the cached annotations even if stale")
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
    for name, r in cross_validate(sets, made).items():
        print(_line(name, r))
    print("\nleave one set out (trained on the other two):")
    for name, r in leave_one_out(sets, made).items():
        print(_line(name, r))
    if args.baseline:
        print("\nTF-IDF + average link, best threshold picked after the fact (an upper bound for it):")
        for s in sets:
            print(_line(s.name, baseline(s)))
    final = fit([m[:2] for m in made.values()])
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, final.weights, strict=True))
    print(f"\nshipped model: {weights}, bias {final.bias:+.2f}")
    if not args.no_write:
        OUT.write_text(json.dumps(final.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"written: {OUT}")


if __name__ == "__main__":
    main()
