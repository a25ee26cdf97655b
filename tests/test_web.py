"""The store, the web app and the HTML briefing: search, pages, JSON twins, safety."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kroscek.analysis import ingest
from kroscek.model import Article, Entity, Quote, Sentence
from kroscek.settings import Settings, load_settings
from kroscek.store import Store, open_store
from kroscek.store.sqlite import MIGRATIONS, StoreError
from kroscek.stories.index import restory
from kroscek.web.app import create_app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HOSTILE = (
    "Judul <script>alert('judul')</script>\n\n"
    "JAKARTA - Warga <img src=x onerror=alert(1)> melapor ke polisi pada Senin (5/8/2024). "
    '<a href="javascript:alert(2)">klik</a> "Kami tidak takut <script>document.cookie</script>," kata Budi Santoso.\n'
    "Polisi menyebut 12 orang diperiksa dalam kasus itu. </div><svg onload=alert(3)>\n"
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    (folder / "in").mkdir()
    for seed in EXAMPLES.glob("*.txt"):
        (folder / "in" / seed.name).write_bytes(seed.read_bytes())
    (folder / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = folder / "k.db"
    store = open_store(path)
    ingest(store, [str(folder / "in")], Settings())
    # The cleaner strips markup; a record that reaches the store some other way must be safe too.
    text = 'Budi <script>alert(1)</script> kata "<img src=x onerror=alert(2)>" di <a href="javascript:x">sini</a>.'
    raw = Article(
        id="hostile0001",
        source="hostile",
        name="hostile",
        raw=text,
        text=text,
        title="<script>alert('title')</script>",
        outlet="<svg onload=alert(3)>",
        published="2024-08-05",
        sentences=(Sentence(0, len(text)),),
        entities=(Entity(0, 4, "PER", "Budi <b>"),),
        quotes=(Quote(start=43, end=75, kind="direct", speaker="<script>x</script>", speaker_canonical="Budi"),),
    )
    store.upsert_articles([raw])
    restory(store)
    store.close()
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path, token="sekret", max_body=200_000))


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    ingest(store, [str(EXAMPLES)], Settings())
    before = store.counts()
    ingest(store, [str(EXAMPLES)], Settings())  # the same records again: same ids, nothing new
    assert store.counts() == before and before["articles"] == 5 and before["stories"] == 1


def test_migrations_bring_the_schema_up_and_refuse_newer(tmp_path: Path) -> None:
    store = Store(tmp_path / "n.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    store.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    store.close()
    with pytest.raises(StoreError, match="schema"):
        Store(tmp_path / "n.db")
    with pytest.raises(StoreError, match=re.escape("cannot connect to 127.0.0.1:1/none")) as raised:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(raised.value)  # the password never shows


def test_search_finds_a_quote_by_speaker_with_filters(client: TestClient) -> None:
    hits = client.get("/api/search", params={"speaker": "Lin Jian"}).json()["hits"]
    assert hits and all(h["kind"] == "quote" and h["speaker"] == "Lin Jian" for h in hits)
    dated = client.get("/api/search", params={"q": "tentara", "since": "2024-11-01", "until": "2024-11-30"}).json()
    assert dated["hits"] and {h["published"][:7] for h in dated["hits"]} == {"2024-11"}
    assert client.get("/api/search", params={"q": '" OR * ) NEAR(', "outlet": "x"}).status_code == 200
    assert client.get("/api/search", params={"since": "../../etc"}).status_code == 422


def test_story_page_and_json_twin(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    seeds = next(s for s in stories if s["articles"] == 5)
    page = client.get(f"/stories/{seeds['id']}")
    assert page.status_code == 200 and "conflict" in page.text and 'id="chart"' in page.text
    twin = client.get(f"/api/stories/{seeds['id']}").json()
    assert {c["status"] for c in twin["story"]["claims"]} >= {"differ", "conflict"}
    assert len(twin["articles"]) == 5
    assert client.get("/openapi.json").json()["paths"]["/api/search"]


def test_unknown_and_path_like_ids_are_404(client: TestClient) -> None:
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/articles/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/api/articles/%2e%2e").status_code == 404


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Budi"}).json()["hits"]
    assert {"hostile0001"} < {h["article_id"] for h in hits}
    urls = ["/?q=Budi", "/?q=<script>alert(9)</script>", "/?speaker=Budi"]
    for article_id in {h["article_id"] for h in hits}:
        story_id = client.get(f"/api/articles/{article_id}").json()["story_id"]
        urls += [f"/articles/{article_id}", f"/stories/{story_id}"]
    for url in urls:
        html = client.get(url).text
        assert "<script>alert" not in html and "<img" not in html and "<svg onload" not in html, url
        assert 'href="javascript:' not in html and "onerror=" not in html.replace("onerror=alert", "")
        # The only scripts are our own inline one (briefing) — never one from the text.
        assert len(re.findall(r"<script>", html)) <= 1


def test_post_needs_the_token_and_respects_the_size_limit(client: TestClient) -> None:
    record = [{"text": "JAKARTA - Gempa bermagnitudo 5,1 mengguncang Sukabumi pada Selasa (6/8/2024).", "outlet": "x"}]
    assert client.post("/api/articles", json=record).status_code == 401
    assert client.post("/api/articles", json=record, headers={"Authorization": "Bearer salah"}).status_code == 401
    many = [{"text": "a"}] * 501
    assert client.post("/api/articles", json=many, headers={"Authorization": "Bearer sekret"}).status_code == 413
    big = [{"text": "kata " * 100_000}]
    assert client.post("/api/articles", json=big, headers={"Authorization": "Bearer sekret"}).status_code == 413
    added = client.post("/api/articles", json=record, headers={"Authorization": "Bearer sekret"})
    assert added.status_code == 200 and added.json()["added"] == 1
    assert client.get("/api/search", params={"q": "Sukabumi"}).json()["hits"]


def test_posted_articles_are_analysed_with_the_servers_settings(tmp_path: Path) -> None:
    chosen = load_settings(None, ['stage.language.languages=["en"]'])
    served = TestClient(create_app(tmp_path / "k.db", token="sekret", settings=chosen))
    text = "Gempa bermagnitudo 5,1 mengguncang Kabupaten Sukabumi pada Selasa pagi, kata petugas BMKG."
    added = served.post("/api/articles", json=[{"id": "g1", "text": text}], headers={"Authorization": "Bearer sekret"})
    assert added.status_code == 200 and added.json() == {"added": 1, "skipped": []}
    (article,) = Store(tmp_path / "k.db").articles()
    assert article.language == "en"  # the server's settings, not the defaults ("id")


def test_each_worker_builds_the_app_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kroscek serve --workers N`: a worker's app serves the store with the settings and token it was told."""
    from kroscek.web.app import SERVE_ENVIRONMENT, from_environment, serve_environment

    chosen = load_settings(None, ['stage.language.languages=["en"]'])
    monkeypatch.setenv(SERVE_ENVIRONMENT, serve_environment(str(tmp_path / "k.db"), chosen))
    monkeypatch.setenv("KROSCEK_TOKEN", "sekret")
    served = TestClient(from_environment())
    text = "Gempa bermagnitudo 5,1 mengguncang Kabupaten Sukabumi pada Selasa pagi, kata petugas BMKG."
    assert served.post("/api/articles", json=[{"id": "g1", "text": text}]).status_code == 401
    added = served.post("/api/articles", json=[{"id": "g1", "text": text}], headers={"Authorization": "Bearer sekret"})
    assert added.status_code == 200 and added.json() == {"added": 1, "skipped": []}
    (article,) = Store(tmp_path / "k.db").articles()
    assert article.language == "en"


