"""The story index: a store's cross-article state, updated by the articles it has not placed yet.

The index keeps what grouping needs between runs (each in the store, :data:`kroscek.store.sqlite.INDEX_TABLES`):
each placed article's number, event and story; each event's running profile sums and each story's
centroid (:mod:`kroscek.stories.events`, :mod:`kroscek.stories.grouping`), with the inverted indexes
from term to the most recent events and stories holding it; the sampled copy shingles of every
article; and the canonical names given so far. :func:`update` places the new articles the same way
one pass over a pile does (:func:`kroscek.stories.build.build_stories`): in time order, each against
the candidate events the index proposes, reading from the store only the index entries, events and
copies those articles touch. Events opened by the new articles then join stories. Only the stories
that gained articles are built again (their claims, quote chains, timeline); every other story is
left as it was, so an insert costs what the new articles and their stories cost, not the store.
The index keeps the events of the pass; a story built again splits each of its events as one pass
does (:func:`kroscek.stories.events.split_event`, from its members' profiles), so its parts stay in
its story and an event left alone keeps its parts.

Ids are given once and kept: an event is named after the article that opened it, a story after its
first event's; claims and quote chains carry theirs over (:mod:`kroscek.stories.identity`). New
names are linked to the names the store already gives (a known name always wins, so no stored
article is renamed). What the index never does is undo: two stories a new article would bridge stay
two, and an event's story keeps the centroid it had when it joined. :func:`restory` rebuilds the
whole index and every story from the articles (after a change of ``[story]`` settings, or to let
such stories merge); the ids it replaces redirect to their survivors.

A new version of an article (``revision_of``, :mod:`kroscek.stories.revisions`) stands for it: the
previous version's event is taken apart and placed again without it, its story is built again
without it, its copy shingles leave the index, and it stays in the store placed nowhere (its
index row names no event and no story). The ``article-revised`` change says what the new version
changed; the claims of its story are checked again as any update checks them.

An update runs in one transaction: a kill leaves the index and the stories as they were, and the
next update places the same articles again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from functools import partial

import msgspec
import numpy as np
from scipy.sparse import csr_matrix, vstack

from kroscek.annotate.entities import name_key
from kroscek.model import Article, Change, Correction, Duplicate, Story
from kroscek.store.sqlite import IndexRows, Store, as_stored
from kroscek.stories.build import _id, publish_ties, story_record, time_order
from kroscek.stories.corrections import Constraints, check, fix_articles, fix_story
from kroscek.stories.duplicates import (
    copy_facts,
    copy_kind,
    event_ties,
    find_duplicates,
    overlap,
    publish_order,
    same_report,
    shingles,
)
from kroscek.stories.entities import link_entities, name_usage
from kroscek.stories.events import (
    SPLIT_SIZES,
    EventIndex,
    Profile,
    feature_rows,
    model_decision,
    model_probability,
    profiles,
    shipped_model,
    split_event,
    text_vectors,
)
from kroscek.stories.grouping import GroupIndex, reference_day
from kroscek.stories.groups import connected_groups
from kroscek.stories.identity import carry_ids, changes
from kroscek.stories.params import StoryParams
from kroscek.stories.revisions import revised

__all__ = ["HOPS", "NAMES_PER_WORD", "NEAR", "REGROUP", "correct", "restory", "update"]

#: Events up to this many articles are taken apart and placed again when new articles come near
#: them; a bigger one stays as it is (its new neighbours are compared with it).
REGROUP = 200
#: The probability from which an event the new article could join belongs to its neighbourhood.
NEAR = 0.02
#: Known names a new name is compared with per word it shares with them (the most used): "Muhammad"
#: begins thousands of names in a big store, and linking stays bounded.
NAMES_PER_WORD = 50
#: How far the neighbourhood reaches: the events near the new articles (1), and near their members (2).
HOPS = 2


def update(store: Store, params: StoryParams | None = None) -> int:
    """Place every article of ``store`` the index has not placed, ``params.index_batch`` at a time
    in the order they were added, each batch committed; return how many it placed."""
    params = params or StoryParams()
    placed = 0
    while True:
        with store.transaction():
            pending = store.unindexed(params.index_batch)
            if not pending:
                return placed
            corrections = store.corrections()
            _Update(store, params, [_as_stored(a) for a in pending], corrections).run()
            check(store, corrections)
        placed += len(pending)
        if len(pending) < params.index_batch:
            return placed


def restory(store: Store, params: StoryParams | None = None) -> int:
    """Rebuild the index and every story from the store's articles; return the number of stories.

    Earlier ids are carried over to the stories, events, claims and quote chains that hold their
    members; those merged away redirect (:func:`kroscek.stories.identity.carry_ids`).
    """
    with store.transaction():
        store.save_index(IndexRows(), fresh=True)
        update(store, params)
        return store.counts()["stories"]


def correct(store: Store, correction: Correction, params: StoryParams | None = None) -> Correction:
    """Record an analyst's ``correction`` and rebuild the stories with it (:func:`restory`), in one
    transaction; return it with the number the store gave it. Every later update obeys it too."""
    with store.transaction():
        kept = store.add_correction(correction)
        restory(store, params)
    return kept


def _as_stored(article: Article) -> Article:
    """The article under the id the store's tables hold (a NUL in an id is kept as U+FFFD there)."""
    stored = as_stored(article.id)
    return article if stored == article.id else msgspec.structs.replace(article, id=stored)


