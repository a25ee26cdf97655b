"""A Markdown report of one analysis: the stories first, then each article's metadata.

Every string that comes from an article or an input (titles, outlets, authors, removed markup,
sentences, file names …) goes through ``_cell``, which makes it inert Markdown: HTML-significant
characters become entities (no tag of an article is live in a viewer that renders HTML), link and
image brackets, table pipes, code-span backticks and the backslash are escaped, and line breaks
become spaces. Only the report's own markup (headings, tables, ``**``, ``<br>``) is left live.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from kroscek.model import Article, QuoteChain, Skipped, Story
from kroscek.report import article_label, shown_value

__all__ = ["MarkdownReport"]


# The backslash first of all: a user's "\\[" must not turn our escape of "[" back into a live one.
_INERT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "`": "\\`"}
)


def _cell(value: object) -> str:
    """``value`` as inert Markdown on one line ("—" when empty; a list joined with commas)."""
    if value is None or value == () or value == [] or value == "":
        return "—"
    if isinstance(value, tuple | list):
        value = ", ".join(str(v) for v in value)
    return " ".join(str(value).split()).translate(_INERT)


def _origin(chain: QuoteChain) -> str:
    """Which language a chain carried in two was first in, and how that is known ("" for one language)."""
    if chain.original_by is None:
        return ""
    if chain.original_language is None:
        return "cannot be known"
    return f"{chain.original_language} (by {chain.original_by})"


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _article_section(number: int, article: Article) -> list[str]:
    out = [f"## {number}. {_cell(article.title or article.name)}", ""]
    out += ["| field | value |", "|---|---|"]
    fields = [
        ("name", article.name),
        ("source", article.source),
        ("id", article.id),
        ("outlet", article.outlet),
        ("authors", article.authors),
        ("wire", article.wire),
        ("dateline", article.dateline),
        ("published", f"{article.published} ({article.published_source})" if article.published else None),
        ("language", article.language),
        ("sentences", len(article.sentences)),
        ("characters", len(article.text)),
    ]
    out += [f"| {k} | {_cell(v)} |" for k, v in fields]
    out.append("")
    if article.sentences:
        first, last = article.sentences[0], article.sentences[-1]
        out.append(f"**First sentence:** {_cell(_quote(article.text[first.start : first.end]))}")
        out.append("")
        out.append(f"**Last sentence:** {_cell(_quote(article.text[last.start : last.end]))}")
        out.append("")
    if article.dates:
        out += ["**Dates:**", ""]
        for d in article.dates:
            value = d.value or (f"T{d.clock}" if d.clock else "unresolved")
            span = f"{value} – {d.end_value}" if d.end_value else value
            how = " (resolved in context)" if d.relative else ""
            if d.as_written:
                how += f" (written {_cell(d.as_written)}: its weekday says otherwise)"
            out.append(f"- {_cell(article.text[d.start : d.end])} → {_cell(span)} ({_cell(d.grain)}){how}")
        out.append("")
    if article.quantities:
        out += ["**Numbers:**", ""]
        for q in article.quantities:
            value = "—" if q.value is None else f"{q.value:,.10g}"
            if q.end_value is not None:
                value += f" – {q.end_value:,.10g}"
            details = ", ".join(
                x
                for x in (
                    q.unit,
                    q.noun and f"counts {q.noun}",
                    q.hedge and f"hedge “{q.hedge}”",
                    q.part_of is not None and f"part of #{q.part_of + 1}",
                )
                if x
            )
            out.append(
                f"- {_cell(article.text[q.start : q.end])} → {value}" + (f" ({_cell(details)})" if details else "")
            )
        out.append("")
    if article.boilerplate:
        out += [f"**Removed ({len(article.boilerplate)}):**", "", "| line | reason | text |", "|---|---|---|"]
        for b in article.boilerplate:
            where = "—" if b.line is None else str(b.line + 1) + ("" if b.part == "line" else f" ({b.part})")
            out.append(f"| {_cell(where)} | {_cell(b.reason)} | {_cell(_quote(b.text, 100))} |")
        out.append("")
    for w in article.warnings:
        out.append(f"> **Warning** ({_cell(w.stage)}): {_cell(w.message)}")
        out.append("")
    return out


def _story_section(number: int, story: Story, articles: Mapping[str, Article]) -> list[str]:
    label = {a: article_label(articles[a]) for a in story.article_ids}
    title = _cell(story.title or story.id)
    out = [f"## Story {number}: {title}", "", f"{len(story.article_ids)} article(s), {len(story.events)} event(s).", ""]
    out += ["### Events", "", "| date | event | articles |", "|---|---|---|"]
    for event in story.events:
        out.append(f"| {_cell(event.date)} | {_cell(event.title)} | {_cell([label[a] for a in event.article_ids])} |")
    out.append("")
    wires = [(label[a], articles[a].wire) for a in story.article_ids if articles[a].wire]
    if story.duplicates or wires:
        out += ["### Copies and wire copy", ""]
        out += [f"- {_cell(label[d.b])} is a {_cell(d.kind)} of {_cell(label[d.a])}" for d in story.duplicates]
        out += [f"- {_cell(who)} re-runs wire copy credited to {_cell(wire)}" for who, wire in wires]
        out.append("")
    if story.claims:
        out += ["### Claims across outlets", "", "| about | status | why | values |", "|---|---|---|---|"]
        for claim in story.claims:
            values = []
            for v in claim.values:
                article = articles[v.article_id]
                shown = shown_value(v.value)
                text = _quote(article.text[v.start : v.end], 60) if isinstance(v.value, float) else ""
                values.append(
                    _cell(f"{shown} ({v.source or 'unattributed'}; {label[v.article_id]}{'; ' + text if text else ''})")
                )
            # "<br>" is the report's own markup, put between values already made inert.
            figures = "<br>".join(values) or "—"
            out.append(f"| {_cell(claim.about)} | **{_cell(claim.status)}** | {_cell(claim.reason)} | {figures} |")
        out.append("")
    if story.set_aside:
        out += ["### Not compared", "", "| about | why not compared | values |", "|---|---|---|"]
        for aside in story.set_aside:
            given = [
                f"{shown_value(v.value)} ({v.source or 'unattributed'}; {label[v.article_id]})" for v in aside.values
            ]
            figures = "<br>".join(_cell(text) for text in given)
            out.append(f"| {_cell(aside.about)} | {_cell(aside.reason)} | {figures} |")
        out.append("")
    if story.quote_chains:
        out += [
            "### Quote chains",
            "",
            "| speaker | quote | first published by | original language | taken from | carried by |",
            "|---|---|---|---|---|---|",
        ]
        for chain in story.quote_chains:
            carriers = list(dict.fromkeys(label[q.article_id] for q in chain.quotes))
            out.append(
                f"| {_cell(chain.speaker)} | {_cell(_quote(chain.text, 100))} | {_cell(label[chain.first_article_id])} "
                f"| {_cell(_origin(chain))} | {_cell(chain.cited_from)} | {_cell(carriers)} |"
            )
        out.append("")
    if story.timeline:
        out += ["### Timeline", "", "| date | what | sources |", "|---|---|---|"]
        for entry in story.timeline:
            sources = len({e.article_id for e in entry.evidence})
            out.append(f"| {_cell(entry.date)} | {_cell(_quote(entry.text, 200))} | {sources} article(s) |")
        out.append("")
    return out


def _head(articles: int, skipped: list[Skipped], furniture: Counter[str]) -> list[str]:
    """The report's title, counts, furniture removed (``furniture``: pieces per reason) and skipped inputs."""
    out = [
        "# kroscek report",
        "",
        f"{articles} article(s) analysed, {len(skipped)} input(s) skipped.",
        "",
    ]
    if furniture:
        out.append("Furniture removed: " + ", ".join(f"{_cell(r)} {n}" for r, n in furniture.most_common()) + ".")
        out.append("")
    if skipped:
        out += ["## Skipped inputs", "", "| input | problem |", "|---|---|"]
        out += [f"| {_cell(s.source)} | {_cell(s.reason)} |" for s in skipped]
        out.append("")
    return out


