"""``kroscek analyze`` in bounded memory: the pile on disk, only the grouping index in memory.

:func:`kroscek.analysis.analyze` holds every article until the end. Here each article goes to a
file (:class:`Spill`) as the stages finish it, in input order (with ``--jobs`` the pipeline's
bounded window of batches is the reorder buffer), and the cross-article layer runs in the pieces
:mod:`kroscek.scale.cross` cuts it into, over that file:

1. as articles come: the speakers each names, its name counts (which add up), and its version
   (the latest text digest per revision key is all that is kept);
2. one read of the pile: each article with the pile's names and the version it replaces, written
   again (the finished pile); of each kept one, what grouping needs (a
   :class:`~kroscek.scale.cross.Summary`) and its sampled copy shingles (two 4-byte numbers each);
3. copy candidates from the shingles, verified by containment with the two articles read back;
   events and stories planned from the summaries alone (:func:`kroscek.scale.cross.plan`);
4. each story built from its members read back, largest story first, and written to a file.

What stays in memory is the index: the summaries, the shingle postings, the names and versions
seen. The results are the ones :func:`kroscek.analysis.cross_article` gives for the same pile
(tests/test_stream.py); :class:`Pile` reads them back for the writers (the ``kroscek/1`` JSON,
:func:`kroscek.model.write_contract`; the reports, :func:`kroscek.report.files.write_report_files`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import msgspec
import numpy as np
from scipy.sparse import csr_matrix

from kroscek.analysis import build_pipeline
from kroscek.model import Article, Skipped, Story, revision_key
from kroscek.scale import cross
from kroscek.settings import Settings
from kroscek.stories.duplicates import CopyFacts, candidate_pairs
from kroscek.stories.entities import NameCounts, name_counts, name_mapping, with_speakers
from kroscek.stories.params import CopyParams
from kroscek.stories.revisions import folded
from kroscek.stories.terms import BUCKETS

__all__ = ["Built", "Pile", "Spill", "Versions", "analyze_pile"]

_T = TypeVar("_T")

#: Articles profiled together (their term vectors at once), as the Spark engine profiles a chunk.
CHUNK = 512
#: Shingle sets of recently verified articles kept for the next candidate pairs.
_SHINGLED = 2048
#: What a summary holds in place of its vector's arrays once they are in the pile's matrix.
_NONE = np.zeros(0)


class Spill(Generic[_T]):
    """Records of one type appended to a file as they come and read back by their place: what a
    pile keeps on disk instead of in memory (8 bytes a record stay in memory: where it ends)."""

    def __init__(self, path: Path, kind: type[_T]) -> None:
        self.path = path
        self._file = path.open("w+b")
        self._ends = array("Q")
        self._encode = msgspec.msgpack.Encoder().encode
        self._decode = msgspec.msgpack.Decoder(kind).decode
        self._written = True  # everything appended is in the file, not in its buffer

    def append(self, record: _T) -> int:
        """Write ``record`` at the end; return its place."""
        data = self._encode(record)
        self._file.write(data)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(data))
        self._written = False
        return len(self._ends) - 1

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, place: int) -> _T:
        if not self._written:
            self._file.flush()
            self._written = True
        start = self._ends[place - 1] if place else 0
        return self._decode(os.pread(self._file.fileno(), self._ends[place] - start, start))

    def __iter__(self) -> Iterator[_T]:
        return (self[place] for place in range(len(self)))

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


class Versions:
    """Which article is a new version of which, told as the articles come (input order) by the
    rule of :func:`kroscek.stories.revisions.mark_revisions`, keeping only the latest version of
    each revision key: the key's digest -> the text's digest and the article's id."""

    def __init__(self) -> None:
        self._latest: dict[bytes, bytes] = {}

    def previous(self, article: Article) -> str | None:
        """The id of the version ``article`` replaces (None: none, or it has the same text)."""
        key = revision_key(article)
        if key is None:
            return None
        where = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        text = hashlib.blake2b(folded(article.raw).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        before = self._latest.get(where)
        if before is not None and before[:16] == text:
            return None
        self._latest[where] = text + article.id.encode("utf-8", "surrogatepass")
        if before is None or article.revision_of is not None:
            return None
        other = before[16:].decode("utf-8", "surrogatepass")
        return other if other != article.id else None


class Built(msgspec.Struct, array_like=True):
    """A built story and the places of its members in the pile (in the story's order)."""

    story: Story
    members: list[int]


class Pile:
    """An analysed pile on disk: its finished articles in input order, its stories largest first
    (each with its members' places), the inputs skipped, the furniture removed and the seconds
    each stage took. Lives in ``folder`` (removed by :meth:`close`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.articles: Spill[Article] = Spill(folder / "articles", Article)
        self.stories: Spill[Built] = Spill(folder / "stories", Built)
        self.skipped: list[Skipped] = []
        self.furniture: Counter[str] = Counter()
        self.timings: dict[str, float] = {}

    def members(self, built: Built) -> dict[str, Article]:
        """A story's members by id, read back from the pile."""
        found = (self.articles[place] for place in built.members)
        return {a.id: a for a in found}

    def close(self) -> None:
        self.articles.close()
        self.stories.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _add(total: NameCounts, part: NameCounts) -> None:
    """Add ``part``'s counts to ``total`` in place (:meth:`NameCounts.merged` copies)."""
    total.usage.update(part.usage)
    total.votes.update(part.votes)
    for acronym, forms in part.expansions.items():
        total.expansions.setdefault(acronym, set()).update(forms)


def _annotated(
    items: Iterable[Article | Skipped], settings: Settings, skipped: list[Skipped], jobs: int | None, stages: bool
) -> tuple[Iterator[Article], Callable[[], dict[str, float]]]:
    """The articles of ``items`` through the stages (``stages`` False: as they come, already
    annotated), in input order, and what gives the seconds per stage once they are through."""

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    if not stages:
        return articles(), dict
    pipeline = build_pipeline(settings)
    return pipeline.run_many(articles(), jobs=jobs or settings.jobs), lambda: dict(pipeline.timings)


def analyze_pile(
    items: Iterable[Article | Skipped],
    settings: Settings,
    folder: Path | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[Article], None] | None = None,
    stages: bool = True,
) -> Pile:
    """Analyse ``items`` into a :class:`Pile` under ``folder`` (default: a new temporary folder);
    with ``stages`` False the articles come annotated (the stages ran). The caller closes it."""
    folder = Path(tempfile.mkdtemp(prefix="kroscek-", dir=folder))
    pile = Pile(folder)
    try:
        _analyse(pile, items, settings, jobs, progress, stages)
    except BaseException:
        pile.close()
        raise
    return pile


