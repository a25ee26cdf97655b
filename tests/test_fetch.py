"""Fetching pages, feeds, sitemaps and URL lists, against a local HTTP server only (no outside network).

Waits go through a fake clock, so the rate limit, the backoff and Retry-After are checked by the
seconds the fetcher chose to sleep, not by timing it.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kroscek.cli import EXIT_SKIPPED, app
from kroscek.fetch import MAX_REDIRECTS, MAX_WAIT, Fetched, Fetcher, url_list
from kroscek.model import Article, Skipped
from kroscek.settings import FetchParams, Settings, load_settings
from kroscek.store.sqlite import Store
from kroscek.watch import Watcher
from tests.conftest import GARUT

Answer = tuple[int, dict[str, str], bytes]
Route = Callable[[dict[str, str]], Answer]


def page(title: str, paragraphs: list[str] = GARUT) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def html(title: str, **headers: str) -> Route:
    return lambda _: (200, {"Content-Type": "text/html; charset=utf-8", **headers}, page(title))


def fixed(status: int, body: bytes = b"", content_type: str = "text/plain", **headers: str) -> Route:
    return lambda _: (status, {"Content-Type": content_type, **headers}, body)


class Site:
    """A local web server: path -> route; every request is recorded (path, headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": fixed(200, b"User-agent: *\nAllow: /\n")}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path, fixed(404, b"not here"))
                status, headers, body = route(dict(self.headers))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status not in (204, 304):
                    self.wfile.write(body)

            def log_message(self, *_: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    thread = threading.Thread(target=s.server.serve_forever, daemon=True)
    thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


class Clock:
    """Fake time: ``sleep`` moves it on and records how long was asked for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def fetcher(clock: Clock, limit: int = 1_000_000, known: dict[str, Fetched] | None = None, **params: Any) -> Fetcher:
    chosen = FetchParams(**{"delay": 0.0, "backoff": 2.0, "retries": 3, "timeout": 5.0, **params})
    memory = known if known is not None else {}
    return Fetcher(chosen, limit, memory.get, clock=clock, sleep=clock.sleep)


def read(f: Fetcher, *sources: str, again: bool = False) -> tuple[list[Article], list[Skipped]]:
    out = list(f.articles(sources, again=again))
    return [a for a in out if isinstance(a, Article)], [s for s in out if isinstance(s, Skipped)]


def test_a_page_is_read_like_a_saved_one_with_our_user_agent_and_robots_asked_once(site: Site) -> None:
    site.routes["/berita/banjir-garut"] = html("Banjir bandang rendam ratusan rumah di Garut")
    site.routes["/berita/dapur-umum"] = html("Dapur umum didirikan untuk pengungsi Garut")
    articles, skipped = read(fetcher(Clock()), site.url("/berita/banjir-garut"), site.url("/berita/dapur-umum"))
    assert not skipped
    assert [a.title for a in articles] == [
        "Banjir bandang rendam ratusan rumah di Garut",
        "Dapur umum didirikan untuk pengungsi Garut",
    ]
    assert articles[0].url == site.url("/berita/banjir-garut") and GARUT[0] in articles[0].raw
    assert site.paths() == ["/robots.txt", "/berita/banjir-garut", "/berita/dapur-umum"]
    assert {h["User-Agent"] for _, h in site.requests} == {FetchParams().user_agent}


def test_robots_txt_is_obeyed_and_an_unanswering_one_closes_the_host(site: Site) -> None:
    site.routes["/robots.txt"] = fixed(200, b"User-agent: kroscek\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n")
    site.routes["/private/memo"] = html("Memo")
    site.routes["/berita/a"] = html("Banjir bandang di Garut")
    articles, (refused,) = read(fetcher(Clock()), site.url("/private/memo"), site.url("/berita/a"))
    assert [a.title for a in articles] == ["Banjir bandang di Garut"]  # our group allows it; "*" does not apply
    assert refused.source.endswith("/private/memo") and "robots.txt" in refused.reason and "disallows" in refused.reason
    assert "/private/memo" not in site.paths()

    site.requests.clear()
    site.routes["/robots.txt"] = fixed(503)
    _, (closed,) = read(fetcher(Clock()), site.url("/berita/a"))
    assert "HTTP 503" in closed.reason and site.paths() == ["/robots.txt"]  # RFC 9309: 5xx forbids the host

    site.routes.pop("/robots.txt")  # a 404: no rules, everything allowed
    articles, skipped = read(fetcher(Clock()), site.url("/berita/a"))
    assert len(articles) == 1 and not skipped


def test_one_host_waits_its_turn_and_another_host_does_not_wait_for_it(site: Site) -> None:
    for name in "abc":
        site.routes[f"/berita/{name}"] = html(f"Banjir bandang di Garut hari {name}")
    clock = Clock()
    f = fetcher(clock, delay=10.0)
    articles, _ = read(f, *(site.url(f"/berita/{n}") for n in "abc"))
    assert len(articles) == 3 and clock.slept == [10.0, 10.0, 10.0]  # robots.txt, then a turn per page
    # Two hosts (the same server by two names): each keeps its own turn.
    clock = Clock()
    read(fetcher(clock, delay=10.0), site.url("/berita/a"), site.url("/berita/b", host="localhost"))
    assert clock.slept == [10.0, 10.0]  # each host's page after its own robots.txt; 30 s if the wait were global


def test_a_crawl_delay_longer_than_ours_wins(site: Site) -> None:
    site.routes["/robots.txt"] = fixed(200, b"User-agent: *\nCrawl-delay: 30\n")
    site.routes["/berita/a"] = html("Banjir bandang di Garut")
    site.routes["/berita/b"] = html("Dapur umum di Garut")
    clock = Clock()
    read(fetcher(clock, delay=1.0), site.url("/berita/a"), site.url("/berita/b"))
    assert clock.slept == [1.0, 30.0]  # robots.txt is read before its delay is known


def test_retries_back_off_and_honour_retry_after(site: Site) -> None:
    answers = iter([fixed(503), fixed(502), html("Banjir bandang di Garut")])
    site.routes["/flaky"] = lambda headers: next(answers)(headers)
    clock = Clock()
    articles, skipped = read(fetcher(clock), site.url("/flaky"))
    assert len(articles) == 1 and not skipped and clock.slept == [2.0, 4.0]

    busy = iter([fixed(429, **{"Retry-After": "7"}), html("Dapur umum di Garut")])
    site.routes["/busy"] = lambda headers: next(busy)(headers)
    clock = Clock()
    articles, _ = read(fetcher(clock), site.url("/busy"))
    assert len(articles) == 1 and clock.slept == [7.0]

    later = formatdate(time.time() + 3 * MAX_WAIT, usegmt=True)
    site.routes["/later"] = fixed(503, **{"Retry-After": later})
    _, (gave_up,) = read(fetcher(Clock()), site.url("/later"))
    assert "asks to wait" in gave_up.reason and site.paths().count("/later") == 1

    site.routes["/down"] = fixed(503)
    _, (down,) = read(fetcher(Clock(), retries=2), site.url("/down"))
    assert down.reason.startswith("HTTP 503") and site.paths().count("/down") == 3


def test_an_unreachable_host_is_reported_not_raised() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    _, (skipped,) = read(fetcher(Clock(), retries=1), f"http://127.0.0.1:{port}/berita/a")
    assert "unreachable" in skipped.reason and "ConnectError" in skipped.reason


def test_a_page_fetched_before_is_asked_for_conditionally(site: Site) -> None:
    def tagged(headers: dict[str, str]) -> Answer:
        if headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"Content-Type": "text/html", "ETag": '"v1"'}, page("Banjir bandang di Garut")

    stamp = formatdate(1_700_000_000, usegmt=True)

    def dated(headers: dict[str, str]) -> Answer:
        if headers.get("If-Modified-Since") == stamp:
            return 304, {}, b""
        return 200, {"Content-Type": "text/html", "Last-Modified": stamp}, page("Dapur umum di Garut")

    site.routes["/etag"], site.routes["/dated"] = tagged, dated
    first = fetcher(Clock())
    articles, _ = read(first, site.url("/etag"), site.url("/dated"))
    assert len(articles) == 2 and first.fetched[site.url("/etag")].etag == '"v1"'
    again = fetcher(Clock(), known=dict(first.fetched))
    assert read(again, site.url("/etag"), site.url("/dated")) == ([], [])  # 304s: nothing to read
    asked = {path: headers for path, headers in site.requests[-2:]}
    assert asked["/etag"]["If-None-Match"] == '"v1"' and asked["/dated"]["If-Modified-Since"] == stamp


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Berita</title>
<item><title>Banjir</title><link>/berita/banjir</link></item>
<item><title>Dapur umum</title><link>{base}/berita/dapur</link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Berita</title>
<entry><title>Bantuan</title><link href="{base}/berita/bantuan"/><id>x</id>
<updated>2024-03-04T10:00:00Z</updated></entry>
</feed>"""


def test_feeds_lead_to_their_pages_and_entries_read_before_are_not_fetched_again(site: Site) -> None:
    base = site.url("").encode()
    site.routes["/rss"] = fixed(200, RSS.replace(b"{base}", base), "application/rss+xml")
    site.routes["/atom"] = fixed(200, ATOM.replace(b"{base}", base), "application/atom+xml")
    for name in ("banjir", "dapur", "bantuan"):
        site.routes[f"/berita/{name}"] = html(f"Berita {name} Garut")
    first = fetcher(Clock())
    articles, skipped = read(first, site.url("/rss"), site.url("/atom"))
    assert not skipped and sorted(a.url or "" for a in articles) == sorted(
        site.url(f"/berita/{n}") for n in ("banjir", "dapur", "bantuan")
    )
    site.requests.clear()
    known = dict(first.fetched)
    assert read(fetcher(Clock(), known=known), site.url("/rss")) == ([], [])
    assert site.paths() == ["/robots.txt", "/rss"]  # the feed is asked for, its pages are not
    articles, _ = read(fetcher(Clock(), known=known), site.url("/rss"), again=True)
    assert len(articles) == 2


def test_sitemaps_and_sitemap_indexes_gzipped_or_not(site: Site) -> None:
    urlset = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url('/berita/a')}</loc></url><url><loc>{site.url('/berita/b')}</loc></url></urlset>"
    ).encode()
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-1.xml.gz')}</loc></sitemap></sitemapindex>"
    ).encode()
    site.routes["/sitemap.xml"] = fixed(200, index, "application/xml")
    site.routes["/sitemap-1.xml.gz"] = fixed(200, gzip.compress(urlset), "application/gzip")
    site.routes["/berita/a"] = html("Banjir bandang di Garut")
    site.routes["/berita/b"] = html("Dapur umum di Garut")
    articles, skipped = read(fetcher(Clock()), site.url("/sitemap.xml"))
    assert not skipped and [a.title for a in articles] == ["Banjir bandang di Garut", "Dapur umum di Garut"]


