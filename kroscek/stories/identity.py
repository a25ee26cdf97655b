"""Ids kept for life, and what changed, when a store's stories are computed again.

A recomputation groups the articles afresh; this module carries the earlier ids over and says what
is new. A group (story, event, claim, quote chain) is known by its members (articles; for a claim
or a quote chain, the places its values or quotes stand). Each new group takes the id of the
oldest earlier group it shares members with, an earlier group going to the new group that holds
most of it; an earlier group that went to no one and whose members now sit in another group was
merged into it: its id redirects there (:class:`Redirect`). "Oldest" is the group whose first
article came first (published, then id). A new group of nothing known keeps the id it was built
with, unless an earlier group had that id (then a hash of its members).

:func:`changes` then compares the two sets: a new story, a new event in a story, an article joining
an event, a copy found, a claim created, a value added to a claim, a claim's status changing, a
quote chain's earliest publisher changing, and each merge, with the offsets of the evidence.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence

import msgspec

from kroscek.model import Change, Claim, Event, Evidence, GroupKind, QuoteChain, Redirect, Story

__all__ = ["Change", "Redirect", "carry_ids", "changes"]


def _carry(
    before: dict[str, frozenset[Hashable]],
    after: list[frozenset[Hashable]],
    age: Callable[[frozenset[Hashable]], tuple[str, str]],
) -> tuple[list[str | None], dict[str, int]]:
    """For each ``after`` group the earlier id it keeps (or None), and each earlier id merged
    away with the index of the group that holds most of it."""
    holder: dict[Hashable, list[str]] = defaultdict(list)
    for old, members in before.items():
        for m in members:
            holder[m].append(old)
    shared: dict[tuple[int, str], int] = defaultdict(int)
    for i, members in enumerate(after):
        for m in members:
            for old in holder.get(m, ()):
                shared[(i, old)] += 1
    # The oldest earlier group first; it goes to the new group holding most of it.
    ages = {old: age(before[old]) for _, old in shared}
    order = sorted(shared.items(), key=lambda item: (ages[item[0][1]], item[0][1], -item[1], item[0][0]))
    kept: list[str | None] = [None] * len(after)
    taken: set[str] = set()
    for (i, old), _ in order:
        if kept[i] is None and old not in taken:
            kept[i] = old
            taken.add(old)
    merged: dict[str, int] = {}
    for (i, old), _ in sorted(shared.items(), key=lambda item: (-item[1], item[0][0])):
        if old not in taken and old not in merged:
            merged[old] = i
    return kept, merged


def _claim_places(c: Claim) -> frozenset[Hashable]:
    return frozenset((v.article_id, v.start) for v in c.values)


def _chain_places(q: QuoteChain) -> frozenset[Hashable]:
    return frozenset((e.article_id, e.start) for e in q.quotes)


def carry_ids(
    before: Sequence[Story], after: Sequence[Story], first_seen: dict[str, tuple[str, str]]
) -> tuple[list[Story], list[Redirect]]:
    """``after`` with the ids of ``before`` carried over, and the ids merged away.

    ``first_seen`` gives each article its place in time (published, then id): a group's age is
    its first article's.
    """

    def age(members: frozenset[Hashable]) -> tuple[str, str]:
        keys = [first_seen.get(str(m[0] if isinstance(m, tuple) else m), ("9999", str(m))) for m in members]
        return min(keys, default=("9999", ""))

    pending: list[tuple[GroupKind, str, int]] = []  # (kind, id merged away, index of the group holding it)

    def carry(kind: GroupKind, old: dict[str, frozenset[Hashable]], new: list[frozenset[Hashable]]) -> list[str | None]:
        kept, merged = _carry(old, new, age)
        pending.extend((kind, gone, i) for gone, i in sorted(merged.items()))
        return kept

    story_ids = carry(
        "story", {s.id: frozenset(s.article_ids) for s in before}, [frozenset(s.article_ids) for s in after]
    )
    new_events = [e for s in after for e in s.events]
    event_ids = carry(
        "event",
        {e.id: frozenset(e.article_ids) for s in before for e in s.events},
        [frozenset(e.article_ids) for e in new_events],
    )
    new_claims = [c for s in after for c in s.claims]
    claim_ids = carry(
        "claim", {c.id: _claim_places(c) for s in before for c in s.claims}, [_claim_places(c) for c in new_claims]
    )
    new_chains = [q for s in after for q in s.quote_chains]
    chain_ids = carry(
        "quote_chain",
        {q.id: _chain_places(q) for s in before for q in s.quote_chains},
        [_chain_places(q) for q in new_chains],
    )
    replace = msgspec.structs.replace
    earlier = {s.id for s in before}
    earlier.update(g.id for s in before for g in s.events)
    earlier.update(g.id for s in before for g in s.claims)
    earlier.update(g.id for s in before for g in s.quote_chains)

    def own(group_id: str, members: Sequence[str]) -> str:
        """A group that keeps no earlier id keeps its own, unless that is an earlier group's: then a
        hash of its members, salted while that is one too (an event named after its first article,
        left with that article alone, would get its earlier id back)."""
        found, salt = group_id, 0
        while found in earlier:
            keys = [*sorted(members), *([f"#{salt}"] if salt else [])]
            found = group_id[0] + hashlib.blake2b("\x00".join(keys).encode(), digest_size=5).hexdigest()
            salt += 1
        return found

    events = iter([replace(e, id=k or own(e.id, e.article_ids)) for e, k in zip(new_events, event_ids, strict=True)])
    claims = iter(
        [
            replace(c, id=k or own(c.id, [f"{v.article_id}:{v.start}" for v in c.values]))
            for c, k in zip(new_claims, claim_ids, strict=True)
        ]
    )
    chains = iter(
        [
            replace(q, id=k or own(q.id, [f"{e.article_id}:{e.start}" for e in q.quotes]))
            for q, k in zip(new_chains, chain_ids, strict=True)
        ]
    )
    out = []
    for s, k in zip(after, story_ids, strict=True):
        out.append(
            replace(
                s,
                id=k or own(s.id, s.article_ids),
                events=tuple(next(events) for _ in s.events),
                claims=tuple(next(claims) for _ in s.claims),
                quote_chains=tuple(next(chains) for _ in s.quote_chains),
            )
        )
    final_of: dict[str, list[str]] = {
        "story": [s.id for s in out],
        "event": [e.id for s in out for e in s.events],
        "claim": [c.id for s in out for c in s.claims],
        "quote_chain": [q.id for s in out for q in s.quote_chains],
    }
    redirects = [Redirect(gone, final_of[kind][i], kind) for kind, gone, i in pending if final_of[kind][i] != gone]
    return out, redirects


def changes(before: Sequence[Story], after: Sequence[Story], redirects: Sequence[Redirect] = ()) -> list[Change]:
    """What ``after`` (ids carried over by :func:`carry_ids`) changed from ``before``."""
    out: list[Change] = []
    old_stories = {s.id: s for s in before}
    old_events: dict[str, Event] = {e.id: e for s in before for e in s.events}
    old_claims: dict[str, Claim] = {c.id: c for s in before for c in s.claims}
    old_chains: dict[str, QuoteChain] = {q.id: q for s in before for q in s.quote_chains}
    old_copies = {(d.a, d.b) for s in before for d in s.duplicates}
    story_of: dict[str, str] = {}
    for s in after:
        story_of[s.id] = s.id
        for e in s.events:
            story_of[e.id] = s.id
        for c in s.claims:
            story_of[c.id] = s.id
        for q in s.quote_chains:
            story_of[q.id] = s.id
        fresh = s.id not in old_stories
        if fresh:
            out.append(Change("new-story", s.id, after=s.title, evidence=tuple(_lead(a) for a in s.article_ids[:1])))
        for e in () if fresh else s.events:  # a new story's events are the story
            earlier = old_events.get(e.id)
            if earlier is None:
                out.append(Change("new-event", s.id, e.id, after=e.title, evidence=tuple(map(_lead, e.article_ids))))
                continue
            for article in sorted(set(e.article_ids) - set(earlier.article_ids)):
                out.append(Change("joins-event", s.id, e.id, after=article, evidence=(_lead(article),)))
        for d in s.duplicates:
            if (d.a, d.b) not in old_copies:
                out.append(Change("copy-found", s.id, before=d.a, after=d.b, evidence=(_lead(d.b),)))
        for c in s.claims:
            earlier_claim = old_claims.get(c.id)
            places = [Evidence(v.article_id, v.start, v.end) for v in c.values]
            if earlier_claim is None:
                out.append(Change("claim-created", s.id, claim=c.id, after=c.status, evidence=tuple(places)))
                continue
            had = _claim_places(earlier_claim)
            added = tuple(p for p in places if (p.article_id, p.start) not in had)
            if added:
                out.append(Change("claim-value-added", s.id, claim=c.id, after=c.status, evidence=added))
            if earlier_claim.status != c.status:
                out.append(
                    Change(
                        "claim-status", s.id, claim=c.id, before=earlier_claim.status, after=c.status, evidence=added
                    )
                )
        for q in s.quote_chains:
            earlier_chain = old_chains.get(q.id)
            if earlier_chain is not None and earlier_chain.first_article_id != q.first_article_id:
                out.append(
                    Change(
                        "quote-earlier",
                        s.id,
                        before=earlier_chain.first_article_id,
                        after=q.first_article_id,
                        evidence=q.quotes[:1],
                    )
                )
    for r in redirects:
        story = story_of.get(r.new, r.new)
        event = r.new if r.kind == "event" else None
        claim = r.new if r.kind == "claim" else None
        out.append(Change("merged", story, event, claim, before=r.old, after=r.new))
    return out


def _lead(article_id: str) -> Evidence:
    """An article as evidence: its start (the page opens at its top)."""
    return Evidence(article_id, 0, 0)
