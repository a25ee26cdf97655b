"""The reports people read: the highlighter, and hostile records in Markdown, briefings and web pages."""

from __future__ import annotations

import itertools
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

import kroscek.report
from kroscek.model import (
    Article,
    Boilerplate,
    Claim,
    ClaimValue,
    DateMention,
    Duplicate,
    Entity,
    Event,
    Evidence,
    Quantity,
    Quote,
    QuoteChain,
    Sentence,
    SetAside,
    Skipped,
    Story,
    TimelineEntry,
    Warning,
)
from kroscek.report.files import write_reports
from kroscek.report.html import highlight
from kroscek.store import open_store
from kroscek.web.app import create_app

# Markup, an attribute break-out, an SVG handler, a Markdown javascript: link, an image, a link
# reference definition, an escape that tries to undo ours, a table pipe and a line break.
PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>"
    "[x](javascript:alert(4)) ![i](javascript:alert(5)) \\[y](javascript:alert(6)) | `c` \n[r]: javascript:alert(7)"
)
OUR_SCRIPT = re.search(
    r"<script>(.*)</script>",
    (Path(kroscek.report.__file__).parent / "templates" / "_script.html.j2").read_text(encoding="utf-8"),
    re.DOTALL,
)
assert OUR_SCRIPT


def hostile(field: str) -> str:
    return f"{field} {PAYLOAD}"


def hostile_article(key: str) -> Article:
    """An article whose every text field is a payload (offsets stay valid: they are ours)."""
    text = f"Budi Santoso {hostile('text')} kata 12 orang pada 5 Agustus 2024. {hostile('more')}"
    first = text.index(".") + 1
    return Article(
        id=f"hostile{key}",
        source=hostile("source"),
        name=hostile("name"),
        raw=text,
        url="javascript:alert('url')",
        text=text,
        title=hostile("title"),
        authors=(hostile("author"), hostile("author2")),
        outlet=hostile("outlet"),
        wire=(hostile("wire"),),
        dateline=hostile("dateline"),
        published="2024-08-05",
        published_source=hostile("published_source"),
        language=hostile("language"),
        boilerplate=(Boilerplate(hostile("boilerplate"), hostile("reason"), 0, "line"),),
        sentences=(Sentence(0, first), Sentence(first + 1, len(text))),
        entities=(Entity(0, 12, hostile("label"), hostile("canonical")),),
        quotes=(
            Quote(
                start=13,
                end=40,
                kind=hostile("kind"),
                speaker=hostile("speaker"),
                speaker_canonical=hostile("speaker_canonical"),
                speaker_role=hostile("role"),
                cue=hostile("cue"),
                cited_from=hostile("cited_from"),
                date=hostile("date"),
            ),
        ),
        quantities=(Quantity(30, 38, 12.0, hostile("unit"), hostile("noun"), hostile("hedge")),),
        dates=(DateMention(40, 50, "2024-08-05", None, hostile("grain"), clock=hostile("clock")),),
        warnings=(Warning(hostile("stage"), hostile("message")),),
    )


def hostile_story(a: Article, b: Article) -> Story:
    evidence = (Evidence(a.id, 0, 20),)
    return Story(
        id="storyhostile",
        title=hostile("story"),
        article_ids=(a.id, b.id),
        events=(Event("eventhostile", hostile("event"), (a.id, b.id), "2024-08-05"),),
        duplicates=(Duplicate(a.id, b.id, "exact"),),
        claims=(
            Claim(
                hostile("about"),
                "conflict",
                hostile("why"),
                (
                    ClaimValue(hostile("value"), a.id, 0, 20, hostile("source"), hostile("outlet"), hostile("date")),
                    ClaimValue(12.0, b.id, 30, 38, hostile("source2")),
                ),
            ),
        ),
        set_aside=(
            SetAside(
                hostile("aside"),
                hostile("aside why"),
                (
                    ClaimValue(hostile("aside value"), a.id, 0, 20, hostile("aside source")),
                    ClaimValue(3.0, b.id, 30, 38),
                ),
            ),
        ),
        quote_chains=(
            QuoteChain(
                hostile("chain speaker"),
                hostile("chain"),
                a.id,
                hostile("o"),
                "2024-08-05",
                (hostile("cited"),),
                evidence,
            ),
        ),
        timeline=(TimelineEntry("2024-08-05", hostile("timeline"), evidence),),
    )


