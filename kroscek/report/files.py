"""Writing a report folder: the Markdown report, the briefing index and one briefing per story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kroscek.model import Article, Skipped, Story
from kroscek.report.html import index_row, render_index, render_story
from kroscek.report.markdown import MarkdownReport

__all__ = ["write_report_files", "write_reports"]


def write_reports(out: Path, articles: list[Article], skipped: list[Skipped], stories: list[Story]) -> None:
    """Write report.md, index.html and one self-contained story-N.html per story into ``out``."""
    by_id = {a.id: a for a in articles}
    furniture = Counter(b.reason for a in articles for b in a.boilerplate)
    write_report_files(out, len(articles), skipped, furniture, ((s, by_id) for s in stories), articles)


def write_report_files(
    out: Path,
    count: int,
    skipped: list[Skipped],
    furniture: Counter[str],
    stories: Iterable[tuple[Story, dict[str, Article]]],
    articles: Iterable[Article],
) -> None:
    """:func:`write_reports` of a pile read a story and an article at a time: its ``count`` of
    articles, the pieces of furniture removed per reason, each story (largest first) with its
    members by id, then each article in input order."""
    rows = []
    with (out / "report.md").open("w", encoding="utf-8") as text:
        report = MarkdownReport(text, count, skipped, furniture)
        for number, (story, members) in enumerate(stories, start=1):
            report.story(story, members)
            (out / f"story-{number}.html").write_text(render_story(story, members), encoding="utf-8")
            rows.append(index_row(number, story))
        for article in articles:
            report.article(article)
        report.close()
    (out / "index.html").write_text(render_index(rows, count), encoding="utf-8")
