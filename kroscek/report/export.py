"""``kroscek export``: a store's articles, quotes, claims and changes as CSV and JSON Lines, and its
quote chains and copies as GraphML graphs, for spreadsheets, notebooks and graph tools.

Tables (one row each):

- ``articles``: an article's metadata and the story it is in;
- ``quotes``: a quote's text, kind, speaker (canonical name first), role, cue and the outlet it was
  cited from, with its offsets in the article's clean text;
- ``claims``: one row per value of a claim (a figure or a day as one outlet gives it), with the
  claim's status and reason and the value's evidence offsets;
- ``changes``: what each update of the store changed, oldest first;
- ``corrections``: the analysts' corrections (:mod:`kroscek.stories.corrections`), oldest first, with
  what each is anchored on (``target``), its status (applied, or lapsed) and the reason.

A CSV cell holds text as it is (lists joined by "; "; text a spreadsheet would run as a formula,
"=…", "+…", "-…", "@…", starts with an apostrophe); JSON Lines keep values as they are, lists and nulls. Graphs
(written by networkx, read back by any GraphML reader): ``quote_chains.graphml`` has an article per
node and an edge from the article that first carried a quote to each later one that carried it;
``copies.graphml`` has an edge from each copy group's earliest publisher to each copy, with its kind.

The ``gold`` format writes ``gold/gold.json`` and ``gold/articles.jsonl`` in corpus-dev's format, so a
newsroom's corrections become evaluation data for ``kroscek eval stories --gold DIR``: a cluster per
event of the store as its corrections left it (by article name; ``corrections`` lists the ones that
touched it), a hard negative for each pair of articles a keep-apart or a move out keeps apart
(``why_different``: the correction's why), and each article's raw text under its name with the
publish date, outlet and title corrections gave it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from kroscek.model import Article, Story
from kroscek.store.sqlite import Store

__all__ = ["FORMATS", "TABLES", "export_store"]

TABLES = ("articles", "quotes", "claims", "changes", "corrections")
FORMATS = ("csv", "jsonl", "graphml", "gold")

_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "story",
        "name",
        "outlet",
        "url",
        "published",
        "title",
        "authors",
        "language",
        "wire",
        "revision_of",
        "characters",
    ),
    "quotes": (
        "article_id",
        "story",
        "start",
        "end",
        "kind",
        "text",
        "speaker",
        "speaker_role",
        "cue",
        "cited_from",
        "date",
        "confidence",
    ),
    "claims": (
        "story",
        "claim",
        "about",
        "status",
        "confidence",
        "reason",
        "value",
        "article_id",
        "start",
        "end",
        "source",
        "outlet",
        "date",
    ),
    "changes": ("seq", "at", "kind", "story", "event", "claim", "before", "after", "evidence", "detail"),
    "corrections": ("id", "at", "by", "kind", "target", "value", "why", "status", "reason"),
}


def _article_rows(articles: list[Article], story_of: dict[str, str]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield {
            "id": a.id,
            "story": story_of.get(a.id),
            "name": a.name,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "title": a.title,
            "authors": list(a.authors),
            "language": a.language,
            "wire": list(a.wire),
            "revision_of": a.revision_of,
            "characters": len(a.text),
        }


def _quote_rows(articles: list[Article], story_of: dict[str, str]) -> Iterator[dict[str, Any]]:
    for a in articles:
        for q in a.quotes:
            yield {
                "article_id": a.id,
                "story": story_of.get(a.id),
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "text": a.text[q.start : q.end],
                "speaker": q.speaker_canonical or q.speaker,
                "speaker_role": q.speaker_role,
                "cue": q.cue,
                "cited_from": q.cited_from,
                "date": q.date,
                "confidence": q.confidence,
            }


def _claim_rows(stories: list[Story]) -> Iterator[dict[str, Any]]:
    for story in stories:
        for claim in story.claims:
            for v in claim.values:
                yield {
                    "story": story.id,
                    "claim": claim.id,
                    "about": claim.about,
                    "status": claim.status,
                    "confidence": claim.confidence,
                    "reason": claim.reason,
                    "value": v.value,
                    "article_id": v.article_id,
                    "start": v.start,
                    "end": v.end,
                    "source": v.source,
                    "outlet": v.outlet,
                    "date": v.date,
                }


#: A text cell starting with one of these is a formula to a spreadsheet ("=HYPERLINK(…)" in a
#: scraped headline): it gets a leading apostrophe, which spreadsheets read as "this is text".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined by "; ", mappings and lists of records as JSON, None as empty, text
    that a spreadsheet would run as a formula made inert."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(value) if all(isinstance(v, str) for v in value) else json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_table(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, Any]], form: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        if form == "csv":
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(row.get(k)) for k in columns})
                count += 1
        else:
            for row in rows:
                handle.write(json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False) + "\n")
                count += 1
    return count


def _graphs(out: Path, articles: list[Article], stories: list[Story]) -> dict[str, int]:
    import networkx as nx

    by_id = {a.id: a for a in articles}

    def node(graph: Any, article_id: str) -> None:
        a = by_id.get(article_id)
        attributes = {"outlet": a.outlet or "", "published": a.published or "", "title": a.title or ""} if a else {}
        graph.add_node(article_id, **attributes)

    chains = nx.MultiDiGraph(name="quote chains")
    copies = nx.DiGraph(name="copies")
    for story in stories:
        for chain in story.quote_chains:
            node(chains, chain.first_article_id)
            for later in dict.fromkeys(e.article_id for e in chain.quotes if e.article_id != chain.first_article_id):
                node(chains, later)
                chains.add_edge(
                    chain.first_article_id,
                    later,
                    chain=chain.id,
                    story=story.id,
                    speaker=chain.speaker or "",
                    text=chain.text,
                    cited_from="; ".join(chain.cited_from),
                )
        for copy in story.duplicates:
            node(copies, copy.a)
            node(copies, copy.b)
            copies.add_edge(copy.a, copy.b, kind=copy.kind, story=story.id)
    written = {}
    for name, graph in (("quote_chains", chains), ("copies", copies)):
        nx.write_graphml(graph, out / f"{name}.graphml")
        written[f"{name}.graphml"] = graph.number_of_edges()
    return written


def _gold(
    out: Path, articles: list[Article], stories: list[Story], corrections: list[dict[str, Any]]
) -> dict[str, int]:
    """The store's events as corrected, and the pairs corrections keep apart, in corpus-dev's gold format."""
    name = {a.id: a.name for a in articles}
    touched: dict[str, list[int]] = {}
    negatives = []
    for c in corrections:
        target = c["target"]
        for article in (*target.get("articles", ()), *target.get("other", ())):
            touched.setdefault(article, []).append(c["id"])
        apart = {
            "keep-apart": target.get("other", ()),
            "move-article": () if target.get("other") else target.get("former", ()),
        }
        if c["status"] != "applied" or c["kind"] not in apart:
            continue
        for a in target.get("articles", ()):
            for b in apart[c["kind"]]:
                if a in name and b in name:
                    negatives.append({"pair": [name[a], name[b]], "why_different": c["why"], "correction": c["id"]})
    clusters = [
        {
            "cluster_id": e.id,
            "event": e.title,
            "event_date": e.date,
            "article_ids": [name[a] for a in e.article_ids if a in name],
            "corrections": sorted({n for a in e.article_ids for n in touched.get(a, ())}),
        }
        for s in stories
        for e in s.events
    ]
    folder = out / "gold"
    folder.mkdir(exist_ok=True)
    gold = {"clusters": clusters, "hard_negatives": negatives, "near_duplicates": []}
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fixed = {(c["target"]["articles"][0], c["kind"].removeprefix("article-")) for c in corrections}
    rows = []
    for a in articles:
        record: dict[str, Any] = {"id": a.name, "text": a.raw}
        if a.url:
            record["url"] = a.url
        for field in ("published", "outlet", "title"):
            if (a.id, field) in fixed:
                record[field] = getattr(a, field)
        rows.append(json.dumps(record, ensure_ascii=False))
    (folder / "articles.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {"gold/gold.json": len(clusters), "gold/articles.jsonl": len(rows)}


def export_store(
    store: Store,
    out: Path,
    formats: Iterable[str] = FORMATS,
    tables: Iterable[str] = TABLES,
) -> dict[str, int]:
    """Write the chosen ``tables`` in each of ``formats`` under ``out``; return rows (or edges) per file."""
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS] + [t for t in tables if t not in TABLES]
    if unknown:
        raise ValueError(f"unknown export format or table: {', '.join(unknown)} (formats {FORMATS}, tables {TABLES})")
    out.mkdir(parents=True, exist_ok=True)
    articles = store.articles()
    stories = store.all_stories()
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    status = store.correction_status()
    corrections = [
        {
            **msgspec.to_builtins(c),
            "status": status.get(c.id, ("pending", None))[0],
            "reason": status.get(c.id, ("", None))[1],
        }
        for c in store.corrections()
    ]
    sources: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {
        "articles": lambda: _article_rows(articles, story_of),
        "quotes": lambda: _quote_rows(articles, story_of),
        "claims": lambda: _claim_rows(stories),
        "changes": lambda: store.changes(0, limit=2**62),
        "corrections": lambda: corrections,
    }
    written: dict[str, int] = {}
    for form in (f for f in chosen if f in ("csv", "jsonl")):
        for table in tables:
            name = f"{table}.{form}"
            written[name] = _write_table(out / name, _COLUMNS[table], sources[table](), form)
    if "graphml" in chosen:
        written.update(_graphs(out, articles, stories))
    if "gold" in chosen:
        written.update(_gold(out, articles, stories, corrections))
    return written
