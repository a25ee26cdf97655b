"""Hostile-input probe of the web app, and how page cost grows with article size.

Part 1 builds a small store (the bundled examples, a hostile text file and a hostile record put
straight into the store), runs the app in-process (Starlette's TestClient) and sends several
hundred hostile requests over every route and every parameter: NUL characters, lone surrogates,
1 MB strings, FTS5 syntax, SQL, markup, negative and huge numbers, impossible dates, path-like ids,
oversized headers, bad JSON, wrong content types, chunked and lying bodies, every method. It
counts 5xx answers and "other failures": a response without the security headers, a HEAD answer
with a body, hostile markup reflected unescaped, a POST accepted without the token or over the
byte limit, or an exception in the client. A second, short part does the body and header checks
that only a real server shows (uvicorn on loopback: chunked uploads, a 1 MB header).

Part 2 times the article page and the story page for one article of N and of 10×N characters
(real sentences of the examples repeated), median of several runs in process time, and prints
the ratio; a linear page costs about 10×.

Run: .venv/bin/python benchmarks/probe_web.py [--size 20000] [--runs 7] [--no-loopback]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from fastapi.testclient import TestClient
from rich.console import Console
from rich.table import Table

from kroscek.analysis import ingest
from kroscek.model import Article, Entity, Quote, Sentence
from kroscek.report.html import highlight, render_story
from kroscek.settings import Settings
from kroscek.store import open_store
from kroscek.stories.index import restory
from kroscek.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TOKEN = "probe-token"
MAX_BODY = 200_000
console = Console()

HOSTILE_TEXT = (
    "Judul <script>alert('judul')</script>\n\n"
    "JAKARTA - Warga <img src=x onerror=alert(1)> melapor ke polisi pada Senin (5/8/2024). "
    '<a href="javascript:alert(2)">klik</a> "Kami tidak takut <script>document.cookie</script>," kata Budi Santoso.\n'
    "Polisi menyebut 12 orang diperiksa dalam kasus itu. </div><svg onload=alert(3)>\n"
)
MB = "x" * 1_000_000
# Query values; raw ones are already percent-encoded and go into the URL as they are.
VALUES: list[tuple[str, bool]] = [
    ("a\x00b", False),
    ("\x00", False),
    ("%00", True),
    ("a%00b", True),
    ("%ED%A0%80", True),
    ("a%ED%B0%80b", True),
    ("%FF%FE", True),
    ("%", True),
    ("%zz", True),
    (MB, False),
    ('" OR * ) NEAR(', False),
    ("NEAR(a b, 2)", False),
    ("a AND b OR NOT c", False),
    ("*", False),
    ('"', False),
    ("title:foo", False),
    ("^x -y +z", False),
    ("' OR 1=1 --", False),
    ("'; DROP TABLE articles; --", False),
    ("<script>alert(9)</script>", False),
    ('"><img src=x onerror=alert(9)>', False),
    ("javascript:alert(9)", False),
    ("../../etc/passwd", False),
    ("\u202e\ufeff\u200b", False),
    ("\r\nSet-Cookie: x=1", False),
    ("   ", False),
    ("", False),
    ("-1", False),
    ("0", False),
    ("99999999999999999999999", False),
    ("1e9", False),
    ("NaN", False),
    ("0000-00-00", False),
    ("99999-01-01", False),
    ("2024-13-45", False),
    ("2024-02-30", False),
    ("2024", False),
    ("2024-11-01", False),
]
SEARCH_PARAMS = ["q", "speaker", "entity", "outlet", "since", "until", "limit"]


def build_store(folder: Path) -> tuple[Path, list[str], list[str]]:
    """A store of the examples, a hostile file and a hostile record; its article and story ids."""
    inputs = folder / "in"
    inputs.mkdir()
    for seed in EXAMPLES.glob("*.txt"):
        (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    path = folder / "probe.db"
    store = open_store(path)
    ingest(store, [str(inputs)], Settings())
    text = 'Budi <script>alert(1)</script> kata "<img src=x onerror=alert(2)>" di <a href="javascript:x">sini</a>.'
    store.upsert_articles(
        [
            Article(
                id="hostile0001",
                source="<script>alert('source')</script>",
                name="<img src=x onerror=alert(4)>",
                raw=text,
                text=text,
                title="<script>alert('title')</script>",
                outlet="<svg onload=alert(3)>",
                authors=('"><script>alert(5)</script>',),
                published="2024-08-05",
                sentences=(Sentence(0, len(text)),),
                entities=(Entity(0, 4, 'PER" onmouseover="alert(6)', "Budi <b>"),),
                quotes=(Quote(start=43, end=75, kind="direct", speaker="<script>x</script>", speaker_role="<b>"),),
            )
        ]
    )
    restory(store)
    articles = [a.id for a in store.articles()]
    stories = [s["id"] for s in store.stories(500)]
    store.close()
    return path, articles, stories


class Tally:
    """Requests sent, 5xx answers and other failures, per group of routes."""

    def __init__(self) -> None:
        self.sent: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.statuses: dict[str, Counter[int]] = {}
        self.examples: list[str] = []

    def note(self, group: str, what: str, status: int | None, problem: str | None) -> None:
        self.sent[group] += 1
        self.statuses.setdefault(group, Counter())[status or 0] += 1
        if status is not None and status >= 500:
            self.errors[group] += 1
            problem = problem or f"HTTP {status}"
        elif problem:
            self.failures[group] += 1
        if problem and len(self.examples) < 25:
            self.examples.append(f"{group}: {what[:90]!r} → {problem}")


class _Live(HTMLParser):
    """Markup a browser would run: tags and attributes that no kroscek template writes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "iframe", "object", "embed", "base", "frame", "applet"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            link = name in ("href", "src", "action", "formaction", "xlink:href")
            if name.startswith("on") or (link and (value or "").strip().lower().startswith(("javascript:", "data:"))):
                self.found.append(f"{tag} {name}={value!r}")
        self.in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert" in data:
            self.found.append("script from the data")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def check(response: httpx.Response, method: str, expect: Callable[[int], bool] | None = None) -> str | None:
    """What is wrong with ``response``, if anything, besides a 5xx."""
    headers = response.headers
    if headers.get("x-frame-options", "").upper() != "DENY":
        return "no X-Frame-Options: DENY"
    if "frame-ancestors 'none'" not in headers.get("content-security-policy", ""):
        return "no CSP frame-ancestors"
    if headers.get("x-content-type-options") != "nosniff":
        return "no nosniff"
    if method == "HEAD" and response.content:
        return "HEAD answered with a body"
    if "html" in headers.get("content-type", ""):
        live = _Live()
        live.feed(response.text)
        if live.found:
            return f"live markup {live.found[:2]}"
    if expect and not expect(response.status_code):
        return f"unexpected HTTP {response.status_code}"
    return None


