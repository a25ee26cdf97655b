"""Corrections: what an analyst says the machine got wrong, kept as records the story index obeys.

A :class:`~kroscek.model.Correction` says who, when, what kind, on what, to what and why. It is
anchored on what lasts across re-analyses and newer versions of kroscek: article ids (content ids
of the raw record), a quote's text and the speaker it had, a claim value's article and figure;
never character offsets, which move when the cleaner changes. The kinds:

- ``merge-events`` (``articles``, ``other``: the two events' members): the two happenings are one.
  The first member of each side still in the store is bound to the other's: they are placed in one
  event on every insert and re-analysis, and no split parts them.
- ``merge-stories`` (``articles``, ``other``): the two stories are one; their events are placed in
  one story.
- ``move-article`` (``articles``: the article; ``other``: the members of the event it goes to, none
  to take it out; ``former``: its event mates then): it is bound to the first member of ``other``
  and kept apart from its former mates.
- ``keep-apart`` (``articles``, ``other``): no article of one side shares an event with one of the
  other (the model never joins them, nor does a copy link).
- ``quote-speaker`` / ``quote-cited-from`` (``articles``: the article; ``quote``: the quote's text;
  ``speaker``: who it was given to): the quote whose text reads so (spaces and case aside) gets
  ``value`` as its speaker, or as the source it was cited from (none: no source).
- ``claim-wrong`` / ``claim-not-comparable`` (``articles``: the article; ``figure``: the value as
  text; ``claim``, ``about``: the claim then): the value leaves its claim and is set aside with the
  correction as its reason; a claim left with one article's values goes, one left with one value
  agrees.
- ``article-published`` / ``article-outlet`` / ``article-title``: the article's field becomes ``value``.

Grouping corrections constrain the story index's decisions (:class:`Constraints`, used by
:mod:`kroscek.stories.index`): must-links and cannot-links between articles, the newest correction
winning where two disagree. Article fixes are applied to each article an update places
(:func:`fix_articles`), claim fixes to each story it builds (:func:`fix_story`). After each update,
:func:`check` looks at where every correction stands and records its status: ``applied``, or
``lapsed`` with the reason it no longer applies (an article gone, a quote no longer found, a newer
correction saying otherwise). Nothing is dropped in silence. Adding one records it and
rebuilds the stories (:func:`kroscek.stories.index.correct`) so it takes effect at once;
:func:`resolve` turns what an analyst names (event, story, claim, article ids, a piece of a quote)
into a correction's anchors.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, get_args

import msgspec

from kroscek.model import (
    Article,
    Claim,
    Correction,
    CorrectionKind,
    CorrectionTarget,
    Quote,
    SetAside,
    Story,
)
from kroscek.store.sqlite import Store
from kroscek.stories.confidence import claim_confidence

__all__ = [
    "ARTICLE_FIXES",
    "CLAIM_FIXES",
    "GROUPING",
    "KINDS",
    "Constraints",
    "check",
    "fix_articles",
    "fix_story",
    "listed",
    "resolve",
]

KINDS: tuple[str, ...] = get_args(CorrectionKind)
GROUPING = frozenset({"merge-events", "merge-stories", "move-article", "keep-apart"})
ARTICLE_FIXES = frozenset({"quote-speaker", "quote-cited-from", "article-published", "article-outlet", "article-title"})
CLAIM_FIXES = frozenset({"claim-wrong", "claim-not-comparable"})

#: Where an article is placed now (an event's or a story's key), None when it is not placed yet.
Where = Callable[[str], Hashable | None]


class _Links:
    """Articles bound together (union-find), with the corrections that bound each group."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.by: dict[str, set[int]] = defaultdict(set)  # root -> corrections that bound its group

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, items: Sequence[str], correction: int) -> None:
        roots = {self.find(x) for x in items}
        top = min(roots)
        for r in roots:
            self.parent[r] = top
            self.by[top] |= self.by.pop(r, set()) if r != top else set()
        self.by[top].add(correction)

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for x in sorted(self.parent):
            found[self.find(x)].append(x)
        return found


