"""Connected groups of items linked in pairs (union-find), shared by copies and claims; and the
index of groups that events and stories are both placed against (:class:`TermIndex`), with what a
persisted one reads from where it is kept (:class:`IndexLoader`)."""

from __future__ import annotations

import datetime as dt
import math
import zlib
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import numpy as np

from kroscek.scale.spill import Spill

__all__ = [
    "KEPT",
    "IndexLoader",
    "MovedOut",
    "Packed",
    "TermIndex",
    "connected_groups",
    "cosine",
    "encode_weights",
    "writable",
]


class _Held(Protocol):
    """What an index keeps of a group (an event, a story): its members and last day, packed or
    encoded when a pass leaves it behind."""

    members: list[int]
    last: dt.date | None

    def pack(self) -> None: ...

    def encode(self) -> bytes: ...


_State = TypeVar("_State", bound=_Held)


class IndexLoader(Protocol):
    """Where an index of groups (:class:`kroscek.stories.events.EventIndex`,
    :class:`kroscek.stories.grouping.GroupIndex`) reads what it has not seen yet."""

    def terms(self, columns: Sequence[int], per_term: int) -> dict[int, list[Hashable]]:
        """The last ``per_term`` groups each term was indexed for, oldest first."""
        ...

    def states(self, keys: Sequence[Hashable]) -> dict[Hashable, bytes]:
        """The encoded state of each group of ``keys`` that exists."""
        ...


class MovedOut:
    """The groups a pass in time order has left behind, on disk (a
    :class:`~kroscek.scale.spill.Spill` at ``path``) until an item reads one again: the
    :class:`IndexLoader` of that pass's index (its terms never leave memory: none are read here).
    What stays in memory is where each group's latest state is in the file (:meth:`put`)."""

    def __init__(self, path: Path) -> None:
        self._spill: Spill[bytes] = Spill(path, bytes)
        self._where: dict[Hashable, int] = {}

    def put(self, key: Hashable, state: bytes) -> None:
        """Keep ``state`` as the group ``key``'s (the one put before, if any, is no longer read)."""
        self._where[key] = self._spill.append(state)

    def terms(self, columns: Sequence[int], per_term: int) -> dict[int, list[Hashable]]:
        return {}

    def states(self, keys: Sequence[Hashable]) -> dict[Hashable, bytes]:
        return {k: self._spill[self._where[k]] for k in keys if k in self._where}

    def close(self) -> None:
        self._spill.close()


