"""``kroscek analyze`` in bounded memory: the pile on disk, only the grouping index in memory.

:func:`kroscek.analysis.analyze` holds every article until the end. Here each article goes to a
file (:class:`~kroscek.scale.spill.Spill`) as the stages finish it, in input order (with
``--jobs`` the pipeline's bounded window of batches is the reorder buffer), and the cross-article
layer runs in the pieces :mod:`kroscek.scale.cross` cuts it into, over that file:

1. as articles come: the speakers each names, its name counts (which add up), and its version
   (the latest text digest per revision key is all that is kept);
2. one read of the pile: each article with the pile's names and the version it replaces, written
   again (the finished pile); of each kept one, what grouping needs (a
   :class:`~kroscek.scale.cross.Summary`, written to disk: :class:`~kroscek.scale.cross.Summaries`)
   and its sampled copy shingles (an 8-byte posting each);
3. copy candidates from the shingles, verified by containment with the two articles read back;
   events and stories planned from the summaries read back (:func:`kroscek.scale.cross.plan`: the
   events and stories its passes leave behind go to disk too);
4. each story built from its members read back, largest story first, and written to a file.

What stays in memory is the index: each kept article's id, publish time and day, the shingle
postings, the names and versions seen, and the events and stories near in time. The results are
the ones :func:`kroscek.analysis.cross_article` gives for the same pile (tests/test_stream.py);
:class:`Pile` reads them back for the writers (the ``kroscek/1`` JSON,
:func:`kroscek.model.write_contract`; the reports, :func:`kroscek.report.files.write_report_files`).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import msgspec
import numpy as np

from kroscek.analysis import build_pipeline
from kroscek.model import Article, Skipped, Story, revision_key
from kroscek.scale import cross
from kroscek.scale.spill import Spill
from kroscek.settings import Settings
from kroscek.stories.duplicates import CopyFacts, candidate_pairs
from kroscek.stories.entities import NameCounts, name_counts, name_mapping, with_speakers
from kroscek.stories.params import CopyParams
from kroscek.stories.revisions import folded

__all__ = ["Built", "Pile", "Versions", "analyze_pile"]

#: Articles profiled together (their term vectors at once), as the Spark engine profiles a chunk.
CHUNK = 512
#: Shingle sets of recently verified articles kept for the next candidate pairs.
_SHINGLED = 2048


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
        summaries = grouped.summaries()
        try:
            plans = cross.plan(summaries, grouped.copies(), settings.story)
            for story, places in sorted(plans, key=lambda p: (-len(p[1]), p[0].id)):
                members = [pile.articles[p] for p in places]
                built = cross.story_of(story, members, [summaries.summary(summaries.row_of(p)) for p in places])
                pile.stories.append(Built(built, places))
        finally:
            summaries.close()
        pile.timings["stories"] = time.perf_counter() - started


class _Copy(msgspec.Struct, array_like=True):
    """What verifying a copy reads of an article: its shingles (uint32, as bytes) and copy facts."""

    shingles: bytes
    words: bytes
    outlet: str | None
    wire: tuple[str, ...]


class _Grouped:
    """What grouping keeps of the kept articles of a pile (numbered in pile order): each one's place,
    its summary on disk (:class:`~kroscek.scale.cross.Summaries`), its sampled copy shingles as
    postings (shingle and number in one 8-byte key), and on disk what verifying its copies reads."""

    def __init__(self, folder: Path, params: CopyParams) -> None:
        self.params = params
        self.places = array("Q")
        self.found = cross.Summaries(folder)
        self.waiting: list[tuple[int, Article]] = []
        self.postings = array("Q")
        self.copied: Spill[_Copy] = Spill(folder / "shingles", _Copy)

    def add(self, place: int, article: Article) -> None:
        """Take in one kept article (at ``place`` in the pile); summaries are made a chunk at a time."""
        found = cross.shingled(article, self.params)
        number = len(self.places)
        self.postings.extend(h << 32 | number for h in found.sampled(self.params))
        self.copied.append(_Copy(found.shingles.tobytes(), *found.facts))
        self.places.append(place)
        self.waiting.append((place, article))
        if len(self.waiting) >= CHUNK:
            self._summarise()

    def _summarise(self) -> None:
        for found in cross.summaries(self.waiting):
            self.found.add(found)
        self.waiting = []

    def summaries(self) -> cross.Summaries:
        """Every kept article's summary (its seq: its place)."""
        self._summarise()
        return self.found

    def copies(self) -> list[tuple[tuple[int, int], str]]:
        """The verified copy pairs (by place, the earlier first) and their kinds: pairs proposed by
        two sampled shingles or more, each verified with what the two articles left on disk. The
        proposals are counted as 8-byte codes (number << 32 | number) sorted, not in a dict."""
        postings = np.frombuffer(self.postings, dtype=np.uint64)
        postings.sort()  # by shingle, then number: the postings' own buffer, in place
        proposals = array("Q")
        for owners in _shared(postings):
            proposals.extend(i << 32 | j for i, j in candidate_pairs(owners, self.params.crowd))
        del postings
        self.postings = array("Q")
        codes = np.frombuffer(proposals, dtype=np.uint64)
        codes.sort()
        twice = np.unique(codes[1:][codes[1:] == codes[:-1]]).tolist()  # proposed twice or more
        del codes, proposals

        @lru_cache(maxsize=_SHINGLED)
        def shingled(number: int) -> cross.Shingled:
            c = self.copied[number]
            return cross.Shingled(np.frombuffer(c.shingles, dtype=np.uint32), CopyFacts(c.words, c.outlet, c.wire))

        found = []
        for code in twice:
            i, j = code >> 32, code & _LOW
            if kind := cross.verify(shingled(i), shingled(j), self.params):
                found.append(((self.places[i], self.places[j]), kind))
        self.copied.close()
        return found


#: The low 32 bits of a posting or a proposal: an article's number.
_LOW = 0xFFFFFFFF
#: Postings looked at together when finding the shingles held by two articles or more.
_BLOCK = 1 << 20


def _shared(postings: np.ndarray) -> Iterator[list[int]]:
    """The numbers holding each shingle that two or more hold, from postings (shingle << 32 |
    number) sorted: a block at a time, each block ending where a shingle's postings end, so the
    temporary arrays stay a few megabytes however many postings there are."""
    start, size = 0, len(postings)
    while start < size:
        end = min(size, start + _BLOCK)
        if end < size and (last := int(postings[end - 1]) >> 32) < _LOW:
            end = int(np.searchsorted(postings, np.uint64((last + 1) << 32)))
        elif end < size:
            end = size
        part = postings[start:end]
        shingles = part >> np.uint64(32)
        cuts = np.flatnonzero(shingles[1:] != shingles[:-1]) + 1
        firsts, lasts = np.concatenate(([0], cuts)), np.concatenate((cuts, [len(part)]))
        many = lasts - firsts > 1
        numbers = part & np.uint64(_LOW)
        for first, last_ in zip(firsts[many].tolist(), lasts[many].tolist(), strict=True):
            yield numbers[first:last_].tolist()
        start = end
