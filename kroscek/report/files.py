"""Writing a report folder: the Markdown report, the briefing index and one briefing per story."""

from __future__ import annotations

from pathlib import Path

from kroscek.model import Article, Skipped, Story
from kroscek.report.html import render_index, render_story
from kroscek.report.markdown import markdown_report

__all__ = ["write_reports"]


def write_reports(out: Path, articles: list[Article], skipped: list[Skipped], stories: list[Story]) -> None:
    """Write report.md, index.html and one self-contained story-N.html per story into ``out``."""
    by_id = {a.id: a for a in articles}
    (out / "report.md").write_text(markdown_report(articles, skipped, stories), encoding="utf-8")
    (out / "index.html").write_text(render_index(stories, by_id), encoding="utf-8")
    for number, story in enumerate(stories, start=1):
        (out / f"story-{number}.html").write_text(render_story(story, by_id), encoding="utf-8")
