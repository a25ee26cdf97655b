"""Copies between articles: exact, near-duplicate, syndicated, rewrite; never all pairs.

Each article becomes the set of hashed 5-word shingles of its lower-cased words. Candidate pairs
come from an inverted index over a deterministic sample of those shingles (one in four, chosen
by hash); a sampled shingle shared by very many articles (boilerplate that survived cleaning,
or a huge copy group) links only neighbours in the index, so the work stays linear; a pair is a
candidate when it shares at least two sampled shingles. Reuse is often partial
(a regional desk runs the first half of a national story; a press release appears inside three
articles), so each candidate is scored by **containment** (shared shingles over the smaller
article's) as well as Jaccard:

- exact: the same words in the same order;
- near-duplicate: Jaccard >= ``near`` (a re-post; same outlet or outlet unknown);
- syndicated: Jaccard >= ``near`` across outlets, or containment >= ``contained`` with a shared
  wire credit;
- rewrite: containment >= ``contained`` otherwise (partial reuse, a desk's rewrite).

Each copy group (connected pairs) is reported as links from its earliest publisher.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from kroscek.model import Article, Duplicate
from kroscek.stories.groups import connected_groups
from kroscek.stories.params import CopyParams

__all__ = ["CopyParams", "copy_pairs", "find_duplicates", "shingles"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Copy kinds, closest first.
_ORDER = ("exact", "near-duplicate", "syndicated", "rewrite")


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Return the sorted unique hashed ``k``-word shingles of ``text`` (uint32)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams)))


def copy_pairs(texts: Sequence[str], params: CopyParams | None = None) -> list[tuple[int, int, float, float]]:
    """Return (i, j, jaccard, containment) for every candidate pair at or over ``contained``."""
    params = params or CopyParams()
    sets = [shingles(t, params.k) for t in texts]
    sampled = [s[s % params.sample == 0] for s in sets]
    if not any(len(s) for s in sampled):
        return []
    hashes = np.concatenate(sampled)
    owners = np.repeat(np.arange(len(sets), dtype=np.int64), [len(s) for s in sampled])
    order = np.lexsort((owners, hashes))
    hashes, owners = hashes[order], owners[order]
    bounds = np.flatnonzero(np.diff(hashes)) + 1
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in np.split(owners, bounds):
        if len(members) < 2:
            continue
        ids = members.tolist()
        if len(ids) > params.crowd:
            # Too common to pair everyone: neighbours only, so a big copy group stays connected
            # at linear cost (the verification below drops boilerplate chains).
            for x in range(len(ids) - 1):
                shared[(ids[x], ids[x + 1])] += 1
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                shared[(ids[x], ids[y])] += 1
    out = []
    for (i, j), n in shared.items():
        if n < 2:
            continue
        inter = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
        smaller = min(len(sets[i]), len(sets[j])) or 1
        containment = inter / smaller
        if containment >= params.contained:
            out.append((i, j, inter / (len(sets[i]) + len(sets[j]) - inter), containment))
    return sorted(out)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def find_duplicates(articles: Sequence[Article], params: CopyParams | None = None) -> list[Duplicate]:
    """Return the copy links among ``articles``, each from its group's earliest publisher."""
    params = params or CopyParams()
    kinds: dict[tuple[int, int], str] = {}
    words: dict[int, bytes] = {}  # a digest of each text's words, read once however many candidates it is in
    for i, j, jaccard, _ in copy_pairs([a.text for a in articles], params):
        a, b = articles[i], articles[j]
        same_outlet = a.outlet is None or b.outlet is None or a.outlet == b.outlet
        for m in (i, j):
            if m not in words:
                words[m] = hashlib.blake2b(" ".join(_words(articles[m].text)).encode(), digest_size=16).digest()
        if words[i] == words[j]:
            kind = "exact"
        elif jaccard >= params.near:
            kind = "near-duplicate" if same_outlet else "syndicated"
        elif set(a.wire) & set(b.wire):
            kind = "syndicated"
        else:
            kind = "rewrite"
        kinds[(i, j)] = kind
    # Copy groups, each linked from its earliest publisher (the content id breaks ties: any input
    # order gives the same links).
    closest: dict[int, str] = {}  # each article's closest kind with any other (its group's, by construction)
    for (i, j), kind in kinds.items():
        for m in (i, j):
            if m not in closest or _ORDER.index(kind) < _ORDER.index(closest[m]):
                closest[m] = kind
    out = []
    for members in connected_groups(len(articles), kinds):
        if len(members) < 2:
            continue
        first = min(members, key=lambda m: (articles[m].published or "9999", articles[m].id))
        for m in sorted(members):
            if m == first:
                continue
            pair = (min(first, m), max(first, m))
            kind = kinds.get(pair) or closest[m]
            out.append(Duplicate(articles[first].id, articles[m].id, kind))  # type: ignore[arg-type]
    return out
