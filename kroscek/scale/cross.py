"""The cross-article layer in the pieces a cluster runs apart, each a plain function of few records.

:func:`kroscek.analysis.cross_article` holds the whole pile; these pieces never do. Each article is
known by its ``seq``, its place in the input (:func:`seq_of`), which orders the pile as one
process reads it, so every step gives what the one-process layer gives on the same pile:

1. per article, where it is: the stages (:func:`annotate`), then the speakers it names
   (:func:`kroscek.stories.entities.with_speakers`); its :class:`~kroscek.stories.entities.NameCounts`,
   which add up over any split of the pile, give the name mapping;
2. per revision key (URL, else record id), the versions of one article (:func:`revisions`);
3. per article again: its names and version (:func:`finish`), then what grouping needs of it, a
   :class:`Summary` (profile, term vector, day, id: a few kilobytes, not its text or layers), and
   its copy shingles (:func:`shingled`);
4. per sampled shingle, the candidate copy pairs (:func:`kroscek.stories.duplicates.candidate_pairs`),
   counted per pair, and each pair proposed twice verified by containment (:func:`verify`);
5. on one machine, from the summaries (on its disk: :class:`Summaries`) and the verified pairs
   only: events and stories, in the passes over time :func:`kroscek.stories.build.group_prepared`
   makes, what they leave behind moved to disk (:func:`plan`);
6. per story, from its members: its record (claims, quote chains, timeline; :func:`story_of`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import NamedTuple

import msgspec
import numpy as np
from scipy.sparse import csr_matrix

from kroscek.model import Article, Story, revision_key
from kroscek.pipeline import BATCH, Pipeline
from kroscek.scale.spill import Spill
from kroscek.stories.build import (
    StoryPlan,
    centroids_of,
    join_events,
    plan_stories,
    publish_ties,
    story_record,
    time_order,
)
from kroscek.stories.duplicates import (
    CopyFacts,
    copy_facts,
    copy_kind,
    copy_links,
    event_ties,
    overlap,
    publish_order,
    shingles,
)
from kroscek.stories.entities import renamed, with_speakers
from kroscek.stories.events import (
    Profile,
    candidates_and_features,
    model_decision,
    profiles,
    publish_hours,
    shipped_model,
    text_vectors,
)
from kroscek.stories.grouping import reference_day
from kroscek.stories.groups import MovedOut
from kroscek.stories.params import CopyParams, StoryParams
from kroscek.stories.revisions import folded, mark_revisions
from kroscek.stories.terms import BUCKETS

__all__ = [
    "Shingled",
    "Summaries",
    "Summary",
    "Version",
    "annotate",
    "finish",
    "plan",
    "revisions",
    "seq_of",
    "shingled",
    "story_of",
    "summaries",
    "verify",
    "version",
]

#: Records one input file may hold (a seq is the file's number, then the record's).
_RECORD_BITS = 40


def seq_of(file: int, record: int) -> int:
    """The place of record ``record`` (from 0) of input file ``file`` (from 0): input order."""
    return (file << _RECORD_BITS) | record


def annotate(pipeline: Pipeline, items: Iterable[tuple[int, Article]]) -> Iterator[tuple[int, Article]]:
    """The articles through the pipeline's stages, a batch at a time (a stage's failure is a warning
    on its article), each with the speakers its quotes name among its entities."""
    source = iter(items)
    while batch := list(islice(source, BATCH)):
        done = pipeline.run_batch_safe([a for _, a in batch])
        for (seq, _), (article, _) in zip(batch, done, strict=True):
            yield seq, with_speakers(article)


class Version(NamedTuple):
    """What telling versions of one article apart reads of each: its place, id and text's digest."""

    seq: int
    id: str
    digest: str


def version(seq: int, article: Article) -> tuple[str, Version] | None:
    """The article's revision key and :class:`Version`; None when it has no key (no URL, no record id)."""
    key = revision_key(article)
    if key is None:
        return None
    digest = hashlib.blake2b(folded(article.raw).encode("utf-8", "surrogatepass"), digest_size=16)
    return key, Version(seq, article.id, digest.hexdigest())


