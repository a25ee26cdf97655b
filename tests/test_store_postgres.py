"""The PostgreSQL store against a real server (``make test`` starts Debian's PostgreSQL as root)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kroscek.analysis import ingest
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.store.sqlite import Store, StoreError
from tests.conftest import PG_URL, pg_scratch

URL = PG_URL
EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


def _fresh() -> Store:
    try:
        import psycopg

        with psycopg.connect(URL, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return open_store(URL)
    except (ImportError, StoreError, OSError) as error:
        pytest.skip(f"no PostgreSQL server at {URL}: {error}")
    except Exception as error:  # psycopg.OperationalError and friends
        pytest.skip(f"no PostgreSQL server at {URL}: {error}")


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    fresh = _fresh()
    ingest(fresh, [EXAMPLES], Settings())
    yield fresh
    fresh.close()


def test_ingest_is_idempotent_and_stories_built(store: Store) -> None:
    before = store.counts()
    ingest(store, [EXAMPLES], Settings())
    assert store.counts() == before and before["articles"] == 5 and before["stories"] == 1
    # What the first ingest changed is recorded once, in order; the second changed nothing.
    changes = store.changes()
    assert changes[0]["kind"] == "new-story" and [c["seq"] for c in changes] == sorted({c["seq"] for c in changes})
    assert "conflict" in {c["after"] for c in changes if c["kind"] == "claim-created"}


def test_search_with_filters_on_postgres(store: Store) -> None:
    hits = store.search(speaker="Lin Jian")
    assert hits and all(h["kind"] == "quote" and h["speaker"] == "Lin Jian" for h in hits)
    words = store.search("tentara Korut", since="2024-11-01", until="2024-11-30")
    assert words and {h["published"][:7] for h in words} == {"2024-11"} and "[" in words[0]["snippet"]
    assert isinstance(store.search('" OR * ) ( & | !'), list)  # user input is never query syntax


def test_records_round_trip(store: Store) -> None:
    (row,) = store.stories()
    story = store.story(row["id"])
    assert story is not None and {c.status for c in story.claims} >= {"differ", "conflict"}
    articles = store.articles(story.article_ids)
    assert sorted(a.id for a in articles) == sorted(story.article_ids)
    assert store.story_of(articles[0].id) == story.id


def test_articles_read_a_batch_at_a_time_and_stories_largest_first(store: Store) -> None:
    """What ``kroscek report`` reads of a store of any size: the articles in ingest order, a few at
    a time (keyset pages on the ingest order), and the stories' ids largest first."""
    assert list(store.each_article(batch=2)) == store.articles()
    assert store.story_ids() == [row["id"] for row in store.stories()]


def test_web_app_on_postgres(store: Store) -> None:
    from kroscek.web.app import create_app

    client = TestClient(create_app(URL))
    assert client.get("/api/search", params={"speaker": "Lin Jian"}).json()["hits"]
    story_id = client.get("/api/stories").json()[0]["id"]
    assert "conflict" in client.get(f"/stories/{story_id}").text


def test_concurrent_first_opens_on_postgres() -> None:
    url = pg_scratch("kroscek_race")
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def first_open() -> None:
        start.wait()
        try:
            open_store(url).close()
        except BaseException as error:  # every failure is the finding
            failures.append(error)

    openers = [threading.Thread(target=first_open) for _ in range(4)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join()
    assert failures == []
    store = open_store(url)
    assert store.counts() == {"articles": 0, "quotes": 0, "entities": 0, "stories": 0}
    store.close()


def test_corrections_on_postgres() -> None:
    """A correction is numbered, obeyed and listed with its status by the PostgreSQL store too."""
    from kroscek.stories.corrections import listed, resolve
    from kroscek.stories.index import correct

    store = _fresh()
    try:
        ingest(store, [EXAMPLES], Settings())
        (row,) = store.stories()
        story = store.story(row["id"])
        assert story is not None and len(story.events) >= 2
        first, second = story.events[0], story.events[1]
        kept = correct(store, resolve(store, "merge-events", [first.id, second.id], by="analyst", why="one happening"))
        assert kept.id == 1 and [c.id for c in store.corrections()] == [1]
        merged = store.story(store.story_of(first.article_ids[0]) or "")
        assert merged is not None
        event_of = {a: e.id for e in merged.events for a in e.article_ids}
        assert event_of[first.article_ids[0]] == event_of[second.article_ids[0]]
        (record,) = listed(store)
        assert record["status"] == "applied" and record["kind"] == "merge-events"
    finally:
        store.close()