def _split(
    articles: list[Article],
    days: list[dt.date | None],
    copies: Sequence[Duplicate],
    rows: dict[str, list[int]],
    bound: Sequence[Sequence[str]] = (),
) -> tuple[list[tuple[str, list[int]]], csr_matrix, list[Profile] | None]:
    """A story's events (id -> rows of ``articles``, its members by number) split as one pass splits
    them (:func:`kroscek.stories.events.split_event`, members in time order), with the articles' term
    vectors. The index keeps the event of the pass; the part holding its earliest member keeps its
    id, the others are named after it and their members. Profiles are made only when an event is
    of a size that splits (and come back with them, else None). A copy stays with its original,
    and articles a correction binds (``bound``) stay together."""
    if not any(len(r) in SPLIT_SIZES for r in rows.values()):
        return list(rows.items()), text_vectors(articles), None
    found, vectors = profiles(articles, days)
    position = {a.id: r for r, a in enumerate(articles)}
    tied = event_ties(copies, position)
    if bound:
        tied = _kept_together(tied, [[position[a] for a in group if a in position] for group in bound], rows)
    order = {r: n for n, r in enumerate(time_order(days, publish_ties((a.id, a.published) for a in articles)))}
    probability = model_probability(shipped_model())
    out: list[tuple[str, list[int]]] = []
    for key, members in rows.items():
        joined = sorted(members, key=order.__getitem__)
        for part in sorted(split_event([found[r] for r in joined], tied, probability), key=min):
            first = min(part) == min(members)
            out.append((key if first else _id("e", [key, *(articles[r].id for r in part)]), sorted(part)))
    return out, vectors, found


def _kept_together(tied: dict[int, int], bound: list[list[int]], rows: dict[str, list[int]]) -> dict[int, int]:
    """Copy ties and bound groups as one tie from each row to the first row of what it must stay
    with in its event (a split keeps a row with the row it is tied to)."""
    event_of = {r: key for key, members in rows.items() for r in members}
    links = [(a, b) for a, b in tied.items() if event_of.get(a) == event_of.get(b)]
    links += [(g[0], r) for g in bound for r in g[1:] if event_of.get(g[0]) == event_of.get(r)]
    size = 1 + max((r for pair in links for r in pair), default=0)
    return {r: min(g) for g in connected_groups(size, links) for r in g if r != min(g)}


class _FromStore:
    """What an index of events or of stories reads from the store (and, for events, each one's story)."""

    def __init__(self, store: Store, kind: str, story_of: dict[Hashable, Hashable] | None = None) -> None:
        self.store, self.kind, self.story_of = store, kind, story_of

    def terms(self, columns: Sequence[int], per_term: int) -> dict[int, list[Hashable]]:
        return {c: list(keys) for c, keys in self.store.index_terms(self.kind, columns, per_term).items()}

    def states(self, keys: Sequence[Hashable]) -> dict[Hashable, bytes]:
        found: dict[Hashable, bytes] = {}
        for key, (story, state) in self.store.index_groups([str(k) for k in keys]).items():
            if self.story_of is not None:
                self.story_of[key] = story
            found[key] = state
        return found