class Constraints:
    """The grouping corrections as must-links (one event; one story) and cannot-links (never one
    event) between the articles of a store (``present``). Corrections are taken newest first: an
    older one that a newer one contradicts gives way, and :attr:`notes` says why."""

    def __init__(self, corrections: Iterable[Correction], present: set[str]) -> None:
        self.events, self.stories = _Links(), _Links()
        self.apart: dict[frozenset[str], int] = {}  # article pair -> the correction keeping it apart
        self.notes: dict[int, str] = {}
        self.left_out: dict[int, set[str]] = defaultdict(set)  # articles a newer correction kept out of a merge
        for c in sorted((c for c in corrections if c.kind in GROUPING), key=lambda c: -c.id):
            self._take(c, present)
        self._members = self.events.groups()
        self._story_members = self.stories.groups()
        self._apart_roots: dict[str, set[str]] = defaultdict(set)
        for pair in self.apart:
            a, b = (self.events.find(x) for x in pair)
            self._apart_roots[a].add(b)
            self._apart_roots[b].add(a)

    def __bool__(self) -> bool:
        return bool(self.events.parent or self.stories.parent or self.apart)

    def articles(self) -> set[str]:
        """Every article a constraint names."""
        return set(self.events.parent) | set(self.stories.parent) | {x for pair in self.apart for x in pair}

    def _take(self, c: Correction, present: set[str]) -> None:
        t = c.target
        sides = [[x for x in side if x in present] for side in (t.articles, t.other)]
        if c.kind == "merge-events" and sides[0] and sides[1]:
            self._join(c, sides[0] + sides[1], len(sides[0]))
        elif c.kind == "merge-stories" and sides[0] and sides[1]:
            self.stories.join([sides[0][0], sides[1][0]], c.id)
        elif c.kind == "move-article" and sides[0] and (sides[1] or not t.other):
            if not sides[1] or self._join(c, [sides[0][0], sides[1][0]], 1):
                self._part(c, sides[0][:1], [x for x in t.former if x in present])
        elif c.kind == "keep-apart":
            self._part(c, sides[0], sides[1])

    def _join(self, c: Correction, items: list[str], first: int) -> bool:
        """Bind ``items`` (the first ``first`` of them one side) into one event, leaving out each one
        a newer correction keeps apart from those bound before it; False when no two of the sides
        could be bound."""
        kept: list[str] = []
        against: set[int] = set()
        for x in items:
            roots = {self.events.find(y) for y in kept} | {self.events.find(x)}
            clash = {k for pair, k in self.apart.items() if len({self.events.find(y) for y in pair} & roots) == 2}
            if clash and len(roots) > 1:
                against |= clash
                self.left_out[c.id].add(x)
            else:
                kept.append(x)
        sides = [x in kept for x in items[:first]], [x in kept for x in items[first:]]
        if against:
            which = ", #".join(map(str, sorted(against)))
            part = "in part: " if any(sides[0]) and any(sides[1]) else ""
            self.notes[c.id] = (
                f"{part}a newer correction (#{which}) keeps {'some of ' if part else ''}these articles apart"
            )
        if not (any(sides[0]) and any(sides[1])):
            return False
        self.events.join(kept, c.id)
        return True

    def _part(self, c: Correction, side: list[str], other: list[str]) -> None:
        joined: set[int] = set()
        for a in side:
            for b in other:
                root = self.events.find(a)
                if root == self.events.find(b):
                    joined |= self.events.by[root]
                else:
                    self.apart.setdefault(frozenset((a, b)), c.id)
        if joined:
            self.notes[c.id] = f"in part: a newer correction (#{', #'.join(map(str, sorted(joined)))}) joins some"

    def must_event(self, article: str, where: Where) -> Hashable | None:
        """The event of an article this one is bound to, if one is placed."""
        if article not in self.events.parent:
            return None
        for other in self._members[self.events.find(article)]:
            if other != article and (key := where(other)) is not None:
                return key
        return None

    def forbidden(self, article: str, where: Where) -> set[Hashable]:
        """The events that hold an article this one (or one bound to it) must stay apart from."""
        if article not in self.events.parent:
            return set()
        roots = self._apart_roots.get(self.events.find(article), set())
        return {key for r in roots for x in self._members[r] if (key := where(x)) is not None}

    def must_story(self, articles: Iterable[str], where: Where) -> Hashable | None:
        """The story of an article bound by a story merge to one of ``articles``, if one is placed."""
        for article in articles:
            if article in self.stories.parent:
                for other in self._story_members[self.stories.find(article)]:
                    if other != article and (key := where(other)) is not None:
                        return key
        return None

    def bound(self) -> list[list[str]]:
        """The groups of articles that must share an event."""
        return [m for m in self._members.values() if len(m) > 1]


