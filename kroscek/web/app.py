"""``kroscek serve``: the web app on a store — search, story briefings, articles, and their JSON twins.

Every HTML page has a JSON twin under ``/api`` and FastAPI describes them all at
``/openapi.json`` (there is no ``/docs`` page: Swagger UI would come from a CDN, which the
pages' own Content-Security-Policy forbids). Reading is open; adding articles
(``POST /api/articles``) and corrections (``POST /api/corrections``) need the bearer token the
server was started with, and are off when it was started without one. Give the token in the
environment, ``KROSCEK_TOKEN=… kroscek serve``, rather than as ``--token``: a command-line
argument shows in ``ps`` to every user of the machine.

Requests are untrusted: the token is checked (in constant time) before a byte of the body is
read; a body is counted while it streams in and refused with 413 past ``max_body`` bytes,
whatever its Content-Length says or when it has none (chunked); posts of more than
``max_records`` articles are refused with 413. Query values lose NUL and other control
characters; impossible dates and out-of-range numbers are refused with a message (422). Article
text is untrusted too: templates autoescape, and no value from a request ever names a file (ids
are checked against the id shape and looked up in the store only). Every answer, errors
included, carries a Content-Security-Policy that allows nothing from outside the site and no
framing (with ``X-Frame-Options: DENY`` for older browsers), and ``HEAD`` works wherever ``GET``
does.
"""

import datetime as dt
import hmac
import re
import threading
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import msgspec
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kroscek.ingest.records import record_articles
from kroscek.model import Article, to_contract
from kroscek.report.html import PageLimits, atom_feed, content_policy, highlight, render_story
from kroscek.settings import Settings
from kroscek.store import Store, StoreError, open_store
from kroscek.stories.confidence import at_least, sure_quotes

__all__ = ["create_app"]

_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_POLICY = content_policy() + "; frame-ancestors 'none'"
_SECURITY = [
    (b"content-security-policy", _POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
]
_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")  # empty: the form's blank field
# NUL ends a C string (SQLite's FTS5 query parser fails on it); the other controls and lone
# surrogates have no business in a search either.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class _Record(msgspec.Struct):
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] = []
    id: str | None = None


class _CorrectionRequest(msgspec.Struct):
    """What ``POST /api/corrections`` asks for (as ``kroscek correct`` takes it)."""

    kind: str
    ids: list[str]
    by: str
    why: str = ""
    value: str | None = None
    quote: str | None = None


class _Guard:
    """The outermost layer: security headers on every answer, HEAD as GET without a body, the body limit.

    It wraps even FastAPI's own error layer, so a 500 carries the headers too. The byte limit is
    enforced on what actually arrives: a declared Content-Length over the limit is refused before
    anything is read, and the stream is cut with 413 as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                ours = {name for name, _ in _SECURITY}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
                message = {**message, "headers": headers + _SECURITY}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        length = Headers(scope=scope).get("content-length")
        declared = length is not None and length.isascii() and length.isdigit()  # "²" is a digit to Python
        if length is not None and (not declared or int(length) > self.max_body):
            over = declared
            detail = f"request body over {self.max_body} bytes" if over else "bad Content-Length"
            await JSONResponse({"detail": detail}, status_code=413 if over else 400)(scope, receive, guarded_send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise HTTPException(413, f"request body over {self.max_body} bytes")
            return message

        await self.app(scope, counted_receive, guarded_send)


class _App(FastAPI):
    """FastAPI with the guard around its whole middleware stack (error pages included)."""

    guard_max_body: int = 5_000_000

    def build_middleware_stack(self) -> ASGIApp:
        return _Guard(super().build_middleware_stack(), self.guard_max_body)


@cache
def _templates() -> Any:
    from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

    loader = ChoiceLoader([PackageLoader("kroscek.web", "templates"), PackageLoader("kroscek.report", "templates")])
    return Environment(loader=loader, autoescape=select_autoescape(default=True))


def _plain(value: str | None) -> str | None:
    """``value`` without control characters and lone surrogates (None stays None)."""
    return None if value is None else _CONTROL.sub("", value)


def _day(name: str, value: str | None) -> str | None:
    """``value`` when it is a real year, month or day (YYYY, YYYY-MM, YYYY-MM-DD); else a 422."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError as error:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): {error}") from error
    return value


