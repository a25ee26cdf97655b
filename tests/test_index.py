"""The story index: an ingest places only what is new, the same way one pass over the whole pile does."""

from __future__ import annotations

import random
from pathlib import Path

import msgspec
import numpy as np
import pytest

from kroscek.evaluate.stories import bcubed
from kroscek.model import Article, Story
from kroscek.store import open_store
from kroscek.store.sqlite import MIGRATIONS, Store
from kroscek.stories.build import build_stories
from kroscek.stories.entities import link_entities
from kroscek.stories.events import _Event
from kroscek.stories.grouping import _Group
from kroscek.stories.groups import Packed
from kroscek.stories.index import restory, update
from tests.conftest import CORPUS_DEV, need_shared, pg_scratch

#: The seed articles published in 2025 (the rest are from October and November 2024).
LATER = ("000", "004")


def _events(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(e.article_ids) for s in stories for e in s.events)


def _fed(where: Path | str | Store, *batches: list[Article]) -> Store:
    store = where if isinstance(where, Store) else Store(where)
    for batch in batches:
        store.upsert_articles(batch)
        update(store)
    return store


def test_the_seeds_fed_in_two_batches_group_as_one_pass_over_them(seeds: dict[str, Article], tmp_path: Path) -> None:
    earlier = [a for k, a in sorted(seeds.items()) if k not in LATER]
    later = [a for k, a in sorted(seeds.items()) if k in LATER]
    store = _fed(tmp_path / "k.db", earlier)
    (first,) = store.all_stories()
    seen = store.last_change()
    store.close()
    store = _fed(tmp_path / "k.db", later)  # the index is read back from the file
    (story,) = store.all_stories()
    whole = build_stories(link_entities(list(seeds.values())))
    assert _events([story]) == _events(whole)
    assert story.id == first.id  # the story keeps its id as articles join it
    assert first.events[0].id in {e.id for e in story.events}
    statuses = {c.status for c in story.claims}
    assert {"differ", "conflict"} <= statuses
    news = store.changes(seen)  # what the 2025 reports changed: a new event, the 27/4 vs 28/4 conflict
    assert [c["kind"] for c in news].count("new-event") == 1
    assert any(c["after"] == "conflict" for c in news if c["kind"] in ("claim-created", "claim-status"))


def test_older_articles_coming_later_are_placed_with_their_event(seeds: dict[str, Article], tmp_path: Path) -> None:
    """The undated seed (002) joins the 2025 event when it comes with the 2025 articles alone; when
    the 2024 reports come after it, its event is taken apart and it goes where one pass puts it."""
    later = [a for k, a in sorted(seeds.items()) if k in LATER or k == "002"]
    earlier = [a for k, a in sorted(seeds.items()) if k not in LATER and k != "002"]
    store = _fed(":memory:", later, earlier)
    whole = build_stories(link_entities(list(seeds.values())))
    assert _events(store.all_stories()) == _events(whole)
    assert store.unindexed() == []


def test_an_update_rewrites_only_the_stories_its_articles_touch(seeds: dict[str, Article]) -> None:
    unrelated = msgspec.structs.replace(
        seeds["001"],
        id="unrelated",
        name="unrelated",
        title="Harga cabai rawit naik di pasar",
        text="Harga cabai rawit di Pasar Induk naik menjadi Rp 80.000 per kilogram pekan ini, kata pedagang.",
        sentences=(),
        entities=(),
        quotes=(),
        quantities=(),
        dates=(),
    )
    store = _fed(":memory:", [unrelated], [seeds["001"], seeds["003"]])
    other = next(s for s in store.all_stories() if "unrelated" in s.article_ids)
    seen = store.last_change()
    store.upsert_articles([seeds["002"]])
    assert update(store) == 1
    assert store.story(other.id) == other
    assert {c["story"] for c in store.changes(seen)} == {store.story_of(seeds["002"].id)} != {other.id}


