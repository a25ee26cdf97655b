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
5. on one machine, from the summaries and the verified pairs only: events and stories, one pass
   over time as :func:`kroscek.stories.build.group_prepared` makes it (:func:`plan`);
6. per story, from its members: its record (claims, quote chains, timeline; :func:`story_of`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import NamedTuple

import msgspec
import numpy as np
from scipy.sparse import csr_matrix

from kroscek.model import Article, Story, revision_key
from kroscek.pipeline import BATCH, Pipeline
from kroscek.stories.build import StoryPlan, assemble, group_prepared, plan_stories, story_record
from kroscek.stories.duplicates import CopyFacts, copy_facts, copy_kind, copy_links, overlap, shingles
from kroscek.stories.entities import renamed, with_speakers
from kroscek.stories.events import Profile, profiles, text_vectors
from kroscek.stories.grouping import reference_day
from kroscek.stories.params import CopyParams, StoryParams
from kroscek.stories.revisions import folded, mark_revisions
from kroscek.stories.terms import BUCKETS

__all__ = [
    "Shingled",
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


def plan(
    found: Iterable[Summary],
    kinds: Iterable[tuple[tuple[int, int], str]],
    params: StoryParams,
    vectors: csr_matrix | None = None,
) -> list[tuple[StoryPlan, list[int]]]:
    """The stories of a pile from its summaries and its verified copy pairs (by seq, the earlier
    first): each story's plan and the seqs of its members (the plan's rows, in order). A caller
    that holds the term vectors as one matrix gives it as ``vectors`` (a row per summary, ``found``
    in seq order); the summaries' own arrays are then not read."""
    ordered = sorted(found, key=lambda s: s.seq)
    if not ordered:
        return []
    row_of = {s.seq: i for i, s in enumerate(ordered)}
    vectors = _matrix(ordered) if vectors is None else vectors
    pairs = dict(sorted(((row_of[i], row_of[j]), kind) for (i, j), kind in kinds))
    duplicates = copy_links([(s.published or "9999", s.id) for s in ordered], pairs)
    prepared = assemble(
        [s.profile._replace(row=i) for i, s in enumerate(ordered)],
        vectors,
        duplicates,
        [(s.id, s.published) for s in ordered],
    )
    grouping = group_prepared(prepared, params)
    return [(p, [ordered[r].seq for r in p.rows]) for p in plan_stories([s.id for s in ordered], grouping)]


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
