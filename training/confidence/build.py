"""Calibrate the quote speaker and claim status confidences (``kroscek/models/confidence.json``).

Quotes: how often a speaker found each way is right on ``tests/gold/quotes.tsv``; claims: how
often a status kroscek gives is the claims gold's on corpus-dev and corpus-dev-2
(:mod:`kroscek.evaluate.confidence` says how, and prints each kind's reliability out of fold).
Only the shares are written. The events part of the file is ``make train-events``'s.

    python training/confidence/build.py              # measure, then write the quotes and claims parts
    python training/confidence/build.py --no-write   # measure only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kroscek.evaluate.confidence import measure_claims, measure_quotes, write_section  # noqa: E402

OUT = ROOT / "kroscek" / "models" / "confidence.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    console = Console()
    for kind, measured in (
        ("quotes", measure_quotes(ROOT / "tests" / "gold" / "quotes.tsv", args.shared, ROOT)),
        ("claims", measure_claims(ROOT / "tests" / "gold" / "claims.json", args.shared)),
    ):
        console.print(measured.render())
        if not args.no_write:
            write_section(OUT, kind, measured.table)
    if not args.no_write:
        print(f"written: the quotes and claims parts of {OUT}")


if __name__ == "__main__":
    main()
