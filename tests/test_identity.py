"""Ids kept for life and what changed: stories recomputed over a store carry their ids, merged ids redirect."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from kroscek.analysis import ingest
from kroscek.model import Claim, ClaimValue, Event, Story
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.identity import carry_ids, changes
from kroscek.web.app import create_app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The seed articles published in 2025 (the rest are from October and November 2024).
LATER = ("000_a5ac5d4529fb4c8c.txt", "004_62b69ceccb893a64.txt")


def story(sid: str, *events: tuple[str, tuple[str, ...]], claims: tuple[Claim, ...] = ()) -> Story:
    members = tuple(a for _, ids in events for a in ids)
    return Story(sid, sid, members, tuple(Event(e, e, ids) for e, ids in events), claims=claims)


AGES = {name: (f"2025-01-{n:02d}", name) for n, name in enumerate("abcdefgh", start=1)}


def test_two_events_merging_keep_the_older_id_and_the_other_redirects() -> None:
    before = [story("s1", ("e-old", ("a", "b"))), story("s2", ("e-new", ("c", "d")))]
    after = [story("sX", ("eX", ("a", "b", "c", "d", "e")))]
    carried, redirects = carry_ids(before, after, AGES)
    assert carried[0].id == "s1" and carried[0].events[0].id == "e-old"  # "a" came first
    assert {(r.old, r.new, r.kind) for r in redirects} == {("s2", "s1", "story"), ("e-new", "e-old", "event")}
    found = {(c.kind, c.before, c.after) for c in changes(before, carried, redirects)}
    assert ("merged", "e-new", "e-old") in found and ("joins-event", None, "e") in found


def test_a_split_keeps_the_id_with_the_larger_part() -> None:
    before = [story("s1", ("e1", ("a", "b", "c", "d")))]
    after = [story("sA", ("eA", ("a",)), ("eB", ("b", "c", "d")))]
    carried, redirects = carry_ids(before, after, AGES)
    assert [e.id for e in carried[0].events] == ["eA", "e1"] and not redirects
    assert [(c.kind, c.event) for c in changes(before, carried)] == [("new-event", "eA")]


def test_a_claim_keeps_its_id_and_its_status_change_is_recorded() -> None:
    def claim(cid: str, status: str, *values: tuple[str, float]) -> Claim:
        return Claim("angka (orang)", status, None, tuple(ClaimValue(v, a, 0, 2) for a, v in values), cid)  # type: ignore[arg-type]

    before = [story("s1", ("e1", ("a", "b")), claims=(claim("c-old", "agree", ("a", 12.0), ("b", 12.0)),))]
    grown = claim("c-hash", "differ", ("a", 12.0), ("b", 12.0), ("c", 15.0))
    after = [story("s1", ("e1", ("a", "b", "c")), claims=(grown,))]
    carried, _ = carry_ids(before, after, AGES)
    assert carried[0].claims[0].id == "c-old"
    kinds = [(c.kind, c.claim, c.before, c.after) for c in changes(before, carried)]
    assert ("claim-status", "c-old", "agree", "differ") in kinds
    assert ("claim-value-added", "c-old", None, "differ") in kinds


@pytest.fixture(scope="module")
def grown_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store fed the 2024 seed reports first, then the 2025 ones."""
    root = tmp_path_factory.mktemp("living")
    first, second = root / "2024", root / "2025"
    first.mkdir()
    second.mkdir()
    for path in EXAMPLES.iterdir():
        shutil.copy(path, (second if path.name in LATER else first) / path.name)
    store = Store(root / "k.db")
    ingest(store, [str(first)], Settings())
    (before,) = store.all_stories()
    ingest(store, [str(second)], Settings())
    ingest(store, [str(second)], Settings())  # again: nothing changes
    (after,) = store.all_stories()
    assert after.id == before.id  # the story keeps its id as it grows
    store.close()
    return root / "k.db"


def test_the_2025_reports_are_a_new_event_and_a_conflict_with_evidence(grown_store: Path) -> None:
    store = Store(grown_store)
    everything = store.changes()
    store.close()
    first = [c for c in everything if c["kind"] == "new-story"]
    assert len(first) == 1 and first[0]["seq"] == everything[0]["seq"]
    later = [c for c in everything if c["seq"] > first[-1]["seq"] and c["kind"] != "claim-created"]
    assert [c["kind"] for c in later if c["kind"] in ("new-event", "new-story")] == ["new-event"]
    (conflict,) = [c for c in everything if c["kind"] == "claim-created" and c["after"] == "conflict"]
    assert len(conflict["evidence"]) == 2 and all(e["end"] > e["start"] for e in conflict["evidence"])
    assert len({c["seq"] for c in everything}) == len(everything)  # the repeated ingest added nothing


def test_a_store_fed_in_two_batches_has_the_events_of_one_analysis(grown_store: Path) -> None:
    from kroscek.analysis import analyze

    store = Store(grown_store)
    (grown,) = store.all_stories()
    names = {a.id: a.name for a in store.articles()}
    store.close()
    result = analyze([str(EXAMPLES)], Settings())
    (whole,) = result.stories
    by_name = {a.id: a.name for a in result.articles}
    assert sorted(sorted(names[a] for a in e.article_ids) for e in grown.events) == sorted(
        sorted(by_name[a] for a in e.article_ids) for e in whole.events
    )


def test_changes_on_the_command_line_web_api_page_and_feed(grown_store: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kroscek", "changes", "--store", str(grown_store), "--since", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines and all(line["seq"] > 1 for line in lines)
    client = TestClient(create_app(grown_store))
    listed = client.get("/api/changes", params={"since": 0}).json()
    assert [c["seq"] for c in listed["changes"]] == sorted(c["seq"] for c in listed["changes"])
    sid = listed["changes"][0]["story"]
    page = client.get(f"/stories/{sid}").text
    assert "What changed" in page and "New event" in page
    feed = ElementTree.fromstring(client.get(f"/stories/{sid}/feed.atom").content)
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == len(listed["changes"])


def test_a_merged_story_id_answers_with_its_survivor(grown_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    shutil.copy(grown_store, path)
    store = Store(path)
    (kept,) = store.all_stories()
    store.db.execute("INSERT INTO redirects VALUES ('sgone0000000', ?, 'story')", (kept.id,))
    store.close()
    client = TestClient(create_app(path))
    page = client.get("/stories/sgone0000000", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/stories/{kept.id}"
    api = client.get("/api/stories/sgone0000000", follow_redirects=False)
    assert api.status_code == 301 and api.json() == {"merged_into": kept.id}
    assert client.get("/stories/snever000000").status_code == 404


def test_the_latest_changes_of_a_story_are_its_last_ones_in_order(tmp_path: Path) -> None:
    from kroscek.model import Change

    store = Store(tmp_path / "k.db")
    store.replace_stories([], changes=[Change("joins-event", "s1", after=f"a{n}") for n in range(120)])
    latest = store.changes(0, "s1", 100, latest=True)
    assert [c["after"] for c in latest] == [f"a{n}" for n in range(20, 120)]  # oldest first, the last 100
    assert [c["after"] for c in store.changes(0, "s1", 3)] == ["a0", "a1", "a2"]