# -- fixes of articles and stories ----------------------------------------------------------------


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_quote(article: Article, text: str, speaker: str | None = None) -> int | None:
    """The index of the quote of ``article`` that reads ``text`` (spaces and case aside; else the one
    holding it or held by it), the one given to ``speaker`` first when several do; None if none."""
    wanted = _folded(text)
    if not wanted:
        return None
    said = [_folded(article.text[q.start : q.end]) for q in article.quotes]
    same = [i for i, s in enumerate(said) if s == wanted]
    if not same:
        same = [i for i, s in enumerate(said) if s and (wanted in s or s in wanted) and min(len(s), len(wanted)) >= 20]
    if not same:
        return None
    folded = _folded(speaker or "")

    def given(i: int) -> bool:
        q = article.quotes[i]
        return folded in {_folded(q.speaker or ""), _folded(q.speaker_canonical or "")}

    return next((i for i in same if given(i)), same[0])


def _fixed_quote(quote: Quote, c: Correction) -> Quote:
    if c.kind == "quote-cited-from":
        return msgspec.structs.replace(quote, cited_from=c.value or None)
    # An analyst named the speaker: as sure as it gets.
    return msgspec.structs.replace(
        quote,
        speaker=c.value,
        speaker_canonical=c.value,
        speaker_role=None,
        speaker_start=None,
        speaker_end=None,
        confidence=1.0,
    )


def _fixed(article: Article, c: Correction) -> Article:
    replace = msgspec.structs.replace
    if c.kind == "article-published":
        return replace(article, published=c.value, published_source="correction")
    if c.kind == "article-outlet":
        return replace(article, outlet=c.value)
    if c.kind == "article-title":
        return replace(article, title=c.value)
    at = find_quote(article, c.target.quote or "", c.target.speaker)
    if at is None:
        return article
    quotes = list(article.quotes)
    quotes[at] = _fixed_quote(quotes[at], c)
    return replace(article, quotes=tuple(quotes))


def fix_articles(articles: list[Article], corrections: Sequence[Correction]) -> list[Article]:
    """``articles`` with the article fixes among ``corrections`` applied, oldest first (a newer one
    on the same field wins)."""
    of: dict[str, list[Correction]] = defaultdict(list)
    for c in sorted(corrections, key=lambda c: c.id):
        if c.kind in ARTICLE_FIXES and c.target.articles:
            of[c.target.articles[0]].append(c)
    if not of:
        return articles
    out = []
    for article in articles:
        for c in of.get(article.id, ()):
            article = _fixed(article, c)
        out.append(article)
    return out


def figure_text(value: Any) -> str:
    """A claim value as a correction names it: a number without a needless ".0", else its text."""
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value)