def asgi_request(
    app: Any, method: str, path: str, query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None
) -> httpx.Response:
    """One request straight into the ASGI app: for what httpx will not send (a 1 MB URL)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"probe"), *(headers or [])],
        "client": ("127.0.0.1", 1),
        "server": ("probe", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return httpx.Response(start["status"], headers=start.get("headers", []), content=body)


def probe(client: TestClient, articles: list[str], stories: list[str], tally: Tally) -> None:
    def send(group: str, method: str, url: str, expect: Callable[[int], bool] | None = None, **kw: Any) -> None:
        try:
            if len(url) > 60_000 and not kw:  # over httpx's URL limit: straight into the app
                path, _, query = url.partition("?")
                response = asgi_request(client.app, method, path, query.encode())
            else:
                response = client.request(method, url, **kw)
        except Exception as error:  # the client itself broke: count it, go on
            tally.note(group, f"{method} {url}", None, f"client error {type(error).__name__}: {error}"[:120])
            return
        tally.note(group, f"{method} {url}", response.status_code, check(response, method, expect))

    def quoted(value: str, raw: bool) -> str:
        return value if raw else quote(value, safe="")

    # Search: every parameter × every hostile value, HTML page and JSON twin.
    for route in ("/", "/api/search"):
        for param in SEARCH_PARAMS:
            for value, raw in VALUES:
                send(f"GET {route}", "GET", f"{route}?{param}={quoted(value, raw)}")
        send(f"GET {route}", "GET", route + "?" + "&".join(f"{p}=a%00b" for p in SEARCH_PARAMS))
        send(f"GET {route}", "GET", route + "?q=a&q=b&q=%00&limit=1&limit=2")
    # The story list's limit.
    for value, raw in VALUES:
        send("GET /api/stories", "GET", f"/api/stories?limit={quoted(value, raw)}")
    # Path ids: hostile, path-like, and real ones.
    ids = [
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e",
        "..",
        "%00",
        "a%00b",
        "%ED%A0%80",
        "x" * 65,
        "x" * 100_000,
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "nope",
        "-",
        "_",
        *articles[:3],
        *stories[:2],
    ]
    for route in ("/articles/", "/api/articles/", "/stories/", "/api/stories/"):
        for value in ids:
            send(f"GET {route}{{id}}", "GET", route + value, lambda s: s in (200, 404))
    # The article page's highlight range.
    for start, end in [("-5", "10"), ("99999999999999999999999", "1"), ("a", "b"), ("%00", "1"), ("1e3", "NaN")]:
        send("GET /articles/{id}", "GET", f"/articles/{articles[0]}?start={start}&end={end}")
    # HEAD on every GET page: 200 without a body where GET is 200.
    for url in ["/", "/?q=tentara", "/api/search?q=tentara", "/api/stories", f"/articles/{articles[0]}"]:
        send("HEAD", "HEAD", url, lambda s: s == 200)
    for url in [f"/stories/{s}" for s in stories[:3]] + [f"/api/articles/{a}" for a in articles[:3]]:
        send("HEAD", "HEAD", url, lambda s: s == 200)
    # Other methods.
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"):
        for url in ["/", "/api/search", "/api/articles", f"/articles/{articles[0]}", "/openapi.json"]:
            send("other methods", method, url, lambda s: s in (404, 405))
    # Oversized and odd headers on a page and on the POST.
    odd_headers: list[dict[str, str | bytes]] = [
        {"Authorization": "Bearer " + "x" * 1_000_000},
        {"Cookie": "a=" + "x" * 1_000_000},
        {"X-Anything": "y" * 1_000_000},
        {"Authorization": "Bearer \u00ff\u00fe".encode("latin-1")},
        {"Authorization": "Basic " + TOKEN},
        {"Authorization": "Bearer " + TOKEN + "x"},
        {"Authorization": ""},
        {"Accept": "*/*;q=" + "9" * 10_000},
        {"Host": "evil.example"},
        {"Range": "bytes=-99999999999999999999"},
    ]
    for headers in odd_headers:
        send("odd headers", "GET", "/?q=tentara", None, headers=headers)
        send("POST /api/articles", "POST", "/api/articles", lambda s: s in (401, 403), headers=headers, json=[])
    record = [{"text": "JAKARTA - Gempa bermagnitudo 5,1 mengguncang Sukabumi pada Selasa (6/8/2024)."}]
    good = {"Authorization": f"Bearer {TOKEN}"}
    # Without a token, whatever the body: 401.
    for body in [b"", b"{", b"null", b"[1,2]", b"[" * 100_000, b"x" * (MAX_BODY * 5)]:
        send("POST /api/articles", "POST", "/api/articles", lambda s: s in (401, 413), content=body)
    # With the token: bad JSON, wrong shapes and types, wrong content types: 4xx.
    bodies: list[bytes] = [
        b"",
        b"{",
        b"null",
        b"{}",
        b'{"text": "a"}',
        b"[1, 2]",
        b'[{"text": 5}]',
        b'[{"title": "no text"}]',
        b'[{"text": "a", "authors": "not a list"}]',
        b'[{"text": "a", "id": {"$ne": 1}}]',
        b"[" * 100_000 + b"]" * 100_000,
        b'[{"text": "a\\u0000b"}]',
        b'[{"text": "\\ud800"}]',
        b"\xff\xfe\x00[",
        b'[{"text": "' + b"a" * (MAX_BODY + 10) + b'"}]',
    ]
    for body in bodies:
        for kind in ("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"):
            send(
                "POST /api/articles",
                "POST",
                "/api/articles",
                lambda s: 200 <= s < 500,
                content=body,
                headers={**good, "Content-Type": kind},
            )
    # Lying and chunked bodies.
    big = b'[{"text": "' + b"kata " * (MAX_BODY // 2) + b'"}]'

    def chunks(total: int) -> Iterator[bytes]:
        piece = b'[{"text": "' + b"a" * 65_536
        sent = 0
        while sent < total:
            yield piece
            sent += len(piece)

    send("POST /api/articles", "POST", "/api/articles", lambda s: s == 413, content=chunks(20_000_000), headers=good)
    send("POST /api/articles", "POST", "/api/articles", lambda s: s == 401, content=chunks(20_000_000))
    send("POST /api/articles", "POST", "/api/articles", lambda s: s == 413, content=big, headers=good | {"X-Len": "x"})
    # A Content-Length that lies long: in process the body simply ends ("[]" is a valid post).
    for length in ("abc", "-1", "99999999999999999999", "10", "²".encode("latin-1")):
        send(
            "POST /api/articles",
            "POST",
            "/api/articles",
            lambda s: 400 <= s < 500 or s == 200,
            content=b"[]",
            headers={**good, "Content-Length": length},
        )
    send("POST /api/articles", "POST", "/api/articles", lambda s: s == 200, json=record, headers=good)
    # Unknown paths and the API description.
    odd = ["/docs", "/redoc", "/openapi.json", "//etc/passwd", "/static/../../etc/passwd", "/%00", "/api", "/x" * 500]
    for url in odd:
        send("other paths", "GET", url, lambda s: s in (200, 404))


def loopback(path: Path, tally: Tally) -> None:
    """The checks only a real server shows: chunked uploads and a huge header over a socket."""
    import uvicorn

    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        port = probe_socket.getsockname()[1]
    app = create_app(path, token=TOKEN, max_body=MAX_BODY)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    streamed = Counter[str]()

    def chunks(total: int, who: str) -> Iterator[bytes]:
        piece = b'[{"text": "' + b"a" * 65_536
        sent = 0
        while sent < total:
            streamed[who] += len(piece)
            yield piece
            sent += len(piece)

    cases: list[tuple[str, dict[str, Any], Callable[[int], bool]]] = [
        ("chunked 20 MB with the token", {"headers": {"Authorization": f"Bearer {TOKEN}"}}, lambda s: s == 413),
        ("chunked 100 MB without a token", {}, lambda s: s == 401),
    ]
    with httpx.Client(base_url=base, timeout=60) as http:
        for name, kw, expect in cases:
            total = 20_000_000 if "20 MB" in name else 100_000_000
            started = time.perf_counter()
            try:
                response = http.post("/api/articles", content=chunks(total, name), **kw)
                problem = check(response, "POST", expect)
                status: int | None = response.status_code
            except httpx.HTTPError as error:  # the server may close the connection after answering
                status, problem = None, f"connection: {type(error).__name__}"
            took = time.perf_counter() - started
            tally.note("loopback", name, status, problem)
            console.print(
                f"loopback: {name}: HTTP {status} in {took:.2f} s, {streamed[name] / 1e6:.1f} MB streamed by the client"
            )
        try:
            response = http.get("/", headers={"X-Big": "y" * 1_000_000})
            tally.note("loopback", "1 MB header", response.status_code, None)
            console.print(f"loopback: a 1 MB header: HTTP {response.status_code}")
        except httpx.HTTPError as error:
            tally.note("loopback", "1 MB header", None, None)
            console.print(f"loopback: a 1 MB header: connection closed ({type(error).__name__})")
    server.should_exit = True
    thread.join(timeout=10)


def realistic_text(size: int) -> str:
    """About ``size`` characters of news: real example sentences, paragraph by paragraph, repeated."""
    lines = [
        line.strip()
        for seed in sorted(EXAMPLES.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80 and not line.strip().startswith(("Baca", "Sumber", "Simak"))
    ]
    out = ["Tentara Korea Utara di Kursk dan sikap China", "", "JAKARTA - " + lines[0]]
    total, i = 0, 1
    while total < size:
        out += ["", lines[i % len(lines)]]
        total += len(lines[i % len(lines)]) + 2
        i += 1
    return "\n".join(out) + "\n"


def growth(folder: Path, size: int, runs: int) -> None:
    rows = []
    for factor in (1, 10):
        sub = folder / f"size{factor}"
        (sub / "in").mkdir(parents=True)
        (sub / "in" / "big.txt").write_text(realistic_text(size * factor), encoding="utf-8")
        store = open_store(sub / "k.db")
        ingest(store, [str(sub / "in")], Settings())
        article = store.articles()[0]
        story = store.story(store.stories(1)[0]["id"])
        assert story is not None
        store.close()
        client = TestClient(create_app(sub / "k.db"))

        def timed(work: Callable[[], object]) -> float:
            work()  # warm: templates compiled, the store's pages in the OS cache
            times = []
            for _ in range(runs):
                gc.collect()
                started = time.process_time()
                work()
                times.append(time.process_time() - started)
            return statistics.median(times)

        layers = len(article.entities) + len(article.quotes) + len(article.quantities) + len(article.dates)
        rows.append(
            (
                len(article.text),
                len(article.sentences),
                layers,
                timed(lambda a=article: highlight(a)),  # type: ignore[misc]
                timed(lambda c=client, a=article: c.get(f"/articles/{a.id}")),  # type: ignore[misc]
                timed(lambda s=story, a=article: render_story(s, {a.id: a}, live=True)),  # type: ignore[misc]
            )
        )
    table = Table("article", "characters", "sentences", "spans", "highlight s", "article page s", "story page s")
    for label, row in zip(("N", "10N"), rows, strict=True):
        table.add_row(label, f"{row[0]:,}", f"{row[1]:,}", f"{row[2]:,}", *(f"{t:.3f}" for t in row[3:]))
    ratios = [b / a if a else float("inf") for a, b in zip(rows[0][3:], rows[1][3:], strict=True)]
    table.add_row("ratio", f"{rows[1][0] / rows[0][0]:.1f}×", "", "", *(f"{r:.1f}×" for r in ratios))
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller article (N)")
    parser.add_argument("--runs", type=int, default=7, help="runs per timing (the median is shown)")
    parser.add_argument("--no-loopback", action="store_true", help="skip the real-server checks")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="probe-web-"))
    path, articles, stories = build_store(folder)
    tally = Tally()
    client = TestClient(create_app(path, token=TOKEN, max_body=MAX_BODY), raise_server_exceptions=False)
    probe(client, articles, stories, tally)
    if not args.no_loopback:
        loopback(path, tally)
    table = Table("routes", "requests", "5xx", "other failures", "answers", title="hostile requests")
    for group in tally.sent:
        answers = ", ".join(f"{s or 'none'}×{n}" for s, n in sorted(tally.statuses[group].items()))
        table.add_row(group, str(tally.sent[group]), str(tally.errors[group]), str(tally.failures[group]), answers)
    table.add_row(
        "all", str(sum(tally.sent.values())), str(sum(tally.errors.values())), str(sum(tally.failures.values())), ""
    )
    console.print(table)
    for line in tally.examples:
        console.print("  " + line, markup=False, highlight=False)
    growth(folder, args.size, args.runs)
    sys.exit(0)


if __name__ == "__main__":
    main()
