"""Term vectors that need no fitting: hashed words weighted by document frequencies shipped in the package.

A word is hashed (murmurhash3, stable across runs and machines) into one of ``BUCKETS`` columns;
its weight is ``(1 + log tf) * idf`` with the idf of its bucket, and each row is scaled to unit
length. The document frequencies come from the licensed news text in ``../shared/data``
(``training/events/docfreq.py`` writes ``kroscek/models/docfreq.npz``), so nothing is refitted on
the batch being grouped: the same article always gets the same vector, whatever else is in the
pile, which is what a persistent story index needs. Canonical entities enter as ``ent:<name>``
tokens, which no reference document holds, so they weigh as the rarest words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache
from pathlib import Path
from typing import cast

import numpy as np
from murmurhash.mrmr import hash as murmurhash3
from scipy.sparse import csr_matrix

__all__ = ["BUCKETS", "TOKEN", "bucket", "idf", "term_vectors", "tokens"]

#: Columns words are hashed into (2^18: collisions are rare among the words of one story).
BUCKETS = 2**18
#: A word of three letters or more, or a canonical entity token.
TOKEN = re.compile(r"ent:\w+|\b[^\W\d_]{3,}\b")
_MODEL = Path(__file__).resolve().parent.parent / "models" / "docfreq.npz"


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` that a term vector counts (lower-cased)."""
    return TOKEN.findall(text.lower())


#: Bucket of each word hashed so far (words repeat: the hash is paid once per process), emptied
#: when it holds ``_BUCKET_MEMORY`` words (~12 MB): it saves ~0.1 µs a token over hashing again
#: (corpus-dev-2), so a pile's long tail of rare words is not worth keeping.
_BUCKET_OF: dict[str, int] = {}
_BUCKET_MEMORY = 100_000


def bucket(word: str) -> int:
    """The column of ``word``: its signed 32-bit murmurhash3 (seed 0) folded into ``BUCKETS``.

    The same columns as scikit-learn's ``HashingVectorizer(alternate_sign=False)``, which the
    shipped document frequencies were counted with, without importing scikit-learn (1.8 s of
    every start).
    """
    found = _BUCKET_OF.get(word)
    if found is None:
        if len(_BUCKET_OF) >= _BUCKET_MEMORY:
            _BUCKET_OF.clear()
        signed = murmurhash3(word)
        found = (2**31 - BUCKETS) % BUCKETS if signed == -(2**31) else abs(signed) % BUCKETS
        _BUCKET_OF[word] = found
    return found


def _buckets(words: Collection[str]) -> list[int]:
    """The buckets of ``words``: looked up in C when each was hashed before (most are), else hashed."""
    known = list(map(_BUCKET_OF.get, words))
    return list(map(bucket, words)) if None in known else cast(list[int], known)


@cache
def idf() -> np.ndarray:
    """Inverse document frequency per bucket from the shipped counts.

    The share of documents holding a word is taken in each reference language and the larger
    one counts ("the" is as common as "yang"); smoothed, so never zero or infinite.
    """
    data = np.load(_MODEL)
    shares = [data[f"counts_{code}"].astype(np.float64) / float(data[f"documents_{code}"]) for code in ("id", "en")]
    documents = sum(float(data[f"documents_{code}"]) for code in ("id", "en"))
    share = np.maximum(*shares)
    weights: np.ndarray = (np.log(1.0 / (share + 1.0 / documents)) + 1.0).astype(np.float32)
    return weights


def counts(documents: Sequence[list[str]]) -> csr_matrix:
    """Raw hashed counts of each document's :func:`tokens`, one row per document (columns sorted)."""
    rows: list[int] = []
    columns: list[int] = []
    data: list[int] = []
    for row, words in enumerate(documents):
        seen = Counter(words)  # words counted in C, each distinct word hashed once
        columns.extend(_buckets(seen))
        data.extend(seen.values())
        rows.extend([row] * len(seen))
    matrix = csr_matrix(
        (np.asarray(data, dtype=np.float32), (np.asarray(rows, dtype=np.int32), np.asarray(columns, dtype=np.int32))),
        shape=(len(documents), BUCKETS),
    )
    matrix.sum_duplicates()  # canonical whatever scipy gives: two words of a row in one bucket added, columns sorted
    return matrix


def term_vectors(documents: Sequence[list[str]]) -> csr_matrix:
    """Unit-length ``(1 + log tf) * idf`` rows of documents given as their :func:`tokens` (none: a zero row)."""
    matrix = counts(documents)
    matrix.data = (1.0 + np.log(matrix.data)) * idf()[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled: csr_matrix = csr_matrix(matrix.multiply(1.0 / norms[:, None]), dtype=np.float32)
    return scaled