def test_restory_rebuilds_the_index_and_keeps_the_ids(seeds: dict[str, Article]) -> None:
    store = _fed(":memory:", [seeds[k] for k in ("001", "002", "003")], [seeds[k] for k in LATER])
    before = store.all_stories()
    assert restory(store) == 1
    after = store.all_stories()
    assert _events(after) == _events(before)
    assert after[0].id == before[0].id and {e.id for e in after[0].events} == {e.id for e in before[0].events}
    assert store.indexed() == 5 and store.unindexed() == []


def _corpus_dev() -> list[Article]:
    from kroscek.analysis import analyze
    from kroscek.settings import Settings

    cache = Path(__file__).resolve().parent.parent / "build" / "events" / "corpus-dev.msgpack"
    if cache.exists():
        return msgspec.msgpack.decode(cache.read_bytes(), type=list[Article])
    return analyze([str(need_shared(CORPUS_DEV))], Settings(stories=False), jobs=2).articles


def test_corpus_dev_in_shuffled_batches_gives_the_events_of_one_pass() -> None:
    articles = _corpus_dev()
    mixed = articles[:]
    random.Random(7).shuffle(mixed)
    store = _fed(":memory:", *[mixed[i : i + 9] for i in range(0, len(mixed), 9)])
    whole = build_stories(link_entities(articles))
    assert bcubed(_events(store.all_stories()), _events(whole))[2] >= 0.99
    assert sorted(a for s in store.all_stories() for a in s.article_ids) == sorted(a.id for a in articles)


def test_an_update_places_a_big_ingest_a_batch_at_a_time(seeds: dict[str, Article]) -> None:
    """``index_batch``: the pending articles are placed a few at a time, each batch committed, as
    that many ingests one after the other would place them."""
    from kroscek.stories.params import StoryParams

    ordered = [seeds[k] for k in sorted(seeds)]
    store = Store(":memory:")
    store.upsert_articles(ordered)
    taken: list[int] = []
    real = store.unindexed

    def counted(limit: int | None = None) -> list[Article]:
        taken.append(len(found := real(limit)))
        return found

    store.unindexed = counted  # type: ignore[method-assign]
    assert update(store, StoryParams(index_batch=2)) == 5
    assert taken == [2, 2, 1]  # three batches, each placed and committed on its own
    in_three = _fed(":memory:", ordered[:2], ordered[2:4], ordered[4:])
    assert _events(store.all_stories()) == _events(in_three.all_stories())


def test_an_index_that_forgets_what_it_read_places_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory bounded: with room for only a few groups read from the store (the rest read again when
    wanted), batches land in the same events and stories as with room for all."""
    from kroscek.stories import groups

    articles = _corpus_dev()
    batches = [articles[i : i + 9] for i in range(0, len(articles), 9)]
    roomy = _fed(":memory:", *batches)
    monkeypatch.setattr(groups, "KEPT", 4)
    tight = _fed(":memory:", *batches)
    assert _events(tight.all_stories()) == _events(roomy.all_stories())
    assert sorted(s.article_ids for s in tight.all_stories()) == sorted(s.article_ids for s in roomy.all_stories())


def test_a_postgresql_store_indexes_as_sqlite_does(seeds: dict[str, Article]) -> None:
    """The seeds in three batches, the undated one last: the index's reads (most recent events per
    term, copy owners, names by word) answer alike on both stores."""
    batches = [[seeds["001"], seeds["003"]], [seeds["000"], seeds["004"]], [seeds["002"]]]
    postgres = _fed(open_store(pg_scratch("kroscek_index")), *batches)
    sqlite = _fed(":memory:", *batches)
    assert postgres.all_stories() == sqlite.all_stories()
    assert [c["kind"] for c in postgres.changes()] == [c["kind"] for c in sqlite.changes()]
    postgres.close()


def test_a_group_read_from_a_store_keeps_its_weights_packed_until_it_changes() -> None:
    from kroscek.stories.grouping import _Group
    from kroscek.stories.groups import Packed

    weights = {7: 0.5, 3: 1.5, 11: 0.25}
    packed = Packed(list(weights), list(weights.values()))
    assert dict(packed) == weights and packed.get(3) == 1.5 and packed.get(4) == 0.0 and len(packed) == 3
    group = _Group.decode(_Group([1], dict(weights), 2.5).encode())
    assert isinstance(group.total, Packed) and group.total == weights  # read as it was written
    group.add(2, np.array([3, 5]), np.array([1.0, 2.0]), None)
    assert group.total == {7: 0.5, 3: 2.5, 11: 0.25, 5: 2.0} and not isinstance(group.total, Packed)


def _old_state(kind: str, state: bytes) -> bytes:
    """A group's state as a store written before the compact index kept it: weights as two lists."""
    decoded = msgspec.msgpack.decode(state)
    if kind == "story":
        members, weights, norm2, span = decoded
        packed = Packed.decode(weights)
        return msgspec.msgpack.encode((members, list(packed), list(packed.values()), norm2, span))
    members, text, head, *rest = decoded
    lists = [[list(p := Packed.decode(w)), list(p.values()), norm2] for w, norm2 in (text, head)]
    return msgspec.msgpack.encode((members, *lists, *rest))