def _set_aside(claim: Claim, c: Correction) -> tuple[Claim | None, SetAside | None]:
    """The claim without the value ``c`` names, and that value set aside (None, None: not in it)."""
    t = c.target
    gone = tuple(v for v in claim.values if v.article_id == t.articles[0] and figure_text(v.value) == t.figure)
    if not gone:
        return claim, None
    kind = "wrong" if c.kind == "claim-wrong" else "not comparable"
    why = f"marked {kind} by {c.by} (correction #{c.id})" + (f": {c.why}" if c.why else "")
    aside = SetAside(claim.about, why, gone)
    left = tuple(v for v in claim.values if v not in gone)
    if len({v.article_id for v in left}) < 2:
        return None, aside
    if len({figure_text(v.value) for v in left}) == 1:
        reason = f"one value left once correction #{c.id} set {figure_text(gone[0].value)} aside"
        fixed = msgspec.structs.replace(
            claim, values=left, status="agree", reason=reason, confidence=claim_confidence("agree")
        )
        return fixed, aside
    reason = f"{claim.reason or ''} ({figure_text(gone[0].value)} set aside by correction #{c.id})".strip()
    return msgspec.structs.replace(claim, values=left, reason=reason), aside


def _claim_for(claims: list[Claim], c: Correction) -> int | None:
    """The claim ``c`` names: one holding its value, by the same id, else the same subject, else the first."""
    t = c.target
    holding = [
        i
        for i, claim in enumerate(claims)
        if any(v.article_id == t.articles[0] and figure_text(v.value) == t.figure for v in claim.values)
    ]
    ranked = sorted(holding, key=lambda i: (claims[i].id != t.claim, claims[i].about != t.about, i))
    return ranked[0] if ranked else None


def fix_story(story: Story, corrections: Sequence[Correction]) -> Story:
    """``story`` with the claim fixes among ``corrections`` that name its articles applied."""
    members = set(story.article_ids)
    mine = [c for c in corrections if c.kind in CLAIM_FIXES and c.target.articles and c.target.articles[0] in members]
    if not mine:
        return story
    claims, aside = list(story.claims), list(story.set_aside)
    for c in sorted(mine, key=lambda c: c.id):
        at = _claim_for(claims, c)
        if at is None:
            continue
        kept, gone = _set_aside(claims[at], c)
        if gone is not None:
            aside.append(gone)
        if kept is None:
            del claims[at]
        else:
            claims[at] = kept
    return msgspec.structs.replace(story, claims=tuple(claims), set_aside=tuple(aside))


# -- where each correction stands --------------------------------------------------------------------


def _named(c: Correction) -> list[str]:
    t = c.target
    return [*t.articles, *t.other, *t.former]


def _gone(article: str, present: set[str], replaced: set[str]) -> str:
    if article in replaced:
        return f"article {article} was replaced by a newer version"
    return f"article {article} is not in the store" if article not in present else ""


def _grouping_status(c: Correction, placed: dict[str, tuple[str, str]], rules: Constraints) -> tuple[str, str | None]:
    t = c.target
    note = rules.notes.get(c.id)
    if note and not note.startswith("in part"):
        return "lapsed", note
    sides = [[x for x in side if x in placed and x not in rules.left_out[c.id]] for side in (t.articles, t.other)]
    if c.kind in ("merge-events", "merge-stories", "keep-apart") and not (sides[0] and sides[1]):
        return "lapsed", "no article of one side is placed in the store any more"
    if c.kind == "move-article" and not sides[0]:
        return "lapsed", f"article {t.articles[0]} is not placed in the store any more"
    if c.kind == "move-article" and t.other and not sides[1]:
        return "lapsed", "no article of the event it was moved to is placed in the store any more"
    column = 1 if c.kind == "merge-stories" else 0
    together = {
        "merge-events": sides[0] + sides[1],
        "merge-stories": sides[0] + sides[1],
        "move-article": sides[0] + sides[1][:1],
    }.get(c.kind, [])
    apart = [a for a in together if placed[a][column] != placed[together[0]][column]]
    if apart:
        return "lapsed", f"articles {together[0]} and {apart[0]} are not in one {'story' if column else 'event'}"
    if c.kind == "move-article" and not t.other:
        mates = [x for x in t.former if x in placed and placed[x][0] == placed[t.articles[0]][0]]
        if mates:
            return "lapsed", f"article {t.articles[0]} is still with {', '.join(mates)}"
    if c.kind == "keep-apart":
        joined = [(a, b) for a in sides[0] for b in sides[1] if placed[a][0] == placed[b][0]]
        if joined and not note:
            return "lapsed", f"articles {joined[0][0]} and {joined[0][1]} share an event"
    return "applied", note