class Packed(Mapping[int, float]):
    """A group's sparse sum of term weights as read from a store, until the group changes: its terms
    sorted and their weights in two arrays (16 bytes a term, where a dict of floats takes ~100), read
    as a mapping (``get`` by binary search). A group that changes unpacks it (:meth:`unpacked`)."""

    __slots__ = ("_terms", "_weights")

    def __init__(self, terms: Sequence[int], weights: Sequence[float]) -> None:
        keys = np.asarray(terms, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._terms = array("q", keys[order].tobytes())
        self._weights = array("d", np.asarray(weights, dtype=np.float64)[order].tobytes())

    def __getitem__(self, term: int) -> float:
        i = bisect_left(self._terms, term)
        if i < len(self._terms) and self._terms[i] == term:
            return self._weights[i]
        raise KeyError(term)

    def get(self, term: int, default: float = 0.0) -> float:  # type: ignore[override]
        i = bisect_left(self._terms, term)
        return self._weights[i] if i < len(self._terms) and self._terms[i] == term else default

    def __iter__(self) -> Iterator[int]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def unpacked(self) -> dict[int, float]:
        """The weights as a dict a group adds to."""
        return dict(zip(self._terms, self._weights, strict=True))

    @classmethod
    def decode(cls, data: bytes) -> Packed:
        """The weights :func:`encode_weights` wrote."""
        wide, raw = data[0], zlib.decompress(data[1:])
        n = len(raw) // (12 if wide else 10)
        gaps = np.frombuffer(raw, dtype=np.uint32 if wide else np.uint16, count=n)
        packed = cls((), ())
        packed._terms.frombytes(np.cumsum(gaps, dtype=np.int64).tobytes())
        packed._weights.frombytes(raw[n * (4 if wide else 2) :])
        return packed


def encode_weights(weights: Mapping[int, float]) -> bytes:
    """A group's term weights as a store keeps them: the terms sorted, each as its gap from the one
    before (2 bytes, or 4 when a gap is wider), then the weights (float64, exact), the whole
    compressed (a sum of a few float32 weights ends in zero bytes): a third of msgpack lists."""
    terms = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
    values = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
    order = np.argsort(terms)
    gaps = np.diff(terms[order], prepend=0)
    wide = bool(len(gaps)) and int(gaps.max()) >= 1 << 16
    packed = gaps.astype(np.uint32 if wide else np.uint16).tobytes() + values[order].tobytes()
    return bytes([wide]) + zlib.compress(packed)


def cosine(total: Mapping[int, float], norm2: float, columns: Iterable[int], values: Iterable[float]) -> float:
    """Cosine of a unit vector (``columns`` and their ``values``: lists, or a profile's arrays) to a
    sum of vectors (``total``, squared norm ``norm2``), as events and stories compare an article or
    an event with a group. A plain loop that skips the terms the sum lacks: a fifth faster than a sum over a
    generator, and the same float result (left to right, whatever Python's ``sum`` does)."""
    if norm2 <= 0:
        return 0.0
    get = total.get
    dot = 0.0
    for c, v in zip(columns, values, strict=True):
        w = get(c)
        if w:
            dot += w * v
    return dot / math.sqrt(norm2)


def writable(weights: dict[int, float] | Packed) -> dict[int, float]:
    """Weights a group is about to change: a packed sum read from a store becomes a dict."""
    return weights.unpacked() if isinstance(weights, Packed) else weights


def connected_groups(size: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Return the groups of ``range(size)`` joined by ``links``, each sorted, singletons included."""
    parent = list(range(size))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(size):
        groups[find(i)].append(i)
    return list(groups.values())


#: Groups read through a loader and not changed since that an index keeps in memory at most; past
#: it, the first read go (read again if wanted). What an update holds stays bounded however many
#: groups the store has: the terms of a big batch list most of a big store's recent groups. Read
#: groups hold their weights packed (:class:`Packed`, ~25 KB an event): at most ~0.4 GB.
KEPT = 16384


class TermIndex(Generic[_State]):
    """Groups by key (numbers in one pass, lifelong ids in a store's index) and the inverted index
    from term to the groups holding it, most recent last: what an item is placed against. A
    persisted one reads through ``loader`` only what is not in memory yet, so an update reads what
    its new items touch."""

    def __init__(
        self, per_term: int, decode: Callable[[bytes], _State], loader: IndexLoader | None, keep_added: bool = False
    ) -> None:
        self.per_term, self.decode, self.loader = per_term, decode, loader
        self.groups: dict[Hashable, _State] = {}
        self.terms: dict[int, list[Hashable]] = {}
        # The index entries made in memory, in order: what a store's update writes back
        # (``keep_added``). A pass writes none, so keeps none (314,573 on the synthetic 10k pile).
        self.added: dict[int, list[Hashable]] = defaultdict(list)
        self.keep_added = keep_added
        self.changed: set[Hashable] = set()  # groups an item joined or opened
        self.unpacked: set[Hashable] = set()  # groups an item joined or opened since they were last packed
        self.opened = 0  # groups a pass opened (:meth:`open_key`)

    def prefetch(self, columns: Iterable[int]) -> None:
        """Read in one go the index entries of ``columns`` (the groups they list are read when probed)."""
        if self.loader is None:
            return
        terms = self.terms  # a set less a dict's keys view walks the whole dict: test each column instead
        wanted = sorted({c for c in columns if c not in terms})
        found = self.loader.terms(wanted, self.per_term)
        for c in wanted:
            self.terms[c] = found.get(c, [])

    def load(self, keys: set[Hashable]) -> None:
        """Read the groups of ``keys`` not in memory yet (those that exist); every group of ``keys`` is
        in memory after, and only groups read before and unchanged may have gone (:data:`KEPT`)."""
        groups = self.groups  # not ``keys - groups.keys()``: that walks every group, each call
        missing = sorted((k for k in keys if k not in groups), key=str)
        if missing and self.loader is not None:
            self._make_room(len(missing), keys)
            self.groups.update({k: self.decode(state) for k, state in self.loader.states(missing).items()})

    def _make_room(self, coming: int, wanted: set[Hashable]) -> None:
        """Past :data:`KEPT` groups, forget the first read (unchanged, not ``wanted``) down to half of it."""
        if len(self.groups) + coming <= KEPT:
            return
        excess = len(self.groups) + coming - KEPT // 2
        for key in [k for k in self.groups if k not in self.changed and k not in wanted][:excess]:
            del self.groups[key]

    @property
    def behind(self) -> bool:
        """Whether what is not in memory is only what a pass in time order left behind
        (:meth:`leave_behind`): then an item with a day never needs it, and it is not read for one."""
        return isinstance(self.loader, MovedOut)

    def open_key(self) -> int:
        """A new group's key in a pass: how many groups the pass opened before it."""
        self.opened += 1
        return self.opened - 1

    def leave_behind(self, day: dt.date, window: int) -> None:
        """The groups whose last day is more than ``window`` days before ``day`` (in a pass in time
        order no dated item comes near them again): packed (:meth:`_Held.pack`), or with a
        :class:`MovedOut` loader moved to it, read again only if an item joins one or an undated
        item is compared with one (a pass writes no index entries: those it kept go). Packing
        looks only at the groups an item joined since their last packing (``unpacked``): not at
        every group, each time."""
        if not isinstance(self.loader, MovedOut):
            groups = self.groups
            for key in [k for k in self.unpacked if (g := groups.get(k)) and g.last and (day - g.last).days > window]:
                groups[key].pack()
                self.unpacked.discard(key)
            return
        old = [k for k, group in self.groups.items() if group.last and (day - group.last).days > window]
        for key in old:
            self.loader.put(key, self.groups.pop(key).encode())
            self.changed.discard(key)
            self.unpacked.discard(key)
        self.added.clear()

    def opened_members(self) -> list[list[int]]:
        """The members of each group the pass opened (:meth:`open_key`), in the order opened; those
        moved out are read back."""

        def members(key: int) -> list[int]:
            group = self.groups.get(key)
            if group is None:
                assert self.loader is not None, "a group missing from a pass without a loader"
                group = self.decode(self.loader.states([key])[key])
            return group.members

        return [members(k) for k in range(self.opened)]

    def probe(self, c: int) -> list[Hashable]:
        """The most recent groups holding term ``c``."""
        if c not in self.terms:
            self.terms[c] = self.loader.terms([c], self.per_term).get(c, []) if self.loader else []
        return self.terms[c][-self.per_term :]

    def record(self, chosen: Hashable, ranked: Iterable[int]) -> None:
        """Note that an item joined ``chosen``: it changed, and it now holds the item's ``ranked`` terms."""
        self.changed.add(chosen)
        self.unpacked.add(chosen)
        for c in ranked:
            keys = self.terms.setdefault(c, [])
            if not keys or keys[-1] != chosen:
                keys.append(chosen)
                if len(keys) > 2 * self.per_term:  # a probe reads the last ``per_term``: the rest would only grow
                    del keys[: -self.per_term]
                if self.keep_added:
                    self.added[c].append(chosen)
