"""Build ``kroscek/lang/id/en_lexicon.txt``: English <-> Indonesian word associations.

Dice association between the words of aligned sentence pairs of NTREX-128 English <-> Indonesian
(``../shared/data/ntrex-en-id``, CC BY-SA 4.0; Federmann et al., SUMEval 2022), kept small: a pair
co-occurring at least twice with Dice >= 0.2, the strongest few per Indonesian word, and the
rarity weights of the words too common to weigh 1 (see ``kroscek.stories.crosslingual``).
``kroscek eval crosslingual`` never reads this file: it rebuilds the lexicon per fold.

    python training/crosslingual/build.py       # writes kroscek/lang/id/en_lexicon.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from kroscek.evaluate.crosslingual import read_ntrex
from kroscek.stories.crosslingual import build_lexicon, save_lexicon

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "kroscek" / "lang" / "id" / "en_lexicon.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    documents = read_ntrex(args.shared / "data" / "ntrex-en-id")
    lexicon = build_lexicon((en, ind) for d in documents for en, ind in zip(d.english, d.indonesian, strict=True))
    save_lexicon(lexicon, OUT)
    print(f"{OUT}: {sum(len(t) for t in lexicon.pairs.values())} pairs, {len(lexicon.pairs)} Indonesian words")


if __name__ == "__main__":
    main()
