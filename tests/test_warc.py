"""Web archives: HTML responses read as pages, the other records counted, damage reported, the rest kept."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroscek.clean import clean
from kroscek.cli import app
from kroscek.ingest import read_inputs
from kroscek.ingest.html import html_article
from kroscek.model import Article, Skipped
from kroscek.settings import Settings
from tests.conftest import GARUT

BODY = GARUT[:3]
RUSSIAN = [
    "Сильное наводнение затопило сотни домов в районе Гарут на острове Ява после двух дней проливных дождей "
    "в верховьях реки, сообщили местные власти во вторник утром.",
    "Спасатели эвакуировали пожилых жителей в мечети и сельские дома культуры, а на площади перед зданием "
    "районной администрации развернули полевую кухню для пострадавших семей.",
    "Глава местной службы по чрезвычайным ситуациям заявил, что объединённые группы продолжают осматривать "
    "берега реки, чтобы убедиться, что в домах никто не остался.",
]
URL = "https://www.antaranews.com/berita/4401/banjir-garut"


def _page(title: str, paragraphs: list[str], head: str = "") -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>{title}</h1>{text}</article></body></html>"


def _http(content_type: str, body: bytes, status: str = "200 OK", headers: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{headers}\r\n".encode() + body


def _record(kind: str, uri: str, block: bytes, number: int) -> bytes:
    content_type = (
        "application/warc-fields" if kind in ("warcinfo", "metadata") else f"application/http; msgtype={kind}"
    )
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"WARC-Date: 2024-03-0{1 + number % 8}T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def _archive(path: Path, records: list[tuple[str, str, bytes]]) -> list[int]:
    """Write ``records`` (kind, uri, block) to ``path``, a gzip member each for .gz; the byte each starts at."""
    starts, data = [], b""
    for number, (kind, uri, block) in enumerate(records, start=1):
        record = _record(kind, uri, block, number)
        starts.append(len(data))
        data += gzip.compress(record, mtime=0) if path.name.endswith(".gz") else record
    path.write_bytes(data)
    return starts


def _html(title: str, paragraphs: list[str] = BODY, charset: str = "utf-8", head: str = "") -> bytes:
    return _http(f"text/html; charset={charset}", _page(title, paragraphs, head).encode(charset))


def _read(path: Path, limit: int | None = None) -> tuple[list[Article], list[Skipped]]:
    settings = Settings() if limit is None else Settings(max_input_bytes=limit)
    items = list(read_inputs([str(path)], settings))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def test_html_responses_become_articles_and_the_other_records_are_counted(tmp_path: Path) -> None:
    chunked_gzip = gzip.compress(_page("Jembatan Putus di Cianjur", BODY).encode())
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunked_gzip), chunked_gzip)
    encoded = _http("text/html", chunked, headers="Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n")
    path = tmp_path / "crawl.warc.gz"
    _archive(
        path,
        [
            ("warcinfo", "", b"software: test\r\n"),
            ("request", URL, f"GET /berita/4401 HTTP/1.1\r\nHost: {URL.split('/')[2]}\r\n\r\n".encode()),
            ("response", URL, _html("Banjir Bandang Rendam Ratusan Rumah di Garut")),
            ("revisit", URL, _http("text/html", b"")),
            ("metadata", URL, b"outlink: https://www.antaranews.com/\r\n"),
            ("response", "https://www.antaranews.com/logo.png", _http("image/png", b"\x89PNG\r\n\x1a\n....")),
            (
                "response",
                "https://www.antaranews.com/hilang",
                _http("text/html", b"<h1>Not found</h1>", "404 Not Found"),
            ),
            ("response", "https://news.detik.com/berita/d-77/jembatan", encoded),
        ],
    )
    articles, skipped = _read(path)
    assert [(a.source, a.url, a.title) for a in articles] == [
        (f"{tmp_path}/crawl.warc.gz#3", URL, "Banjir Bandang Rendam Ratusan Rumah di Garut"),
        (f"{tmp_path}/crawl.warc.gz#8", "https://news.detik.com/berita/d-77/jembatan", "Jembatan Putus di Cianjur"),
    ]
    assert articles[0].name == URL and "\nBanjir bandang merendam ratusan rumah" in articles[0].raw
    # The outlet comes from the record's address, as for any article with a url.
    assert [clean(a).outlet for a in articles] == ["antaranews.com", "detik.com"]
    assert skipped == []  # records that are no pages are a normal part of a crawl


def test_an_archive_without_a_page_counts_what_it_held(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _archive(
        path,
        [
            ("request", URL, b"GET /berita/4401 HTTP/1.1\r\n\r\n"),
            (
                "response",
                "https://www.antaranews.com/hilang",
                _http("text/html", b"<h1>Not found</h1>", "404 Not Found"),
            ),
        ],
    )
    assert _read(path) == (
        [],
        [Skipped(str(path), "no HTML page in the archive: 1 request, 1 non-2xx response record(s)")],
    )


def test_charset_from_the_http_header_else_from_the_meta_tag(tmp_path: Path) -> None:
    french = [
        "Le café de la gare a rouvert ses portes après des années de fermeture, à la grande joie du quartier.",
        "Les habitués sont revenus dès le premier matin, et le patron a servi plus de deux cents cafés crème.",
        "La mairie a financé une partie des travaux de rénovation, terminés avec trois mois de retard.",
        "Le propriétaire espère désormais accueillir des concerts le vendredi soir pendant tout l'été.",
    ]
    # The last three say latin-1 and are UTF-8 (a common mislabel): bytes that are UTF-8 are read as UTF-8.
    mislabelled = [
        _http(f"text/html; charset={label}" if label else "text/html", _page(title, text, head).encode())
        for label, title, text, head in [
            ("iso-8859-1", "Un café rouvert à Lyon", french, ""),
            ("iso-8859-1", "Наводнение на Яве", RUSSIAN, ""),
            ("", "Наводнение на Яве", RUSSIAN, '<meta http-equiv="Content-Type" content="text/html; charset=latin1">'),
        ]
    ]
    path = tmp_path / "pages.warc"
    _archive(
        path,
        [
            ("response", "https://www.lemonde.fr/a", _html("Un café rouvert à Lyon", french, "cp1252")),
            ("response", "https://ria.ru/b", _html("Наводнение на Яве", RUSSIAN, "windows-1251")),
            (
                "response",
                "https://lenta.ru/c",
                _http("text/html", _page("Наводнение на Яве", RUSSIAN, '<meta charset="koi8-r">').encode("koi8-r")),
            ),
            *(("response", f"https://example.com/{n}", block) for n, block in enumerate(mislabelled)),
        ],
    )
    articles, _ = _read(path)
    assert [a.title for a in articles] == ["Un café rouvert à Lyon", "Наводнение на Яве", "Наводнение на Яве"] * 2
    assert "Le café de la gare a rouvert" in articles[0].raw and articles[3].raw == articles[0].raw
    assert "\nСильное наводнение затопило" in articles[1].raw and articles[2].raw == articles[1].raw
    assert articles[4].raw == articles[5].raw == articles[1].raw
    # Undeclared, the Cyrillic bytes are not read as Russian: the declaration is what decides.
    undeclared = _page("Наводнение на Яве", RUSSIAN).encode("windows-1251")
    with pytest.raises(ValueError, match="not text"):
        html_article(undeclared, "x.html")


@pytest.mark.parametrize("damage", ["cut", "garbage"])
def test_a_damaged_archive_keeps_the_records_before_the_damage(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "cut.warc.gz"
    titles = ["Banjir Bandang Rendam Ratusan Rumah di Garut", "Jembatan Putus di Cianjur", "Longsor Tutup Jalan"]
    starts = _archive(path, [("response", f"{URL}?n={n}", _html(t)) for n, t in enumerate(titles)])
    data = path.read_bytes()
    if damage == "cut":
        path.write_bytes(data[: starts[2] + (len(data) - starts[2]) // 2])
    else:
        path.write_bytes(data + b"<html>not a WARC record</html>\r\n")
    articles, skipped = _read(path)
    kept = titles[:2] if damage == "cut" else titles
    assert [a.title for a in articles] == kept
    (problem,) = skipped
    assert problem.source == str(path)
    if damage == "cut":
        assert problem.reason == (
            f"damaged archive: the file ends inside the gzip member (cut short) that starts at byte {starts[2]:,}; "
            "the 2 record(s) before it were read"
        )
    else:
        assert problem.reason == (
            f"damaged archive: not gzip data where the next record should start at byte {len(data):,}; "
            "the 3 record(s) before it were read"
        )


def test_a_plain_archive_cut_inside_a_record_drops_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    starts = _archive(path, [("response", f"{URL}?n={n}", _html(f"Banjir Garut Hari Ke-{n}")) for n in (1, 2)])
    path.write_bytes(path.read_bytes()[:-200])
    articles, skipped = _read(path)
    assert [a.title for a in articles] == ["Banjir Garut Hari Ke-1"]
    assert [s.reason for s in skipped] == [
        f"damaged archive: the archive ends inside record {path}#2 (cut short) that starts at byte {starts[1]:,}; "
        "the 1 record(s) before it were read"
    ]


def test_an_oversize_page_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    big = _html("Halaman Raksasa", BODY * 200)
    _archive(path, [("response", f"{URL}?big", big), ("response", URL, _html("Banjir Bandang di Garut"))])
    articles, skipped = _read(path, limit=20_000)
    assert [a.title for a in articles] == ["Banjir Bandang di Garut"]
    size = len(big) - len(_http("text/html; charset=utf-8", b""))
    assert skipped == [Skipped(f"{path}#1", f"page of {size:,} bytes, over the limit of 20,000 (max_input_bytes)")]


def test_analyze_reads_a_web_archive_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _archive(
        path,
        [
            ("request", URL, b"GET /berita/4401 HTTP/1.1\r\n\r\n"),
            ("response", URL, _html("Banjir Bandang Rendam Ratusan Rumah di Garut")),
        ],
    )
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["analyze", str(path), "--json", str(out), "-q"])
    # A request record beside the page is no input left unread: the run exits 0.
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    (article,) = document["articles"]
    assert (article["url"], article["outlet"], article["title"]) == (
        URL,
        "antaranews.com",
        "Banjir Bandang Rendam Ratusan Rumah di Garut",
    )
    assert article["language"] == "id" and "Garut" in {e["text"] for e in article["entities"]}
    assert document["skipped"] == []


def test_an_empty_archive_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    assert _read(path) == ([], [Skipped(str(path), "empty archive (no WARC record)")])
