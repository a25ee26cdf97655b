"""The cross-article layer: annotated articles in, ``Story`` records out.

Order of work: copies (``duplicates``), events (``grouping`` over articles), stories (``grouping``
over events), then inside each story its claims, quote chains and timeline. Every article ends in
exactly one event and one story; a lone article is its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import msgspec
import numpy as np
from scipy.sparse import csr_matrix

from kroscek.model import Article, Duplicate, Event, Story
from kroscek.stories.claims import find_claims
from kroscek.stories.confidence import claim_confidence, membership_confidence
from kroscek.stories.duplicates import event_ties, find_duplicates
from kroscek.stories.events import (
    SPLIT_SIZES,
    Profile,
    candidates_and_features,
    memberships,
    model_decision,
    model_probability,
    profiles,
    shipped_model,
    split_event,
)
from kroscek.stories.grouping import Rows, group, matrix_rows, reference_day
from kroscek.stories.groups import MovedOut
from kroscek.stories.params import StoryParams
from kroscek.stories.quotechains import quote_chains, translation_claims
from kroscek.stories.timeline import timeline

__all__ = [
    "Grouping",
    "Prepared",
    "StoryParams",
    "StoryPlan",
    "assemble",
    "build_stories",
    "centroids_of",
    "group_events",
    "group_prepared",
    "join_events",
    "plan_stories",
    "prepare",
    "publish_ties",
    "story_record",
    "time_order",
]


def _id(prefix: str, members: Sequence[str]) -> str:
    return prefix + hashlib.blake2b("\x00".join(sorted(members)).encode(), digest_size=5).hexdigest()


def _title(article: Article) -> str | None:
    """A group's readable title: its central article's title, else that article's first sentence."""
    if article.title:
        return article.title
    if article.sentences:
        first = " ".join(article.text[article.sentences[0].start : article.sentences[0].end].split())
        return first if len(first) <= 100 else first[: first.rfind(" ", 0, 100)] + " …"
    return None


def publish_ties(keys: Iterable[tuple[str, str | None]]) -> list[str]:
    """The ties :func:`time_order` reads of articles given as (id, publish time): the publish time,
    then the content id."""
    return [f"{published or ''}\x00{article}" for article, published in keys]


def time_order(days: Sequence[dt.date | None], ties: Sequence[str] | None = None) -> list[int]:
    """Known days first, in time order; unknown ones after. Within a day (and among the unknown)
    by ``ties`` (an article's publish time, then its content id), else input order: the same
    articles group alike whatever order they came in."""
    return sorted(range(len(days)), key=lambda i: (days[i] is None, days[i] or dt.date.min, ties[i] if ties else "", i))


def _central(rows: list[int], vectors: csr_matrix) -> int:
    """The member closest to the group's centroid (its title names the group)."""
    if len(rows) == 1:
        return rows[0]
    block = vectors[rows]
    centroid = csr_matrix(np.ones((1, len(rows)), dtype=np.float32)) @ block  # stays sparse
    scores = (block @ centroid.T).toarray().ravel()
    return rows[int(np.argmax(scores))]


class Grouping(NamedTuple):
    events: list[list[int]]  # article rows
    stories: list[list[int]]  # event rows
    duplicates: list[Duplicate]
    vectors: csr_matrix  # one row per article
    days: list[dt.date | None]  # each article's reference day
    profiles: list[Profile]  # each article's, as the same-event decision sees it


class Prepared(NamedTuple):
    """What grouping needs of a pile: profiles and term vectors, time order, copy ties, days."""

    profiles: list[Profile]
    vectors: csr_matrix  # whole-text term vectors, one row per article
    order: list[int]
    tied: dict[int, int]
    duplicates: list[Duplicate]
    days: list[dt.date | None]


def prepare(articles: Sequence[Article], params: StoryParams | None = None) -> Prepared:
    """Profile ``articles`` for grouping: copies found, reference days, term vectors, time order."""
    params = params or StoryParams()
    duplicates = find_duplicates(articles, params.copies)
    found, vectors = profiles(articles, [reference_day(a) for a in articles])
    return assemble(found, vectors, duplicates, [(a.id, a.published) for a in articles])