def test_a_url_list_file_and_its_problems(site: Site, tmp_path: Path) -> None:
    site.routes["/berita/a"] = html("Banjir bandang di Garut")
    listed = tmp_path / "today.urls"
    listed.write_text(f"# pagi\n{site.url('/berita/a')}  # antara\n\nnot a url\n{site.url('/hilang')}\n")
    assert url_list(listed.read_text()) == [site.url("/berita/a"), site.url("/hilang")]
    articles, (missing, absent, empty) = read(
        fetcher(Clock()), str(listed), str(tmp_path / "nope.urls"), str(_write(tmp_path / "e.urls", ""))
    )
    assert [a.title for a in articles] == ["Banjir bandang di Garut"]
    assert missing.reason == "HTTP 404 Not Found" and missing.source == site.url("/hilang")
    assert absent.source.endswith("nope.urls") and "No such file" in absent.reason
    assert empty.reason == "no http(s) URL in this list"


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_redirects_are_followed_a_few_hops_and_a_loop_is_reported(site: Site) -> None:
    site.routes["/lama"] = fixed(301, Location="/berita/baru")
    site.routes["/berita/baru"] = html("Banjir bandang di Garut")
    site.routes["/loop"] = fixed(302, Location="/loop")
    articles, (loop,) = read(fetcher(Clock()), site.url("/lama"), site.url("/loop"))
    assert articles[0].url == site.url("/berita/baru")
    assert loop.reason == f"more than {MAX_REDIRECTS} redirects"


