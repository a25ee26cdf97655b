"""Fetching news over HTTP, politely: pages, RSS/Atom feeds, sitemaps and lists of URLs.

A *source* is a URL (a page, a feed or a sitemap: what the server sends decides) or a local file
listing URLs, one per line (``#`` starts a comment). :meth:`Fetcher.articles` turns sources into
:class:`~kroscek.model.Article` records through the HTML reader (:func:`kroscek.ingest.html.html_article`),
so a fetched page is read exactly as a saved one; anything that cannot be read comes out as a
:class:`~kroscek.model.Skipped` naming the URL and the problem, and never stops the other sources.

Every request is polite:
- robots.txt is read once per host (RFC 9309: a 4xx robots file allows everything, a 5xx or an
  unreachable one forbids the host until it is asked again) and obeyed for kroscek's user agent,
  including its ``Crawl-delay``;
- one host gets at most one request per ``fetch.delay`` seconds (or its Crawl-delay, if longer);
- a refused connection, a timeout, 429 and 5xx answers are retried ``fetch.retries`` times after
  ``fetch.backoff`` seconds doubling each time, or after the ``Retry-After`` the server asks for
  (up to :data:`MAX_WAIT`);
- a URL fetched before is asked for with its ``ETag`` and ``Last-Modified`` (conditional GET), and
  a 304 answer costs no reading;
- a page is read up to ``max_input_bytes`` and ``fetch.timeout`` seconds, redirects are followed up
  to :data:`MAX_REDIRECTS` hops, each hop checked against its own host's robots.txt.

What the fetcher remembers of each URL (its validators and the digest of the body last read) is a
:class:`Fetched` record; ``kroscek watch`` and ``kroscek fetch --store`` keep them in the store, so a
feed polled again costs a 304 and a page already read is not fetched again.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import io
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol
from urllib.parse import urljoin, urlsplit

from kroscek.ingest.decode import InputError
from kroscek.ingest.html import html_article
from kroscek.model import Article, Skipped
from kroscek.settings import FetchParams

if TYPE_CHECKING:
    import httpx

__all__ = ["Fetched", "Fetcher", "is_url", "known_in", "remember_in", "url_list"]

#: Redirect hops followed for one URL.
MAX_REDIRECTS = 5
#: The longest wait a server's Retry-After or a backoff may impose before the URL is given up.
MAX_WAIT = 120.0
#: How long a host's robots.txt is trusted before it is asked for again (seconds); an unreachable one, less.
ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 60.0
#: How much of a robots.txt is read (RFC 9309 asks for at least 500 KiB).
ROBOTS_BYTES = 512 * 1024
#: Sitemap indexes followed this deep.
SITEMAP_DEPTH = 2
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "kroscek"

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) URL (else it names a local file)."""
    return urlsplit(source).scheme in ("http", "https") and bool(urlsplit(source).netloc)


def url_list(text: str) -> list[str]:
    """The URLs a list file holds: one per line, blank lines and ``#`` comments skipped."""
    return [s for line in text.splitlines() if (s := line.split("#", 1)[0].strip()) and is_url(s)]


class Fetched(NamedTuple):
    """What is remembered of a URL once read: its validators and the digest of its body."""

    url: str
    etag: str | None
    last_modified: str | None
    digest: str
    article_id: str | None = None


class _Page(NamedTuple):
    url: str  # where the body came from, after redirects
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None


class _NotModified(NamedTuple):
    url: str