def assemble(
    found: list[Profile], vectors: csr_matrix, duplicates: list[Duplicate], keys: Sequence[tuple[str, str | None]]
) -> Prepared:
    """What grouping needs of a pile, from each article's profile (rows in pile order), its whole
    term vector, the copy links, and each article's id and publish time (``keys``)."""
    row_of = {article: i for i, (article, _) in enumerate(keys)}
    tied = event_ties(duplicates, row_of)
    days = [p.day for p in found]
    return Prepared(found, vectors, time_order(days, publish_ties(keys)), tied, duplicates, days)


def group_events(articles: Sequence[Article], params: StoryParams | None = None) -> Grouping:
    """Return the copies, events and stories of ``articles`` (as rows) with what they were built from."""
    params = params or StoryParams()
    return group_prepared(prepare(articles, params), params)


def group_prepared(p: Prepared, params: StoryParams | None = None) -> Grouping:
    """Return the copies, events and stories (as rows) of a pile :func:`prepare` profiled."""
    params = params or StoryParams()
    events = candidates_and_features(p.profiles, p.order, p.tied, model_decision(shipped_model()))
    centroids = matrix_rows(centroids_of(events, p.vectors))
    parts, stories = join_events(events, centroids, p.days, p.profiles, p.tied, params)
    return Grouping(parts, stories, p.duplicates, p.vectors, p.days, p.profiles)


def centroids_of(events: Sequence[list[int]], vectors: csr_matrix) -> csr_matrix:
    """Each event's centroid (its members' rows of ``vectors`` summed, unit length), a row each:
    one sparse product, (events × articles membership) @ (articles × terms). A row depends only on
    its event's members, so events taken a few at a time (with their members' rows, in the same
    order) give the same rows."""
    rows_of = np.concatenate([np.array(rows, dtype=np.int64) for rows in events])
    event_ids = np.repeat(np.arange(len(events)), [len(rows) for rows in events])
    membership = csr_matrix(
        (np.ones(len(rows_of), dtype=np.float32), (event_ids, rows_of)), shape=(len(events), vectors.shape[0])
    )
    centroids = (membership @ vectors).tocsr()
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(centroids.multiply(1 / norms[:, None]))


def join_events(
    events: Sequence[list[int]],
    centroids: Rows,
    days: Sequence[dt.date | None],
    profiles: Sequence[Profile],
    tied: dict[int, int],
    params: StoryParams,
    moved: MovedOut | None = None,
) -> tuple[list[list[int]], list[list[int]]]:
    """Events (article rows, with their ``centroids``) joined into stories, then each event split
    where its centroid chained two happenings (:func:`kroscek.stories.events.split_event`): the
    events after splitting and the stories (rows of those events). The parts stay in their event's
    story, as a store's index keeps them (stories join the events of the pass). ``moved``: where
    the story pass moves the stories it has left behind (:func:`kroscek.stories.grouping.group`)."""
    event_days = [min((d for r in rows if (d := days[r]) is not None), default=None) for rows in events]
    g = params.grouping
    order = time_order(event_days)
    stories = group(centroids, event_days, g.story_threshold, g.story_window, g.probe, order, moved)
    probability = model_probability(shipped_model())
    parts = [
        split_event([profiles[r] for r in rows], tied, probability) if len(rows) in SPLIT_SIZES else [rows]
        for rows in events
    ]
    starts = np.cumsum([0] + [len(x) for x in parts]).tolist()
    stories = [[starts[e] + k for e in story for k in range(len(parts[e]))] for story in stories]
    return [part for x in parts for part in x], stories


class StoryPlan(NamedTuple):
    """One story of a grouping, before its records are built: its id, its member rows (ascending),
    its events (id and members, as places among those rows) and the copy links among its members."""

    id: str
    rows: list[int]
    events: list[tuple[str, list[int]]]
    duplicates: list[Duplicate]


