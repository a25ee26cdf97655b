"""Ingest: encodings detected, bad inputs refused by name, the rest of the batch still read."""

from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import pytest

from kroscek.ingest import expand_paths, read_inputs
from kroscek.ingest.decode import InputError, decode
from kroscek.model import Article, Skipped
from kroscek.settings import Settings

TEXT = "Harga cabai naik menjelang Lebaran. “Kami khawatir,” kata Siti, warga Bekasi, Jumat (1/11/2024).\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by its NUL pattern
        (TEXT.encode("cp1252"), "cp1252"),  # curly quotes are 0x93/0x94 in cp1252
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    decoded = decode(data, "x.txt")
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == TEXT


def test_latin1_when_cp1252_is_impossible() -> None:
    data = "Café São Paulo ".encode("latin-1") + b"\x81" + b" rest of a line of text"
    assert decode(data, "x.txt").encoding == "latin-1"


def test_truncated_utf8_keeps_what_came_before() -> None:
    data = "Berita tentang Tiongkok “".encode()[:-1]
    decoded = decode(data, "x.txt")
    assert decoded.text == "Berita tentang Tiongkok "
    assert decoded.note and "truncated" in decoded.note


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"some text\x00\x01\x02\x03 and then binary\x00\x00", "NUL"),
    ],
)
def test_binary_refused_naming_the_file(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as error:
        decode(data, "scan.bin")
    assert "scan.bin" in str(error.value) and kind in str(error.value)


@pytest.mark.parametrize("data", [b"", b"  \n\t \n"])
def test_empty_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"empty|whitespace"):
        decode(data, "empty.txt")


def _read(paths: list[str], **settings: int) -> list[Article | Skipped]:
    return list(read_inputs(paths, Settings(**settings)))


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Judul\n\nIsi berita pertama yang cukup panjang.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Judul lain\n\nIsi berita kedua yang cukup panjang.", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / ".hidden").write_text("ignored", encoding="utf-8")
    items = _read([str(tmp_path)], max_input_bytes=1000)
    articles = [i for i in items if isinstance(i, Article)]
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    assert [a.name for a in articles] == ["a", "d"]
    assert set(skipped) == {"b.pdf", "c.txt", "big.txt"}
    assert "PDF" in skipped["b.pdf"] and "empty" in skipped["c.txt"] and "limit" in skipped["big.txt"]


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Judul {name}\n\nIsi berita {name}.", encoding="utf-8")
    items = _read([str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "z*.md")])
    assert [i.name for i in items if isinstance(i, Article)] == ["x1", "x2"]
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert reasons == ["no such file or folder", "pattern matches no file"]


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "Isi satu.",
                "title": "Satu",
                "url": "https://news.detik.com/x",
                "outlet": "detik.com",
                "published": "2025-09-20T11:30+07:00",
                "authors": ["A B"],
            }
        ),
        "{not json",
        json.dumps({"id": "a2", "title": "no text"}),
        json.dumps({"id": "a3", "text": "Isi tiga.", "authors": "Solo Name", "published": "kemarin"}),
        json.dumps({"id": "a4", "text": "Isi empat.", "authors": [1, 2]}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([str(path)])
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.name for a in articles] == ["a1", "a3", "a4"]
    first = articles[0]
    assert (first.url, first.outlet, first.published, first.published_source, first.authors) == (
        "https://news.detik.com/x",
        "detik.com",
        "2025-09-20T11:30+07:00",
        "metadata",
        ("A B",),
    )
    assert articles[1].authors == ("Solo Name",)
    assert articles[1].published is None and "not ISO 8601" in articles[1].warnings[0].message
    assert "'authors' is not a list of strings" in articles[2].warnings[0].message and not articles[2].authors
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3"]
    assert "invalid JSON" in skipped[0].reason and "'text'" in skipped[1].reason