@dataclass
class _Robots:
    rules: urllib.robotparser.RobotFileParser | None  # None: the whole host is forbidden for now, see problem
    until: float
    problem: str = ""

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None when it may."""
        if self.rules is None:
            return self.problem
        return None if self.rules.can_fetch(ROBOTS_AGENT, url) else f"robots.txt of {_host(url)} disallows {url}"

    def delay(self) -> float:
        found = self.rules.crawl_delay(ROBOTS_AGENT) if self.rules is not None else None
        return float(found) if found else 0.0


@dataclass
class Fetcher:
    """Fetches sources politely (see the module docstring) with one ``httpx`` client.

    ``known(url)`` says what was remembered of a URL (for conditional GET and to skip feed entries
    already read); ``clock`` and ``sleep`` are the time the fetcher waits by (a test passes its own).
    """

    params: FetchParams
    limit: int
    known: Callable[[str], Fetched | None] = lambda url: None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    client: httpx.Client | None = None
    #: What this fetcher read, by URL: what the caller keeps once the articles are committed.
    fetched: dict[str, Fetched] = field(default_factory=dict)
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _next: dict[str, float] = field(default_factory=dict)  # host -> earliest time of its next request

    def __post_init__(self) -> None:
        if self.client is None:
            import httpx

            self.client = httpx.Client(
                headers={"User-Agent": self.params.user_agent, "Accept-Encoding": "gzip, deflate"},
                timeout=httpx.Timeout(self.params.timeout),
                follow_redirects=False,
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- sources ---------------------------------------------------------------------------------

    def articles(self, sources: Iterable[str], *, again: bool = False) -> Iterator[Article | Skipped]:
        """The articles of ``sources``: pages read, feeds and sitemaps followed to their pages, list
        files read for their URLs. A feed's entry already fetched is not fetched again unless
        ``again`` (its page is then asked for conditionally)."""
        seen: set[str] = set()
        for source in sources:
            if is_url(source):
                yield from self._source(source, seen, again, depth=0)
                continue
            try:
                with open(source, "rb") as handle:
                    data = handle.read(self.limit + 1)
            except OSError as error:
                yield Skipped(source, error.strerror or str(error))
                continue
            if len(data) > self.limit:
                yield Skipped(source, f"URL list over the limit of {self.limit:,} bytes (max_input_bytes)")
                continue
            urls = url_list(data.decode("utf-8", "replace"))
            if not urls:
                yield Skipped(source, "no http(s) URL in this list")
            for url in urls[: self.params.max_pages]:
                yield from self._source(url, seen, again, depth=0)

    def _source(self, url: str, seen: set[str], again: bool, depth: int) -> Iterator[Article | Skipped]:
        if url in seen:
            return
        seen.add(url)
        got = self.get(url)
        if not isinstance(got, _Page):
            if isinstance(got, Skipped):
                yield got
            return
        kind = _kind(got)
        if kind == "html":
            yield self._article(url, got)
            return
        if kind == "feed":
            links = _feed_links(got)
        elif kind in ("urlset", "sitemapindex") and depth < SITEMAP_DEPTH:
            links = _sitemap_links(got)
        else:
            yield Skipped(url, f"neither a page, a feed nor a sitemap ({got.content_type or 'no content type'})")
            return
        self._remember(url, got)
        if not links:
            yield Skipped(url, f"the {kind} lists no URL")
        for link in links[: self.params.max_pages]:
            if kind == "sitemapindex":
                yield from self._source(link, seen, again, depth + 1)
            elif (again or self.known(link) is None) and link not in seen:
                seen.add(link)
                yield from self._entry(link)

    def _entry(self, url: str) -> Iterator[Article | Skipped]:
        """The article of a page a feed or sitemap lists."""
        page = self.get(url)
        if isinstance(page, Skipped):
            yield page
        elif isinstance(page, _Page):
            kind = _kind(page)
            yield self._article(url, page) if kind == "html" else Skipped(url, f"not a page ({page.content_type})")

    def _article(self, url: str, page: _Page) -> Article | Skipped:
        try:
            article = html_article(page.body, url, url, url=page.url, charset=page.charset)
        except InputError as error:
            self._remember(url, page)  # a page without an article is not read again while unchanged
            return Skipped(error.source, error.problem)
        self._remember(url, page, article.id)
        return article

    def _remember(self, url: str, page: _Page, article_id: str | None = None) -> None:
        digest = hashlib.blake2b(page.body, digest_size=16).hexdigest()
        self.fetched[url] = Fetched(url, page.etag, page.last_modified, digest, article_id)

    # -- one URL ---------------------------------------------------------------------------------

    def get(self, url: str) -> _Page | _NotModified | Skipped:
        """One URL, redirects followed: its page, that it did not change, or why it was not read."""
        before = self.known(url)
        target = url
        for _ in range(MAX_REDIRECTS + 1):
            refused = self._robots_for(target).refusal(target)
            if refused is not None:
                return Skipped(url, refused)
            answer = self._request(target, before if target == url else None)
            if isinstance(answer, Skipped):
                return Skipped(url, answer.reason if target == url else f"{answer.reason} (redirected to {target})")
            if not isinstance(answer, str):
                return answer
            target = urljoin(target, answer)  # a redirect's Location
        return Skipped(url, f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, before: Fetched | None) -> _Page | _NotModified | Skipped | str:
        """One request with its retries: a page, not modified, a problem, or a redirect's location."""
        import httpx

        assert self.client is not None
        headers = {}
        if before is not None and before.etag:
            headers["If-None-Match"] = before.etag
        if before is not None and before.last_modified:
            headers["If-Modified-Since"] = before.last_modified
        wait = self.params.backoff
        for attempt in range(self.params.retries + 1):
            last = attempt == self.params.retries
            self._wait_turn(url)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in _RETRY_STATUS and not last:
                        asked = _retry_after(response.headers.get("Retry-After"))
                        pause = wait if asked is None else asked
                        if pause > MAX_WAIT:
                            return Skipped(
                                url, f"HTTP {status}; the server asks to wait {pause:.0f} s (over {MAX_WAIT:.0f})"
                            )
                        self._hold(url, pause)
                        wait *= 2
                        continue
                    if status == 304:
                        return _NotModified(url)
                    if 300 <= status < 400 and "Location" in response.headers:
                        return response.headers["Location"]
                    if status != 200:
                        return Skipped(url, f"HTTP {status} {response.reason_phrase}".strip())
                    return self._read(url, response)
            except httpx.TransportError as error:
                if last:
                    problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                    return Skipped(url, f"unreachable after {attempt + 1} tries ({problem})")
                self._hold(url, min(wait, MAX_WAIT))
                wait *= 2
        raise AssertionError("the last try always returns")

    def _hold(self, url: str, seconds: float) -> None:
        """The URL's host is not asked again for ``seconds`` (a backoff, a Retry-After)."""
        host = _host(url)
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + seconds)

    def _read(self, url: str, response: httpx.Response) -> _Page | Skipped:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.limit:
            return Skipped(url, f"{int(declared):,} bytes, over the limit of {self.limit:,} (max_input_bytes)")
        deadline = self.clock() + self.params.timeout
        parts, size = [], 0
        for chunk in response.iter_bytes():
            parts.append(chunk)
            size += len(chunk)
            if size > self.limit:
                return Skipped(url, f"over the limit of {self.limit:,} bytes (max_input_bytes)")
            if self.clock() > deadline:
                return Skipped(url, f"still arriving after {self.params.timeout:g} s (fetch.timeout)")
        body = b"".join(parts)
        if body[:2] == b"\x1f\x8b":  # a gzipped file (a sitemap.xml.gz), not a transfer encoding
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(body)) as unzipped:
                    body = unzipped.read(self.limit + 1)
            except (OSError, EOFError) as error:
                return Skipped(url, f"gzip file does not decompress ({error})")
            if len(body) > self.limit:
                return Skipped(url, f"over the limit of {self.limit:,} bytes once decompressed (max_input_bytes)")
        return _Page(
            str(response.url),
            body,
            response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
            response.charset_encoding,
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
        )

    def _wait_turn(self, url: str) -> None:
        """Sleep until the URL's host may be asked again, then book its next turn."""
        host = _host(url)
        now = self.clock()
        ready = self._next.get(host, 0.0)
        if ready > now:
            self.sleep(ready - now)
            now = self.clock()
        robots = self._robots.get(host)
        self._next[host] = now + max(self.params.delay, robots.delay() if robots else 0.0)

    def _robots_for(self, url: str) -> _Robots:
        import httpx

        assert self.client is not None
        host = _host(url)
        known = self._robots.get(host)
        if known is not None and known.until > self.clock():
            return known
        parts = urlsplit(url)
        where = f"{parts.scheme}://{parts.netloc}/robots.txt"
        self._wait_turn(where)
        try:
            with self.client.stream("GET", where, follow_redirects=True) as response:
                status, body = response.status_code, b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) >= ROBOTS_BYTES:
                        break  # RFC 9309: at least 500 KiB are read; the rest may be ignored
        except httpx.TransportError as error:
            problem = f"{where} unreachable ({type(error).__name__}): the host is not fetched until it answers"
            robots = _Robots(None, self.clock() + ROBOTS_RETRY, problem)
        else:
            if status >= 500:
                problem = f"{where} answered HTTP {status}: the host is not fetched until it answers"
                robots = _Robots(None, self.clock() + ROBOTS_RETRY, problem)
            else:
                rules = urllib.robotparser.RobotFileParser(where)
                text = body[:ROBOTS_BYTES].decode("utf-8", "replace") if status < 400 else ""
                rules.parse(text.splitlines())
                robots = _Robots(rules, self.clock() + ROBOTS_TTL)
        self._robots[host] = robots
        return robots


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _kind(page: _Page) -> str:
    """What a page is: "html", "feed", "urlset", "sitemapindex" or "other" (the body decides over the type)."""
    head = page.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or page.content_type.endswith("xml") or "rss" in page.content_type:
        for root in (b"<rss", b"<feed", b"<rdf:rdf"):
            if root in head:
                return "feed"
        for root in (b"<urlset", b"<sitemapindex"):
            if root in head:
                return root[1:].decode()
    if page.content_type in _HTML_TYPES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "other"