def create_app(
    store_path: str | Path,
    *,
    token: str | None = None,
    max_body: int = 5_000_000,
    max_records: int = 500,
    settings: Settings | None = None,
) -> FastAPI:
    """Return the app serving the store at ``store_path`` (a SQLite file or a ``postgresql://`` URL).

    ``token`` turns on ``POST /api/articles`` for clients that send ``Authorization: Bearer
    <token>``; ``kroscek serve`` reads it from ``KROSCEK_TOKEN`` (preferred: an argument shows in
    ``ps``) or ``--token``. Articles added that way are analysed with ``settings``.
    """
    chosen = settings or Settings()
    local = threading.local()
    write_lock = threading.Lock()
    expected = token.encode("utf-8") if token else None
    app = _App(
        title="kroscek",
        description="Cross-checked Indonesian news: search, stories, articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.guard_max_body = max_body

    def store() -> Store:
        if not hasattr(local, "store"):
            local.store = open_store(store_path)
        return local.store  # type: ignore[no-any-return]

    def checked(value: str) -> str:
        if not _ID.match(value):
            raise HTTPException(404, "no such record")
        return value

    def search_args(
        q: Annotated[str, Query(max_length=200)] = "",
        outlet: Annotated[str | None, Query(max_length=100)] = None,
        since: Annotated[str | None, Query(pattern=_DATE.pattern)] = None,
        until: Annotated[str | None, Query(pattern=_DATE.pattern)] = None,
        entity: Annotated[str | None, Query(max_length=100)] = None,
        speaker: Annotated[str | None, Query(max_length=100)] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    ) -> dict[str, Any]:
        blank = {"outlet": _plain(outlet), "entity": _plain(entity), "speaker": _plain(speaker)}
        dates = {"since": _day("since", since), "until": _day("until", until)}
        given = {k: v or None for k, v in (blank | dates).items()}
        return {"text": _plain(q), "limit": limit, **given, "min_confidence": min_confidence}

    def search(args: dict[str, Any]) -> list[dict[str, Any]]:
        """The store's hits; with ``min_confidence``, a quote hit only when its speaker is that sure."""
        found = store().search(**{k: v for k, v in args.items() if k != "min_confidence"})
        minimum = args["min_confidence"]
        if minimum is None:
            return found
        quoted = {a.id: a for a in store().articles(sorted({h["article_id"] for h in found if h["kind"] == "quote"}))}

        def sure(hit: dict[str, Any]) -> bool:
            article = quoted.get(hit["article_id"])
            quote = next((q for q in article.quotes if q.start == hit["start"]), None) if article else None
            return quote is not None and quote.confidence is not None and quote.confidence >= minimum

        return [h for h in found if h["kind"] != "quote" or sure(h)]

    @app.get("/api/search")
    def api_search(args: Annotated[dict[str, Any], Depends(search_args)]) -> dict[str, Any]:
        """Full-text search over articles, quotes and entities, with filters (``min_confidence``: quote
        hits only where the speaker is at least that sure)."""
        return {"query": args, "hits": search(args)}

    @app.get("/", response_class=HTMLResponse)
    def page_search(args: Annotated[dict[str, Any], Depends(search_args)]) -> str:
        asked = any(args[k] for k in ("text", "outlet", "since", "until", "entity", "speaker"))
        hits = search(args) if asked else []
        template = _templates().get_template("search.html.j2")
        # The landing page lists stories and counts; a search page only its hits.
        stories, counts = ([], None) if asked else (store().stories(20), store().counts())
        return str(template.render(args=args, hits=hits, asked=asked, stories=stories, counts=counts))

    @app.get("/api/stories")
    def api_stories(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """The largest stories in the store."""
        return store().stories(limit)

    class Merged(Exception):
        """The story asked for was merged into another."""

        def __init__(self, survivor: str) -> None:
            self.survivor = survivor

    def story_and_articles(story_id: str) -> tuple[Any, dict[str, Article]]:
        story = store().story(checked(story_id))
        if story is None:
            survivor = store().redirect(story_id)
            if survivor:
                raise Merged(survivor)
            raise HTTPException(404, "no such story")
        return story, {a.id: a for a in store().articles(story.article_ids)}

    @app.get("/api/stories/{story_id}", response_model=None)
    def api_story(
        story_id: str, min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None
    ) -> dict[str, Any] | JSONResponse:
        """One story as in the kroscek/1 contract, with its articles (a merged id: 301 to its survivor).
        ``min_confidence``: only the event members, claims and quotes at least that sure."""
        try:
            story, articles = story_and_articles(story_id)
        except Merged as merged:
            where = f"/api/stories/{merged.survivor}"
            return JSONResponse({"merged_into": merged.survivor}, status_code=301, headers={"Location": where})
        members = [articles[a] for a in story.article_ids if a in articles]
        if min_confidence is not None:
            story, members = at_least(story, members, min_confidence)
        document = to_contract(members, [story])
        return {"story": document["stories"][0], "articles": document["articles"]}

    @app.get("/api/changes")
    def api_changes(
        since: Annotated[int, Query(ge=0)] = 0,
        story: Annotated[str | None, Query(max_length=40)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> dict[str, Any]:
        """What the stories' recomputations changed after change number ``since`` (oldest first)."""
        found = store().changes(since, checked(story) if story else None, limit)
        return {"changes": found, "last": found[-1]["seq"] if found else since}

    pages: dict[tuple[int, str], str] = {}  # rendered briefings, until the stories change

    @app.get("/stories/{story_id}", response_class=HTMLResponse, response_model=None)
    def page_story(story_id: str) -> str | RedirectResponse:
        key = (store().generation(), checked(story_id))
        if key not in pages:
            try:
                story, articles = story_and_articles(story_id)
            except Merged as merged:
                return RedirectResponse(f"/stories/{merged.survivor}", status_code=301)
            if len(pages) > 256:
                pages.clear()
            changes = store().changes(0, story.id, 50, latest=True)
            pages[key] = render_story(story, articles, live=True, changes=changes, limits=PageLimits())
        return pages[key]

    @app.get("/stories/{story_id}/feed.atom", response_model=None)
    def feed_story(story_id: str) -> Response:
        """An Atom feed of what changed in one story."""
        try:
            story, articles = story_and_articles(story_id)
        except Merged as merged:
            return RedirectResponse(f"/stories/{merged.survivor}/feed.atom", status_code=301)
        body = atom_feed(story, store().changes(0, story.id, 100, latest=True), articles)
        return Response(body, media_type="application/atom+xml")

    def one_article(article_id: str) -> Article:
        article = store().article(checked(article_id))
        if article is None:
            raise HTTPException(404, "no such article")
        return article

    @app.get("/api/articles/{article_id}")
    def api_article(
        article_id: str, min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None
    ) -> dict[str, Any]:
        """One article as in the kroscek/1 contract, and the story it belongs to (``min_confidence``:
        only the quotes whose speaker is at least that sure)."""
        article = one_article(article_id)
        if min_confidence is not None:
            article = sure_quotes(article, min_confidence)
        return {"article": to_contract([article])["articles"][0], "story_id": store().story_of(article.id)}

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def page_article(article_id: str, start: int | None = None, end: int | None = None) -> str:
        article = one_article(article_id)
        template = _templates().get_template("article.html.j2")
        return str(
            template.render(
                article=article,
                segments=highlight(article),
                story_id=store().story_of(article.id),
                start=start,
                end=end,
            )
        )

    async def authorised_body(request: Request, doing: str, shape: Any) -> Any:
        """The JSON body of a write, decoded as ``shape``, once the bearer token is checked."""
        # Who is asking comes first: nothing of the body is read for a client without the token.
        if expected is None:
            raise HTTPException(403, f"{doing} is off: start the server with a token")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        # Headers arrive decoded as latin-1: encoding back gives the bytes the client sent.
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("latin-1"), expected):
            raise HTTPException(401, "a valid bearer token is needed")
        kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPException(415, "the body must be JSON (Content-Type: application/json)")
        body = bytearray()
        async for chunk in request.stream():  # the guard cuts it with 413 past max_body
            body += chunk
        try:
            return msgspec.json.decode(bytes(body), type=shape)
        except msgspec.ValidationError as error:
            raise HTTPException(422, f"bad record: {error}") from error
        except (msgspec.DecodeError, RecursionError) as error:
            raise HTTPException(400, f"the body is not JSON: {error}") from error

    @app.get("/api/corrections")
    def api_corrections() -> dict[str, Any]:
        """The analysts' corrections, oldest first, each with its status: applied, or lapsed (no longer
        applies) with the reason."""
        from kroscek.stories.corrections import listed

        return {"corrections": listed(store())}

    correction_schema = msgspec.json.schema(_CorrectionRequest)
    correction_schema = {**correction_schema["$defs"]["_CorrectionRequest"], "title": "correction"}

    @app.post(
        "/api/corrections",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": correction_schema}}}
        },
    )
    async def api_correct(request: Request) -> dict[str, Any]:
        """Record a correction (kind, ids, by, and optional why, value, quote: as `kroscek correct` takes
        them); the stories are rebuilt with it. Answers the correction with its number and status."""
        asked = await authorised_body(request, "correcting", _CorrectionRequest)

        def record() -> dict[str, Any]:
            from kroscek.stories.corrections import resolve
            from kroscek.stories.index import correct

            with write_lock:
                target = store()
                try:
                    made = resolve(
                        target, asked.kind, asked.ids, by=asked.by, value=asked.value, why=asked.why, quote=asked.quote
                    )
                except ValueError as error:
                    raise HTTPException(422, str(error)) from error
                kept = correct(target, made, chosen.story)
                status, reason = target.correction_status().get(kept.id, ("pending", None))
            return {**msgspec.to_builtins(kept), "status": status, "reason": reason}

        try:
            return await run_in_threadpool(record)
        except StoreError as error:
            raise HTTPException(503, str(error)) from error

    body_schema = msgspec.json.schema(list[_Record])
    body_schema = {**body_schema["$defs"]["_Record"], "title": "record"}

    @app.post(
        "/api/articles",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"type": "array", "items": body_schema}}},
            }
        },
    )
    async def api_add(request: Request) -> dict[str, Any]:
        """Add articles (JSON list of records: text, and optional id, title, url, outlet, published, authors)."""
        records = await authorised_body(request, "adding articles", list[_Record])
        if len(records) > max_records:
            raise HTTPException(413, f"at most {max_records} articles per request")
        if not records:  # nothing to add
            return {"added": 0, "skipped": []}
        fields = [{k: v for k, v in msgspec.structs.asdict(r).items() if v is not None} for r in records]

        def add() -> tuple[int, list[Any]]:
            from kroscek.analysis import ingest_records  # the analysis loads only when articles come

            with write_lock:
                done = ingest_records(store(), record_articles(fields, "request"), chosen)
                return done.added, done.skipped

        try:
            added, skipped = await run_in_threadpool(add)
        except StoreError as error:  # a damaged or full store: say so, and what to do
            raise HTTPException(503, str(error)) from error
        return {"added": added, "skipped": [{"source": s.source, "reason": s.reason} for s in skipped]}

    return app


#: Where ``kroscek serve --workers N`` tells each worker process what to serve (JSON: the store's
#: location and the settings); the token travels in ``KROSCEK_TOKEN``, as for one process.
SERVE_ENVIRONMENT = "KROSCEK_SERVE"


def serve_environment(store_path: str, settings: Settings) -> str:
    """The value of ``SERVE_ENVIRONMENT`` that makes :func:`from_environment` serve ``store_path``."""
    return msgspec.json.encode({"store": store_path, "settings": settings}).decode()


def from_environment() -> FastAPI:
    """The app of one worker of ``kroscek serve --workers N`` (uvicorn imports it by name in each)."""
    import os

    told = msgspec.json.decode(os.environ[SERVE_ENVIRONMENT])
    settings = msgspec.convert(told["settings"], Settings)
    return create_app(told["store"], token=os.environ.get("KROSCEK_TOKEN") or None, settings=settings)
