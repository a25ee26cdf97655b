"""Connected groups of items linked in pairs (union-find), shared by copies and claims."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

__all__ = ["connected_groups"]


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
