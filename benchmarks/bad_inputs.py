"""Hostile and broken inputs, one at a time between two good articles, then all in one batch.

Each case is a file (or a JSONL line) put in a folder beside two good articles and analysed with
the whole pipeline and the story layer. A case passes when nothing escapes the batch (no
exception), both good articles come out whole, no stage fails on them, and the bad input is
either read (with warnings where something was repaired) or listed under ``skipped`` with a
reason. Then every case goes into one folder and ``kroscek analyze`` runs on it as a user would:
exit status 3 (some inputs skipped), the JSON written, every good article in it.

Run: make hostile   (or .venv/bin/python benchmarks/bad_inputs.py)
"""

from __future__ import annotations

import codecs
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from rich.console import Console
from rich.table import Table

from kroscek.analysis import analyze
from kroscek.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOOD = sorted(EXAMPLES.glob("*.txt"))[:2]
SENTENCE = "Presiden Joko Widodo mengatakan di Jakarta, Senin (28/4/2025), bahwa sekitar 8.000 warga dievakuasi. "
PER_CASE_SECONDS = 120

Maker = Callable[[Path], None]


def _write(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def _jsonl(record: str | dict[str, object]) -> Maker:
    line = record if isinstance(record, str) else json.dumps(record)
    return _write("case.jsonl", line.encode("utf-8", "surrogatepass") + b"\n")


def _link(target: str) -> Maker:
    def make(folder: Path) -> None:
        (folder / "link.txt").symlink_to(target)

    return make


def _loop(folder: Path) -> None:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")


def _folder_loop(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "x").symlink_to(folder)
    (folder / "sub" / "y").symlink_to(folder)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _bad_name(folder: Path) -> None:
    with open(os.fsencode(folder) + b"/caf\xe9\n.txt", "wb") as handle:
        handle.write(SENTENCE.encode())


def _deep(folder: Path) -> None:
    path = os.fsencode(folder)
    for _ in range(1200):
        path += b"/d"
        os.mkdir(path)
    with open(path + b"/x.txt", "wb") as handle:
        handle.write(SENTENCE.encode())


rng = random.Random(13)
NAMES = " ".join(f"{rng.choice('BCDFGHJKLMNPRSTW')}{rng.choice('aiueo')}di Santoso{i}," for i in range(2000))

CASES: dict[str, Maker] = {
    "empty file": _write("case.txt", b""),
    "whitespace only": _write("case.txt", b" \n\t\n  "),
    "NUL bytes only": _write("case.txt", b"\x00" * 4096),
    "PDF": _write("case.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    "PNG": _write("case.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "JPEG": _write("case.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    "ZIP": _write("case.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
    "gzip": _write("case.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
    "ELF executable": _write("case", b"\x7fELF\x02\x01\x01\x00"),
    "SQLite database": _write("case.db", b"SQLite format 3\x00" + b"\x00" * 100),
    "random bytes": _write("case.bin", rng.randbytes(20_000)),
    "random high bytes (no NUL)": _write("case.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(20_000))),
    "UTF-16 LE without BOM": _write("case.txt", (SENTENCE * 5).encode("utf-16-le")),
    "UTF-16 BE with BOM": _write("case.txt", codecs.BOM_UTF16_BE + (SENTENCE * 5).encode("utf-16-be")),
    "UTF-32 with BOM": _write("case.txt", codecs.BOM_UTF32_LE + (SENTENCE * 5).encode("utf-32-le")),
    "cp1252 curly quotes": _write("case.txt", ("“Kami siap,” kata Budi. " + SENTENCE).encode("cp1252")),
    "latin-1 with C1 bytes": _write("case.txt", SENTENCE.encode("latin-1") + b"\x81 caf\xe9"),
    "mojibake (UTF-8 read as cp1252)": _write(
        "case.txt", ("“Kami siap,” kata Budi. " + SENTENCE).encode().decode("cp1252", "replace").encode()
    ),
    "UTF-8 cut mid-character": _write("case.txt", (SENTENCE + "“").encode()[:-1]),
    "UTF-8 with stray bad bytes": _write("case.txt", SENTENCE.encode() * 3 + b"\xff\xfe" + SENTENCE.encode()),
    "over max_input_bytes (6 MB)": _write("case.txt", SENTENCE.encode() * 60_000),
    "one 1 MB line": _write("case.txt", SENTENCE.encode() * 10_000),
    "100,000 one-letter lines": _write("case.txt", b"a\n" * 100_000),
    "digits only": _write("case.txt", b"123 456 789\n"),
    "'Ya.' (no word of 3 letters)": _write("case.txt", b"Ya."),
    "punctuation only": _write("case.txt", b"!!! ??? ... ,,, ;;; --- ()"),
    "emoji only": _write("case.txt", "😀🔥🇮🇩 ".encode() * 200),
    "Arabic (RTL) text": _write("case.txt", ("قال الرئيس إن الاقتصاد ينمو. " * 50).encode()),
    "Chinese text": _write("case.txt", ("中国外交部发言人林剑表示。" * 50).encode()),
    "control characters sprinkled": _write("case.txt", (SENTENCE + "\x01\x02\x1b[31m\x7f").encode() * 20),
    "a whole HTML page": _write(
        "case.html",
        b"<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav><p>"
        + SENTENCE.encode()
        + b"</p></body></html>",
    ),
    "unclosed <!-- repeated (80 KB)": _write("case.txt", b"<!-- x " * 11_500),
    "unclosed <script> repeated (80 KB)": _write("case.txt", b"<script>a " * 8_000),
    "entity-encoded <script>": _write("case.txt", b"&lt;script&gt;alert(1)&lt;/script&gt; " + SENTENCE.encode()),
    "live <script> and onerror in text": _write(
        "case.txt", b"<script>alert(1)</script><img src=x onerror=alert(1)> " + SENTENCE.encode()
    ),
    "javascript: link": _write("case.txt", b"[klik](javascript:alert(1)) " + SENTENCE.encode()),
    "'ke-' x 20,000 in one line": _write("case.txt", b"Foto: " + b"ke-" * 20_000),
    "2,000 person names": _write("case.txt", ("Hadir dalam acara itu " + NAMES + " dan lainnya.").encode()),
    "10,000 straight quote marks": _write("case.txt", b'Budi mengatakan "' * 10_000),
    "unbalanced curly quotes": _write("case.txt", ("“" * 3000 + SENTENCE).encode()),
    "10,000 open brackets": _write("case.txt", b"(" * 10_000 + SENTENCE.encode()),
    "date 3/1/0001": _write("case.txt", b"Jakarta - Presiden berkata Senin (3/1/0001) bahwa ekonomi tumbuh."),
    "date 31/2/2025": _write("case.txt", b"Jakarta - Presiden berkata Senin (31/2/2025) bahwa ekonomi tumbuh."),
    "'9999 tahun lalu'": _write(
        "case.txt", b"Peristiwa itu terjadi 9999 tahun lalu, kata Budi, dan 1000000 hari lalu."
    ),
    "a 400-digit number": _write("case.txt", b"Jumlahnya " + b"9" * 400 + b" orang, kata Budi."),
    "'1e999' and Rp 1e308 T": _write("case.txt", b"Nilainya 1e999 atau Rp 1e308 T, kata Budi."),
    "5,000 dates": _write("case.txt", b"Senin (28/4/2025) " * 5_000),
    "CR-only line ends": _write("case.txt", (SENTENCE + "\r").encode() * 20),
    "BOM then JSONL": _write("case.jsonl", codecs.BOM_UTF8 + json.dumps({"text": SENTENCE}).encode() + b"\n"),
    "file name not UTF-8, with a newline": _bad_name,
    "broken symbolic link": _link("missing.txt"),
    "symbolic link loop": _loop,
    "folder links back up (twice)": _folder_loop,
    "named pipe": _fifo,
    "a folder 1,200 levels deep": _deep,
    "JSONL: lone surrogate in text": _jsonl('{"text": "' + SENTENCE + '\\ud800"}'),
    "JSONL: lone surrogate in title": _jsonl('{"text": "' + SENTENCE + '", "title": "\\udc00"}'),
    "JSONL: 5,000-digit integer id": _jsonl('{"id": ' + "1" * 5000 + ', "text": "' + SENTENCE + '"}'),
    "JSONL: nested 100,000 deep": _jsonl('{"text": "x", "y": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    "JSONL: title 42": _jsonl({"text": SENTENCE, "title": 42}),
    "JSONL: authors an object": _jsonl({"text": SENTENCE, "authors": {"a": 1}}),
    "JSONL: published 0001-01-01": _jsonl({"text": SENTENCE, "published": "0001-01-01"}),
    "JSONL: published 9999-12-31": _jsonl({"text": SENTENCE, "published": "9999-12-31"}),
    "JSONL: published 'kemarin'": _jsonl({"text": SENTENCE, "published": "kemarin"}),
    "JSONL: published a number": _jsonl({"text": SENTENCE, "published": 12345}),
    "JSONL: empty text": _jsonl({"text": ""}),
    "JSONL: text null": _jsonl({"text": None}),
    "JSONL: text a number": _jsonl({"text": 12}),
    "JSONL: a list, not an object": _jsonl("[1, 2]"),
    "JSONL: invalid JSON": _jsonl('{"text": "unterminated'),
    "JSONL: line not UTF-8": _write("case.jsonl", b'{"text": "caf\xe9"}\n'),
    "JSONL: record over the limit": _jsonl({"text": SENTENCE * 60_000}),
    "JSONL: NUL in text": _jsonl({"text": SENTENCE + "\x00" + SENTENCE}),
    "JSONL: id true": _jsonl({"id": True, "text": SENTENCE}),
    "JSONL: url an object": _jsonl({"url": {"a": 1}, "text": SENTENCE}),
    "JSONL: 1 MB title": _jsonl({"text": SENTENCE, "title": "T" * 1_000_000}),
    "JSONL: digits-only text": _jsonl({"text": "123 456"}),
}


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def _good(folder: Path) -> None:
    for i, path in enumerate(GOOD):
        (folder / f"good{i}.txt").write_bytes(path.read_bytes())


def run_case(name: str, make: Maker) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _good(folder)
        make(folder)
        signal.alarm(PER_CASE_SECONDS)
        began = time.perf_counter()
        try:
            result = analyze([str(folder)], Settings())
            crash = ""
        except _Timeout:
            return {"case": name, "crash": f"over {PER_CASE_SECONDS} s", "lost": 2, "stage_failures": 0, "seconds": 0.0}
        except Exception as error:
            return {
                "case": name,
                "crash": f"{type(error).__name__}: {error}"[:80],
                "lost": 2,
                "stage_failures": 0,
                "seconds": 0.0,
            }
        finally:
            signal.alarm(0)
            _remove_deep(folder)
        seconds = time.perf_counter() - began
        good = [a for a in result.articles if a.name.startswith("good")]
        lost = 2 - sum(1 for a in good if a.text and a.sentences)
        failures = sum(1 for a in result.articles for w in a.warnings if w.message.startswith("stage '"))
        outcome = "skipped" if result.skipped and len(result.articles) == 2 else "read"
        return {
            "case": name,
            "crash": crash,
            "lost": lost,
            "stage_failures": failures,
            "seconds": seconds,
            "outcome": outcome,
        }


def _remove_deep(folder: Path) -> None:
    """TemporaryDirectory's rmtree recurses: take a very deep folder apart from the bottom first."""
    top = os.fsencode(folder) + b"/d"
    if not os.path.isdir(top):
        return
    depth, path = 0, top
    while os.path.isdir(path + b"/d"):
        path += b"/d"
        depth += 1
    for name in os.listdir(path):
        os.remove(path + b"/" + name)
    for _ in range(depth + 1):
        os.rmdir(path)
        path = path.rsplit(b"/", 1)[0]


def whole_batch() -> tuple[int, int, int]:
    """Every case in one folder through the CLI: (exit status, good articles written, inputs skipped)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        _good(folder)
        for i, make in enumerate(CASES.values()):
            sub = folder / f"case{i:02d}"
            sub.mkdir()
            make(sub)
        out = Path(tmp) / "out.json"
        command = [str(Path(sys.executable).parent / "kroscek"), "analyze", str(folder), "--json", str(out), "-q"]
        status = subprocess.run(command, capture_output=True, timeout=1800, check=False).returncode
        document = json.loads(out.read_bytes()) if out.exists() else {"articles": [], "skipped": []}
        for i in range(len(CASES)):
            _remove_deep(folder / f"case{i:02d}")
    good = sum(1 for a in document["articles"] if a["name"].startswith("good") and a["text"])
    return status, good, len(document["skipped"])


def main() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    console = Console()
    rows = [run_case(name, make) for name, make in CASES.items()]
    table = Table(
        "case", "outcome", "crash", "good lost", "stage failures", "seconds", title="bad inputs, one at a time"
    )
    for r in rows:
        table.add_row(
            str(r["case"]),
            str(r.get("outcome", "-")),
            str(r["crash"] or "-"),
            str(r["lost"]),
            str(r["stage_failures"]),
            f"{r['seconds']:.2f}",
        )
    console.print(table)
    crashes = sum(1 for r in rows if r["crash"])
    lost = sum(int(str(r["lost"])) for r in rows)
    failures = sum(int(str(r["stage_failures"])) for r in rows)
    console.print(f"{len(rows)} cases: {crashes} crashes, {lost} good articles lost, {failures} stage failures")
    status, good, skipped = whole_batch()
    console.print(
        f"all {len(rows)} cases in one batch (kroscek analyze): exit {status}, "
        f"good articles written {good}/2, {skipped} inputs skipped"
    )


if __name__ == "__main__":
    main()
