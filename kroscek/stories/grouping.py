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
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import msgspec
import numpy as np
from scipy.sparse import csr_matrix

from kroscek.clean.published import story_day
from kroscek.model import Article, day_of
from kroscek.stories.groups import IndexLoader, MovedOut, Packed, TermIndex, cosine, encode_weights, writable
from kroscek.stories.params import GroupParams

__all__ = ["GroupIndex", "GroupParams", "Rows", "group", "matrix_rows", "reference_day"]


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
    total: dict[int, float] | Packed = field(default_factory=dict)  # sum of member vectors (Packed: as read)
    norm2: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, row: int, columns: list[int], values: list[float], day: dt.date | None) -> None:
        self.total = writable(self.total)
        self.members.append(row)
        for c, v in zip(columns, values, strict=True):
            old = self.total.get(c, 0.0)
            self.total[c] = old + v
            self.norm2 += (old + v) ** 2 - old**2
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def pack(self) -> None:
        """Hold the sum packed (:class:`~kroscek.stories.groups.Packed`, a seventh of a dict's room)
        until the group changes again: what one pass keeps of a group it has left behind."""
        if not isinstance(self.total, Packed):
            self.total = Packed(list(self.total), list(self.total.values()))

    def near(self, day: dt.date | None, window: int) -> bool:
        if not day or not self.first or not self.last:
            return True
        slack = dt.timedelta(days=window)
        return self.first - slack <= day <= self.last + slack

    def encode(self) -> bytes:
        """The group as bytes (what a store's index keeps of it)."""
        span = [d.toordinal() if d else 0 for d in (self.first, self.last)]
        return _STATE.encode((self.members, encode_weights(self.total), self.norm2, span))

    @classmethod
    def decode(cls, data: bytes) -> _Group:
        """A group :meth:`encode` wrote (or a store written before it, with terms and weights as lists)."""
        members, *total, norm2, span = msgspec.msgpack.decode(data)
        first, last = (dt.date.fromordinal(d) if d else None for d in span)
        weights = Packed.decode(total[0]) if len(total) == 1 else Packed(total[0], total[1])
        return cls(members, weights, norm2, first, last)


_STATE = msgspec.msgpack.Encoder()

#: Rows one pass places between two packings of the groups it has left behind.
PACK_EVERY = 1024
#: Groups probed per feature: the most recent ones (a feature every article has probes few).
_PER_FEATURE = 64
#: Candidates scored per article: those sharing the most of its strongest features.
_CANDIDATES = 16


class GroupIndex(TermIndex[_Group]):
    """The groups so far and the inverted index from feature to group."""

    def __init__(
        self, threshold: float, window: int, probe: int, loader: IndexLoader | None = None, keep_added: bool = False
    ) -> None:
        super().__init__(_PER_FEATURE, _Group.decode, loader, keep_added)
        self.threshold, self.window, self.strongest = threshold, window, probe

    def place(
        self,
        row: int,
        columns: np.ndarray,
        values: np.ndarray,
        day: dt.date | None,
        tied: Hashable | None,
        new_key: Callable[[], Hashable],
    ) -> Hashable:
        """Put a row (its sparse vector and day) in a group (``tied``: that one); return the group's key."""
        ranked: list[int] = columns[np.argsort(-values, kind="stable")[: 2 * self.strongest]].tolist()  # ties: first
        chosen = tied
        terms, weights = columns.tolist(), values.tolist()
        if chosen is None:
            shared = Counter(g for c in ranked[: self.strongest] for g in self.probe(c))
            if day is None or not self.behind:  # else those not in memory are too far
                self.load(set(shared))
            best = self.threshold
            for g, _ in shared.most_common(_CANDIDATES):
                if g in self.groups and self.groups[g].near(day, self.window):
                    similarity = cosine(self.groups[g].total, self.groups[g].norm2, terms, weights)
                    if similarity >= best:
                        best, chosen = similarity, g
        if chosen is None:
            chosen = new_key()
            self.groups[chosen] = _Group()
        self.load({chosen})
        self.groups[chosen].add(row, terms, weights, day)
        self.record(chosen, ranked)
        return chosen


#: A row's sparse vector (columns, weights): what :func:`group` reads of each row, by row.
Rows = Callable[[int], tuple[np.ndarray, np.ndarray]]


def matrix_rows(vectors: csr_matrix) -> Rows:
    """The rows of ``vectors`` as :func:`group` reads them."""

    def row(r: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = vectors.indptr[r], vectors.indptr[r + 1]
        return vectors.indices[start:end], vectors.data[start:end]

    return row


def group(
    vectors: Rows,
    days: Sequence[dt.date | None],
    threshold: float,
    window: int,
    probe: int,
    order: Sequence[int],
    moved: MovedOut | None = None,
) -> list[list[int]]:
    """Group rows (``vectors``: each row's sparse vector) incrementally in ``order``; return the
    groups' member rows.

    Work per article is bounded (``probe`` features × ``_PER_FEATURE`` groups looked up,
    ``_CANDIDATES`` scored over at most ``_TERMS`` terms), so the pass is linear in articles.
    Every :data:`PACK_EVERY` rows, the groups whose last day is more than ``window`` days before
    the row's are packed (:meth:`_Group.pack`): in time order, no dated row is near them again;
    with ``moved`` they are moved there instead (read again only for a tied or undated row).
    """
    index = GroupIndex(threshold, window, probe, moved)
    for n, row in enumerate(order, start=1):
        columns, values = vectors(row)
        index.place(row, columns, values, days[row], None, index.open_key)
        if n % PACK_EVERY == 0 and (day := days[row]):
            index.leave_behind(day, window)
    return index.opened_members()