def test_stdin_text_and_jsonl() -> None:
    text = list(read_inputs(["-"], Settings(), io.BytesIO(b"Judul\n\nIsi berita.")))
    assert isinstance(text[0], Article) and text[0].name == "stdin"
    jsonl = list(read_inputs(["-"], Settings(), io.BytesIO(b'{"id": "s1", "text": "Isi."}\n')))
    assert isinstance(jsonl[0], Article) and jsonl[0].name == "s1"


def test_ids_follow_identity_and_text(tmp_path: Path) -> None:
    body = "Judul\n\nIsi berita yang sama."
    (tmp_path / "one.txt").write_text(body, encoding="utf-8")
    (tmp_path / "two.txt").write_text(body, encoding="utf-8")
    first = [i for i in _read([str(tmp_path)]) if isinstance(i, Article)]
    again = [i for i in _read([str(tmp_path)]) if isinstance(i, Article)]
    assert [a.id for a in first] == [a.id for a in again]  # re-ingest: same ids
    assert first[0].id != first[1].id  # same text, two records: two articles
    crlf = read_inputs(["-"], Settings(), io.BytesIO(body.replace("\n", "\r\n").encode()))
    lf = read_inputs(["-"], Settings(), io.BytesIO(body.encode()))
    assert next(crlf).id == next(lf).id  # type: ignore[union-attr]


def test_jsonl_streams_past_the_file_limit_and_skips_bad_lines(tmp_path: Path) -> None:
    record = json.dumps({"id": "ok", "text": "Isi berita yang cukup panjang untuk satu baris."})
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        for i in range(50):
            out.write(record.replace('"ok"', f'"ok{i}"').encode() + b"\n")
        out.write(b'{"id": "latin", "text": "caf\xe9"}\n')
        out.write(json.dumps({"id": "huge", "text": "x" * 900}).encode() + b"\n")
    items = _read([str(path)], max_input_bytes=800)  # the file is far over 800 bytes
    assert sum(isinstance(i, Article) for i in items) == 50
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert "not UTF-8" in reasons[0] and "over the limit" in reasons[1]


def test_jsonl_records_that_used_to_stop_the_batch(tmp_path: Path) -> None:
    lines = [
        '{"id": "surrogate", "text": "Isi \\ud800 berita", "title": "Judul \\udc00"}',
        '{"id": ' + "1" * 5000 + ', "text": "Isi berita dengan id panjang."}',
        '{"text": "Isi berita.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "t42", "text": "Isi berita.", "title": 42, "outlet": ["x"], "url": {"a": 1}}),
        json.dumps({"id": True, "text": "Isi berita dengan id boolean."}),
        json.dumps({"id": "nul", "text": "Isi\u0000 berita", "authors": ["A\u0000B"]}),
        json.dumps({"id": "old", "text": "Isi berita.", "published": "0001-01-01"}),
        json.dumps({"id": "ok", "text": "Isi berita terakhir."}),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([str(path)])
    articles = {a.name: a for a in items if isinstance(a, Article)}
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.reason for s in skipped] == ["invalid JSON (nested too deeply)"]
    assert set(articles) == {"surrogate", "1" * 5000, "t42", "bad:5", "nul", "old", "ok"}
    surrogate = articles["surrogate"]
    assert surrogate.raw == "Isi \ufffd berita" and surrogate.title == "Judul \ufffd"
    assert any("surrogate" in w.message for w in surrogate.warnings)
    assert (articles["t42"].title, articles["t42"].outlet, articles["t42"].url) == (None, None, None)
    assert len(articles["t42"].warnings) == 3
    assert articles["nul"].raw == "Isi berita" and articles["nul"].authors == ("AB",)
    assert articles["old"].published is None and "outside the years" in articles["old"].warnings[0].message
    for a in articles.values():  # every record can be encoded and hashed
        a.raw.encode("utf-8")


