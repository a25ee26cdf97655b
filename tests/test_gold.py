"""The hand gold stays sound: every reference points at text that is there."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from kroscek.ingest.records import normalise_newlines

GOLD = Path(__file__).resolve().parent / "gold"
SHARED = Path(__file__).resolve().parents[2] / "shared"
HTML = SHARED / "data" / "html"
BLIND = SHARED / "corpus-blind" / "articles.jsonl"


def _raw(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", errors="replace")


@pytest.mark.parametrize("name", ["html_meta_aeb_1.json", "html_meta_aeb_2.json", "html_meta_id.json"])
def test_html_metadata_gold_points_at_text(name: str) -> None:
    if not (GOLD / name).exists():
        pytest.skip(f"{name} is not written yet")
    if not HTML.exists():
        pytest.skip(f"{HTML} is absent: the gold points into it")
    gold = json.loads((GOLD / name).read_text(encoding="utf-8"))
    assert gold["pages"]
    for page in gold["pages"]:
        if "key" in page:
            raw = _raw(HTML / "aeb-dev" / "html" / f"{page['key']}.html.gz")
        else:
            raw = _raw(HTML / "id-pages" / page["file"])
        if page.get("article") is False:
            continue
        spans = [page["title"], *page.get("authors", []), *page.get("editors", [])]
        spans += [page[k] for k in ("published_span", "body_first", "body_last") if page.get(k)]
        for start, end in spans:
            assert 0 <= start < end <= len(raw) and raw[start:end].strip(), (name, page.get("key") or page["file"])
        if page.get("published"):
            dt.datetime.fromisoformat(page["published"])  # a real ISO 8601 value


def test_blind_clean_line_gold_labels_every_line() -> None:
    """Each blind article named has every non-blank line labelled once, and only those."""
    if not BLIND.exists():
        pytest.skip(f"{BLIND} is absent: the gold's line indexes point into it")
    with (GOLD / "blind" / "clean_lines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert rows
    labels: dict[str, dict[int, str]] = {}
    for row in rows:
        assert row["label"] in {"story", "furniture"}, row
        lines = labels.setdefault(row["name"], {})
        assert int(row["line"]) not in lines, row
        lines[int(row["line"])] = row["label"]
    with BLIND.open(encoding="utf-8") as handle:
        texts = {r["id"]: r["text"] for r in map(json.loads, handle) if r["id"] in labels}
    assert set(texts) == set(labels)
    for name, labelled in labels.items():
        lines = normalise_newlines(texts[name]).split("\n")
        assert set(labelled) == {i for i, line in enumerate(lines) if line.strip()}, name