def test_size_and_time_limits_per_page_and_pages_without_an_article(site: Site) -> None:
    big = page("Banjir", GARUT * 40)
    site.routes["/big"] = fixed(200, big, "text/html")
    site.routes["/front"] = fixed(200, b"<html><body><a href='/a'>Banjir</a></body></html>", "text/html")
    site.routes["/pdf"] = fixed(200, b"%PDF-1.7 ...", "application/pdf")

    def slow(_: dict[str, str]) -> Answer:
        time.sleep(1.5)
        return 200, {"Content-Type": "text/html"}, page("Lambat")

    site.routes["/slow"] = slow
    f = fetcher(Clock(), limit=len(big) - 1, retries=0, timeout=0.5)
    _, skipped = read(f, *(site.url(p) for p in ("/big", "/front", "/pdf", "/slow")))
    reasons = {s.source.rsplit("/", 1)[1]: s.reason for s in skipped}
    assert "over the limit" in reasons["big"]
    assert reasons["front"].startswith("no article on this page")
    assert reasons["pdf"].startswith("neither a page, a feed nor a sitemap (application/pdf)")
    assert "unreachable after 1 tries (ReadTimeout" in reasons["slow"]


def test_fetch_settings_reach_the_requests(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "kroscek.toml"
    path.write_text('[fetch]\nuser_agent = "ruang-redaksi/2 (+desk@example.org)"\nretries = 0\nmax_pages = 1\n')
    chosen = load_settings(path).fetch
    site.routes["/rss"] = fixed(200, RSS.replace(b"{base}", site.url("").encode()), "application/rss+xml")
    site.routes["/berita/banjir"] = html("Banjir bandang di Garut")
    site.routes["/down"] = fixed(503)
    clock = Clock()
    f = Fetcher(chosen, 1_000_000, clock=clock, sleep=clock.sleep)
    articles, (down,) = read(f, site.url("/rss"), site.url("/down"))
    assert len(articles) == 1  # max_pages: the feed's first entry only
    assert down.reason.startswith("HTTP 503") and site.paths().count("/down") == 1  # retries = 0
    assert {h["User-Agent"] for _, h in site.requests} == {"ruang-redaksi/2 (+desk@example.org)"}


def test_kroscek_fetch_fills_a_store_and_remembers_what_it_read(site: Site, tmp_path: Path) -> None:
    site.routes["/rss"] = fixed(200, RSS.replace(b"{base}", site.url("").encode()), "application/rss+xml", ETag='"f1"')
    site.routes["/berita/banjir"] = html("Banjir bandang di Garut", ETag='"b1"')
    site.routes["/berita/dapur"] = fixed(404)
    store = str(tmp_path / "k.db")
    runner = CliRunner()
    first = runner.invoke(app, ["fetch", site.url("/rss"), "--store", store, "--set", "fetch.delay=0"])
    assert first.exit_code == EXIT_SKIPPED, first.output  # one entry is gone: reported, the other kept
    assert "/berita/dapur: HTTP 404" in first.output and "1 new article(s)" in first.output
    kept = Store(tmp_path / "k.db")
    remembered = kept.fetched(site.url("/rss"))
    assert kept.counts()["articles"] == 1 and remembered is not None and remembered[0] == '"f1"'
    kept.close()
    site.requests.clear()
    second = runner.invoke(app, ["fetch", site.url("/rss"), "--store", store, "--set", "fetch.delay=0"])
    assert "0 new article(s)" in second.output
    feed_asked = [h for p, h in site.requests if p == "/rss"]
    assert feed_asked[0]["If-None-Match"] == '"f1"' and "/berita/banjir" not in site.paths()


def test_watch_polls_feeds_and_an_unreachable_one_does_not_stop_the_others(site: Site, tmp_path: Path) -> None:
    site.routes["/rss"] = fixed(200, RSS.replace(b"{base}", site.url("").encode()), "application/rss+xml")
    site.routes["/berita/banjir"] = html("Banjir bandang di Garut")
    site.routes["/berita/dapur"] = html("Dapur umum didirikan di Garut")
    said: list[str] = []
    settings = load_settings(overrides=["fetch.delay=0", "fetch.poll=0", "fetch.retries=0"])
    store = Store(tmp_path / "k.db")
    dead = site.url("/mati")
    site.routes["/mati"] = fixed(503)
    watcher = Watcher(store, [dead, site.url("/rss")], settings, report=said.append)
    changes = watcher.once()
    assert store.counts()["articles"] == 2 and changes
    assert sum("/mati" in line for line in said) == 1
    assert watcher.once() == [] and sum("/mati" in line for line in said) == 1  # told once, asked again
    assert site.paths().count("/mati") == 2 and site.paths().count("/berita/banjir") == 1
    store.close()


def test_settings_default_to_a_polite_fetcher() -> None:
    params = Settings().fetch
    assert params.delay >= 1.0 and params.retries >= 1 and "kroscek" in params.user_agent


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_the_store_keeps_what_was_fetched(tmp_path: Path, kind: str) -> None:
    from kroscek.fetch import known_in, remember_in
    from kroscek.store import open_store
    from tests.conftest import pg_scratch

    store = open_store(tmp_path / "k.db" if kind == "sqlite" else pg_scratch("fetched_test"))
    f = fetcher(Clock())
    url = "https://www.antaranews.com/berita/4401/banjir-garut\x00"
    f.fetched[url] = Fetched(url, '"v1"', None, "d1", "a1")
    remember_in(store, f)
    assert not f.fetched and known_in(store)(url) == Fetched(url, '"v1"', None, "d1", "a1")
    f.fetched[url] = Fetched(url, None, "Mon, 04 Mar 2024 10:00:00 GMT", "d2", None)
    remember_in(store, f)  # read again: the newer record replaces the older
    assert known_in(store)(url) == Fetched(url, None, "Mon, 04 Mar 2024 10:00:00 GMT", "d2", None)
    assert known_in(store)("https://elsewhere.example/") is None
    store.close()


def test_a_page_watched_and_changed_becomes_the_next_version_of_its_article(site: Site, tmp_path: Path) -> None:
    added = "Jumlah pengungsi bertambah menjadi 1.200 orang pada Selasa sore."
    versions = iter([GARUT, [GARUT[0], added, *GARUT[1:]]])
    current: dict[str, Any] = {}

    def changing(headers: dict[str, str]) -> Answer:
        if "If-None-Match" in headers and headers["If-None-Match"] == current.get("etag"):
            return 304, {}, b""
        body = page("Banjir bandang di Garut", next(versions))
        current["etag"] = f'"v{len(current)}"'
        return 200, {"Content-Type": "text/html", "ETag": current["etag"]}, body

    site.routes["/berita/banjir"] = changing
    settings = load_settings(overrides=["fetch.delay=0", "fetch.poll=0"])
    store = Store(tmp_path / "k.db")
    watcher = Watcher(store, [site.url("/berita/banjir")], settings)
    watcher.once()
    current["etag"] = "changed on the server"  # the next answer is the second version
    (revised,) = [c for c in watcher.once() if c["kind"] == "article-revised"]
    new = store.article(revised["after"])
    assert new is not None and new.revision_of == revised["before"] and new.url == site.url("/berita/banjir")
    assert list(revised["detail"]["sentences_added"]) == [
        "Jumlah pengungsi bertambah menjadi 1.200 orang pada Selasa sore."
    ]
    assert watcher.once() == [] and store.counts()["articles"] == 2  # unchanged since: a 304
    store.close()