def _analyse(
    pile: Pile,
    items: Iterable[Article | Skipped],
    settings: Settings,
    jobs: int | None,
    progress: Callable[[Article], None] | None,
    stages: bool,
) -> None:
    read: Spill[Article] = Spill(pile.folder / "annotated", Article)
    counts, versions = name_counts([]), Versions()
    previous: dict[int, str] = {}  # place -> the version it replaces
    replaced: set[str] = set()  # the versions replaced: placed nowhere
    done, timings = _annotated(items, settings, pile.skipped, jobs, stages)
    for article in done:
        speaking = with_speakers(article)
        _add(counts, name_counts([speaking]))
        pile.furniture.update(b.reason for b in article.boilerplate)
        if (before := versions.previous(article)) is not None:
            previous[len(read)] = before
        replaced.update(r for r in (before, article.revision_of) if r)
        read.append(speaking)
        if progress:
            progress(article)
    pile.timings = timings()
    started = time.perf_counter()
    mapping = name_mapping(counts)
    del counts, versions
    grouped = _Grouped(pile.folder, settings.story.copies) if settings.stories else None
    for place, article in enumerate(read):
        final = cross.finish(article, mapping, previous.get(place))
        pile.articles.append(final)
        if grouped and final.id not in replaced:
            grouped.add(place, final)
    read.close()
    if grouped:
        found, vectors = grouped.summaries()
        plans = cross.plan(found, grouped.copies(), settings.story, vectors)
        for story, places in sorted(plans, key=lambda p: (-len(p[1]), p[0].id)):
            rows = grouped.rows(places)
            members = [pile.articles[p] for p in places]
            built = cross.story_of(story, members, [found[r] for r in rows], vectors[rows])
            pile.stories.append(Built(built, places))
        pile.timings["stories"] = time.perf_counter() - started