def _article_status(c: Correction, article: Article) -> tuple[str, str | None]:
    t = c.target
    if c.kind.startswith("article-"):
        return "applied", None
    at = find_quote(article, t.quote or "", t.speaker)
    if at is None:
        return "lapsed", f"article {article.id} has no quote reading “{t.quote}” any more"
    return "applied", None


def _claim_status(c: Correction, story: Story | None) -> tuple[str, str | None]:
    tag = f"(correction #{c.id})"
    if story is not None and any(tag in s.reason for s in story.set_aside):
        return "applied", None
    where = f"story {story.id}" if story else "its story"
    return "lapsed", f"no claim of {where} holds the value {c.target.figure} of article {c.target.articles[0]} any more"


def check(store: Store, corrections: Sequence[Correction] | None = None) -> None:
    """Record where every correction of ``store`` stands after an update (work in corrections, not articles)."""
    corrections = store.corrections() if corrections is None else corrections
    if not corrections:
        return
    named = sorted({x for c in corrections for x in _named(c)})
    present = set(named) - store.missing(named)
    placed = store.index_placed(named)
    replaced = present - set(placed)  # held, placed nowhere: a newer version stands for it
    rules = Constraints(corrections, set(placed))
    articles = {
        a.id: a for a in store.articles(sorted({c.target.articles[0] for c in corrections if c.target.articles}))
    }
    statuses = []
    for c in corrections:
        first = c.target.articles[0] if c.target.articles else ""
        if c.kind in GROUPING:
            status = _grouping_status(c, placed, rules)
        elif first not in placed:
            status = ("lapsed", _gone(first, present, replaced) or f"article {first} is not placed in any story")
        elif c.kind in ARTICLE_FIXES:
            status = _article_status(c, articles[first])
        else:
            status = _claim_status(c, store.story(placed[first][1]))
        statuses.append((c.id, *status))
    store.set_correction_status(statuses)


def listed(store: Store) -> list[dict[str, Any]]:
    """Every correction of ``store`` as a plain record with its status and reason, oldest first."""
    status = store.correction_status()
    out = []
    for c in store.corrections():
        state, reason = status.get(c.id, ("pending", None))
        out.append({**msgspec.to_builtins(c), "status": state, "reason": reason})
    return out


# -- making one -------------------------------------------------------------------------------------


def _event_members(store: Store, ident: str) -> tuple[str, ...]:
    """The members of the event ``ident`` names (an event id, merged ones followed, or an article in it)."""
    ident = store.redirect(ident) or ident
    for story in store.all_stories():
        for event in story.events:
            if event.id == ident or ident in event.article_ids:
                return event.article_ids
    raise ValueError(f"no event or placed article {ident} in the store")


def _story_members(store: Store, ident: str) -> tuple[str, ...]:
    """The members of the story ``ident`` names (a story id, merged ones followed, or an article in it)."""
    story = store.story(store.redirect(ident) or ident) or store.story(store.story_of(ident) or "")
    if story is None:
        raise ValueError(f"no story or placed article {ident} in the store")
    return story.article_ids


def _article(store: Store, ident: str) -> Article:
    article = store.article(ident)
    if article is None:
        raise ValueError(f"no article {ident} in the store")
    return article


def _quote_target(store: Store, ident: str, text: str) -> CorrectionTarget:
    """The quote of article ``ident`` that reads or holds ``text`` (exactly one must)."""
    article = _article(store, ident)
    folded = _folded(text)
    found = [q for q in article.quotes if folded and folded in _folded(article.text[q.start : q.end])]
    if len(found) != 1:
        how = "no quote" if not found else f"{len(found)} quotes"
        raise ValueError(f"{how} of article {ident} read “{text}”: give more of the quote")
    q = found[0]
    return CorrectionTarget(
        articles=(ident,),
        quote=" ".join(article.text[q.start : q.end].split()),
        speaker=q.speaker_canonical or q.speaker,
    )