def test_serve_runs_several_worker_processes(store_path: Path) -> None:
    """`kroscek serve --workers 2` answers from two server processes on one port."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kroscek", "serve", "--store", str(store_path), "--port", str(port)]
    server = subprocess.Popen([*command, "--workers", "2"], start_new_session=True)
    try:
        answered = None
        for _ in range(300):
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert answered is not None and answered.status_code == 200
        # full command lines (ps cuts them to the terminal's width where there is none, as in CI)
        children = subprocess.run(
            ["ps", "-ww", "--ppid", str(server.pid), "-o", "args="], capture_output=True, text=True
        )
        workers = [line for line in children.stdout.splitlines() if "spawn_main" in line]
        assert len(workers) == 2, children.stdout  # beside multiprocessing's resource tracker
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_post_is_off_without_a_token(store_path: Path) -> None:
    closed = TestClient(create_app(store_path))
    assert closed.post("/api/articles", json=[{"text": "a"}]).status_code == 403


def test_briefing_is_self_contained(store_path: Path, tmp_path: Path) -> None:
    from kroscek.report.files import write_reports

    store = Store(store_path)
    stories = [s for s in (store.story(r["id"]) for r in store.stories()) if s]
    write_reports(tmp_path, store.articles(), [], stories)
    html = (tmp_path / "story-1.html").read_text(encoding="utf-8")
    # Offline: no external script, style or font.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<svg" in html and 'data-table="claims"' in html and "Content-Security-Policy" in html
    json.loads(json.dumps({"ok": True}))


def test_summary_prefers_what_the_outlets_share() -> None:
    from kroscek.report.html import summarise

    shared = "Gempa bermagnitudo lima mengguncang Sukabumi pada Selasa pagi dan merusak puluhan rumah warga."
    aside = "Redaksi kami juga menerima banyak kiriman foto pembaca tentang cuaca cerah di kota lain."
    articles = []
    for i, text in enumerate([f"{aside} {shared}", f"{shared} Warga mengungsi.", shared.replace("lima", "5,1")]):
        first = text.index(".") + 1
        articles.append(
            Article(
                id=str(i),
                source=str(i),
                name=str(i),
                raw=text,
                text=text,
                sentences=(Sentence(0, first), Sentence(first + 1, len(text))),
            )
        )
    picked = [a.text[start:end] for a, start, end in summarise(articles)]
    assert picked and picked[0].startswith("Gempa") and not any(p.startswith("Redaksi") for p in picked[:1])
    assert len({p[:20] for p in picked}) == len(picked)  # a copy in another outlet is not repeated


def test_a_file_that_is_not_a_store_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database, just notes\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=r"cannot open store .*notes\.db.*not a database"):
        open_store(bad)


@pytest.mark.parametrize("route", ["/", "/api/search"])
def test_nul_and_other_controls_in_a_search_are_stripped(client: TestClient, route: str) -> None:
    clean = client.get("/api/search", params={"speaker": "Lin Jian"}).json()["hits"]
    for param in ("q", "speaker", "entity", "outlet"):
        for raw in ("a%00b", "%00", "%ED%A0%80", "a%01b%1Fc%7F", "x" * 100):
            assert client.get(f"{route}?{param}={raw}").status_code == 200, (param, raw)
    # Stripped, not refused: the JSON twin says what was searched, and it finds the same.
    dirty = client.get("/api/search?speaker=Lin%00%20Ji%00an").json()
    assert dirty["query"]["speaker"] == "Lin Jian" and dirty["hits"] == clean
    assert client.get("/api/search?q=tent%00ara").json()["query"]["text"] == "tentara"
    assert client.get(f"{route}?q=" + "%00" * 200).status_code == 200


def test_impossible_dates_and_numbers_are_refused_with_a_message(client: TestClient) -> None:
    for since in ("0000-00-00", "2024-13-01", "2024-02-30", "0000"):
        for route in ("/", "/api/search"):
            refused = client.get(route, params={"since": since})
            assert refused.status_code == 422 and "is not a date" in refused.json()["detail"], since
            assert "until" in client.get(route, params={"until": since}).json()["detail"]
    for value in ("99999-01-01", "%00", "2024-1-1"):
        assert client.get(f"/api/search?since={value}").status_code == 422
    assert client.get("/api/search", params={"since": "2024-02-29", "until": "2025"}).status_code == 200
    for limit in ("-1", "0", "10" * 20, "NaN"):
        assert client.get(f"/api/search?limit={limit}").status_code == 422
        assert client.get(f"/api/stories?limit={limit}").status_code == 422
    assert client.get("/", params={"q": "x" * 60_000}).status_code == 422  # over 200 characters
    assert client.get("/articles/x", params={"start": "-5", "end": "9" * 30}).status_code == 404


def _drive(app: object, method: str, headers: list[tuple[bytes, bytes]], chunk: bytes) -> tuple[int, int]:
    """Send an endless chunked body straight into the ASGI app; the status and how many chunks it read."""
    import asyncio

    reads = 0
    status = 0

    async def receive() -> dict[str, object]:
        nonlocal reads
        reads += 1
        if reads > 10_000:  # the app read far past any limit: give up, the test fails on ``reads``
            return {"type": "http.request", "body": chunk, "more_body": False}
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": "/api/articles",
        "raw_path": b"/api/articles",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"test"), (b"transfer-encoding", b"chunked"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[operator]
    return status, reads


def test_the_token_is_checked_before_any_body_is_read(store_path: Path) -> None:
    app = create_app(store_path, token="sekret", max_body=200_000)
    chunk = b'[{"text": "' + b"a" * 65_536
    # No token, a wrong one, another scheme: 401 and not one chunk of the endless body read.
    for headers in ([], [(b"authorization", b"Bearer salah")], [(b"authorization", b"Basic sekret")]):
        assert _drive(app, "POST", headers, chunk) == (401, 0)
    assert _drive(create_app(store_path), "POST", [], chunk) == (403, 0)
    # With the token and no Content-Length: cut with 413 as soon as the stream passes the limit.
    status, reads = _drive(app, "POST", [(b"authorization", b"Bearer sekret")], chunk)
    assert status == 413 and reads == 200_000 // len(chunk) + 1


def test_a_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    token = {"Authorization": "Bearer sekret"}

    def chunked(total: int) -> Iterator[bytes]:
        yield b'[{"text": "'
        for _ in range(total // 65_536):
            yield b"kata " * 13_107
        yield b'"}]'

    refused = client.post("/api/articles", content=chunked(20_000_000), headers=token)
    assert refused.status_code == 413 and "200000 bytes" in refused.json()["detail"]
    assert client.post("/api/articles", content=chunked(100_000_000)).status_code == 401
    for length, status in (("abc", 400), ("-1", 400), ("²".encode("latin-1"), 400), ("9" * 30, 413)):
        lying = client.post("/api/articles", content=b"[]", headers={**token, "Content-Length": length})
        assert lying.status_code == status, length


def test_post_bodies_that_are_not_json_records_are_refused(client: TestClient) -> None:
    token = {"Authorization": "Bearer sekret"}
    as_json = {**token, "Content-Type": "application/json"}
    for body in (b"", b'[{"text": ', b"\xff\xfe[", b'[{"text": "\\ud800'):
        answer = client.post("/api/articles", content=body, headers=as_json)
        assert answer.status_code == 400 and "not JSON" in answer.json()["detail"], body[:10]
    for body in (b"{", b"[" * 100_000, b"null", b"{}", b"[1]", b'[{"text": 5}]', b'[{"title": "no text"}]'):
        assert client.post("/api/articles", content=body, headers=as_json).status_code == 422, body
    for kind in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        answer = client.post("/api/articles", content=b"[]", headers={**token, "Content-Type": kind})
        assert answer.status_code == 415, kind
    # The scheme is case-insensitive (RFC 9110); a token that is not latin-1 text is simply wrong.
    assert client.post("/api/articles", json=[], headers={"Authorization": "bearer sekret"}).json() == {
        "added": 0,
        "skipped": [],
    }
    assert client.post("/api/articles", json=[], headers={"Authorization": b"Bearer \xffsekret"}).status_code == 401


def test_every_answer_forbids_framing(client: TestClient, store_path: Path, tmp_path: Path) -> None:
    article_id = client.get("/api/search", params={"q": "Lin"}).json()["hits"][0]["article_id"]
    answers = [
        client.get("/"),
        client.get("/api/search", params={"q": "tentara"}),
        client.get(f"/articles/{article_id}"),
        client.get("/api/stories"),
        client.get("/openapi.json"),
        client.get("/nope"),
        client.get("/api/search", params={"since": "0000"}),
        client.put("/"),
        client.post("/api/articles", json=[]),
        client.post("/api/articles", content=b"x" * 300_000, headers={"Authorization": "Bearer sekret"}),
    ]
    # Even a 500 (a store that cannot be opened) carries the headers.
    (tmp_path / "folder.db").mkdir()
    broken = TestClient(create_app(tmp_path / "folder.db"), raise_server_exceptions=False).get("/")
    assert broken.status_code == 500
    for answer in [*answers, broken]:
        assert answer.headers["x-frame-options"] == "DENY", answer.url
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers.get_list("content-security-policy") == [answer.headers["content-security-policy"]]


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    story_id = client.get("/api/stories").json()[0]["id"]
    article_id = client.get("/api/search", params={"q": "Lin"}).json()["hits"][0]["article_id"]
    for url in ["/", "/?q=tentara", "/api/search?q=tentara", "/api/stories", f"/stories/{story_id}"]:
        url_head, url_get = client.head(url), client.get(url)
        assert url_head.status_code == 200 and url_head.content == b"", url
        assert url_head.headers["content-type"] == url_get.headers["content-type"]
        assert int(url_head.headers["content-length"]) == len(url_get.content), url
    for url in [f"/articles/{article_id}", f"/api/articles/{article_id}", "/openapi.json"]:
        assert client.head(url).status_code == 200 and client.head(url).content == b""
    assert client.head("/stories/nope").status_code == 404
    assert client.head("/api/articles").status_code == 405  # POST only


def test_the_api_is_described_at_openapi_json_and_no_page_loads_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    api = client.get("/openapi.json").json()
    body = api["paths"]["/api/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["type"] == "array" and body["items"]["required"] == ["text"]
    assert 'href="/openapi.json"' in client.get("/").text