class LiveMarkup(HTMLParser):
    """What a browser would run or follow in a page: scripts, handlers, links, embedded content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self.script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "iframe", "object", "embed", "base", "frame", "link", "meta") and not (
            tag == "meta" and {n for n, _ in attrs} <= {"charset", "name", "content", "http-equiv"}
        ):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            target = (value or "").strip().lower()
            if name.startswith("on") or name in ("src", "srcdoc", "formaction", "xlink:href"):
                self.problems.append(f"{tag} {name}={value!r}")
            if name == "href" and not re.match(r"^(/|#|story-\d+\.html$)", target):
                self.problems.append(f"{tag} href={value!r}")
        if tag == "script":
            self.script = []

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            self.scripts.append("".join(self.script))
            self.script = None


def assert_inert(html: str, where: str) -> None:
    live = LiveMarkup()
    live.feed(html)
    live.close()
    assert not live.problems, (where, live.problems)
    assert all(s.strip() == OUR_SCRIPT.group(1).strip() for s in live.scripts), (where, live.scripts)
    assert len(live.scripts) <= 1, where


@pytest.fixture(scope="module")
def hostile_records() -> tuple[list[Article], Story]:
    a, b = hostile_article("0001"), hostile_article("0002")
    return [a, b], hostile_story(a, b)


def test_highlight_is_every_layer_over_every_segment() -> None:
    """The one-pass highlighter gives what the definition says, on random (also broken) spans."""
    rng = random.Random(7)
    for _ in range(300):
        size = rng.randint(0, 60)
        text = "".join(rng.choice("ab .") for _ in range(size))

        def span(size: int = size) -> tuple[int, int]:
            return rng.randint(-5, size + 5), rng.randint(-5, size + 5)

        article = Article(
            id="x",
            source="x",
            name="x",
            raw=text,
            text=text,
            sentences=tuple(Sentence(*sorted(span())) for _ in range(rng.randint(0, 4))),
            entities=tuple(Entity(*span(), rng.choice(["PER", "ORG"])) for _ in range(rng.randint(0, 6))),
            quotes=tuple(Quote(*span(), kind="direct") for _ in range(rng.randint(0, 3))),
            quantities=tuple(Quantity(*span()) for _ in range(rng.randint(0, 2))),
            dates=tuple(DateMention(*span()) for _ in range(rng.randint(0, 2))),
        )
        layers = [(q.start, q.end, "quote") for q in article.quotes]
        layers += [(e.start, e.end, f"ent ent-{e.label}") for e in article.entities]
        layers += [(q.start, q.end, "num") for q in article.quantities]
        layers += [(d.start, d.end, "date") for d in article.dates]
        segments = highlight(article)
        assert "".join(s.text for s in segments) == text
        assert all(s.start < s.end and text[s.start : s.end] == s.text for s in segments)
        assert all(a.end == b.start for a, b in itertools.pairwise(segments))
        for s in segments:
            covering = {c for start, end, c in layers if start <= s.start and s.end <= end}
            assert s.classes == " ".join(sorted(covering))
        # Every sentence boundary inside the text is a segment boundary (evidence highlights by sentence).
        edges = {s.start for s in segments} | {len(text)}
        assert {b for x in article.sentences for b in (x.start, x.end) if 0 <= b <= len(text)} <= edges


def test_markdown_report_keeps_hostile_strings_inert(
    hostile_records: tuple[list[Article], Story], tmp_path: Path
) -> None:
    articles, story = hostile_records
    write_reports(tmp_path, articles, [Skipped(hostile("skipped"), hostile("problem"))], [story])
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<script" not in report and "<img" not in report and "<svg" not in report
    assert "](javascript:" not in report.replace("\\](javascript:", "")
    # Rendered the way a viewer that passes HTML through would, every link kept: nothing is live.
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    renderer.validateLink = lambda url: True  # type: ignore[method-assign]
    html = renderer.render(report)
    assert "<a " not in html and "<img" not in html and "<script" not in html
    assert_inert(html, "report.md")
    # The text itself is all there, readable.
    assert "title &lt;script&gt;alert(1)&lt;/script&gt;" in html and "[x](javascript:alert(4))" in html
    assert report.count("\n| ") >= 10  # the tables are still tables: pipes in values are escaped


def test_briefing_files_have_no_live_markup(hostile_records: tuple[list[Article], Story], tmp_path: Path) -> None:
    articles, story = hostile_records
    write_reports(tmp_path, articles, [], [story])
    pages = sorted(tmp_path.glob("*.html"))
    assert [p.name for p in pages] == ["index.html", "story-1.html"]
    for page in pages:
        assert_inert(page.read_text(encoding="utf-8"), page.name)
    assert "<script>" in (tmp_path / "story-1.html").read_text(encoding="utf-8")  # ours is there


def test_every_web_page_of_hostile_records_is_inert(
    hostile_records: tuple[list[Article], Story], tmp_path: Path
) -> None:
    articles, story = hostile_records
    store = open_store(tmp_path / "k.db")
    store.upsert_articles(articles)
    store.replace_stories([story])
    store.close()
    client = TestClient(create_app(tmp_path / "k.db"))
    pages: list[tuple[str, dict[str, str]]] = [("/", {}), (f"/stories/{story.id}", {})]
    pages += [(f"/articles/{a.id}", {"start": "0", "end": "30"}) for a in articles]
    pages += [("/", {field: PAYLOAD[:95]}) for field in ("q", "speaker", "entity", "outlet")]
    pages += [("/", {"q": "Budi"}), ("/", {"q": "title"}), ("/", {"speaker": hostile("speaker")[:95]})]
    for url, params in pages:
        response = client.get(url, params=params)
        assert response.status_code == 200, (url, params)
        assert_inert(response.text, f"{url} {params}")
    assert "Budi" in client.get("/?q=Budi").text  # the hostile records were found and shown


def test_the_policy_allows_our_inline_script_by_its_hash_and_no_other(
    hostile_records: tuple[list[Article], Story], tmp_path: Path
) -> None:
    import base64
    import hashlib
    import html

    articles, story = hostile_records
    write_reports(tmp_path, articles, [], [story])
    store = open_store(tmp_path / "k.db")
    store.upsert_articles(articles)
    store.replace_stories([story])
    store.close()
    served = TestClient(create_app(tmp_path / "k.db")).get(f"/stories/{story.id}")
    briefing = (tmp_path / "story-1.html").read_text(encoding="utf-8")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', briefing)
    assert meta
    policies = ((briefing, html.unescape(meta.group(1))), (served.text, served.headers["content-security-policy"]))
    for page, policy in policies:
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()[1:]
        script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
        assert script
        digest = base64.b64encode(hashlib.sha256(script.group(1).encode("utf-8")).digest()).decode("ascii")
        assert script_src == [f"'sha256-{digest}'"]  # not 'unsafe-inline'


def test_a_page_with_limits_shows_part_of_a_big_story_and_says_so(seeds: dict[str, Article]) -> None:
    """The web app's pages are bounded: a story's page keeps some texts, claims, values and coverage
    columns, counts the rest and points to where all of it is; the briefing file keeps everything."""
    from kroscek.report.html import PageLimits, render_story
    from kroscek.stories.build import build_stories

    (story,) = build_stories(list(seeds.values()))
    by_id = {a.id: a for a in seeds.values()}
    whole = render_story(story, by_id, live=True)
    part = render_story(story, by_id, live=True, limits=PageLimits(texts=1, facts=2, rows=2, values=1))
    assert whole.count('class="article" id="art-') == 5 and 'id="more"' not in whole
    assert part.count('class="article" id="art-') == 1 and part.count('<tr class="claim">') == 2
    assert "4 more texts" in part and "more claims" in part and "more value(s)" in part
    assert f'<a href="/api/stories/{story.id}">JSON</a>' in part
    assert 'data-live="1"' in part and "/articles/" in part  # evidence of a text left out opens its page


def test_markdown_report_says_when_a_date_was_written_otherwise(tmp_path: Path) -> None:
    from kroscek.annotate.dates import dates

    text = "Konferensi pers digelar di Jakarta, Senin (20/10/2026)."
    article = dates(Article(id="a", source="a", name="a", raw=text, text=text, published="2025-10-20"))
    write_reports(tmp_path, [article], [], [])
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Senin (20/10/2026) → 2025-10-20 (day) (written 2026-10-20: its weekday says otherwise)" in report
