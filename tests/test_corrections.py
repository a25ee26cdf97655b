"""Corrections: each kind survives a re-ingest, a full re-analysis (--redo) and a newer cleaner that
moves offsets; one that cannot apply any more is reported, never dropped; the API takes them."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import kroscek.clean.body
from kroscek.analysis import ingest
from kroscek.cli import app
from kroscek.evaluate.stories import load_gold
from kroscek.model import Article
from kroscek.report.export import export_store
from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.stories.corrections import figure_text, find_quote, listed, resolve
from kroscek.stories.index import correct, restory
from kroscek.web.app import create_app
from tests.conftest import EXAMPLES

#: A second story: nothing to do with the seeds' North Korean troops.
CHILLI = (
    "Harga Cabai Rawit Naik di Pasar Induk\n\n"
    "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp 80.000 per kilogram pekan ini, kata pedagang.\n\n"
    "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan deras merusak tanaman di sentra produksi.\n"
)

#: What a newer cleaner removes, in the test: lines above the quotes of three seeds (a line of a
#: class the shipped rules keep), so every later offset of those articles moves.
NEWER_RULE = r"^(China memberikan respons|Pemerintah China, menanggapi kekhawatiran)"
#: And for the lapsing correction: the line that holds a quote of seed 003.
NEWER_RULE_LOSING_A_QUOTE = NEWER_RULE[:-1] + r"|Juru bicara Kementerian Luar Negeri Tiongkok Lin Jian mengatakan)"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seeds, the second story, and (for the re-ingest) a later copy of seed 003."""
    root = tmp_path_factory.mktemp("inputs")
    (root / "other").mkdir()
    (root / "other" / "chilli.txt").write_text(CHILLI, encoding="utf-8")
    return [str(EXAMPLES), str(root / "other")]


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A later article: seed 003 as another site re-ran it (a copy, so it lands among the seeds)."""
    root = tmp_path_factory.mktemp("later")
    original = next(EXAMPLES.glob("003_*.txt")).read_text(encoding="utf-8")
    (root / "rerun.txt").write_text("Kabar Lain\n\n" + original.split("\n", 4)[-1], encoding="utf-8")
    return str(root)


@pytest.fixture(scope="module")
def built(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("built") / "k.db"
    store = Store(path)
    ingest(store, inputs, Settings())
    store.close()
    return path


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copy(built, tmp_path / "k.db")
    opened = Store(tmp_path / "k.db")
    yield opened
    opened.close()


def _ids(store: Store) -> dict[str, str]:
    """Article id by name: the seeds by number ("000" …), the others by file stem."""
    return {(a.name[:3] if a.name[:3].isdigit() else a.name): a.id for a in store.articles()}


def _placed(store: Store) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's event and story as the stories say."""
    stories = store.all_stories()
    return (
        {a: e.id for s in stories for e in s.events for a in e.article_ids},
        {a: s.id for s in stories for a in s.article_ids},
    )


def _quote(article: Article, text: str) -> tuple[str | None, str | None, int]:
    at = find_quote(article, text)
    assert at is not None, f"no quote reading {text!r}"
    q = article.quotes[at]
    return q.speaker_canonical, q.cited_from, q.start


def _newer_cleaner(monkeypatch: pytest.MonkeyPatch, rule: str) -> None:
    """Simulate a newer kroscek whose cleaner drops one more class of line."""
    shipped = kroscek.clean.body.furniture()
    newer = dataclasses.replace(shipped, lines=(*shipped.lines, ("newer-rule", re.compile(rule, re.IGNORECASE))))
    monkeypatch.setattr(kroscek.clean.body, "furniture", lambda: newer)


def _runs(
    store: Store, inputs: list[str], later: str, monkeypatch: pytest.MonkeyPatch, rule: str
) -> Iterator[tuple[str, dict[str, int]]]:
    """Re-ingest with a new article, re-analyse everything, re-analyse with a newer cleaner: after each,
    the name of the run and where the quotes of 000 start (to see offsets move)."""
    ingest(store, [*inputs, later], Settings())
    yield "re-ingest", {}
    ingest(store, [*inputs, later], Settings(), redo=True)
    yield "redo", {}
    before = {q.cue or str(i): q.start for i, q in enumerate(_article(store, "000").quotes)}
    _newer_cleaner(monkeypatch, rule)
    ingest(store, [*inputs, later], Settings(), redo=True)
    yield "newer cleaner", before


def _article(store: Store, name: str) -> Article:
    found = store.article(_ids(store)[name])
    assert found is not None
    return found


def _statuses(store: Store) -> dict[str, tuple[str, str | None]]:
    return {r["kind"]: (r["status"], r["reason"]) for r in listed(store)}


def _claim_holding(store: Store, article: str, figure: str) -> str:
    """The id of the claim that holds ``figure`` from ``article``."""
    return next(
        c.id
        for s in store.all_stories()
        for c in s.claims
        for v in c.values
        if v.article_id == article and figure_text(v.value) == figure
    )


