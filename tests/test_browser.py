"""Browser tests: Playwright drives Debian's chromium against a live ``kroscek serve``."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroscek.analysis import ingest
from kroscek.settings import Settings
from kroscek.store import open_store

CHROMIUM = shutil.which("chromium")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from kroscek.web.app import create_app

    path = tmp_path_factory.mktemp("browser") / "k.db"
    store = open_store(path)
    ingest(store, [str(EXAMPLES)], Settings())
    store.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1200, "height": 1400})
        browser.close()


def test_search_finds_a_quote_by_speaker(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.fill("input[name=speaker]", "Lin Jian")
    page.click("button[type=submit]")
    hits = page.locator("#hits .hit.quote")
    assert hits.count() >= 2
    assert "Lin Jian" in hits.first.inner_text()


def test_story_page_shows_timeline_and_conflict(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.click("#stories a >> nth=0")
    assert page.locator("#chart circle").count() >= 5
    assert page.locator("#timeline tr").count() >= 6
    conflict = page.locator("#claims tr.claim", has=page.locator(".badge.conflict"))
    assert conflict.count() == 1 and "2025-04-27" in conflict.inner_text()


def test_clicking_a_claim_highlights_its_evidence(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.click("#stories a >> nth=0")
    assert page.locator(".hl").count() == 0
    conflict = page.locator("#claims tr.claim", has=page.locator(".badge.conflict"))
    conflict.locator(".value", has_text="2025-04-27").click()
    highlighted = page.locator(".hl")
    assert highlighted.count() > 0
    text = " ".join(highlighted.all_inner_texts())
    assert "27/4/2025" in text  # the sentence that dates the statement Sunday 27/4