def _claim_target(store: Store, ident: str, article: str, figure: str | None) -> CorrectionTarget:
    """A value of claim ``ident`` (merged ones followed) that ``article`` gives (``figure``: which one)."""
    ident = store.redirect(ident) or ident
    story = store.story(store.story_of(article) or "")
    claim = next((c for c in story.claims if c.id == ident), None) if story else None
    if claim is None:
        raise ValueError(f"no claim {ident} in the story of article {article}")
    values = sorted({figure_text(v.value) for v in claim.values if v.article_id == article})
    if figure is not None:
        values = [v for v in values if _same_figure(v, figure)]
    if len(values) != 1:
        raise ValueError(
            f"article {article} gives {len(values)} matching values in claim {ident}: name one with the value"
        )
    return CorrectionTarget(articles=(article,), claim=claim.id, about=claim.about, figure=values[0])


def _same_figure(a: str, b: str) -> bool:
    """Whether a value's text and the figure an analyst typed are one ("8000" and "8000.0")."""
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def resolve(
    store: Store,
    kind: str,
    ids: Sequence[str],
    *,
    by: str,
    value: str | None = None,
    why: str = "",
    quote: str | None = None,
) -> Correction:
    """The correction an analyst asks for, its anchors read from ``store``: ``ids`` are the two events
    or stories (ids, or an article of each; to keep apart two articles of one event, the two
    articles), the article (and for a move, the event it goes to), or for a claim the claim and the
    article; ``quote`` a piece of the quote. ValueError says what is wrong."""
    if kind not in KINDS:
        raise ValueError(f"unknown correction kind {kind!r} (one of {', '.join(KINDS)})")
    if not by.strip():
        raise ValueError("say who makes the correction")
    wanted = {"move-article": (1, 2), "claim-wrong": (2, 2), "claim-not-comparable": (2, 2)}.get(
        kind, (2, 2) if kind in GROUPING else (1, 1)
    )
    if not wanted[0] <= len(ids) <= wanted[1]:
        raise ValueError(f"{kind} names {'-'.join(map(str, sorted(set(wanted))))} id(s), got {len(ids)}")
    if kind in ("merge-events", "keep-apart"):
        target = CorrectionTarget(articles=_event_members(store, ids[0]), other=_event_members(store, ids[1]))
        if set(target.articles) == set(target.other):
            if kind == "merge-events" or store.missing(ids):
                raise ValueError(f"{ids[0]} and {ids[1]} are one event already")
            target = CorrectionTarget(articles=(ids[0],), other=(ids[1],))  # two articles of one event
    elif kind == "merge-stories":
        target = CorrectionTarget(articles=_story_members(store, ids[0]), other=_story_members(store, ids[1]))
    elif kind == "move-article":
        _article(store, ids[0])
        former = tuple(a for a in _event_members(store, ids[0]) if a != ids[0])
        other = tuple(a for a in _event_members(store, ids[1]) if a != ids[0]) if len(ids) > 1 else ()
        target = CorrectionTarget(articles=(ids[0],), other=other, former=former)
    elif kind in ("quote-speaker", "quote-cited-from"):
        if not quote:
            raise ValueError(f"{kind} needs the quote (a piece of its text)")
        if kind == "quote-speaker" and not value:
            raise ValueError("quote-speaker needs the right speaker as its value")
        target = _quote_target(store, ids[0], quote)
    elif kind in CLAIM_FIXES:
        target = _claim_target(store, ids[0], ids[1], value)
        value = None
    else:
        _article(store, ids[0])
        if not value:
            raise ValueError(f"{kind} needs the right value")
        if kind == "article-published":
            _check_date(value)
        target = CorrectionTarget(articles=(ids[0],))
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return Correction(kind, target, by.strip(), at, value, why.strip())  # type: ignore[arg-type]


def _check_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value[:10])
        if len(value) > 10:
            dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, or a date-time with offset)") from error