def _claim_values(store: Store, article: str) -> list[str]:
    stories = store.all_stories()
    return [figure_text(v.value) for s in stories for c in s.claims for v in c.values if v.article_id == article]


def test_merges_and_fixes_survive_reingest_redo_and_a_newer_cleaner(
    store: Store, inputs: list[str], later: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids(store)
    event, story = _placed(store)
    assert event[ids["000"]] != event[ids["001"]] and story[ids["chilli"]] != story[ids["000"]]
    assert store.article(ids["002"]) is not None and _article(store, "002").published is None
    speaker, _, _ = _quote(_article(store, "000"), "hubungan dan kerja sama antara Moskow")
    assert speaker == "Guo Jiakun"
    assert "3000" in _claim_values(store, ids["003"])
    claim = _claim_holding(store, ids["003"], "3000")
    asked: list[tuple[str, list[str], dict[str, str]]] = [
        ("merge-events", [event[ids["000"]], ids["001"]], {}),
        ("merge-stories", [ids["chilli"], story[ids["000"]]], {}),
        ("quote-speaker", [ids["000"]], {"quote": "kerja sama antara Moskow", "value": "Lin Jian"}),
        ("claim-wrong", [claim, ids["003"]], {"value": "3000"}),
        ("article-published", [ids["002"]], {"value": "2024-10-30"}),
        ("article-title", [ids["001"]], {"value": "China: hubungan Korut-Rusia urusan mereka"}),
    ]
    for kind, named, extra in asked:
        correct(store, resolve(store, kind, named, by="analyst", why="checked by hand", **extra))

    def obeyed(run: str) -> None:
        event, story = _placed(store)
        seeds = [ids[n] for n in ("000", "001", "002", "003", "004")]
        assert len({event[a] for a in seeds}) == 1, run
        assert story[ids["chilli"]] == story[ids["000"]], run
        assert _quote(_article(store, "000"), "hubungan dan kerja sama antara Moskow")[0] == "Lin Jian", run
        assert "3000" not in _claim_values(store, ids["003"]), run
        assert any("correction #4" in a.reason for s in store.all_stories() for a in s.set_aside), run
        assert _article(store, "002").published == "2024-10-30", run
        assert _article(store, "001").title == "China: hubungan Korut-Rusia urusan mereka", run
        assert all(status == ("applied", None) for status in _statuses(store).values()), (run, _statuses(store))

    obeyed("made")
    for run, before in _runs(store, inputs, later, monkeypatch, NEWER_RULE):
        obeyed(run)
        if before:  # the newer cleaner moved the offsets the corrections never held
            after = {q.cue or str(i): q.start for i, q in enumerate(_article(store, "000").quotes)}
            assert all(after[k] < start for k, start in before.items() if k in after)


def test_partings_and_fixes_survive_and_one_that_cannot_apply_is_reported(
    store: Store, inputs: list[str], later: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _ids(store)
    event, _ = _placed(store)
    assert event[ids["001"]] == event[ids["002"]] and event[ids["000"]] == event[ids["004"]]
    assert _quote(_article(store, "000"), "Interaksi antara Rusia dan Korea Utara")[1] == "Kyiv Independent"
    claim = _claim_holding(store, ids["001"], "8000")
    asked: list[tuple[str, list[str], dict[str, str]]] = [
        ("keep-apart", [ids["001"], ids["002"]], {}),
        ("move-article", [ids["004"]], {}),
        ("quote-cited-from", [ids["000"]], {"quote": "Interaksi antara Rusia dan Korea Utara", "value": "AFP"}),
        ("claim-not-comparable", [claim, ids["001"]], {"value": "8000"}),
        ("article-outlet", [ids["000"]], {"value": "Kompas TV"}),
        ("quote-speaker", [ids["003"]], {"quote": "krisis Ukraina konsisten dan jelas", "value": "Mao Ning"}),
    ]
    for kind, named, extra in asked:
        correct(store, resolve(store, kind, named, by="analyst", **extra))

    def obeyed(run: str, quote_kept: bool = True) -> None:
        event, _ = _placed(store)
        assert event[ids["001"]] != event[ids["002"]], run
        assert event[ids["004"]] != event[ids["000"]], run
        assert _quote(_article(store, "000"), "Interaksi antara Rusia dan Korea Utara")[1] == "AFP", run
        assert "8000" not in _claim_values(store, ids["001"]), run
        assert _article(store, "000").outlet == "Kompas TV", run
        statuses = _statuses(store)
        assert all(status == ("applied", None) for k, status in statuses.items() if k != "quote-speaker"), run
        if quote_kept:
            assert statuses["quote-speaker"] == ("applied", None)
            assert _quote(_article(store, "003"), "krisis Ukraina konsisten dan jelas")[0] == "Mao Ning"

    obeyed("made")
    for run, before in _runs(store, inputs, later, monkeypatch, NEWER_RULE_LOSING_A_QUOTE):
        obeyed(run, quote_kept=not before)
    # The newer cleaner removed the line that held the quote: the correction is kept and says why.
    status, reason = _statuses(store)["quote-speaker"]
    assert status == "lapsed" and reason and "no quote reading" in reason and ids["003"] in reason
    assert len(listed(store)) == len(asked)


def test_a_newer_correction_wins_and_the_older_one_says_so(store: Store) -> None:
    """A merge of two events, then two of their articles kept apart: the merge binds the rest and says
    which newer correction it gave way to."""
    ids = _ids(store)
    event, _ = _placed(store)
    correct(store, resolve(store, "merge-events", [event[ids["000"]], ids["001"]], by="a"))
    correct(store, resolve(store, "keep-apart", [ids["000"], ids["001"]], by="b", why="two happenings after all"))
    event, _ = _placed(store)
    assert event[ids["000"]] != event[ids["001"]]
    assert event[ids["000"]] == event[ids["004"]] == event[ids["003"]]  # the rest of the merge holds
    merge, apart = listed(store)
    assert apart["status"] == "applied"
    assert merge["status"] == "applied" and merge["reason"].startswith("in part: a newer correction (#2)")


def test_a_merge_a_newer_keep_apart_undoes_lapses(store: Store) -> None:
    ids = _ids(store)
    event, _ = _placed(store)
    named = [event[ids["000"]], event[ids["001"]]]
    store.add_correction(resolve(store, "merge-events", named, by="a"))
    store.add_correction(resolve(store, "keep-apart", named, by="b"))
    restory(store)
    assert _placed(store)[0][ids["000"]] != _placed(store)[0][ids["001"]]
    merge, apart = listed(store)
    assert apart["status"] == "applied"
    assert merge["status"] == "lapsed" and merge["reason"] == "a newer correction (#2) keeps these articles apart"


def test_the_cli_and_the_api_make_and_list_corrections(store: Store) -> None:
    ids = _ids(store)
    path = store.path
    runner = CliRunner()
    made = runner.invoke(
        app, ["correct", "article-outlet", ids["001"], "--value", "detikNews", "--by", "ana", "--store", path]
    )
    assert made.exit_code == 0, made.output
    wrong = runner.invoke(app, ["correct", "merge-stories", ids["001"], "--by", "ana", "--store", path])
    assert wrong.exit_code == 2 and "names 2 id(s)" in wrong.output
    listing = runner.invoke(app, ["corrections", "--json", "--store", path])
    assert '"status":"applied"' in listing.output
    client = TestClient(create_app(path, token="secret"))
    body = {"kind": "article-title", "ids": [ids["002"]], "by": "ana", "value": "Judul yang benar", "why": "typo"}
    assert client.post("/api/corrections", json=body).status_code == 401
    answer = client.post("/api/corrections", json=body, headers={"Authorization": "Bearer secret"})
    assert answer.status_code == 200 and answer.json()["status"] == "applied" and answer.json()["id"] == 2
    bad = client.post("/api/corrections", json={**body, "kind": "nonsense"}, headers={"Authorization": "Bearer secret"})
    assert bad.status_code == 422
    listed_now = client.get("/api/corrections").json()["corrections"]
    assert [c["kind"] for c in listed_now] == ["article-outlet", "article-title"]
    assert client.get(f"/api/articles/{ids['002']}").json()["article"]["title"] == "Judul yang benar"


def test_corrections_export_as_tables_and_as_gold_eval_stories_reads(store: Store, tmp_path: Path) -> None:
    ids = _ids(store)
    correct(store, resolve(store, "keep-apart", [ids["001"], ids["002"]], by="ana", why="two happenings"))
    correct(store, resolve(store, "article-published", [ids["002"]], value="2024-10-30", by="ana"))
    written = export_store(store, tmp_path, ["csv", "jsonl", "gold"], ["corrections"])
    assert written["corrections.csv"] == written["corrections.jsonl"] == 2
    rows = [json.loads(line) for line in (tmp_path / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["kind"] for r in rows] == ["keep-apart", "article-published"]
    assert rows[0]["target"]["articles"] == [ids["001"]] and rows[0]["status"] == "applied"
    with (tmp_path / "corrections.csv").open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert json.loads(first["target"])["other"] == [ids["002"]] and first["why"] == "two happenings"
    gold = load_gold(tmp_path / "gold" / "gold.json")  # as kroscek eval stories reads it
    names = {a.id: a.name for a in store.articles()}
    assert (names[ids["001"]], names[ids["002"]]) in gold.hard_negatives
    assert sorted(map(sorted, gold.clusters)) == sorted(
        sorted(names[a] for a in e.article_ids) for s in store.all_stories() for e in s.events
    )
    records = [json.loads(line) for line in (tmp_path / "gold" / "articles.jsonl").read_text().splitlines()]
    assert {r["id"] for r in records} == set(names.values())
    assert next(r for r in records if r["id"] == names[ids["002"]])["published"] == "2024-10-30"