def revisions(key: str, versions: Iterable[Version]) -> list[tuple[int, str]]:
    """Of the versions of one article (its key's), each that is a new version and the one before it
    (as (seq, previous id)), by :func:`kroscek.stories.revisions.mark_revisions` in input order."""
    ordered = sorted(versions)
    if len(ordered) < 2:
        return []
    # Stand-ins: the rule compares folded texts, which their digests stand for.
    stand_ins = [Article(id=v.id, source="", name="", raw=v.digest, url=key) for v in ordered]
    marked = mark_revisions(stand_ins)
    return [(v.seq, m.revision_of) for v, m in zip(ordered, marked, strict=True) if m.revision_of]


def finish(article: Article, mapping: dict[str, str], previous: str | None) -> Article:
    """The article with the pile's names (``mapping``) and the version it replaces (``previous``)."""
    article = renamed(article, mapping)
    return article if previous is None else msgspec.structs.replace(article, revision_of=previous)


class Summary(NamedTuple):
    """What grouping needs of one article: its place, id, publish time, profile (its row is set
    where the pile is put together) and whole term vector (columns and weights)."""

    seq: int
    id: str
    published: str | None
    profile: Profile
    columns: np.ndarray
    weights: np.ndarray


def summaries(items: Sequence[tuple[int, Article]]) -> list[Summary]:
    """The :class:`Summary` of each article."""
    articles = [a for _, a in items]
    found, vectors = profiles(articles, [reference_day(a) for a in articles])
    out = []
    for row, ((seq, article), profile) in enumerate(zip(items, found, strict=True)):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        columns, weights = vectors.indices[start:end].copy(), vectors.data[start:end].copy()
        out.append(Summary(seq, article.id, article.published, profile, columns, weights))
    return out


class Shingled(NamedTuple):
    """An article's copy shingles and what the kind of a copy reads of it."""

    shingles: np.ndarray
    facts: CopyFacts

    def sampled(self, params: CopyParams) -> list[int]:
        """The shingles that propose candidates (one in ``params.sample``, by hash)."""
        s = self.shingles
        return [int(h) for h in s[s % params.sample == 0]]


def shingled(article: Article, params: CopyParams) -> Shingled:
    """The :class:`Shingled` of ``article``."""
    return Shingled(shingles(article.text, params.k), copy_facts(article))


def verify(a: Shingled, b: Shingled, params: CopyParams) -> str | None:
    """The kind of copy two candidates are, or None when the smaller is not contained enough in the other."""
    jaccard, containment = overlap(a.shingles, b.shingles)
    return copy_kind(a.facts, b.facts, jaccard, params) if containment >= params.contained else None


def _matrix(found: Sequence[Summary]) -> csr_matrix:
    """The whole term vectors of summarised articles, one row each."""
    return csr_matrix(
        (
            np.concatenate([s.weights for s in found]),
            np.concatenate([s.columns for s in found]),
            np.cumsum([0] + [len(s.columns) for s in found]),
        ),
        shape=(len(found), BUCKETS),
    )


class _Stored(msgspec.Struct, array_like=True):
    """A :class:`Summary` as :class:`Summaries` writes it (its arrays as bytes)."""

    seq: int
    id: str
    published: str | None
    text: tuple[bytes, bytes]
    head: tuple[bytes, bytes]
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]
    lead_names: tuple[str, ...]
    figures: tuple[str, ...]
    days: tuple[dt.date, ...]
    day: dt.date | None
    lead_figures: tuple[str, ...]
    english: bool
    columns: bytes  # int32
    weights: bytes  # float32
    month_days: tuple[tuple[int, int, int], ...]
    occasion: tuple[bytes, bytes]


def _sparse(pair: tuple[bytes, bytes]) -> tuple[array[int], array[float]]:
    columns, weights = array("i"), array("f")
    columns.frombytes(pair[0])
    weights.frombytes(pair[1])
    return columns, weights


