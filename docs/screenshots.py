"""Take the screenshots in docs/: the static briefing and the live story page with a claim clicked.

make screenshots   (needs Debian's chromium; writes docs/briefing.png and docs/story-page.png)
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from kroscek.analysis import ingest
from kroscek.report.files import write_reports
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    work = Path(tempfile.mkdtemp())
    store = open_store(work / "k.db")
    ingest(store, [str(ROOT / "examples")], Settings())
    stories = [s for s in (store.story(r["id"]) for r in store.stories()) if s]
    write_reports(work, store.articles(), [], stories)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(work / "k.db"), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 1500})
        page.goto((work / "story-1.html").as_uri())
        page.screenshot(path=str(ROOT / "docs" / "briefing.png"))
        page.goto(f"http://127.0.0.1:{port}/stories/{stories[0].id}")
        page.locator("#claims .value", has_text="2025-04-27").click()
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "story-page.png"))
        page.goto(f"http://127.0.0.1:{port}/?speaker=Lin+Jian")
        page.screenshot(path=str(ROOT / "docs" / "search.png"))
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
