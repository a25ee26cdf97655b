"""Confidence: event membership, quote speakers and claim statuses carry a calibrated number in
[0, 1]; old records without one still decode; the API filters on it (``min_confidence``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from fastapi.testclient import TestClient

from kroscek.analysis import analyze, ingest
from kroscek.annotate.quotes.confidence import PATHS, path_confidence
from kroscek.calibration import calibration
from kroscek.evaluate.confidence import cross_fitted, frequencies, isotonic, reliability
from kroscek.model import Article, Story
from kroscek.report.html import render_story
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.stories.build import prepare
from kroscek.stories.confidence import at_least, membership_confidence
from kroscek.stories.events import _Event, feature_rows, memberships, model_probability, shipped_model
from kroscek.web.app import create_app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TOKEN = "s3cret"
Seeds = tuple[list[Article], list[Story]]


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    result = analyze([str(EXAMPLES)], Settings())
    return result.articles, result.stories


def test_every_fact_of_the_seeds_has_a_confidence_in_0_1(seeds: Seeds) -> None:
    articles, stories = seeds
    quotes = [q for a in articles for q in a.quotes]
    assert quotes and all(q.confidence is not None and 0 <= q.confidence <= 1 for q in quotes)
    for story in stories:
        for event in story.events:
            assert len(event.confidence) == len(event.article_ids)
            assert all(0 <= c <= 1 for c in event.confidence)
        assert all(c.confidence is not None and 0 <= c.confidence <= 1 for c in story.claims)


def test_a_lone_article_gets_the_share_of_lone_articles_alone_in_the_gold() -> None:
    assert membership_confidence([1.0]) == [calibration()["events"]["alone"]]
    low, high = membership_confidence([0.3, 0.999])
    assert low is not None and high is not None and 0 <= low <= high <= 1


def test_leave_one_out_membership_does_not_depend_on_order(seeds: Seeds) -> None:
    articles, stories = seeds
    event = max((e for s in stories for e in s.events), key=lambda e: len(e.article_ids))
    members = [a for a in articles if a.id in event.article_ids]
    profiles = prepare(members).profiles
    probability = model_probability(shipped_model())
    forward = memberships(profiles, probability)
    backward = memberships(profiles[::-1], probability)[::-1]
    assert forward == pytest.approx(backward)
    assert memberships(profiles[:1], probability) == [1.0]
    # Taking one member out of the event's sums is comparing it with an event made of the others.
    for i, profile in enumerate(profiles):
        others = _Event()
        for k, other in enumerate(profiles):
            if k != i:
                others.add(other)
        assert forward[i] == pytest.approx(float(probability(0, feature_rows(profile, [others]))[0]))


def test_a_speaker_found_any_way_has_a_confidence() -> None:
    assert all(path_confidence(p) is not None for p in PATHS)  # a way the gold never showed: the share over all


def test_records_stored_before_confidence_still_decode() -> None:
    old = {
        "id": "s1",
        "title": None,
        "article_ids": ["a"],
        "events": [{"id": "e1", "title": None, "article_ids": ["a"], "date": None}],
        "claims": [{"about": "x", "status": "agree", "reason": None, "values": []}],
    }
    story = msgspec.json.decode(msgspec.json.encode(old), type=Story)
    assert story.events[0].confidence == () and story.claims[0].confidence is None
    shown, _ = at_least(story, [], 0.5)
    assert shown.events[0].article_ids == () and shown.claims == ()  # nothing says they are that sure


def test_calibration_helpers_on_known_numbers() -> None:
    table = frequencies(["a"] * 8 + ["b"] * 2, [True] * 8 + [False, True])
    assert table["*"] == 0.9 and table["a"] > table["*"] > table["b"]
    # Each from the other fold: a (0 of 1 right, pulled to 0.5 by 5 of prior), a (1 of 1), b unseen (all: 1.0).
    assert cross_fitted(["a", "a", "b"], [True, False, True], ["x", "y", "y"]) == [0.417, 1.0, 1.0]
    xs, ys = isotonic([0.1, 0.2, 0.8, 0.9], [False, False, True, True])
    assert ys == sorted(ys) and ys[0] == 0.0 and ys[-1] == 1.0 and len(xs) == len(ys)
    rows = reliability([0.1, 0.15, 0.9, 0.95], [False, True, True, True])
    assert rows[0][:2] == ("0.0–0.2", 2) and rows[-1] == ("all", 4, pytest.approx(0.525), 0.75)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("confidence") / "k.db"
    store = open_store(path)
    ingest(store, [str(EXAMPLES)], Settings())
    store.close()
    with TestClient(create_app(path, token=TOKEN)) as client:
        yield client


def _story(client: TestClient, minimum: float | None = None) -> dict[str, Any]:
    story_id = client.get("/api/stories").json()[0]["id"]
    asked = f"?min_confidence={minimum}" if minimum is not None else ""
    answer = client.get(f"/api/stories/{story_id}{asked}")
    assert answer.status_code == 200
    return answer.json()  # type: ignore[no-any-return]


def test_story_json_keeps_only_facts_at_least_as_sure_as_asked(client: TestClient) -> None:
    whole = _story(client)
    assert _story(client, 0.0) == whole
    claims = [c["confidence"] for c in whole["story"]["claims"]]
    members = [c for e in whole["story"]["events"] for c in e["confidence"]]
    quotes = [q["confidence"] for a in whole["articles"] for q in a["quotes"]]
    cut = sorted(members)[len(members) // 2]
    some = _story(client, cut)
    assert [c for e in some["story"]["events"] for c in e["confidence"]] == [m for m in members if m >= cut]
    for event in some["story"]["events"]:
        assert len(event["article_ids"]) == len(event["confidence"])
    assert len(some["story"]["claims"]) == sum(c >= cut for c in claims)
    assert sum(len(a["quotes"]) for a in some["articles"]) == sum(q >= cut for q in quotes)
    assert some["story"]["article_ids"] == whole["story"]["article_ids"]  # the story itself stays whole
    article = whole["articles"][0]
    asked = client.get(f"/api/articles/{article['id']}?min_confidence={cut}").json()["article"]
    assert [q["start"] for q in asked["quotes"]] == [q["start"] for q in article["quotes"] if q["confidence"] >= cut]
    none = _story(client, 1.0)
    assert not none["story"]["claims"] and not any(a["quotes"] for a in none["articles"])
    assert client.get(f"/api/stories/{whole['story']['id']}?min_confidence=2").status_code == 422


def test_search_drops_quote_hits_under_min_confidence_and_a_corrected_speaker_is_sure(client: TestClient) -> None:
    hits = client.get("/api/search?speaker=Lin Jian").json()["hits"]
    assert hits and all(h["kind"] == "quote" for h in hits)
    assert client.get("/api/search?speaker=Lin Jian&min_confidence=0").json()["hits"] == hits
    assert client.get("/api/search?speaker=Lin Jian&min_confidence=1").json()["hits"] == []
    # An analyst names a speaker: that quote is now as sure as it gets.
    article = client.get(f"/api/articles/{hits[0]['article_id']}").json()["article"]
    quote = next(q for q in article["quotes"] if q["start"] == hits[0]["start"])
    asked = {"kind": "quote-speaker", "ids": [article["id"]], "by": "ana", "quote": quote["text"][:40]}
    answer = client.post(
        "/api/corrections", json={**asked, "value": "Lin Jian"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert answer.status_code == 200 and answer.json()["status"] == "applied"
    sure = client.get("/api/search?speaker=Lin Jian&min_confidence=1").json()["hits"]
    assert [(h["article_id"], h["start"]) for h in sure] == [(hits[0]["article_id"], hits[0]["start"])]


def test_the_correction_form_is_on_live_pages_only(client: TestClient, seeds: Seeds) -> None:
    articles, stories = seeds
    briefing = render_story(stories[0], {a.id: a for a in articles})  # a file: nowhere to post to
    assert 'id="correct"' not in briefing and 'class="conf"' in briefing
    story = _story(client)
    assert 'id="correct"' in client.get(f"/stories/{story['story']['id']}").text
    article = story["articles"][0]["id"]
    page = client.get(f"/articles/{article}").text
    assert 'id="correct"' in page and f'name="ids" required value="{article}"' in page


def test_a_store_gives_the_confidences_analyze_gives(client: TestClient, seeds: Seeds) -> None:
    _, stories = seeds
    analysed = {a: c for s in stories for e in s.events for a, c in zip(e.article_ids, e.confidence, strict=True)}
    events = _story(client)["story"]["events"]
    stored = {a: c for e in events for a, c in zip(e["article_ids"], e["confidence"], strict=True)}
    assert stored == analysed