class _Vector(msgspec.Struct, array_like=True):
    """One row of a sparse matrix: its columns (int32) and weights (float32) as bytes."""

    columns: bytes
    weights: bytes

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.frombuffer(self.columns, np.int32), np.frombuffer(self.weights, np.float32)


#: Events whose centroids are made together (with their members' rows read back).
_CENTROIDS = 512


class Summaries:
    """The summaries of a pile's kept articles on disk, added in any order; planning reads them by
    row (seq order). In memory stay what the whole pass needs of each: its seq, id, publish time and
    reference day (~200 bytes). Lives in ``folder`` until :meth:`close`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._spill: Spill[_Stored] = Spill(folder / "summaries", _Stored)
        self._seqs = array("q")
        self._ids: list[str] = []
        self._published: list[str | None] = []
        self._days = array("i")  # ordinals, 0: unknown
        self._places: np.ndarray | None = None  # by row, the place each was written at
        self._sorted: np.ndarray | None = None  # by row, its seq

    def add(self, summary: Summary) -> None:
        """Write one summary (its vector's arrays as int32 and float32)."""
        p = summary.profile
        day = p.day.toordinal() if p.day else 0
        record = _Stored(
            summary.seq,
            summary.id,
            summary.published,
            (p.text[0].tobytes(), p.text[1].tobytes()),
            (p.head[0].tobytes(), p.head[1].tobytes()),
            p.people,
            p.organisations,
            p.places,
            p.lead_names,
            p.figures,
            p.days,
            p.day,
            p.lead_figures,
            p.english,
            summary.columns.astype(np.int32).tobytes(),
            summary.weights.astype(np.float32).tobytes(),
            p.month_days,
            (p.occasion[0].tobytes(), p.occasion[1].tobytes()),
        )
        self._spill.append(record)
        self._seqs.append(summary.seq)
        self._ids.append(summary.id)
        self._published.append(summary.published)
        self._days.append(day)
        self._places = self._sorted = None

    def __len__(self) -> int:
        return len(self._spill)

    def _by_row(self) -> np.ndarray:
        if self._places is None:
            self._places = np.argsort(np.frombuffer(self._seqs, np.int64), kind="stable")
        return self._places

    def seqs(self) -> np.ndarray:
        """Each row's seq (ascending)."""
        if self._sorted is None:
            self._sorted = np.frombuffer(self._seqs, np.int64)[self._by_row()]
        return self._sorted

    def keys(self) -> tuple[np.ndarray, list[str], list[str | None], list[dt.date | None]]:
        """By row: the seqs, ids, publish times and reference days."""
        places = self._by_row()
        days = np.frombuffer(self._days, np.int32)[places].tolist()
        return (
            self.seqs(),
            [self._ids[p] for p in places],
            [self._published[p] for p in places],
            [dt.date.fromordinal(d) if d else None for d in days],
        )

    def row_of(self, seq: int) -> int:
        """The row of the summary of ``seq``."""
        return int(np.searchsorted(self.seqs(), seq))

    def summary(self, row: int) -> Summary:
        """The summary at ``row``, its profile's row set to it."""
        s = self._spill[int(self._by_row()[row])]
        columns, weights = _Vector(s.columns, s.weights).arrays()
        profile = Profile(
            row,
            _sparse(s.text),
            _sparse(s.head),
            s.people,
            s.organisations,
            s.places,
            s.lead_names,
            s.figures,
            s.days,
            s.day,
            s.lead_figures,
            s.english,
            publish_hours(s.published),
            s.month_days,
            _sparse(s.occasion),
        )
        return Summary(s.seq, s.id, s.published, profile, columns, weights)

    def profiles(self) -> Sequence[Profile]:
        """The profiles by row, each read when asked for."""
        return _Profiles(self)

    def vectors(self, rows: Sequence[int]) -> csr_matrix:
        """The term vectors of ``rows``, a row each."""
        return _matrix([self.summary(r) for r in rows])

    def extend(self, found: Iterable[Summary]) -> Summaries:
        """Write every summary of ``found``; return these summaries."""
        for summary in found:
            self.add(summary)
        return self

    def close(self) -> None:
        self._spill.close()

    def __enter__(self) -> Summaries:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _Profiles(Sequence[Profile]):
    """The profiles of :class:`Summaries` by row, read from disk when asked for."""

    def __init__(self, summaries: Summaries) -> None:
        self._summaries = summaries

    def __len__(self) -> int:
        return len(self._summaries)

    def __getitem__(self, row: int) -> Profile:  # type: ignore[override]
        return self._summaries.summary(row).profile


def _centroids(summaries: Summaries, events: Sequence[list[int]], into: Spill[_Vector]) -> None:
    """Each event's centroid written to ``into`` (a record per event, in order), made
    :data:`_CENTROIDS` events at a time from their members' vectors read back."""
    for start in range(0, len(events), _CENTROIDS):
        chunk = events[start : start + _CENTROIDS]
        rows = sorted({r for members in chunk for r in members})
        local = {r: i for i, r in enumerate(rows)}  # in row order: the same sums, in the same order
        found = centroids_of([[local[r] for r in members] for members in chunk], summaries.vectors(rows))
        for e in range(len(chunk)):
            begin, end = found.indptr[e], found.indptr[e + 1]
            into.append(_Vector(found.indices[begin:end].astype(np.int32).tobytes(), found.data[begin:end].tobytes()))


def plan(
    summaries: Summaries, kinds: Iterable[tuple[tuple[int, int], str]], params: StoryParams
) -> list[tuple[StoryPlan, list[int]]]:
    """The stories of a pile from its summaries (on disk) and its verified copy pairs (by seq, the
    earlier first): each story's plan and the seqs of its members (the plan's rows, in order).

    What :func:`kroscek.stories.build.group_prepared` does, with the profiles, vectors and event
    centroids read from disk as the passes come to them, and the events and stories each pass has
    left behind moved to disk (:class:`~kroscek.stories.groups.MovedOut`): what stays in memory
    is a few hundred bytes an article and the events and stories near in time."""
    if not len(summaries):
        return []
    seqs, ids, published, days = summaries.keys()
    pairs = dict(sorted(((summaries.row_of(i), summaries.row_of(j)), kind) for (i, j), kind in kinds))
    duplicates = copy_links([publish_order(p, i) for p, i in zip(published, ids, strict=True)], pairs)
    row_of = {ids[r]: r for pair in pairs for r in pair}
    tied = event_ties(duplicates, row_of)
    order = time_order(days, publish_ties(zip(ids, published, strict=True)))
    profiles = summaries.profiles()
    moved_events = MovedOut(summaries.folder / "moved-events")
    moved_stories = MovedOut(summaries.folder / "moved-stories")
    centroids: Spill[_Vector] = Spill(summaries.folder / "centroids", _Vector)
    try:
        events = candidates_and_features(profiles, order, tied, model_decision(shipped_model()), moved_events)
        moved_events.close()
        _centroids(summaries, events, centroids)
        parts, stories = join_events(
            events, lambda e: centroids[e].arrays(), days, profiles, tied, params, moved_stories
        )
    finally:
        moved_events.close()
        moved_stories.close()
        centroids.close()
    return [(p, [int(seqs[r]) for r in p.rows]) for p in plan_stories(ids, parts, stories, duplicates)]


def story_of(
    story: StoryPlan,
    members: Sequence[Article],
    found: Sequence[Summary] | None = None,
    vectors: csr_matrix | None = None,
) -> Story:
    """The record of a planned story from its members (in the plan's order); their term vectors and
    profiles are taken from their summaries (``found``, in the same order; the vectors from
    ``vectors``, a row each, when given) when given, else made."""
    if found is None:
        days = [reference_day(a) for a in members]
        return story_record(story.id, members, story.events, days, text_vectors(members), story.duplicates)
    vectors = _matrix(found) if vectors is None else vectors
    days = [s.profile.day for s in found]
    return story_record(story.id, members, story.events, days, vectors, story.duplicates, [s.profile for s in found])
