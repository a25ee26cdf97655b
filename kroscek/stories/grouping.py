"""Stories: events joined over weeks by a documented rule; and each article's reference day.

Events come from the learned same-event decision (:mod:`kroscek.stories.events`). A story joins
related events: each event is its members' summed term vector (unit length) with its first day;
events arrive in time order, each is compared only with the stories that share one of its
strongest terms (an inverted index from term to story), and joins the most similar one (cosine
to the story's centroid) when the similarity reaches ``story_threshold`` and its day lies within
``story_window`` days of the story's span; otherwise it opens a story. Nothing is re-clustered
when an event arrives, so the pass is linear in events.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix

from kroscek.clean.published import story_day
from kroscek.model import Article, day_of
from kroscek.stories.params import GroupParams

__all__ = ["GroupParams", "group", "reference_day"]


def reference_day(article: Article) -> dt.date | None:
    """The article's day: its publish date, else the day of the happening its text reports, else None.

    The second is :func:`kroscek.clean.published.story_day` (the rule the ``published`` stage
    applies), not the latest date the text mentions: an anniversary or a birth date would put
    the article years away from its event.
    """
    published = day_of(article.published)
    if published:
        return published
    return story_day(article.text, article.language)


@dataclass
class _Group:
    members: list[int] = field(default_factory=list)
    total: dict[int, float] = field(default_factory=dict)  # sum of member vectors, sparse
    norm2: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None

    def cosine(self, columns: np.ndarray, values: np.ndarray) -> float:
        if not self.norm2:
            return 0.0
        total = self.total
        dot: float = sum(total.get(c, 0.0) * v for c, v in zip(columns.tolist(), values.tolist(), strict=True))
        return dot / float(np.sqrt(self.norm2))

    def add(self, row: int, columns: np.ndarray, values: np.ndarray, day: dt.date | None) -> None:
        self.members.append(row)
        for c, v in zip(columns.tolist(), values.tolist(), strict=True):
            old = self.total.get(c, 0.0)
            self.total[c] = old + v
            self.norm2 += (old + v) ** 2 - old**2
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def near(self, day: dt.date | None, window: int) -> bool:
        if not day or not self.first or not self.last:
            return True
        slack = dt.timedelta(days=window)
        return self.first - slack <= day <= self.last + slack


#: Groups probed per feature: the most recent ones (a feature every article has probes few).
_PER_FEATURE = 64
#: Candidates scored per article: those sharing the most of its strongest features.
_CANDIDATES = 16


def group(
    vectors: csr_matrix,
    days: Sequence[dt.date | None],
    threshold: float,
    window: int,
    probe: int,
    order: Sequence[int],
    tied: dict[int, int] | None = None,
) -> list[list[int]]:
    """Group rows of ``vectors`` incrementally in ``order``; return the groups' member rows.

    ``tied`` maps a row to an earlier row whose group it must join (a copy to its original).
    Work per article is bounded (``probe`` features × ``_PER_FEATURE`` groups looked up,
    ``_CANDIDATES`` scored over at most ``_TERMS`` terms), so the pass is linear in articles.
    """
    groups: list[_Group] = []
    owner: dict[int, int] = {}
    index: dict[int, list[int]] = defaultdict(list)
    for row in order:
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        columns, values = vectors.indices[start:end], vectors.data[start:end]
        day = days[row]
        ranked = [int(columns[i]) for i in heapq.nlargest(2 * probe, range(len(columns)), key=values.__getitem__)]
        strongest = ranked[:probe]
        chosen: int | None = None
        if tied and row in tied and tied[row] in owner:
            chosen = owner[tied[row]]
        else:
            shared = Counter(g for c in strongest for g in index[c][-_PER_FEATURE:])
            best = threshold
            for g, _ in shared.most_common(_CANDIDATES):
                if groups[g].near(day, window):
                    similarity = groups[g].cosine(columns, values)
                    if similarity >= best:
                        best, chosen = similarity, g
        if chosen is None:
            chosen = len(groups)
            groups.append(_Group())
        groups[chosen].add(row, columns, values, day)
        owner[row] = chosen
        for c in ranked:
            if not index[c] or index[c][-1] != chosen:
                index[c].append(chosen)
    return [g.members for g in groups]
