"""`kroscek export`: every table and graph read back by its own reader, row for row with the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kroscek.analysis import ingest
from kroscek.cli import app
from kroscek.model import Article
from kroscek.report.export import export_store
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.store.sqlite import Store
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "k.db"
    store = open_store(path)
    ingest(store, [str(EXAMPLES)], Settings())
    store.close()
    return path


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_tables_and_graphs_read_back_row_for_row(store_path: Path, tmp_path: Path) -> None:
    store = Store(store_path)
    written = export_store(store, tmp_path)
    articles, stories = store.articles(), store.all_stories()
    quotes = sum(len(a.quotes) for a in articles)
    values = [v for s in stories for c in s.claims for v in c.values]
    assert quotes and values and store.last_change()
    expected = {"articles": len(articles), "quotes": quotes, "claims": len(values), "changes": store.last_change()}
    for table, count in expected.items():
        assert written[f"{table}.csv"] == written[f"{table}.jsonl"] == count
        assert len(_csv(tmp_path / f"{table}.csv")) == len(_jsonl(tmp_path / f"{table}.jsonl")) == count
    # A quote's text is the article's span; its story is the one the store puts the article in.
    row = _jsonl(tmp_path / "quotes.jsonl")[0]
    article = store.article(str(row["article_id"]))
    assert article is not None and row["text"] == article.text[int(str(row["start"])) : int(str(row["end"]))]
    assert row["story"] == store.story_of(article.id)
    first = _csv(tmp_path / "claims.csv")[0]
    assert first["status"] in {"agree", "differ", "update", "conflict"} and first["article_id"]
    assert 0 <= float(first["confidence"]) <= 1 and 0 <= float(str(row["confidence"])) <= 1
    chains = nx.read_graphml(tmp_path / "quote_chains.graphml")
    carried = {
        (c.first_article_id, e.article_id)
        for s in stories
        for c in s.quote_chains
        for e in c.quotes
        if e.article_id != c.first_article_id
    }
    assert chains.number_of_edges() == written["quote_chains.graphml"] and carried
    assert {(a, b) for a, b, _ in chains.edges(data=True)} == carried
    assert all(chains.nodes[n]["outlet"] is not None for n in chains.nodes)
    copies = nx.read_graphml(tmp_path / "copies.graphml")
    assert copies.number_of_edges() == sum(len(s.duplicates) for s in stories)
    store.close()


def test_csv_cells_a_spreadsheet_would_run_are_inert(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    hostile = Article(
        id="h1", source="h.txt", name="h", raw="x", text="=1+1 kata dia.", title='=HYPERLINK("http://x","klik")'
    )
    store.upsert_articles([hostile])
    export_store(store, tmp_path / "out", ["csv", "jsonl"], ["articles"])
    (row,) = _csv(tmp_path / "out" / "articles.csv")
    assert row["title"] == "'" + hostile.title  # type: ignore[operator]
    assert _jsonl(tmp_path / "out" / "articles.jsonl")[0]["title"] == hostile.title  # JSON keeps it as it is
    store.close()


def test_cli_export_says_what_it_wrote_and_refuses_unknown_formats(store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["export", "--store", str(store_path), "--out", str(tmp_path), "--format", "csv"])
    assert done.exit_code == 0, done.output
    assert "articles.csv: 5 row(s)" in " ".join(done.stderr.split()) and (tmp_path / "quotes.csv").exists()
    assert not (tmp_path / "quotes.jsonl").exists()
    wrong = runner.invoke(app, ["export", "--store", str(store_path), "--out", str(tmp_path), "--format", "xlsx"])
    assert wrong.exit_code == 2 and "unknown export format or table: xlsx" in wrong.stderr