class _Update:
    """One update: the new articles (``batch``, in the order they were added) placed and written."""

    def __init__(
        self, store: Store, params: StoryParams, batch: list[Article], corrections: Sequence[Correction] = ()
    ) -> None:
        self.store, self.params, self.corrections = store, params, corrections
        # Previous versions of the batch's articles: placed nowhere from now on (see the module docstring).
        self.superseded = {a.revision_of for a in batch if a.revision_of}
        self.gone = [a for a in batch if a.id in self.superseded]  # replaced before they were placed
        self.batch = [a for a in batch if a.id not in self.superseded]
        self.base = store.indexed()
        self.fresh = self.base == 0
        self.rows = IndexRows()
        self.near: set[Hashable] = set()  # the events taken apart

    def run(self) -> None:
        batch = fix_articles(self._link_names(), self.corrections)
        story_of: dict[Hashable, Hashable] = {}
        loader = None if self.fresh else _FromStore(self.store, "event", story_of)
        events = EventIndex(model_decision(shipped_model()), loader, keep_added=True)
        # The neighbourhood: the events the new articles would be compared with (and their copies'
        # events). They are taken apart and placed again with the new articles, in time order, as
        # one pass over the whole pile would have placed them; only events too big to move stay.
        probes, batch_vectors = profiles(batch, [reference_day(a) for a in batch])
        originals = self._originals(batch)
        previous = {} if self.fresh else self.store.index_placed(sorted(self.superseded))
        moved, profiled = ([], {}) if self.fresh else self._neighbourhood(events, probes, originals, previous)
        near: set[Hashable] = {m[2] for m in moved}
        moved.sort(key=lambda m: m[1])
        self.near = near
        before_story = {k: story_of.pop(k) for k in near}
        for k in near:
            events.groups.pop(k, None)  # a group the index read and forgot again is not in memory
        events.dropped = set(near)
        # The pile: the new articles, then the moved ones (profiled while the neighbourhood was sought).
        pile = batch + [profiled[m[0]][0] for m in moved]
        numbers = [self.base + i for i in range(len(batch))] + [m[1] for m in moved]
        old_event = {m[0]: m[2] for m in moved}
        found = [
            p._replace(row=n) for p, n in zip([*probes, *(profiled[m[0]][1] for m in moved)], numbers, strict=True)
        ]
        vectors = vstack([batch_vectors, *(profiled[m[0]][2] for m in moved)], format="csr")
        days = [p.day for p in found]
        row_of = {a.id: i for i, a in enumerate(pile)}
        tied = event_ties(find_duplicates(pile, self.params.copies), row_of)
        # copies of articles left in place, and not rewrites (a report of its own: placed like any article)
        outside = {r: o for r, (o, same) in originals.items() if same and o not in row_of}
        placed_outside = self.store.index_placed(sorted(set(outside.values()))) if outside else {}
        # Events: the pile in time order, against the candidates the index proposes, as the
        # analysts' corrections bind them and keep them apart.
        event_of: dict[str, Hashable] = {}
        opened: dict[Hashable, list[int]] = {}  # events this pass opened -> their rows
        rules, elsewhere = self._constraints(row_of)

        def event_where(article: str) -> Hashable | None:
            if article in row_of:
                return event_of.get(article)
            return elsewhere[article][0] if article in elsewhere else None

        for row in time_order(days, publish_ties((a.id, a.published) for a in pile)):
            if row in tied:
                chosen = event_of.get(pile[tied[row]].id)
            else:
                chosen = placed_outside[outside[row]][0] if outside.get(row) in placed_outside else None
            forbidden = rules.forbidden(pile[row].id, event_where)
            chosen = rules.must_event(pile[row].id, event_where) or chosen
            if chosen in forbidden:
                chosen = None
            key = events.place(found[row], chosen, partial(_id, "e", [pile[row].id]), forbidden)
            event_of[pile[row].id] = key
            if key not in story_of:
                opened.setdefault(key, []).append(row)
        # Stories: an event formed again keeps the story most of its members had; the events new
        # articles opened join stories in time order, each by its members' summed vector.
        g = self.params.grouping
        stories = GroupIndex(
            g.story_threshold,
            g.story_window,
            g.probe,
            None if self.fresh else _FromStore(self.store, "story"),
            keep_added=True,
        )
        keys = []
        for key, rows in opened.items():
            had = Counter(before_story[old_event[pile[r].id]] for r in rows if pile[r].id in old_event)
            if had:
                story_of[key] = max(had.items(), key=lambda item: (item[1], str(item[0])))[0]
            else:
                keys.append(key)
        event_days = [min((d for r in opened[k] if (d := days[r])), default=None) for k in keys]

        def story_where(article: str) -> Hashable | None:
            if article in row_of:
                return story_of.get(event_of[article]) if article in event_of else None
            return elsewhere[article][1] if article in elsewhere else None

        for n in time_order(event_days):
            key, rows = keys[n], opened[keys[n]]
            centroid = np.asarray(vectors[rows].sum(axis=0)).ravel()
            columns = np.flatnonzero(centroid)
            values = centroid[columns] / (float(np.linalg.norm(centroid)) or 1.0)
            first = min(rows, key=lambda r: numbers[r])
            bound = rules.must_story([pile[r].id for r in rows], story_where)
            story_of[key] = stories.place(
                numbers[first], columns, values, event_days[n], bound, partial(_id, "s", [pile[first].id])
            )
        left = {str(s) for s in before_story.values()} | {s for _, s in previous.values()}
        self._write(pile, numbers, days, event_of, story_of, events, stories, left, rules)

    def _constraints(self, row_of: dict[str, int]) -> tuple[Constraints, dict[str, tuple[str, str]]]:
        """The grouping corrections as constraints on the articles the store holds now, and where the
        index placed those of them left out of this pass (event, story)."""
        named = sorted({a for c in self.corrections for a in (*c.target.articles, *c.target.other, *c.target.former)})
        if not named:
            return Constraints((), set()), {}
        placed = {} if self.fresh else self.store.index_placed([a for a in named if a not in row_of])
        placed = {a: where for a, where in placed.items() if a not in self.superseded}
        present = {a for a in named if a in row_of} | set(placed)
        return Constraints(self.corrections, present), placed

    def _neighbourhood(
        self,
        events: EventIndex,
        probes: list[Profile],
        originals: dict[int, tuple[str, bool]],
        previous: dict[str, tuple[str, str]],
    ) -> tuple[list[tuple[str, int, str, str]], dict[str, tuple[Article, Profile, csr_matrix]]]:
        """The placed articles of the events near the new ones (``probes``) and near the articles
        those hold (:data:`HOPS`), with their copies' events and the events of the versions they
        replace (``previous``, which are left out); events over :data:`REGROUP` stay. Each article
        read comes with its profile and term vector."""
        events.prefetch_for(probes)
        copied = sorted({o for o, _ in originals.values()})
        near: set[Hashable] = {event for event, _ in self.store.index_placed(copied).values()}
        near.update(event for event, _ in previous.values())
        profiled: dict[str, tuple[Article, Profile, csr_matrix]] = {}
        moved: list[tuple[str, int, str, str]] = []
        frontier = probes
        for _ in range(HOPS):
            for profile in frontier:
                near.update(self._near(events, profile))
            events.load(near)
            near = {k for k in near if k in events.groups and len(events.groups[k].members) <= REGROUP}
            moved = self.store.index_members(sorted(map(str, near)), of="event") if near else []
            moved = [m for m in moved if m[0] not in self.superseded]
            read = self._articles([m[0] for m in moved if m[0] not in profiled])
            frontier, matrix = profiles(read, [reference_day(a) for a in read])
            profiled.update({a.id: (a, p, matrix[i]) for i, (a, p) in enumerate(zip(read, frontier, strict=True))})
        return moved, profiled

    def _near(self, events: EventIndex, profile: Profile) -> list[Hashable]:
        """The events whose articles could go another way once ``profile``'s article is placed: those
        it could join (probability over :data:`NEAR`), and any sharing its terms that holds an
        undated article (placed last in time order, such an article may go to any event)."""
        found = events.candidates(profile)
        if found:
            p = shipped_model().probabilities(feature_rows(profile, [events.groups[e] for e in found]))
            found = [e for e, q in zip(found, p, strict=True) if q >= NEAR]
        return found + [e for e in events.candidates(profile, anytime=True) if events.groups[e].undated]

    def _articles(self, ids: Sequence[str]) -> list[Article]:
        return [_as_stored(a) for a in self.store.articles(ids)]

    def _link_names(self) -> list[Article]:
        """The batch with its names linked among themselves and to the names the store gives."""
        keys = {name_key(e.canonical) for a in self.batch for e in a.entities if e.canonical}
        words = {w for key in keys for w in key.split()}
        known = {} if self.fresh else self.store.known_names(sorted(keys), sorted(words), NAMES_PER_WORD)
        linked = link_entities(self.batch, known)
        using, labels = name_usage(linked)
        for form, n in using.items():
            label, before = known.get(form, (labels[form], 0))
            self.rows.names[form] = (name_key(form), label, before + n)
            self.rows.words += [(w, form) for w in dict.fromkeys(name_key(form).split())]
        return linked

    def _originals(self, batch: list[Article]) -> dict[int, tuple[str, bool]]:
        """Each copy in the batch, the earliest article it copies (in the batch or the store) and
        whether it carries that article's report (:func:`~kroscek.stories.duplicates.same_report`)."""

        p = self.params.copies
        earliest: dict[int, tuple[Article, bool]] = {}
        row_of = {a.id: i for i, a in enumerate(batch)}
        for d in find_duplicates(batch, p):
            earliest[row_of[d.b]] = (batch[row_of[d.a]], same_report(d.kind))
        sets = [shingles(a.text, p.k) for a in batch]
        sampled = [s[s % p.sample == 0] for s in sets]
        self.rows.shingles = [(int(h), self.base + i) for i, s in enumerate(sampled) for h in s.tolist()]
        if not self.fresh:
            owners = self.store.shingle_owners(sorted({h for h, _ in self.rows.shingles}), p.crowd)
            shared = [Counter(o for h in s.tolist() for o in owners.get(h, ())) for s in sampled]
            wanted = sorted({o for counts in shared for o, n in counts.items() if n >= 2})
            stored = {a.id: (a, shingles(a.text, p.k)) for a in self._articles(wanted)}
            for row, counts in enumerate(shared):
                for other, n in counts.items():
                    if n < 2 or other not in stored:
                        continue
                    article, theirs = stored[other]
                    jaccard, containment = overlap(sets[row], theirs)
                    if containment >= p.contained:
                        now = earliest.get(row)
                        if now is None or publish_order(article.published, article.id) < publish_order(
                            now[0].published, now[0].id
                        ):
                            kind = copy_kind(copy_facts(batch[row]), copy_facts(article), jaccard, p)
                            earliest[row] = (article, same_report(kind))
        return {row: (a.id, same) for row, (a, same) in earliest.items()}

    def _write(
        self,
        pile: list[Article],
        numbers: list[int],
        days: list[dt.date | None],
        event_of: dict[str, Hashable],
        story_of: dict[Hashable, Hashable],
        events: EventIndex,
        stories: GroupIndex,
        left: set[str],
        rules: Constraints,
    ) -> None:
        """Build the stories the pile touched (``left``: those its moved articles came from), carry
        ids over, and write the renamed articles, the index rows and the stories."""
        touched = sorted({str(story_of[k]) for k in events.changed} | left)
        # Every member of a touched story: the stored ones, then where the pass put the pile.
        members: dict[str, tuple[int, str, str]] = {}  # article -> (number, event, story)
        retired: dict[str, int] = {a.id: -1 for a in self.gone}  # previous versions -> their numbers
        for article, number, event, story in [] if self.fresh else self.store.index_members(touched):
            if article in self.superseded:
                retired[article] = number
            else:
                members[article] = (number, event, story)
        for a, number in zip(pile, numbers, strict=True):
            members[a.id] = (number, str(event_of[a.id]), str(story_of[event_of[a.id]]))
        loaded = {a.id: a for a in pile}
        loaded.update({a.id: a for a in self._articles([m for m in members if m not in loaded])})
        by_story: dict[str, list[str]] = defaultdict(list)
        for article, (_, _, story) in sorted(members.items(), key=lambda item: item[1][0]):
            by_story[story].append(article)
        day_of = {a.id: d for a, d in zip(pile, days, strict=True)}
        built = []
        for story in touched:
            if not by_story[story]:
                continue  # every article it had moved to another story
            articles = [loaded[i] for i in by_story[story]]
            rows: dict[str, list[int]] = {}
            for r, a in enumerate(articles):
                rows.setdefault(members[a.id][1], []).append(r)
            story_days = [day_of[a.id] if a.id in day_of else reference_day(a) for a in articles]
            copies = find_duplicates(articles, self.params.copies)
            parts, vectors, profiled = _split(articles, story_days, copies, rows, rules.bound())
            record = story_record(story, articles, parts, story_days, vectors, copies, profiled)
            built.append(fix_story(record, self.corrections))
        before = self.store.all_stories() if self.fresh else [s for t in touched if (s := self.store.story(t))]
        first_seen = {a.id: publish_order(a.published, a.id) for a in loaded.values()}
        carried, redirects = carry_ids(before, built, first_seen)  # in the order built
        rename: dict[str, str] = {}
        for old, new in zip(built, carried, strict=True):
            rename[old.id] = new.id
            rename.update({e.id: f.id for e, f in zip(old.events, new.events, strict=True)})
        kept = {s.id for s in carried}
        self.rows.dropped = [("event", str(k)) for k in sorted(self.near, key=str)]
        self.rows.dropped += [("story", s) for s in touched if s not in kept]
        self._index_rows(members, rename, events, stories, story_of)
        self.rows.articles += [(a, number, "", "") for a, number in retired.items()]
        self.rows.superseded = sorted(self.superseded)
        n = len(self.batch)
        self.store.upsert_articles([a for a, old in zip(pile[:n], self.batch, strict=True) if a != old])
        self.store.save_index(self.rows, fresh=self.fresh)
        after = sorted(carried, key=lambda s: (-len(s.article_ids), s.id))
        found = changes(before, after, redirects) + self._revised(after)
        if self.fresh:
            self.store.replace_stories(after, redirects, found)
        else:
            self.store.upsert_stories(after, redirects, found)

    def _revised(self, stories: Sequence[Story]) -> list[Change]:
        """An ``article-revised`` change for each new version placed: where it is, what it changed."""
        new = [a for a in self.batch if a.revision_of]
        if not new:
            return []
        where = {a: (s.id, e.id) for s in stories for e in s.events for a in e.article_ids}
        old = {a.id: a for a in self.gone}
        wanted = sorted({a.revision_of for a in new if a.revision_of and a.revision_of not in old})
        old.update({a.id: a for a in self._articles(wanted)})
        out = []
        for article in new:
            before = old.get(article.revision_of or "")
            if before is None or article.id not in where:
                continue
            out.append(revised(before, article, *where[article.id]))
        return out

    def _index_rows(
        self,
        members: dict[str, tuple[int, str, str]],
        rename: dict[str, str],
        events: EventIndex,
        stories: GroupIndex,
        story_of: dict[Hashable, Hashable],
    ) -> None:
        """The index rows of this update, under the ids the stories were written with."""

        def name(key: Hashable) -> str:
            return rename.get(str(key), str(key))

        self.rows.articles = [(a, number, name(event), name(story)) for a, (number, event, story) in members.items()]
        self.rows.groups = [
            (name(k), "event", name(story_of[k]), events.groups[k].encode()) for k in sorted(events.changed, key=str)
        ]
        self.rows.groups += [
            (name(k), "story", None, stories.groups[k].encode()) for k in sorted(stories.changed, key=str)
        ]
        self.rows.terms = [("event", c, name(k)) for c, keys in events.added.items() for k in keys]
        self.rows.terms += [("story", c, name(k)) for c, keys in stories.added.items() for k in keys]