class MarkdownReport:
    """The report written to ``out`` a section at a time, never whole in memory: its head (the
    counts, the furniture removed per reason, the skipped inputs), then each story (largest first,
    with its members), then each article; :meth:`close` ends it. Blank lines at its end are left
    out, so the text is the same however it was cut."""

    def __init__(self, out: TextIO, articles: int, skipped: list[Skipped], furniture: Counter[str]) -> None:
        self.out, self.stories, self.articles = out, 0, 0
        self.held = ""  # trailing blank text, written only if more text follows
        self._lines(_head(articles, skipped, furniture))

    def _lines(self, lines: list[str]) -> None:
        text = "".join(f"{line}\n" for line in lines)
        kept = text.rstrip()
        if kept:
            self.out.write(self.held + kept)
            self.held = text[len(kept) :]
        else:
            self.held += text

    def story(self, story: Story, articles: Mapping[str, Article]) -> None:
        """Add a story's section (``articles``: at least its members, by id)."""
        self.stories += 1
        self._lines(_story_section(self.stories, story, articles))

    def article(self, article: Article) -> None:
        """Add an article's section (after the stories)."""
        if not self.articles and self.stories:
            self._lines(["# Articles", ""])
        self.articles += 1
        self._lines(_article_section(self.articles, article))

    def close(self) -> None:
        self.out.write("\n")
