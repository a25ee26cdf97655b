"""``kroscek analyze`` streams (kroscek.scale.stream): the pile on disk, its JSON and reports written
a record at a time, byte for byte what the whole pile in memory gives (kroscek.analysis)."""

from __future__ import annotations

import io
from pathlib import Path

import msgspec
import numpy as np
import pytest
from typer.testing import CliRunner

from kroscek.analysis import analyze, build_pipeline, cross_article
from kroscek.cli import app
from kroscek.ingest import read_inputs
from kroscek.model import Article, Skipped, Story, to_contract, write_contract
from kroscek.report.files import write_report_files, write_reports
from kroscek.scale import cross, stream
from kroscek.scale.stream import Versions, analyze_pile
from kroscek.settings import Settings
from kroscek.stories import events, grouping
from kroscek.stories.groups import MovedOut
from kroscek.stories.revisions import mark_revisions
from tests.conftest import CORPUS_DEV, EXAMPLES, need_shared

runner = CliRunner()


def _whole(articles: list[Article], stories: list[Story], skipped: list[Skipped]) -> bytes:
    """The document as the CLI wrote it before it streamed: encoded whole, then laid out."""
    return msgspec.json.format(msgspec.json.encode(to_contract(articles, stories, skipped)), indent=2) + b"\n"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_analyze_writes_what_the_whole_pile_in_memory_gives(tmp_path: Path) -> None:
    """The seeds: kroscek.json, report.md, index.html and every briefing, the same bytes."""
    result = analyze([str(EXAMPLES)], Settings())
    assert result.stories, "the seeds make stories"
    (tmp_path / "memory").mkdir()
    (tmp_path / "memory" / "kroscek.json").write_bytes(_whole(result.articles, result.stories, result.skipped))
    write_reports(tmp_path / "memory", result.articles, result.skipped, result.stories)
    run = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(tmp_path / "streamed"), "-q"])
    assert run.exit_code == 0, run.output
    assert _files(tmp_path / "streamed") == _files(tmp_path / "memory")
    stdout = runner.invoke(app, ["analyze", str(EXAMPLES), "--json", "-", "--out", str(tmp_path / "both"), "-q"])
    assert stdout.stdout_bytes == (tmp_path / "memory" / "kroscek.json").read_bytes()
    assert _files(tmp_path / "both") == _files(tmp_path / "memory")


@pytest.fixture(scope="module")
def annotated() -> list[Article]:
    """corpus-dev through the stages, and a later version of its first article (same URL, a
    sentence added), so the pile holds copies, stories of many events and a revision."""
    settings = Settings()
    read = [i for i in read_inputs([str(need_shared(CORPUS_DEV))], settings) if isinstance(i, Article)]
    articles = list(build_pipeline(settings).run_many(read))
    first = articles[0]
    return [*articles, msgspec.structs.replace(first, id="f" * 16, raw=first.raw + "\nPembaruan pukul 21.00.")]


def test_corpus_dev_streamed_is_the_pile_in_memory(annotated: list[Article], tmp_path: Path) -> None:
    """Articles, stories (largest first), the JSON bytes and the reports' bytes of corpus-dev."""
    settings = Settings()
    skipped = [Skipped("photo.png", "not text")]
    articles, stories = cross_article(annotated, settings)
    pile = analyze_pile([*annotated, *skipped], settings, tmp_path, stages=False)
    try:
        assert list(pile.articles) == articles
        assert [b.story for b in pile.stories] == stories
        assert any(a.revision_of for a in articles) and any(s.duplicates for s in stories)
        written = io.BytesIO()
        write_contract(written, pile.articles, (b.story for b in pile.stories), pile.skipped)
        assert written.getvalue() == _whole(articles, stories, skipped)
        for side in ("memory", "streamed"):
            (tmp_path / side).mkdir()
        write_reports(tmp_path / "memory", articles, skipped, stories)
        members = ((b.story, pile.members(b)) for b in pile.stories)
        write_report_files(
            tmp_path / "streamed", len(pile.articles), pile.skipped, pile.furniture, members, pile.articles
        )
        assert _files(tmp_path / "streamed") == _files(tmp_path / "memory")
    finally:
        pile.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("kroscek-")] == [], "the pile's folder is gone"


