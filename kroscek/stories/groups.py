"""Connected groups of items linked in pairs (union-find), shared by copies and claims; and what
a persisted index of groups (events, stories) reads from where it is kept."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import Protocol

__all__ = ["IndexLoader", "connected_groups"]


class IndexLoader(Protocol):
    """Where an index of groups (:class:`kroscek.stories.events.EventIndex`,
    :class:`kroscek.stories.grouping.GroupIndex`) reads what it has not seen yet."""

    def terms(self, columns: Sequence[int], per_term: int) -> dict[int, list[Hashable]]:
        """The last ``per_term`` groups each term was indexed for, oldest first."""
        ...

    def states(self, keys: Sequence[Hashable]) -> dict[Hashable, bytes]:
        """The encoded state of each group of ``keys`` that exists."""
        ...


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