def test_file_names_that_are_not_utf8_and_links(tmp_path: Path) -> None:
    body = b"Judul\n\nIsi berita yang cukup panjang."
    (tmp_path / "ok.txt").write_bytes(body)
    os.makedirs(os.fsencode(tmp_path) + b"/sub")
    with open(os.fsencode(tmp_path) + b"/sub/caf\xe9.txt", "wb") as handle:
        handle.write(body)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder link back up the tree
    items = _read([str(tmp_path)])
    articles = [i for i in items if isinstance(i, Article)]
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    assert sorted(a.name for a in articles) == ["caf\\xe9", "ok"]
    assert "broken symbolic link" in skipped["gone.txt"]
    assert skipped["loop1.txt"] == skipped["loop2.txt"] == "symbolic link loop"
    assert "loop" in skipped["up"]


def test_recursive_glob_does_not_follow_links_forever(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("Judul\n\nIsi berita.", encoding="utf-8")
    (folder / "x").symlink_to(".")
    (folder / "y").symlink_to(".")
    items = _read([str(folder / "**" / "*.txt")])
    assert [i.name for i in items if isinstance(i, Article)] == ["a"]


def test_glob_forms(tmp_path: Path) -> None:
    for name in ("a/one.txt", "a/b/two.txt", "a/b/c/three.md", "a/.hidden/four.txt", "five.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Judul\n\nIsi berita.", encoding="utf-8")

    def names(pattern: str) -> list[str]:
        found = expand_paths([str(tmp_path / pattern)])
        return [str(Path(p).relative_to(tmp_path)) for p in found if isinstance(p, str)]

    assert names("**/*.txt") == ["a/b/two.txt", "a/one.txt", "five.txt"]
    assert names("a/**/*.txt") == ["a/b/two.txt", "a/one.txt"]
    assert names("a/*/*.txt") == ["a/b/two.txt"]
    assert names("a/.*/*.txt") == ["a/.hidden/four.txt"]
    assert names("a/b/[!x]*") == ["a/b/two.txt"]
    assert names("?ive.txt") == ["five.txt"]


def test_a_folder_nested_deeper_than_the_recursion_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    levels = 1500  # one-letter names keep the whole path (3,000 characters) under PATH_MAX
    monkeypatch.chdir(tmp_path)
    for _ in range(levels):
        os.mkdir("d")
        os.chdir("d")
    Path("x.txt").write_text("Judul\n\nIsi berita yang dalam.", encoding="utf-8")
    os.chdir(tmp_path)
    try:
        items = _read(["d"])
    finally:  # removed here: pytest's own clean-up (shutil.rmtree) recurses and cannot go this deep
        os.chdir("/".join(["d"] * levels))
        os.remove("x.txt")
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("d")
    assert [i.name for i in items if isinstance(i, Article)] == ["x"]


def test_random_high_bytes_are_not_text() -> None:
    data = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(InputError, match="not text"):
        decode(data, "noise.bin")


def test_pipes_and_devices_are_refused_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # opening it to read would wait for a writer forever
    (tmp_path / "ok.txt").write_text("Judul\n\nIsi berita.", encoding="utf-8")
    items = _read([str(tmp_path / "pipe"), str(tmp_path)])
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert reasons == ["not a regular file (named pipe)"] * 2
    assert [i.name for i in items if isinstance(i, Article)] == ["ok"]


def test_a_format_is_one_registered_reader(tmp_path: Path) -> None:
    # A new format touches nothing else: one function registered for its suffix.
    from kroscek.ingest import read_inputs
    from kroscek.ingest.readers import reader, reader_for
    from kroscek.ingest.records import text_article

    @reader(".kroscektest")
    def read_pipes(handle, source, limit):  # type: ignore[no-untyped-def]
        for n, part in enumerate(handle.read(limit).decode().split("|"), start=1):
            yield text_article(part.strip(), f"{source}#{n}")

    (tmp_path / "two.kroscektest").write_text("Berita pertama tentang banjir. | Berita kedua tentang gempa.")
    found = list(read_inputs([str(tmp_path / "two.kroscektest")], Settings()))
    assert [a.raw for a in found] == ["Berita pertama tentang banjir.", "Berita kedua tentang gempa."]
    assert reader_for("x.jsonl").streams and not reader_for("x.HTML").streams and reader_for("x.txt") is None
