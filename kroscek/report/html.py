"""The HTML briefing: one self-contained page per story (no CDN, CSS and JS inlined).

Everything the page shows comes from the story and its articles, every fact with a link to the
sentence it came from: clicking a claim value, a timeline entry or a summary sentence highlights
its evidence in the article text below. Article text is untrusted: the template autoescapes every
value, the highlighted text is built from escaped segments, and nothing from an article ever
becomes an attribute that a browser would run (no URLs from articles are rendered as links).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, TypeVar

from kroscek.model import Article, ClaimValue, QuoteChain, Story, sentence_at
from kroscek.report import article_label, shown_value

__all__ = [
    "PageLimits",
    "Segment",
    "content_policy",
    "highlight",
    "index_row",
    "render_index",
    "render_story",
    "story_view",
    "summarise",
]


@dataclass(frozen=True)
class Segment:
    """A run of article text with the layers that cover it (classes) and its offsets."""

    text: str
    start: int
    end: int
    classes: str


def highlight(article: Article) -> list[Segment]:
    """Cut ``article.text`` into segments at every span boundary of its layers.

    One sweep over the sorted boundaries: each span opens its class where it starts and closes it
    where it ends, so the cost grows with the text and its spans, not with their product.
    """
    text = article.text
    spans: list[tuple[int, int, str]] = []
    spans += [(q.start, q.end, "quote") for q in article.quotes]
    spans += [(e.start, e.end, f"ent ent-{e.label}") for e in article.entities]
    spans += [(q.start, q.end, "num") for q in article.quantities]
    spans += [(d.start, d.end, "date") for d in article.dates]
    opens: defaultdict[int, list[str]] = defaultdict(list)
    closes: defaultdict[int, list[str]] = defaultdict(list)
    for start, end, classes in spans:
        start, end = max(start, 0), min(end, len(text))
        if start < end:  # an empty or reversed span covers nothing
            opens[start].append(classes)
            closes[end].append(classes)
    bounds = [b for s in article.sentences for b in (s.start, s.end)]  # evidence is highlighted by sentence
    edges = [b for start, end, _ in spans for b in (start, end)]
    cuts = sorted({c for c in (0, len(text), *bounds, *edges) if 0 <= c <= len(text)})
    active: Counter[str] = Counter()
    classes, out = "", []
    for a, b in itertools.pairwise(cuts):
        if a in opens or a in closes:  # else only a sentence boundary: the same layers go on
            active.subtract(closes.get(a, ()))
            active.update(opens.get(a, ()))
            classes = " ".join(sorted(c for c, n in active.items() if n > 0))
        out.append(Segment(text[a:b], a, b, classes))
    return out


_WORD = re.compile(r"[^\W\d_]{3,}")


def summarise(articles: Sequence[Article], size: int = 2, lead: int = 6) -> list[tuple[Article, int, int]]:
    """The ``size`` most central sentences of an event, in reading order, none repeating another.

    Candidates are the first ``lead`` sentences of each article (news puts the facts first);
    a sentence scores by how many of its words the event's articles share (each word counted
    once per article), per word, so the sentence most outlets would agree on wins. A sentence
    whose words mostly repeat a chosen one (a copy in another outlet) is skipped.
    """
    support: Counter[str] = Counter()
    candidates = []
    for article in articles:
        support.update({w.lower() for w in _WORD.findall(article.text)})
        for s in article.sentences[:lead]:
            words = {w.lower() for w in _WORD.findall(article.text[s.start : s.end])}
            if len(words) >= 5:
                candidates.append((article, s.start, s.end, words))
    if not candidates:
        return []
    scored = sorted(
        candidates, key=lambda c: (-sum(support[w] for w in c[3]) / (len(c[3]) + 5), c[0].published or "", c[1])
    )
    chosen: list[tuple[Article, int, int, set[str]]] = []
    for candidate in scored:
        if all(len(candidate[3] & other[3]) < 0.5 * min(len(candidate[3]), len(other[3])) for other in chosen):
            chosen.append(candidate)
        if len(chosen) == size:
            break
    return [(a, start, end) for a, start, end, _ in sorted(chosen, key=lambda c: (c[0].published or "", c[1]))]


#: Languages as a briefing names them.
@cache
def _language_name(code: str) -> str:
    """A language's name in the briefing's own language, English (CLDR's, by Babel); else its code."""
    from babel import Locale

    return str(Locale("en").languages.get(code, code))


def _original(chain: QuoteChain | None, article: Article, articles: dict[str, Article]) -> dict[str, Any] | None:
    """The same quote in the other language of its chain, shown beside a quote of ``article``: the
    chain's first occurrence in that language, with what it is to this one — the ``original``, the
    ``translation``, or the ``same quote`` when which came first cannot be known — and how that is
    known (``by``)."""
    if chain is None:
        return None
    other = next(
        (e for e in chain.quotes if (a := articles.get(e.article_id)) and a.language != article.language), None
    )
    if other is None:
        return None
    there = articles[other.article_id]
    if chain.original_language is None:
        relation = "same quote"
    else:
        relation = "original" if chain.original_language == there.language else "translation"
    return {
        "language": there.language,
        "language_name": _language_name(there.language) if there.language else None,
        "relation": relation,
        "by": chain.original_by,
        "text": " ".join(there.text[other.start : other.end].split()),
        "article_id": other.article_id,
        "start": other.start,
        "end": other.end,
    }


class PageLimits(NamedTuple):
    """How much of a big story one page shows; the rest is counted under ``more`` and is in the
    story's JSON and exports. A story's page otherwise grows with its articles times its facts (the
    coverage table) and carries every article's text: 7 MB for a story of 288 articles."""

    texts: int = 12  # articles whose whole text is in the page (the others: a link to their page)
    facts: int = 30  # columns of the coverage table, the claims that differ or conflict first
    rows: int = 100  # rows of each table: claims, quotes, timeline, summary, coverage
    values: int = 8  # values shown of each claim (the earliest)
    summarised: int = 12  # an event's articles its summary sentences are chosen from (the earliest)


_Item = TypeVar("_Item")

#: Which claims a page that cannot show them all shows first.
_SHOWN_FIRST = {"conflict": 0, "differ": 1, "update": 2, "agree": 3}


def _first(
    items: list[_Item],
    limit: int | None,
    more: dict[str, int],
    name: str,
    rank: Callable[[_Item], tuple[int, ...]] | None = None,
) -> list[_Item]:
    """The first ``limit`` of ``items`` (all when None), counting the rest in ``more``; with ``rank``,
    the ``limit`` that rank first (ties: the earlier), kept in their order."""
    if limit is None or len(items) <= limit:
        return items
    more[name] = len(items) - limit
    if rank is None:
        return items[:limit]
    kept = sorted(range(len(items)), key=lambda i: (*rank(items[i]), i))[:limit]
    return [items[i] for i in sorted(kept)]


def story_view(story: Story, articles: dict[str, Article], limits: PageLimits | None = None) -> dict[str, Any]:
    """Return everything the briefing template shows, as plain values (also the JSON twin); with
    ``limits``, as much as one page shows (see :class:`PageLimits`)."""
    rows = limits.rows if limits else None
    more: dict[str, int] = {}
    members = [articles[a] for a in story.article_ids if a in articles]
    label = {a.id: article_label(a) for a in members}
    summary: list[dict[str, Any]] = []
    for n, event in enumerate(story.events):
        if rows is not None and len(summary) >= rows:
            more["event summaries"] = len(story.events) - n
            break
        sample = event.article_ids[: limits.summarised] if limits else event.article_ids
        for article, start, end in summarise([articles[a] for a in sample if a in articles]):
            summary.append(
                {
                    "date": event.date,
                    "title": event.title,
                    "sentence": " ".join(article.text[start:end].split()),
                    "article_id": article.id,
                    "start": start,
                    "end": end,
                    "outlet": label[article.id],
                    "articles": len(event.article_ids),
                }
            )

    def figures(values: tuple[ClaimValue, ...]) -> list[dict[str, Any]]:
        """Each value with its outlet and its sentence's offsets (the evidence a click shows)."""
        out = []
        for v in values:
            holder = articles.get(v.article_id)
            sentence = sentence_at(holder.sentences, v.start) if holder else None
            start, end = (sentence.start, sentence.end) if sentence else (v.start, v.start)
            out.append(
                {
                    "value": shown_value(v.value),
                    "source": v.source,
                    "outlet": label.get(v.article_id, v.article_id),
                    "date": v.date,
                    "article_id": v.article_id,
                    "start": start,
                    "end": max(end, v.end),
                }
            )
        return out

    shown = _first(list(story.claims), rows, more, "claims", lambda c: (_SHOWN_FIRST[c.status], -len(c.values)))
    claims: list[dict[str, Any]] = [
        {
            "id": c.id,
            "about": c.about,
            "status": c.status,
            "reason": c.reason,
            "confidence": c.confidence,
            "figures": figures(c.values[: limits.values] if limits else c.values),
            "more": len(c.values) - limits.values if limits and len(c.values) > limits.values else 0,
            "articles": {v.article_id for v in c.values},
        }
        for c in shown
    ]
    set_aside = [{"about": s.about, "reason": s.reason, "figures": figures(s.values)} for s in story.set_aside]
    # Coverage: which outlet carries which fact, and who was first.
    facts = [(str(c["about"]), c.pop("articles"), c["status"]) for c in claims]
    facts += [(f"{t.date}", {e.article_id for e in t.evidence}, "") for t in story.timeline]
    facts = _first(
        facts, limits.facts if limits else None, more, "facts", lambda f: (_SHOWN_FIRST.get(f[2], 4), -len(f[1]))
    )
    order = sorted(members, key=lambda a: (a.published or "9999", a.name))
    firsts = [next((o.id for o in order if o.id in ids), None) for _, ids, _ in facts]  # who carried each first
    coverage = {
        "facts": [name for name, _, _ in facts],
        "rows": [
            {
                "outlet": label[a.id],
                "article_id": a.id,
                "cells": [
                    ("first" if a.id == first else "yes") if a.id in ids else ""
                    for (_, ids, _), first in zip(facts, firsts, strict=True)
                ],
            }
            for a in _first(order, rows, more, "coverage rows")
        ],
    }
    chains = {(q.article_id, q.start): chain for chain in story.quote_chains for q in chain.quotes}
    quotes = []
    for a in members:
        for q in a.quotes:
            chain = chains.get((a.id, q.start))
            quotes.append(
                {
                    "speaker": q.speaker_canonical or q.speaker,
                    "role": q.speaker_role,
                    "kind": q.kind,
                    "text": " ".join(a.text[q.start : q.end].split()),
                    "outlet": label[a.id],
                    "cited_from": q.cited_from,
                    "confidence": q.confidence,
                    "first": label.get(chain.first_article_id) if chain else None,
                    # A quote first published in another language: its original, shown beside it.
                    "original": _original(chain, a, articles),
                    "article_id": a.id,
                    "start": q.start,
                    "end": q.end,
                }
            )
    timeline = _first(
        [
            {
                "date": t.date,
                "text": t.text,
                "evidence": [{"article_id": e.article_id, "start": e.start, "end": e.end} for e in t.evidence],
                "sources": len({e.article_id for e in t.evidence}),
            }
            for t in story.timeline
        ],
        rows,
        more,
        "timeline",
    )
    return {
        "id": story.id,
        "title": story.title,
        "articles": [
            {
                "id": a.id,
                "label": label[a.id],
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "wire": list(a.wire),
                "authors": list(a.authors),
            }
            for a in members
        ],
        "summary": summary,
        "events": _first(
            [
                {
                    "id": e.id,
                    "date": e.date,
                    "title": e.title,
                    "articles": [label.get(a, a) for a in e.article_ids],
                    "members": [
                        {"id": a, "label": label.get(a, a), "confidence": c}
                        for a, c in itertools.zip_longest(e.article_ids, e.confidence)
                    ],
                }
                for e in story.events
            ],
            rows,
            more,
            "events",
        ),
        "timeline": timeline,
        "chart": _chart(timeline),
        "claims": claims,
        "set_aside": set_aside,
        "coverage": coverage,
        "quotes": _first(quotes, rows, more, "quotes"),
        "duplicates": [{"a": label.get(d.a, d.a), "b": label.get(d.b, d.b), "kind": d.kind} for d in story.duplicates],
        "wire": [{"outlet": label[a.id], "wire": list(a.wire)} for a in members if a.wire],
        "changes": [],  # a store's briefing fills these in (render_story)
        "more": more,  # what a page with limits left out, by section
    }


def _chart(timeline: list[dict[str, Any]], width: int = 900) -> dict[str, Any]:
    """Positions of timeline entries on a horizontal axis (SVG coordinates, drawn by the template)."""
    days = [dt.date.fromisoformat(t["date"]) for t in timeline]
    if not days:
        return {"width": width, "points": [], "ticks": []}
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    points = []
    for i, (t, day) in enumerate(zip(timeline, days, strict=True)):
        x = 40 + (width - 80) * (day - first).days / span
        points.append(
            {"x": round(x, 1), "y": 40 + 18 * (i % 4), "date": t["date"], "index": i, "r": 4 + min(t["sources"], 5)}
        )
    ticks = [{"x": 40, "label": first.isoformat()}, {"x": width - 40, "label": last.isoformat()}]
    return {"width": width, "points": points, "ticks": ticks}


@cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kroscek.report", "templates"), autoescape=select_autoescape(default=True))
    return env


@cache
def content_policy() -> str:
    """The Content-Security-Policy of the pages: nothing from elsewhere, no inline script but our own.

    Our one script is allowed by its SHA-256, not by 'unsafe-inline', so markup that slipped
    through escaping still could not run. (The web app adds frame-ancestors, which a <meta> cannot
    carry.)
    """
    page = _environment().get_template("_script.html.j2").render()
    script = page[page.index("<script>") + len("<script>") : page.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'"
    )


def render_story(
    story: Story,
    articles: dict[str, Article],
    *,
    live: bool = False,
    changes: Sequence[dict[str, Any]] = (),
    limits: PageLimits | None = None,
) -> str:
    """Return the self-contained HTML briefing of ``story`` (with what changed, from a store's
    changes); with ``limits``, as much of it as one page shows (the web app's pages)."""
    view = story_view(story, articles, limits)
    describe = change_describer(story, articles)
    view["changes"] = [{"at": c["at"], "text": describe(c), "evidence": c["evidence"]} for c in changes]
    members = [articles[x] for x in story.article_ids if x in articles]
    if limits and len(members) > limits.texts:
        view["more"]["texts"] = len(members) - limits.texts
        members = members[: limits.texts]
    texts = {a.id: highlight(a) for a in members}
    template = _environment().get_template("briefing.html.j2")
    return str(template.render(story=view, texts=texts, live=live, policy=content_policy()))


def change_describer(story: Story, articles: dict[str, Article]) -> Callable[[dict[str, Any]], str]:
    """Put a store's changes of ``story`` in words (plain text: the templates escape it); the
    story's claims and events are looked up once for all its changes."""
    claims = {c.id: c.about for c in story.claims}
    events = {e.id: e.title or e.id for e in story.events}

    def name(article_id: str | None) -> str:
        article = articles.get(article_id or "")
        return article_label(article) if article else str(article_id)

    return lambda change: _describe(change, name, claims, events)


def _describe(
    change: dict[str, Any], name: Callable[[str | None], str], claims: dict[str, str], events: dict[str, str]
) -> str:
    about = claims.get(change.get("claim") or "", "a claim")
    event = events.get(change.get("event") or "", "an event")
    before, after = change.get("before"), change.get("after")
    kind = change["kind"]
    if kind == "new-story":
        return f"New story: {after}"
    if kind == "new-event":
        return f"New event: {after}"
    if kind == "joins-event":
        return f"{name(after)} reports {event}"
    if kind == "copy-found":
        return f"{name(after)} is a copy of {name(before)}"
    if kind == "claim-created":
        return f"New claim ({after}): {about}"
    if kind == "claim-value-added":
        return f"Another report of {about} ({after})"
    if kind == "claim-status":
        return f"{about}: {before} → {after}"
    if kind == "quote-earlier":
        return f"A quote was published earlier by {name(after)} (was {name(before)})"
    if kind == "merged":
        return f"{before} was merged into {after}"
    if kind == "article-revised":
        detail = change.get("detail") or {}
        parts = [f"{len(v)} {k.replace('_', ' ')}" for k, v in detail.items() if k != "title"]
        return f"{name(after)} was revised" + (f" ({', '.join(parts)})" if parts else "")
    return str(kind)


def atom_feed(story: Story, changes: Sequence[dict[str, Any]], articles: dict[str, Article] | None = None) -> bytes:
    """An Atom feed of ``changes`` to ``story`` (newest first)."""
    from xml.sax.saxutils import escape

    updated = max((c["at"] for c in changes), default=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    describe = change_describer(story, articles or {})
    entries = "".join(
        "<entry>"
        f"<id>urn:kroscek:change:{int(c['seq'])}</id>"
        f"<title>{escape(describe(c))}</title>"
        f"<updated>{escape(c['at'])}</updated>"
        f'<link href="/stories/{escape(story.id)}"/>'
        "</entry>"
        for c in reversed(changes)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:kroscek:story:{escape(story.id)}</id>"
        f"<title>{escape(story.title or story.id)}</title>"
        f"<updated>{escape(updated)}</updated>"
        f"{entries}</feed>"
    ).encode()


def index_row(number: int, story: Story) -> dict[str, Any]:
    """What the index page lists of story ``number`` (from 1, its briefing's file): title and counts."""
    return {
        "file": f"story-{number}.html",
        "title": story.title or story.id,
        "articles": len(story.article_ids),
        "events": len(story.events),
        "claims": len(story.claims),
    }


def render_index(rows: Sequence[dict[str, Any]], articles: int) -> str:
    """Return the HTML page that lists the stories of one analysis (``rows``: :func:`index_row`
    of each, largest first) and its number of ``articles``, with links to their briefings."""
    return str(_environment().get_template("index.html.j2").render(rows=rows, articles=articles))
