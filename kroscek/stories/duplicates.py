"""Copies between articles: exact, near-duplicate, syndicated, rewrite; never all pairs.

Each article becomes the set of hashed 5-word shingles of its lower-cased words. Candidate pairs
come from an inverted index over a deterministic sample of those shingles (one in four, chosen
by hash), with shingles shared by too many articles (boilerplate that survived cleaning) left
out; a pair is a candidate when it shares at least two sampled shingles. Reuse is often partial
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

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

import msgspec

from kroscek.model import Article, Duplicate

__all__ = ["CopyParams", "copy_pairs", "find_duplicates", "shingles"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class CopyParams(msgspec.Struct, frozen=True):
    #: Words per shingle.
    k: int = 5
    #: Keep one shingle in ``sample`` (by hash) for the candidate index.
    sample: int = 4
    #: A sampled shingle in more than this share of articles (and more than 20) is boilerplate.
    common: float = 0.05
    #: Jaccard from which two texts are the same text.
    near: float = 0.8
    #: Containment from which the smaller text is reused from the larger.
    contained: float = 0.5


def shingles(text: str, k: int = 5) -> frozenset[int]:
    """Return the hashed ``k``-word shingles of ``text`` (lower-cased words, punctuation ignored)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < k:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1))


def copy_pairs(texts: Sequence[str], params: CopyParams | None = None) -> list[tuple[int, int, float, float]]:
    """Return (i, j, jaccard, containment) for every candidate pair at or over ``contained``."""
    params = params or CopyParams()
    sets = [shingles(t, params.k) for t in texts]
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            if h % params.sample == 0:
                index[h].append(i)
    limit = max(20, int(params.common * len(texts)))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > limit:
            # Too common to pair everyone: neighbours only, so a big copy group stays connected
            # at linear cost (the verification below drops boilerplate chains).
            for x in range(len(members) - 1):
                shared[(members[x], members[x + 1])] += 1
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    out = []
    for (i, j), n in shared.items():
        if n < 2:
            continue
        inter = len(sets[i] & sets[j])
        smaller = min(len(sets[i]), len(sets[j])) or 1
        containment = inter / smaller
        if containment >= params.contained:
            out.append((i, j, inter / len(sets[i] | sets[j]), containment))
    return sorted(out)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def find_duplicates(articles: Sequence[Article], params: CopyParams | None = None) -> list[Duplicate]:
    """Return the copy links among ``articles``, each from its group's earliest publisher."""
    params = params or CopyParams()
    kinds: dict[tuple[int, int], str] = {}
    for i, j, jaccard, _ in copy_pairs([a.text for a in articles], params):
        a, b = articles[i], articles[j]
        same_outlet = a.outlet is None or b.outlet is None or a.outlet == b.outlet
        if _words(a.text) == _words(b.text):
            kind = "exact"
        elif jaccard >= params.near:
            kind = "near-duplicate" if same_outlet else "syndicated"
        elif set(a.wire) & set(b.wire):
            kind = "syndicated"
        else:
            kind = "rewrite"
        kinds[(i, j)] = kind
    # Copy groups, each linked from its earliest publisher (input order breaks ties).
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in kinds:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in {x for pair in kinds for x in pair}:
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        first = min(members, key=lambda m: (articles[m].published or "9999", m))
        for m in sorted(members):
            if m == first:
                continue
            pair = (min(first, m), max(first, m))
            kind = kinds.get(pair) or _strongest(kinds, m, members)
            out.append(Duplicate(articles[first].id, articles[m].id, kind))  # type: ignore[arg-type]
    return out


_ORDER = ("exact", "near-duplicate", "syndicated", "rewrite")


def _strongest(kinds: dict[tuple[int, int], str], m: int, members: list[int]) -> str:
    """The closest kind ``m`` has with any member of its group (it may not pair the earliest)."""
    found = [k for (i, j), k in kinds.items() if m in (i, j) and (i in members and j in members)]
    return min(found, key=_ORDER.index) if found else "rewrite"
