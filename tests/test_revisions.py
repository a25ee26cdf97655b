"""Revisions: the same URL (else record id) read again with other text is the next version of one article."""

from __future__ import annotations

import json
from pathlib import Path

from kroscek.analysis import analyze, ingest
from kroscek.model import Article
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.index import restory
from kroscek.stories.revisions import mark_revisions, what_changed
from tests.conftest import GARUT

URL = "https://www.antaranews.com/berita/4401/banjir-garut"
FIRST = (
    "Banjir bandang di Kabupaten Garut, Jawa Barat, menewaskan 12 orang pada Senin malam, kata Kepala BPBD "
    "Garut Satria Budi kepada wartawan."
)
LATER = FIRST.replace("12 orang", "15 orang")
ADDED = "Tiga korban lain ditemukan tim SAR gabungan di bantaran Sungai Cimanuk pada Selasa pagi."


def record(text: str, url: str | None = URL, record_id: str | None = None, outlet: str = "antaranews.com") -> dict:
    row: dict = {"text": text, "title": "Banjir bandang di Garut", "outlet": outlet, "published": "2025-03-03"}
    if url:
        row["url"] = url
    if record_id:
        row["id"] = record_id
    return row


def write(path: Path, *rows: dict) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def article(text: str, url: str | None = URL, record_id: str | None = None, id_: str = "a") -> Article:
    return Article(id=id_, source="s", name="n", raw=text, text=text, url=url, record_id=record_id)


def test_a_changed_text_under_one_url_or_record_id_is_the_next_version() -> None:
    one, two, three = article(FIRST, id_="1"), article(LATER, id_="2"), article(LATER + " " + ADDED, id_="3")
    marked = mark_revisions([one, two, three])
    assert [a.revision_of for a in marked] == [None, "1", "2"]
    # The same text again (a second scrape of an unchanged page) is a copy, not a version.
    again = article(" ".join(FIRST.split(" ")), id_="4")
    assert mark_revisions([one, again])[1].revision_of is None
    # Without a URL, the record's own id is the key; with neither there is no key.
    keyed = mark_revisions([article(FIRST, None, "r1", "5"), article(LATER, None, "r1", "6")])
    assert keyed[1].revision_of == "5"
    assert mark_revisions([article(FIRST, None, None, "7"), article(LATER, None, None, "8")])[1].revision_of is None
    # What a store knows counts as the version before.
    assert mark_revisions([two], lambda keys: {URL: one})[0].revision_of == "1"


def test_what_a_revision_changed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "v.jsonl", record(" ".join([FIRST, *GARUT[:2]])), record(" ".join([LATER, ADDED, GARUT[0]]))
    )
    old, new = analyze([path], Settings(stories=False)).articles
    detail, evidence = what_changed(old, new)
    assert detail["figures_added"] == ("15 orang", "Tiga korban") and detail["figures_removed"] == ("12 orang",)
    assert ADDED in detail["sentences_added"] and GARUT[1] in detail["sentences_removed"]
    assert any(new.text[e.start : e.end] == ADDED for e in evidence) and {e.article_id for e in evidence} == {new.id}


def _stories(store: Store) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(s.article_ids)) for s in store.all_stories())


def test_the_store_puts_the_newest_version_in_the_older_ones_place(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    other = record(
        " ".join(["Sebanyak 12 orang tewas akibat banjir bandang di Garut pada Senin malam, kata BPBD Garut.", *GARUT]),
        url="https://www.detik.com/jabar/berita/banjir-garut",
        outlet="detik.com",
    )
    ingest(store, [write(tmp_path / "a.jsonl", record(" ".join([FIRST, *GARUT])), other)], Settings())
    (first,) = [a for a in store.articles() if a.url == URL]
    since = store.last_change()
    ingest(store, [write(tmp_path / "b.jsonl", record(" ".join([LATER, ADDED, *GARUT])))], Settings())
    (newest,) = [a for a in store.articles() if a.url == URL and a.id != first.id]
    assert newest.revision_of == first.id
    (story,) = store.all_stories()
    assert newest.id in story.article_ids and first.id not in story.article_ids
    (revised,) = [c for c in store.changes(since) if c["kind"] == "article-revised"]
    assert revised["before"] == first.id and revised["after"] == newest.id and revised["story"] == story.id
    assert revised["detail"]["figures_added"][0] == "15 orang" and ADDED in revised["detail"]["sentences_added"]
    # The two versions are never two reports of one claim; the index agrees with a rebuild.
    assert all(first.id not in {v.article_id for v in c.values} for c in story.claims)
    placed = _stories(store)
    restory(store)
    assert _stories(store) == placed
    # Read again, nothing changes; the first version stays in the store, placed nowhere.
    assert ingest(store, [str(tmp_path / "b.jsonl"), str(tmp_path / "a.jsonl")], Settings())[0] == 0
    assert store.article(first.id) is not None and _stories(store) == placed
    store.close()


def test_two_versions_in_one_batch_and_in_one_analysis(tmp_path: Path) -> None:
    path = write(tmp_path / "v.jsonl", record(" ".join([FIRST, *GARUT])), record(" ".join([LATER, *GARUT])))
    result = analyze([path], Settings())
    old, new = result.articles
    assert new.revision_of == old.id and [s.article_ids for s in result.stories] == [(new.id,)]
    store = Store(tmp_path / "k.db")
    ingest(store, [path], Settings())
    assert _stories(store) == [(new.id,)] and store.counts()["articles"] == 2
    store.close()