def test_events_and_stories_left_behind_go_to_disk_and_change_nothing(
    annotated: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The passes move the events and stories they have left behind to disk (here every 8
    articles, not every 1,024, and centroids 5 events at a time), read back those a copy or an
    undated article wants: the stories are those of the pile in memory, where they stay packed."""
    for module in (events, grouping):
        monkeypatch.setattr(module, "PACK_EVERY", 8)
    monkeypatch.setattr(cross, "_CENTROIDS", 5)
    put, read = MovedOut.put, MovedOut.states
    moved: list[object] = []
    back: list[object] = []
    monkeypatch.setattr(MovedOut, "put", lambda self, key, state: moved.append(key) or put(self, key, state))
    monkeypatch.setattr(MovedOut, "states", lambda self, keys: back.extend(keys) or read(self, keys))
    settings = Settings()
    # Undated articles come last in time order and may join an event moved out long before.
    undated = [msgspec.structs.replace(a, id=f"u{n:015d}", published=None) for n, a in enumerate(annotated[:6])]
    pile_in = [*annotated, *undated]
    _, stories = cross_article(pile_in, settings)
    assert moved == [], "the pile in memory packs what it leaves behind"
    pile = analyze_pile(pile_in, settings, tmp_path, stages=False)
    try:
        assert [b.story for b in pile.stories] == stories
    finally:
        pile.close()
    assert len(moved) > 20 and back, "events and stories went to disk and some came back"


def test_an_empty_pile_and_no_stories() -> None:
    """Nothing but skipped inputs; and a pile analysed without its stories."""
    written = io.BytesIO()
    write_contract(written, [], [], [Skipped("a", "b")])
    assert written.getvalue() == _whole([], [], [Skipped("a", "b")])
    result = analyze([str(EXAMPLES)], Settings(stories=False))
    pile = analyze_pile(read_inputs([str(EXAMPLES)], Settings()), Settings(stories=False))
    try:
        assert list(pile.articles) == result.articles and len(pile.stories) == 0
    finally:
        pile.close()


def test_versions_follow_the_rule_of_mark_revisions() -> None:
    """As articles come, each new version names the one before it: the same text again is no new
    version, a text that differs is, a version given already is kept, no key is never one."""

    def article(n: int, raw: str, url: str | None = "u", revision_of: str | None = None) -> Article:
        return Article(id=f"a{n}", source="", name="", raw=raw, url=url, revision_of=revision_of)

    pile = [
        article(0, "one"),
        article(1, "one  "),
        article(2, "two"),
        article(3, "two", url="v"),
        article(4, "three", revision_of="x"),
        article(5, "four"),
        article(6, "four", url=None),
        article(7, "four"),
    ]
    versions = Versions()
    told = [versions.previous(a) for a in pile]
    assert told == [a.revision_of if a.revision_of != "x" else None for a in mark_revisions(pile)]
    assert told == [None, None, "a0", None, None, "a4", None, None]


def test_shingles_held_twice_are_found_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The postings are read a block at a time; a shingle's postings never straddle two blocks,
    whatever the block's size, and a shingle at the top of the hash range is read too."""
    rng = np.random.default_rng(5)
    shingles = [*rng.integers(0, 40, 300).tolist(), 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFE]
    postings = np.sort(np.array([h << 32 | n for n, h in enumerate(shingles)], dtype=np.uint64))
    expected: dict[int, list[int]] = {}
    for n, h in enumerate(shingles):
        expected.setdefault(h, []).append(n)
    want = sorted(v for v in expected.values() if len(v) > 1)
    for block in (1, 2, 3, 7, 64, 1 << 20):
        monkeypatch.setattr(stream, "_BLOCK", block)
        assert sorted(stream._shared(postings)) == want, block


def test_only_a_stores_index_keeps_the_entries_it_made(tmp_path: Path) -> None:
    """A pass in memory, or one that moves what it leaves behind to disk, writes no index entries, so
    it keeps none (the synthetic 10k pile of bench_stories made 314,573); a store's update writes them back,
    so keeps them."""
    from kroscek.store.sqlite import Store
    from kroscek.stories.index import update

    moved = MovedOut(tmp_path / "moved")
    for index, keeps in (
        (events.EventIndex(lambda *_: None), False),
        (events.EventIndex(lambda *_: None, moved), False),
        (grouping.GroupIndex(0.5, 7, 8, moved), False),
        (events.EventIndex(lambda *_: None, None, keep_added=True), True),
    ):
        index.record(0, [7, 9])
        index.record(1, [7])
        assert index.terms == {7: [0, 1], 9: [0]}
        assert dict(index.added) == ({7: [0, 1], 9: [0]} if keeps else {})
    moved.close()
    store = Store(tmp_path / "k.db")  # a fresh store's first update writes its index entries
    store.upsert_articles(analyze([str(EXAMPLES)], Settings(stories=False)).articles)
    update(store)
    entries = dict(store._fetch("SELECT kind, count(*) FROM index_terms GROUP BY kind"))
    assert store.indexed() > 0 and entries["event"] > 0 and entries["story"] > 0
    store.close()
