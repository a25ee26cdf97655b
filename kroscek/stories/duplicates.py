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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

import numpy as np

from kroscek.model import Article, Duplicate
from kroscek.stories.groups import connected_groups
from kroscek.stories.params import CopyParams

__all__ = [
    "CopyFacts",
    "CopyParams",
    "candidate_pairs",
    "copy_facts",
    "copy_kind",
    "copy_links",
    "copy_pairs",
    "event_ties",
    "find_duplicates",
    "overlap",
    "publish_order",
    "same_report",
    "shingles",
]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Copy kinds, closest first.
_ORDER = ("exact", "near-duplicate", "syndicated", "rewrite")


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Return the sorted unique hashed ``k``-word shingles of ``text`` (uint32)."""
    words = list(map(str.lower, _WORD.findall(text)))
    if len(words) < k:
        grams: Iterable[str] = [" ".join(words)] if words else []
        count = 1 if words else 0
    else:  # each word with the k - 1 after it, joined and hashed in C loops
        grams = map(" ".join, zip(*(words[i:] for i in range(k)), strict=False))
        count = len(words) - k + 1
    return np.unique(np.fromiter(map(zlib.crc32, map(str.encode, grams)), dtype=np.uint32, count=count))


def candidate_pairs(owners: Sequence[int], crowd: int) -> Iterator[tuple[int, int]]:
    """The pairs one sampled shingle proposes among the articles holding it (``owners``, ascending):
    every pair, or only neighbours when more than ``crowd`` hold it, so a big copy group stays
    connected at linear cost (the verification drops boilerplate chains)."""
    if len(owners) > crowd:
        for x in range(len(owners) - 1):
            yield owners[x], owners[x + 1]
        return
    for x in range(len(owners)):
        for y in range(x + 1, len(owners)):
            yield owners[x], owners[y]


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment) of two shingle sets (each sorted, unique): containment is shared over
    the smaller set's. A shared shingle is one that sorting both together puts twice in a row."""
    both = np.concatenate((a, b))
    both.sort()
    inter = int(np.count_nonzero(both[1:] == both[:-1]))
    return inter / (len(a) + len(b) - inter or 1), inter / (min(len(a), len(b)) or 1)


def _proposed_twice(owners: np.ndarray, bounds: np.ndarray, crowd: int, articles: int) -> tuple[list[int], list[int]]:
    """The pairs (first rows, second rows, ascending) that two or more sampled shingles propose
    (:func:`candidate_pairs`), given the shingles' ``owners`` in (shingle, owner) order and where
    each shingle's owners start after the first (``bounds``): the groups of one size at a time."""
    starts = np.concatenate(([0], bounds))
    sizes = np.diff(np.concatenate((starts, [len(owners)])))
    group = np.repeat(np.arange(len(sizes)), sizes)
    neighbours = np.flatnonzero((sizes[group[:-1]] > crowd) & (group[:-1] == group[1:]))
    firsts, seconds = [owners[neighbours]], [owners[neighbours + 1]]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= crowd)]).tolist():
        block = owners[starts[sizes == size][:, None] + np.arange(size)]  # a row per shingle of this size
        x, y = np.triu_indices(size, 1)
        firsts.append(block[:, x].ravel())
        seconds.append(block[:, y].ravel())
    pairs, times = np.unique(np.concatenate(firsts) * articles + np.concatenate(seconds), return_counts=True)
    twice = pairs[times >= 2]
    return (twice // articles).tolist(), (twice % articles).tolist()


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
    firsts, seconds = _proposed_twice(owners, np.flatnonzero(np.diff(hashes)) + 1, params.crowd, len(sets))
    out = []
    for i, j in zip(firsts, seconds, strict=True):
        jaccard, containment = overlap(sets[i], sets[j])
        if containment >= params.contained:
            out.append((i, j, jaccard, containment))
    return sorted(out)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


class CopyFacts(NamedTuple):
    """What the kind of a copy reads of each of its two articles."""

    words: bytes  # a digest of the text's words, in order
    outlet: str | None
    wire: tuple[str, ...]


def copy_facts(article: Article) -> CopyFacts:
    """The :class:`CopyFacts` of ``article``."""
    words = hashlib.blake2b(" ".join(_words(article.text)).encode(), digest_size=16).digest()
    return CopyFacts(words, article.outlet, article.wire)


def copy_kind(a: CopyFacts, b: CopyFacts, jaccard: float, params: CopyParams) -> str:
    """The kind of copy two verified candidates are (see the module's list)."""
    if a.words == b.words:
        return "exact"
    if jaccard >= params.near:
        return "near-duplicate" if a.outlet is None or b.outlet is None or a.outlet == b.outlet else "syndicated"
    return "syndicated" if set(a.wire) & set(b.wire) else "rewrite"


def copy_links(firsts: Sequence[tuple[str, str]], kinds: dict[tuple[int, int], str]) -> list[Duplicate]:
    """The copy links of articles (``firsts``: each one's publish time, "9999" when unknown, and
    id) joined in pairs of ``kinds``: each copy group linked from its earliest publisher (the
    content id breaks ties: any input order gives the same links)."""
    closest: dict[int, str] = {}  # each article's closest kind with any other (its group's, by construction)
    for (i, j), kind in kinds.items():
        for m in (i, j):
            if m not in closest or _ORDER.index(kind) < _ORDER.index(closest[m]):
                closest[m] = kind
    out = []
    for members in connected_groups(len(firsts), kinds):
        if len(members) < 2:
            continue
        first = min(members, key=lambda m: firsts[m])
        for m in sorted(members):
            if m == first:
                continue
            pair = (min(first, m), max(first, m))
            kind = kinds.get(pair) or closest[m]
            out.append(Duplicate(firsts[first][1], firsts[m][1], kind))  # type: ignore[arg-type]
    return out


def publish_order(published: str | None, article_id: str) -> tuple[str, str]:
    """Where an article comes among copies: its publish time ("9999", last, when unknown), then its id."""
    return published or "9999", article_id


def same_report(kind: str) -> bool:
    """Whether a copy of this kind carries its original's report (exact, near-duplicate, syndicated). A rewrite
    reuses part of another article's text — background paragraphs, a desk's template — and is a
    report of its own, which may tell another happening (the afternoon's revocation over the
    morning's criticism, tomorrow's forecast from today's template)."""
    return kind != "rewrite"


def event_ties(copies: Iterable[Duplicate], row_of: Mapping[str, int]) -> dict[int, int]:
    """Each copy's row and its original's (``row_of``: article id to row), for the copies that
    join their original's event (:func:`same_report`); a rewrite is placed like any article."""
    return {row_of[d.b]: row_of[d.a] for d in copies if same_report(d.kind)}


def find_duplicates(articles: Sequence[Article], params: CopyParams | None = None) -> list[Duplicate]:
    """Return the copy links among ``articles``, each from its group's earliest publisher."""
    params = params or CopyParams()
    kinds: dict[tuple[int, int], str] = {}
    facts: dict[int, CopyFacts] = {}  # read once per article however many candidates it is in
    for i, j, jaccard, _ in copy_pairs([a.text for a in articles], params):
        for m in (i, j):
            if m not in facts:
                facts[m] = copy_facts(articles[m])
        kinds[(i, j)] = copy_kind(facts[i], facts[j], jaccard, params)
    return copy_links([publish_order(a.published, a.id) for a in articles], kinds)