class _Copy(msgspec.Struct, array_like=True):
    """What verifying a copy reads of an article: its shingles (uint32, as bytes) and copy facts."""

    shingles: bytes
    words: bytes
    outlet: str | None
    wire: tuple[str, ...]


class _Grouped:
    """What grouping keeps of the kept articles of a pile (numbered in pile order): each one's place
    and summary, its sampled copy shingles as postings (shingle, number) in two arrays, and on disk
    what verifying its copies reads."""

    def __init__(self, folder: Path, params: CopyParams) -> None:
        self.params = params
        self.places = array("Q")
        self.found: list[cross.Summary] = []  # without their vectors: those are in the three arrays below
        self.columns, self.weights, self.ends = array("i"), array("f"), array("q", [0])
        self.waiting: list[tuple[int, Article]] = []
        self.hashes, self.owners = array("I"), array("I")
        self.copied: Spill[_Copy] = Spill(folder / "shingles", _Copy)

    def add(self, place: int, article: Article) -> None:
        """Take in one kept article (at ``place`` in the pile); summaries are made a chunk at a time."""
        found = cross.shingled(article, self.params)
        sampled = found.sampled(self.params)
        self.hashes.extend(sampled)
        self.owners.extend([len(self.places)] * len(sampled))
        self.copied.append(_Copy(found.shingles.tobytes(), *found.facts))
        self.places.append(place)
        self.waiting.append((place, article))
        if len(self.waiting) >= CHUNK:
            self._summarise()

    def _summarise(self) -> None:
        for found in cross.summaries(self.waiting):
            self.columns.frombytes(found.columns.astype(np.int32).tobytes())
            self.weights.frombytes(found.weights.astype(np.float32).tobytes())
            self.ends.append(len(self.columns))
            self.found.append(found._replace(columns=_NONE, weights=_NONE))
        self.waiting = []

    def summaries(self) -> tuple[list[cross.Summary], csr_matrix]:
        """Every kept article's summary, in pile order, and their term vectors (a row each)."""
        self._summarise()
        shape = (len(self.found), BUCKETS)
        parts = (np.frombuffer(self.weights, np.float32), np.frombuffer(self.columns, np.int32), self.ends)
        return self.found, csr_matrix(parts, shape=shape)

    def rows(self, places: list[int]) -> list[int]:
        """The rows of the kept articles at ``places`` (in :meth:`summaries`)."""
        return [bisect_left(self.places, place) for place in places]

    def copies(self) -> list[tuple[tuple[int, int], str]]:
        """The verified copy pairs (by place, the earlier first) and their kinds: pairs proposed by
        two sampled shingles or more, each verified with what the two articles left on disk."""
        hashes, owners = np.asarray(self.hashes, dtype=np.uint32), np.asarray(self.owners, dtype=np.uint32)
        self.hashes, self.owners = array("I"), array("I")
        order = np.lexsort((owners, hashes))
        hashes, owners = hashes[order], owners[order]
        shared: Counter[tuple[int, int]] = Counter()
        for members in np.split(owners, np.flatnonzero(np.diff(hashes)) + 1):
            if len(members) > 1:
                shared.update(candidate_pairs(members.tolist(), self.params.crowd))
        del hashes, owners, order

        @lru_cache(maxsize=_SHINGLED)
        def shingled(number: int) -> cross.Shingled:
            c = self.copied[number]
            return cross.Shingled(np.frombuffer(c.shingles, dtype=np.uint32), CopyFacts(c.words, c.outlet, c.wire))

        found = []
        for i, j in sorted(p for p, n in shared.items() if n >= 2):
            if kind := cross.verify(shingled(i), shingled(j), self.params):
                found.append(((self.places[i], self.places[j]), kind))
        self.copied.close()
        return found
