"""`kroscek watch`: new files and grown JSONL lines are ingested once, alerts say what changed."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from kroscek.settings import Settings
from kroscek.store.sqlite import Store
from kroscek.watch import Watcher

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LATER = ("000_a5ac5d4529fb4c8c.txt", "004_62b69ceccb893a64.txt")


def record(n: int, text: str | None = None) -> bytes:
    body = text or f"Banjir merendam {n} rumah warga di Kabupaten Garut, kata petugas BPBD Garut pada Senin."
    return (json.dumps({"id": f"r{n}", "title": f"Banjir {n}", "text": body}) + "\n").encode()


def test_the_seed_demo_new_event_and_conflict_then_nothing_and_a_restart_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.name not in LATER:
            shutil.copy(path, folder / path.name)
    alerts = io.StringIO()
    store = Store(tmp_path / "k.db")
    watcher = Watcher(store, [str(folder)], Settings(), alerts=alerts)
    assert next(c["kind"] for c in watcher.once()) == "new-story"
    for name in LATER:
        shutil.copy(EXAMPLES / name, folder / name)
    found = watcher.once()
    assert "new-event" in {c["kind"] for c in found}
    (conflict,) = [c for c in found if c["kind"] == "claim-created" and c["after"] == "conflict"]
    assert all(e["end"] > e["start"] for e in conflict["evidence"])
    assert watcher.once() == []  # nothing new
    lines = [json.loads(line) for line in alerts.getvalue().splitlines()]
    assert [line["seq"] for line in lines] == sorted({line["seq"] for line in lines})
    store.close()
    again = Store(tmp_path / "k.db")  # a restart reads the cursors: nothing is read twice
    assert Watcher(again, [str(folder)], Settings()).once() == [] and again.counts()["articles"] == 5


def test_a_growing_jsonl_file_is_read_a_complete_line_at_a_time(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    whole = record(3)
    feed.write_bytes(record(1) + record(2) + whole[:20])  # the third line is still being written
    said: list[str] = []
    store = Store(tmp_path / "k.db")
    watcher = Watcher(store, [str(feed)], Settings(), report=said.append)
    watcher.once()
    assert store.counts()["articles"] == 2
    with feed.open("ab") as handle:
        handle.write(whole[20:] + b"{not json\n")
    watcher.once()
    assert store.counts()["articles"] == 3
    assert any(f"{feed.name}:4" in line and "invalid JSON" in line for line in said)  # numbered as in the file
    feed.write_bytes(record(9))  # replaced by a shorter file: read from its start
    watcher.once()
    assert store.counts()["articles"] == 4


def test_a_bad_file_is_reported_once_retried_and_never_stops_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "good.jsonl").write_bytes(record(1))
    said: list[str] = []
    store = Store(tmp_path / "k.db")
    watcher = Watcher(store, [str(folder)], Settings(), report=said.append)
    watcher.once()
    watcher.once()
    assert store.counts()["articles"] == 1
    assert sum("bad.txt" in line for line in said) == 1
    assert store.cursor(str(folder / "bad.txt")) is None  # not recorded: tried again on the next pass
    (folder / "bad.txt").write_text("Harga cabai naik di pasar Bekasi menjelang Lebaran, kata pedagang.")
    watcher.once()
    assert store.counts()["articles"] == 2


def test_the_changes_of_a_pass_are_posted_to_a_webhook(tmp_path: Path) -> None:
    received: list[Any] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        (tmp_path / "feed.jsonl").write_bytes(record(1))
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        Watcher(Store(tmp_path / "k.db"), [str(tmp_path / "feed.jsonl")], Settings(), webhook=url).once()
    finally:
        server.shutdown()
    (posted,) = received
    assert posted and posted[0]["kind"] == "new-story"
    # A webhook that is down is reported, and the pass still completes.
    said: list[str] = []
    (tmp_path / "feed.jsonl").write_bytes(record(1) + record(2, "Harga cabai naik di Bekasi, kata pedagang pasar."))
    Watcher(Store(tmp_path / "k.db"), [str(tmp_path)], Settings(), webhook=url, report=said.append).once()
    assert any("webhook" in line for line in said)


@pytest.mark.parametrize("after", [1.5, 4.0])
def test_a_watcher_killed_hard_loses_nothing_and_doubles_nothing(tmp_path: Path, after: float) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(record(n) for n in range(40)))
    store_path = tmp_path / "k.db"
    command = [sys.executable, "-m", "kroscek", "watch", str(feed), "--store", str(store_path), "--once"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    subprocess.run(command, check=True, capture_output=True)  # the run after the kill completes the work
    store = Store(store_path)
    assert store.counts()["articles"] == 40
    assert store.cursor(str(feed)) is not None and store.cursor(str(feed))[3] == 40  # type: ignore[index]
    assert sum(s["articles"] for s in store.stories(1000)) == 40  # every article in one story, once
    assert len({c["seq"] for c in store.changes()}) == len(store.changes())