def plan_stories(
    ids: Sequence[str], events: Sequence[list[int]], stories: Sequence[list[int]], duplicates: Sequence[Duplicate]
) -> list[StoryPlan]:
    """The stories of a grouping of the articles ``ids`` (by row: ``events`` of article rows,
    ``stories`` of event rows, the copy links), each with what its record needs."""
    # Each copy link belongs to the story of its two articles (copies share an event).
    story_of_row = {r: s for s, event_rows in enumerate(stories) for e in event_rows for r in events[e]}
    row_of = {article: i for i, article in enumerate(ids)}
    links: dict[int, list[Duplicate]] = {}
    for d in duplicates:
        if story_of_row[row_of[d.a]] == story_of_row[row_of[d.b]]:
            links.setdefault(story_of_row[row_of[d.a]], []).append(d)
    plans = []
    for number, event_rows in enumerate(stories):
        rows = sorted(r for e in event_rows for r in events[e])
        place = {r: i for i, r in enumerate(rows)}
        plans.append(
            StoryPlan(
                _id("s", [ids[r] for r in rows]),
                rows,
                [(_id("e", [ids[r] for r in events[e]]), [place[r] for r in events[e]]) for e in event_rows],
                links.get(number, []),
            )
        )
    return plans


def build_stories(articles: Sequence[Article], params: StoryParams | None = None) -> list[Story]:
    """Return the stories of ``articles``, largest first."""
    if not articles:
        return []
    grouping = group_events(articles, params or StoryParams())
    out = [
        story_record(
            plan.id,
            [articles[r] for r in plan.rows],
            plan.events,
            [grouping.days[r] for r in plan.rows],
            grouping.vectors[plan.rows],
            plan.duplicates,
            [grouping.profiles[r] for r in plan.rows],
        )
        for plan in plan_stories([a.id for a in articles], grouping.events, grouping.stories, grouping.duplicates)
    ]
    return sorted(out, key=lambda s: (-len(s.article_ids), s.id))


def story_record(
    story_id: str,
    articles: Sequence[Article],
    events: Sequence[tuple[str, Sequence[int]]],
    days: Sequence[dt.date | None],
    vectors: csr_matrix,
    duplicates: Sequence[Duplicate],
    found: Sequence[Profile] | None = None,
) -> Story:
    """The story of ``articles`` (its members) in ``events`` (id and member rows), each article with
    its reference day and term vector, and the copy links among them: titles, claims, quote chains,
    timeline, and the confidence of each event's members and each claim's status (``found``: the
    articles' profiles, when the caller has them). Claim and quote chain ids are hashes of their
    places (a store carries earlier ones over)."""
    ids = [a.id for a in articles]
    if found is None and any(len(rows) > 1 for _, rows in events):
        found = profiles(articles, days)[0]
    probability = model_probability(shipped_model())
    story_events = []
    first_day = [min((day for r in rows if (day := days[r])), default=dt.date.max) for _, rows in events]
    for number in sorted(range(len(events)), key=lambda n: (first_day[n], n)):  # ties: in the order given
        event_id, rows = events[number]
        members = sorted(rows)
        known = [day for r in members if (day := days[r])]
        sure = membership_confidence(memberships([found[r] for r in members], probability) if found else [1.0])
        story_events.append(
            Event(
                id=event_id,
                title=_title(articles[_central(members, vectors)]),
                article_ids=tuple(articles[r].id for r in members),
                date=max(Counter(known).items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0].isoformat()
                if known
                else None,
                confidence=tuple(c for c in sure if c is not None),
            )
        )
    event_of = {a: ev.id for ev in story_events for a in ev.article_ids}
    claims, set_aside = find_claims(articles, event_of, days, duplicates)
    chains = quote_chains(articles, days)
    return Story(
        id=story_id,
        title=_title(articles[_central(list(range(len(articles))), vectors)]),
        article_ids=tuple(ids),
        events=tuple(story_events),
        duplicates=tuple(duplicates),
        claims=tuple(
            msgspec.structs.replace(
                c, id=_id("c", [f"{v.article_id}:{v.start}" for v in c.values]), confidence=claim_confidence(c.status)
            )
            for c in claims
        )
        + tuple(  # what a translation changes: no calibrated confidence (the figures' does not carry over)
            msgspec.structs.replace(c, id=_id("c", [f"{v.article_id}:{v.start}" for v in c.values]))
            for c in translation_claims(articles, days, chains)
        ),
        set_aside=tuple(set_aside),
        quote_chains=tuple(
            msgspec.structs.replace(q, id=_id("q", [f"{e.article_id}:{e.start}" for e in q.quotes])) for q in chains
        ),
        timeline=tuple(timeline(articles)),
    )
