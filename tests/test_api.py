"""The public Python API, and `kroscek eval` from any directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kroscek

TEXT = (
    "Korban tewas akibat banjir bandang di Kabupaten Garut, Jawa Barat, mencapai 12 orang, "
    "kata Kepala BPBD Garut pada Senin (6/1/2025). Tim SAR gabungan masih mencari dua warga."
)


def test_import_kroscek_loads_no_model() -> None:
    code = "import sys, kroscek; print(sorted(m for m in ('spacy', 'lingua', 'kroscek.analysis') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyze_texts_and_records() -> None:
    result = kroscek.analyze_texts([TEXT])
    (article,) = result.articles
    assert article.name == "text:1" and article.language == "id"
    assert 12.0 in {q.value for q in article.quantities}
    records = [
        {"id": "a1", "text": TEXT, "outlet": "kompas.com", "published": "2025-01-06"},
        {"id": "bad", "title": "no text"},
        {"id": "a2", "text": TEXT.replace("12", "14"), "outlet": "detik.com", "published": "2025-01-06"},
    ]
    result = kroscek.analyze_records(records)
    assert [a.name for a in result.articles] == ["a1", "a2"]
    assert [(s.source, "text" in s.reason) for s in result.skipped] == [("records:2", True)]
    contract = kroscek.to_contract(result.articles, result.stories)
    assert contract["schema"] == "kroscek/1" and len(contract["articles"]) == 2
    assert isinstance(kroscek.Settings(), kroscek.Settings) and kroscek.Article is type(article)


def test_eval_finds_its_data_from_any_directory(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kroscek", "eval", "quantities"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "sources not found" not in out and "all" in out