def _index(store: Store) -> tuple[list[tuple[object, ...]], ...]:
    tables = ("index_shingles", "index_terms", "index_articles", "index_names", "index_name_words")
    return tuple(sorted(store.db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables)


def test_an_index_written_before_it_was_compact_is_read_alike(
    seeds: dict[str, Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store of the schema before COMPACT_INDEX, its index as that kroscek wrote it (shingles by
    article id, term entries in rowid order, weights as lists): brought up to date, its index holds
    what a new store's holds, its old states read as the new ones, and the next update gives the
    same stories and changes."""
    import kroscek.store.sqlite as sqlite

    earlier = [a for k, a in sorted(seeds.items()) if k not in LATER]
    later = [a for k, a in sorted(seeds.items()) if k in LATER]
    new = _fed(tmp_path / "new.db", earlier[:2], earlier[2:])
    monkeypatch.setattr(sqlite, "MIGRATIONS", MIGRATIONS[:-1])
    old = Store(tmp_path / "old.db")
    old.upsert_articles(earlier)
    number = dict(new.db.execute("SELECT article_id, number FROM index_articles").fetchall())
    owner = {n: a for a, n in number.items()}
    with old.transaction():
        old._run_many("INSERT INTO index_articles VALUES (?, ?, ?, ?)", new.db.execute("SELECT * FROM index_articles"))
        groups = new.db.execute("SELECT id, kind, story_id, state FROM index_groups").fetchall()
        old._run_many(
            "INSERT INTO index_groups VALUES (?, ?, ?, ?)", [(*g[:3], _old_state(g[1], g[3])) for g in groups]
        )
        terms = new.db.execute("SELECT seq, kind, term, group_id FROM index_terms ORDER BY seq").fetchall()
        old._run_many("INSERT INTO index_terms VALUES (?, ?, ?, ?)", terms)
        shingles = new.db.execute("SELECT hash, number FROM index_shingles ORDER BY number, hash").fetchall()
        old._run_many(
            "INSERT INTO index_shingles (hash, article_id) VALUES (?, ?)", [(h, owner[n]) for h, n in shingles]
        )
        for table in ("index_names", "index_name_words"):
            rows = new.db.execute(f"SELECT * FROM {table}").fetchall()
            old._run_many(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
        old.replace_stories(new.all_stories(), [], [])
    old.close()
    monkeypatch.undo()
    old = Store(tmp_path / "old.db")
    assert _index(old) == _index(new)
    for (key, _, _, state), (_, _, _, before) in zip(
        sorted(new.db.execute("SELECT * FROM index_groups")),
        sorted(old.db.execute("SELECT * FROM index_groups")),
        strict=True,
    ):
        if key.startswith("e"):
            now, then = _Event.decode(state), _Event.decode(before)
            assert (now.text, now.head, now.people, now.days) == (then.text, then.head, then.people, then.days)
        else:
            assert _Group.decode(state) == _Group.decode(before)
    seen = new.last_change(), old.last_change()
    _fed(new, later), _fed(old, later)
    assert old.all_stories() == new.all_stories()
    assert [c["kind"] for c in old.changes(seen[1])] == [c["kind"] for c in new.changes(seen[0])]
    assert _index(old) == _index(new)
