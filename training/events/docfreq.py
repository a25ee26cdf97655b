"""Build ``kroscek/models/docfreq.npz``: how many reference documents hold each hashed word.

The term vectors of the story layer weigh words by inverse document frequency without fitting on
the batch at hand (``kroscek/stories/terms.py``). The frequencies come from licensed news text in
``../shared/data`` only, Indonesian and English, train splits where a set has splits:

- idner-news-2k (MIT), NERGrit and NERP (IndoNLU, Apache-2.0): news sentences, one document each;
- IndoNLI (CC BY-SA 4.0): its news and Wikipedia premises, one document each;
- NTREX en-id (CC BY-SA 4.0): news sentences, English and Indonesian;
- ECB+ topics 1-35 (CC BY 3.0): the sentences of English news articles.

A document is a sentence everywhere, so the two languages' shares compare.

Counts are kept per language (a word common in either language is common), per hashed bucket
(no word is stored), as uint16.

    python training/events/docfreq.py        # or: make train-events
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kroscek.stories.terms import BUCKETS, counts, tokens  # noqa: E402

OUT = ROOT / "kroscek" / "models" / "docfreq.npz"


def _conll_sentences(path: Path, column: int = 0) -> Iterator[str]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield " ".join(words)
            words = []
        else:
            words.append(parts[column])
    if words:
        yield " ".join(words)


def indonesian(data: Path) -> Iterator[str]:
    yield from _conll_sentences(data / "idner_news_2k" / "train.txt")
    yield from _conll_sentences(data / "indonlu" / "nergrit_ner-grit" / "train_preprocess.txt")
    yield from _conll_sentences(data / "indonlu" / "nerp_ner-prosa" / "train_preprocess.txt")
    seen: set[object] = set()
    for line in (data / "indonli" / "train.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["premise_id"] not in seen:
            seen.add(record["premise_id"])
            yield record["premise"]
    yield from _ntrex(data, "newstest2019-ref.ind.txt")


def english(data: Path) -> Iterator[str]:
    yield from _ntrex(data, "newstest2019-src.eng.txt")
    for line in (data / "ecbplus-train" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        yield from json.loads(line)["text"].splitlines()  # one sentence per line


def _ntrex(data: Path, side: str) -> Iterator[str]:
    yield from (data / "ntrex-en-id" / side).read_text(encoding="utf-8").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    out: dict[str, np.ndarray] = {}
    for language, source in (("id", indonesian), ("en", english)):
        docs = list(source(args.shared / "data"))
        matrix = counts([tokens(d) for d in docs])
        matrix.data[:] = 1.0  # presence, not frequency
        frequency = np.asarray(matrix.sum(axis=0)).ravel()
        assert frequency.shape == (BUCKETS,)
        out[f"documents_{language}"] = np.int64(len(docs))
        out[f"counts_{language}"] = np.minimum(frequency, 65535).astype(np.uint16)
        print(f"{language}: {len(docs):,} documents, {int((frequency > 0).sum()):,} buckets used")
    np.savez_compressed(OUT, **out)
    print(OUT)


if __name__ == "__main__":
    main()