def _feed_links(page: _Page) -> list[str]:
    import feedparser

    parsed = feedparser.parse(page.body, response_headers={"content-location": page.url})
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and is_url(urljoin(page.url, link)):
            links.append(urljoin(page.url, link))
    return list(dict.fromkeys(links))


def _sitemap_links(page: _Page) -> list[str]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(page.body, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    locs = [str(e.text).strip() for e in root.iter("{*}loc") if e.text]
    return list(dict.fromkeys(u for u in (urljoin(page.url, loc) for loc in locs) if is_url(u)))


class _FetchedStore(Protocol):
    def fetched(self, url: str) -> tuple[str | None, str | None, str, str | None] | None: ...

    def set_fetched(self, records: Iterable[tuple[str, str | None, str | None, str, str | None]]) -> None: ...


def known_in(store: _FetchedStore) -> Callable[[str], Fetched | None]:
    """What ``store`` remembers of a URL, as a :class:`Fetcher`'s ``known``."""

    def known(url: str) -> Fetched | None:
        row = store.fetched(url)
        return Fetched(url, *row) if row else None

    return known


def remember_in(store: _FetchedStore, fetcher: Fetcher) -> None:
    """Keep in ``store`` what ``fetcher`` read (once its articles are committed), and forget it here."""
    store.set_fetched((f.url, f.etag, f.last_modified, f.digest, f.article_id) for f in fetcher.fetched.values())
    fetcher.fetched.clear()
