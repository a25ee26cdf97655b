"""Shared fixtures: the bundled examples, ../shared when present, an analysis of the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kroscek.analysis import Analysis, analyze
from kroscek.model import Article
from kroscek.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS_DEV = SHARED / "corpus-dev" / "articles.jsonl"
#: The paragraphs of a plain Indonesian news article, as the HTML and WARC tests save it in pages.
GARUT = [
    "Banjir bandang merendam ratusan rumah di Kabupaten Garut, Jawa Barat, sejak Senin malam setelah hujan "
    "deras mengguyur kawasan hulu sungai selama dua hari berturut-turut.",
    "Petugas Badan Penanggulangan Bencana Daerah mengevakuasi warga lanjut usia ke masjid dan balai desa, "
    "sementara dapur umum didirikan di halaman kantor kecamatan.",
    "Kepala pelaksana BPBD Garut mengatakan tim gabungan masih menyisir bantaran sungai untuk memastikan tidak "
    "ada warga yang tertinggal di rumahnya.",
    "Bantuan logistik dari pemerintah provinsi dijadwalkan tiba pada Selasa pagi, termasuk tenda, selimut dan "
    "makanan siap saji untuk para pengungsi.",
]
#: The PostgreSQL server tests use (``make test`` starts one as root).
PG_URL = os.environ.get("KROSCEK_TEST_PG", "postgresql:///kroscek_test?host=/var/run/postgresql")


def need_shared(path: Path) -> Path:
    """Return ``path`` or skip the test, saying what is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    """The five seed articles, analysed once, by file stem prefix ("000" ... "004")."""
    result: Analysis = analyze([str(EXAMPLES)], Settings())
    return {a.name[:3]: a for a in result.articles}


def pg_scratch(name: str) -> str:
    """A URL whose tables live in their own fresh schema ``name``; skip the test without a server."""
    try:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
            conn.execute(f"CREATE SCHEMA {name}")
    except Exception as error:  # ImportError, psycopg.OperationalError and friends
        pytest.skip(f"no PostgreSQL server at {PG_URL}: {error}")
    return PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{name}"


def sentence_texts(article: Article) -> list[str]:
    return [article.text[s.start : s.end] for s in article.sentences]
