"""Browser tests: Playwright drives Debian's chromium against a live ``kroscek serve``."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kroscek.analysis import ingest
from kroscek.settings import Settings
from kroscek.store import open_store

CHROMIUM = shutil.which("chromium")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TOKEN = "s3cret"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)"
)


@contextmanager
def _serving(path: Path, token: str | None = None) -> Iterator[str]:
    """``kroscek serve`` of the store at ``path`` on a free port, in a thread; its address."""
    import uvicorn

    from kroscek.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path, token=token), host="127.0.0.1", port=port, log_level="warning")
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


def _seeded(folder: Path) -> Path:
    path = folder / "k.db"
    store = open_store(path)
    ingest(store, [str(EXAMPLES)], Settings())
    store.close()
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serving(_seeded(tmp_path_factory.mktemp("browser"))) as address:
        yield address


@pytest.fixture(scope="module")
def correcting_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own store (the correction changes it) that takes corrections with TOKEN."""
    with _serving(_seeded(tmp_path_factory.mktemp("correcting")), TOKEN) as address:
        yield address


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


def test_story_page_shows_confidence_small_beside_members_claims_and_quotes(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.click("#stories a >> nth=0")
    for table in ("#events", "#claims", "#quotes"):
        shown = page.locator(f"{table} .conf").all_inner_texts()
        assert shown and all(0 <= float(c) <= 1 for c in shown), table


def test_a_correction_made_on_the_story_page_is_applied_after_reload(correcting_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(correcting_server + "/")
    page.click("#stories a >> nth=0")
    events = page.locator("#events tr.event")
    assert events.count() == 2
    shared = next(events.nth(i) for i in range(events.count()) if events.nth(i).locator(".member").count() >= 2)
    picks = shared.locator(".member .pick")
    apart = [picks.nth(0).inner_text(), picks.nth(1).inner_text()]
    picks.nth(0).click()
    picks.nth(1).click()  # clicking an id adds it to the form
    form = page.locator("#correct")
    assert form.locator("input[name=ids]").input_value().split() == apart
    form.locator("select[name=kind]").select_option("keep-apart")
    form.locator("input[name=by]").fill("ana")
    form.locator("input[name=why]").fill("two happenings")
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()
    result = page.locator("#correct-result.ok")
    result.wait_for(timeout=60_000)
    assert "applied" in result.inner_text()
    page.reload()
    events = page.locator("#events tr.event")
    rows = range(events.count())
    holding = [i for a in apart for i in rows if events.nth(i).locator(f".member .pick[data-id='{a}']").count()]
    assert len(holding) == 2 and holding[0] != holding[1]  # the two articles now sit in two events


def test_a_wrong_token_is_refused_on_the_page(correcting_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(correcting_server + "/")
    page.click("#stories a >> nth=0")
    form = page.locator("#correct")
    form.locator("input[name=ids]").fill("x y")
    form.locator("input[name=by]").fill("ana")
    form.locator("input[name=token]").fill("wrong")
    form.locator("button[type=submit]").click()
    refused = page.locator("#correct-result.bad")
    refused.wait_for(timeout=10_000)
    assert "not recorded" in refused.inner_text() and "token" in refused.inner_text()
