"""``kroscek serve``: the web app on a store — search, story briefings, articles, and their JSON twins.

Every HTML page has a JSON twin under ``/api`` and FastAPI describes them all at
``/openapi.json``. Reading is open; adding articles (``POST /api/articles``) needs the bearer
token the server was started with, and is off when it was started without one. Article text is
untrusted: templates autoescape, and no value from a request ever names a file (ids are checked
against the id shape and looked up in the store only). Request bodies over ``max_body`` bytes, and
posts of more than ``max_records`` articles, are refused with 413. Query values lose NUL and other
control characters; impossible dates and out-of-range numbers are refused with a message (422).
"""

import datetime as dt
import io
import re
import threading
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import msgspec
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from kroscek.model import Article, to_contract
from kroscek.report.html import highlight, render_story
from kroscek.settings import Settings
from kroscek.store import Store, open_store
from kroscek.store import ingest as ingest_inputs

__all__ = ["create_app"]

_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'"
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
    store_path: str | Path, *, token: str | None = None, max_body: int = 5_000_000, max_records: int = 500
) -> FastAPI:
    """Return the app serving the store at ``store_path`` (a SQLite file or a ``postgresql://`` URL)."""
    local = threading.local()
    write_lock = threading.Lock()
    app = FastAPI(title="kroscek", description="Cross-checked Indonesian news: search, stories, articles.")

    def store() -> Store:
        if not hasattr(local, "store"):
            local.store = open_store(store_path)
        return local.store  # type: ignore[no-any-return]

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > max_body):
            return JSONResponse({"detail": f"request body over {max_body} bytes"}, status_code=413)
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = _POLICY
        return response

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
    ) -> dict[str, Any]:
        blank = {"outlet": _plain(outlet), "entity": _plain(entity), "speaker": _plain(speaker)}
        dates = {"since": _day("since", since), "until": _day("until", until)}
        return {"text": _plain(q), "limit": limit, **{k: v or None for k, v in (blank | dates).items()}}

    @app.get("/api/search")
    def api_search(args: Annotated[dict[str, Any], Depends(search_args)]) -> dict[str, Any]:
        """Full-text search over articles, quotes and entities, with filters."""
        return {"query": args, "hits": store().search(**args)}

    @app.get("/", response_class=HTMLResponse)
    def page_search(args: Annotated[dict[str, Any], Depends(search_args)]) -> str:
        asked = any(args[k] for k in ("text", "outlet", "since", "until", "entity", "speaker"))
        hits = store().search(**args) if asked else []
        template = _templates().get_template("search.html.j2")
        # The landing page lists stories and counts; a search page only its hits.
        stories, counts = ([], None) if asked else (store().stories(20), store().counts())
        return str(template.render(args=args, hits=hits, asked=asked, stories=stories, counts=counts))

    @app.get("/api/stories")
    def api_stories(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """The largest stories in the store."""
        return store().stories(limit)

    def story_and_articles(story_id: str) -> tuple[Any, dict[str, Article]]:
        story = store().story(checked(story_id))
        if story is None:
            raise HTTPException(404, "no such story")
        return story, {a.id: a for a in store().articles(story.article_ids)}

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> dict[str, Any]:
        """One story as in the kroscek/1 contract, with its articles."""
        story, articles = story_and_articles(story_id)
        document = to_contract([articles[a] for a in story.article_ids if a in articles], [story])
        return {"story": document["stories"][0], "articles": document["articles"]}

    pages: dict[tuple[int, str], str] = {}  # rendered briefings, until the stories change

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def page_story(story_id: str) -> str:
        key = (store().generation(), checked(story_id))
        if key not in pages:
            story, articles = story_and_articles(story_id)
            if len(pages) > 256:
                pages.clear()
            pages[key] = render_story(story, articles, live=True)
        return pages[key]

    def one_article(article_id: str) -> Article:
        article = store().article(checked(article_id))
        if article is None:
            raise HTTPException(404, "no such article")
        return article

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        """One article as in the kroscek/1 contract, and the story it belongs to."""
        article = one_article(article_id)
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

    @app.post("/api/articles")
    def api_add(
        request_body: list[dict[str, Any]], authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        """Add articles (JSON list of records: text, and optional id, title, url, outlet, published, authors)."""
        if not token:
            raise HTTPException(403, "adding articles is off: start the server with a token")
        if authorization != f"Bearer {token}":
            raise HTTPException(401, "a valid bearer token is needed")
        if len(request_body) > max_records:
            raise HTTPException(413, f"at most {max_records} articles per request")
        try:
            records = msgspec.convert(request_body, list[_Record])
        except msgspec.ValidationError as error:
            raise HTTPException(422, f"bad record: {error}") from error
        lines = b"\n".join(msgspec.json.encode(r) for r in records)
        with write_lock:
            added, skipped = ingest_inputs(store(), ["-"], Settings(), stdin=io.BytesIO(lines))
        return {"added": added, "skipped": [{"source": s.source, "reason": s.reason} for s in skipped]}

    return app
