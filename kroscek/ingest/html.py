"""Saved web pages: the article's text by trafilatura, its metadata from the page itself.

A page is read in two parts. The **text** is trafilatura's main-text extraction (paragraphs and
data tables, no comments), handed on as the article's raw text, so the clean stage's furniture
rules still run over it. The **metadata** comes from what the page says of itself, first the structured forms
and then its markup: JSON-LD (a ``NewsArticle`` and its kin: ``headline``, ``datePublished``,
``author``), OpenGraph and meta tags (``og:title``, ``article:published_time``, ``author``,
``og:url``), ``<time datetime>``, the canonical link, the article's ``<h1>``. A page that is not
an article (a front page, a section index, an empty shell) is refused with that reason, never
turned into an invented article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any, BinaryIO

from kroscek.ingest.decode import InputError, decode
from kroscek.ingest.readers import reader
from kroscek.ingest.records import _name_of, _published, scrub
from kroscek.lang import all_modules
from kroscek.model import Article, Warning, article_id

__all__ = ["HTML_SUFFIXES", "html_article", "meta_charset"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Fewer words of main text than this and the page holds no article (a shell, a gallery of links).
MIN_WORDS = 40
#: … or characters, for writing without spaces between words (Japanese, Chinese, Thai).
MIN_CHARS = 300
#: Share of the main text's words that are link texts from which the text is a list of headlines
#: (a front page or an index): articles measured up to 0.35 (a photo story), front pages 0.5-0.76.
LINKED_SHARE = 0.45
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "report"}
_NOT_ARTICLE_TYPES = {"website", "collectionpage", "itemlist", "searchresultspage"}
_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "content_publisheddate",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_METAS = ("author", "article:author", "byl", "parsely-author", "dc.creator", "sailthru.author", "content_author")


def _iso(value: str | None) -> str | None:
    """A page's date as ISO 8601 ("2015-11-05 T10:08:58Z", "+0700", RFC 2822 forms read too)."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()  # a day, no time to invent
    text = re.sub(r"\s+T", "T", value.strip())
    text = re.sub(r"(\.\d{6})\d+", r"\1", text).replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).isoformat(timespec="minutes")
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat(timespec="minutes")
    except (TypeError, ValueError, IndexError):
        return None


_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "br",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "blockquote",
        "dd",
        "dt",
        "time",
        "address",
        "main",
        "form",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})
#: Lines between the headline and the body kept as the article's header (byline, date line).
HEADER_LINES = 12
#: Lines after the body searched for a closing byline ("Penulis: …").
FOOTER_LINES = 25


def _visible_lines(tree: Any) -> list[str]:
    """The page's visible text, a line per block element (what a reader sees, top to bottom)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag.lower() in _SKIP:  # a comment, a script: nothing a reader sees
            if node.tail:
                parts.append(node.tail)
            return
        block = tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(tree)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _header(lines: list[str], title: str | None, paragraphs: list[str]) -> list[str]:
    """What can say who wrote the article and when, around it: the lines with a number (a date
    line) or opening with a byline role ("Penulis:", "Oleh :" and the name on the next line,
    "By") between the headline and the body, and the byline lines just after the body
    (menus, tags and share buttons stay out)."""
    key = " ".join((title or "").split())[:40]
    paragraphs = [p for p in paragraphs if p[:40] != key] or paragraphs  # the extraction may open with the headline
    first, last = (paragraphs[0][:40], paragraphs[-1][-40:]) if paragraphs else ("", "")
    start = next((i for i, line in enumerate(lines) if key and line.startswith(key)), None)
    end = next((i for i, line in enumerate(lines) if first and first in line), None)
    after = next((i for i in range(len(lines) - 1, -1, -1) if last and last in lines[i]), None)
    roles = _byline_roles()
    kept: list[str] = []
    if start is not None and end is not None and start < end:
        window = lines[start + 1 : end][:HEADER_LINES]
        for i, line in enumerate(window):
            if len(line) > 200:
                continue
            if any(c.isdigit() for c in line) or roles.match(line):
                kept.append(line)
                if roles.fullmatch(line.rstrip(" :")) and i + 1 < len(window):
                    kept[-1] = f"{line.rstrip(' :')}: {window[i + 1]}"  # "Oleh :" then the name
    if after is not None:
        kept += [line for line in lines[after + 1 : after + 1 + FOOTER_LINES] if roles.match(line) and len(line) <= 120]
    return kept


@cache
def _byline_roles() -> re.Pattern[str]:
    modules = all_modules("furniture")
    editors = {e for m in modules for e in m.EDITOR_ROLES}
    words = sorted({w for m in modules for w, person in m.BYLINE_ROLES.items() if person and w not in editors}, key=len)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, reversed(words)))})\b", re.IGNORECASE)


#: Words from which a paragraph that is all the text of one link is a teaser of another page (a
#: headline: "Also on example.com Ministers threatened with arrest as …"), not the story's own.
TEASER_WORDS = 5


#: Items from which a line listing only the page's own keywords is its tag list.
TAG_ITEMS = 3


def _keywords(tree: Any, meta: dict[str, str]) -> frozenset[str]:
    """The page's keywords (``keywords``, ``news_keywords``, every ``article:tag``), by their words."""
    values = [meta.get("keywords", ""), meta.get("news_keywords", "")]
    values += tree.xpath('//meta[@property="article:tag" or @name="article:tag"]/@content')
    return frozenset(w for v in values for item in re.split(r"[,;]", v) if (w := _words_of(item)))


def _is_tag_list(paragraph: str, keywords: frozenset[str]) -> bool:
    """Whether a line lists :data:`TAG_ITEMS` or more of the page's keywords and nothing else."""
    items = [_words_of(item) for item in re.split(r"[,;|·•]", paragraph) if item.strip()]
    return len(items) >= TAG_ITEMS and all(item in keywords for item in items)


def _teasers_out(paragraphs: list[str], anchors: frozenset[str], keywords: frozenset[str]) -> list[str]:
    """The ``paragraphs`` less those that are wholly the text of a link of :data:`TEASER_WORDS` words
    or more, and the page's tag list; the same list when none is."""
    kept = [
        p
        for p in paragraphs
        if (len(p.split()) < TEASER_WORDS or re.sub(r"^- ", "", p) not in anchors) and not _is_tag_list(p, keywords)
    ]
    return kept if len(kept) < len(paragraphs) else paragraphs


def _linked_share(paragraphs: list[str], anchors: frozenset[str]) -> float:
    """The share of the text's words in paragraphs that are the text of a link."""
    words = sum(len(p.split()) for p in paragraphs)
    linked = sum(len(p.split()) for p in paragraphs if p in anchors or (len(p) > 20 and any(p in a for a in anchors)))
    return linked / words if words else 0.0


def _in_utc(value: str | None) -> bool:
    return bool(value) and bool(re.search(r"(?:Z|[+-]00:?00)$", str(value).strip()))


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _types_of(value: Any) -> set[str]:
    return _types(value) if isinstance(value, dict) else set()


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author`` value (a string, an object, a list of either)."""
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and name.strip():
            out.append(" ".join(name.split()))
    return out


def _metas(tree: Any) -> dict[str, str]:
    """The page's meta tags by lower-cased name or property (first value wins)."""
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value and key not in found:
            found[key] = value
    return found


def _metadata(text: str) -> dict[str, Any]:
    """Title, published, authors and url; whether the page says it is no article; its visible lines and link texts."""
    from lxml import html as lxml_html

    try:
        # The text is already decoded: lxml must read it as UTF-8, not guess from the markup.
        parser = lxml_html.HTMLParser(encoding="utf-8")
        tree = lxml_html.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return {}
    meta = _metas(tree)
    items = list(_json_ld(tree))
    article = next((item for item in items if _types(item) & _ARTICLE_TYPES), None)
    types = {t for item in items for t in _types(item)}
    site = meta.get("og:site_name") or _names((article or {}).get("publisher"))[:1]
    site_name = site if isinstance(site, str) else (site[0] if site else "")
    h1 = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]
    title = (article or {}).get("headline") or next((h for h in h1 if len(h.split()) >= 3), None)
    title = title or _without_site(meta.get("og:title") or meta.get("twitter:title"), site_name)
    published = (article or {}).get("datePublished") or next((meta[k] for k in _DATE_METAS if k in meta), None)
    if not published:
        stamp = tree.xpath("//time[@datetime]")
        published = stamp[0].get("datetime") if stamp else None
    given = (article or {}).get("author")
    # An organisation credited as the author is the publisher, not a byline.
    authors = _names([a for a in (given if isinstance(given, list) else [given]) if "organization" not in _types_of(a)])
    if not authors:
        authors = [meta[k] for k in _AUTHOR_METAS if k in meta and not meta[k].startswith(("http://", "https://"))][:1]
    # A site or its company named as the author is no byline ("Kompas Cyber Media", "PT Viva Media");
    # a role word before the name is not part of it ("By Jamelle Bouie").
    roles = _byline_roles()
    authors = [roles.sub("", a).strip(" :") for a in authors if not _same_site(a, site_name, meta.get("og:url"))]
    authors = [a for a in authors if a]
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    return {
        "title": title if isinstance(title, str) else None,
        "published": published if isinstance(published, str) else None,
        "authors": authors,
        "url": meta.get("og:url") or (canonical[0] if canonical else None),
        "not_article": bool(types & _NOT_ARTICLE_TYPES) and not article,
        "lines": _visible_lines(tree.body if tree.find("body") is not None else tree),
        "anchors": frozenset(t for a in tree.iter("a") if len((t := " ".join(a.text_content().split())).split()) >= 3),
        "keywords": _keywords(tree, meta),
        "tree": tree,
    }


#: Words from which a paragraph of a continuation block counts as prose (not a caption or a button).
PROSE_WORDS = 12
#: Levels above the extracted paragraphs searched for the article's other blocks.
CONTINUATION_LEVELS = 4
_NOT_BODY = frozenset({"aside", "nav", "footer", "header", "figure", "figcaption", "form", "button"})
_ARTICLE_BOUNDS = frozenset({"article", "main", "body", "html"})


def _signature(node: Any) -> tuple[str, str]:
    return node.tag, " ".join(sorted((node.get("class") or "").split()))


def _prose(node: Any) -> str | None:
    """A paragraph element's text when it reads as prose: enough words, few of them in links."""
    text = " ".join(node.text_content().split())
    words = len(text.split())
    if words < PROSE_WORDS or any(a.tag in _NOT_BODY for a in node.iterancestors()):
        return None
    linked = sum(len(a.text_content().split()) for a in node.iter("a"))
    return text if linked / words < 0.5 else None


def _continued(tree: Any, paragraphs: list[str]) -> list[str]:
    """The extracted ``paragraphs`` with the rest of an article cut into blocks.

    Some pages split an article into repeated blocks (``<div class="chunk">`` after
    ``<div class="chunk">``, an advert between them) and the extraction keeps the first. The
    block holding the extracted paragraphs is found, and its siblings of the same tag and class
    up to :data:`CONTINUATION_LEVELS` levels up (never above an ``<article>``) add their prose
    paragraphs, in page order.
    """
    if tree is None or len(paragraphs) < 2:
        return paragraphs
    keys = {p[:80] for p in paragraphs}
    found = [el for el in tree.iter("p") if " ".join(el.text_content().split())[:80] in keys]
    if len(found) < 2:
        return paragraphs
    node = found[0]
    ancestors = set(found[-1].iterancestors())
    while node is not None and node not in ancestors:  # the lowest block holding first and last
        node = node.getparent()
    for _ in range(CONTINUATION_LEVELS):
        if node is None or node.getparent() is None or node.tag in _ARTICLE_BOUNDS:
            break  # beyond an <article>, its twins are other articles (an endless scroll)
        parent = node.getparent()
        twins = [s for s in parent if s is not node and isinstance(s.tag, str) and _signature(s) == _signature(node)]
        extra = [(s, t) for s in twins for el in s.iter("p") if (t := _prose(el)) and t[:80] not in keys]
        if extra:
            before = [t for s, t in extra if s.getparent().index(s) < parent.index(node)]
            after = [t for s, t in extra if s.getparent().index(s) > parent.index(node)]
            return [*before, *paragraphs, *after]
        node = parent
    return paragraphs


#: Spaces, and the invisible characters a page may hold that an extraction drops (soft hyphens, zero-width
#: joiners, direction marks, byte-order marks).
_UNSEEN = re.compile(r"[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")


def _squeezed(text: str) -> str:
    """Text without its spaces, the key a paragraph is found by in the page whatever its markup's spacing."""
    return _UNSEEN.sub("", text)


def _own_article(tree: Any, paragraphs: list[str], title: str | None) -> list[str]:
    """The extracted ``paragraphs`` less those of other articles listed on the page.

    Blogs and news sites show teasers of other posts as ``<article>`` elements after the post
    ("You may also like"), and the extraction can take their excerpts in. Each paragraph is placed
    in the innermost ``<article>`` whose text holds it. When the paragraphs fall in more than one,
    the article holding the page's ``<h1>`` (the headline's first) is the page's own and the
    paragraphs of the others go; when none holds an ``<h1>`` (a live blog's entries under one
    headline) all are kept.
    """
    if tree is None:
        return paragraphs
    articles = list(tree.iter("article"))
    if len(articles) < 2:
        return paragraphs
    texts = [_squeezed(a.text_content()) for a in articles]
    depth = [sum(1 for _ in a.iterancestors()) for a in articles]
    homes: list[int | None] = []
    for paragraph in paragraphs:
        key = _squeezed(paragraph.removeprefix("- "))[:60]
        holders = [i for i, text in enumerate(texts) if key and key in text]
        homes.append(max(holders, key=lambda i: (depth[i], -i)) if holders else None)
    found = {i for i in homes if i is not None}
    if len(found) < 2:
        return paragraphs
    headline = _squeezed(title or "").lower()

    def rank(i: int) -> tuple[bool, bool]:
        h1 = [_squeezed(h.text_content()).lower() for h in articles[i].iter("h1")]
        return bool(headline) and headline in h1, bool(h1)

    own = max(sorted(found), key=rank)
    if not any(rank(own)):
        return paragraphs
    return [p for p, home in zip(paragraphs, homes, strict=True) if home is None or home == own]


#: Words from which a table cell is prose: its table lays out the page (an article in a cell) and
#: holds no data.
TABLE_CELL_WORDS = 30


def _data_tables(body: Any) -> bool:
    """Whether every table of an extracted tree is a grid of data: two rows or more, two cells a row
    or more, no cell of prose (:data:`TABLE_CELL_WORDS`)."""
    for table in body.iter("table"):
        rows = [[len("".join(c.itertext()).split()) for c in row.iter("cell")] for row in table.iter("row")]
        if len(rows) < 2 or any(len(cells) < 2 or max(cells) >= TABLE_CELL_WORDS for cells in rows):
            return False
    return True


def _extraction(text: str) -> tuple[str, Any]:
    """trafilatura's main text of a page (paragraphs and data tables, no comments) and the tree it
    wrote it from (``<head rend="h1">``, ``<p>``, ``<list>`` …, in the text's order), or
    ``("", None)``. A page laid out in tables is read again without them (the extraction reads
    their cells' paragraphs as text)."""
    import trafilatura
    from trafilatura.utils import normalize_unicode

    found = None
    for tables in (True, False):
        found = trafilatura.bare_extraction(text, include_comments=False, include_tables=tables, deduplicate=False)
        if found is None or isinstance(found, dict) or _data_tables(found.body):
            break
    if found is None or isinstance(found, dict) or not found.text:
        return "", None
    return "\n".join(_row(line) for line in normalize_unicode(found.text).split("\n")), found.body


def _row(line: str) -> str:
    """A table row as the extraction writes it ("| DL | Larry Ogunjobi | 63 |"), as its cells' text
    ("DL Larry Ogunjobi 63"); any other line as it is."""
    row = " ".join(line.split())
    if len(row) > 4 and row.startswith("| ") and row.endswith(" |"):
        return " ".join(cell.strip() for cell in row[2:-2].split(" | ") if cell.strip())
    return line


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _above_the_story(body: Any, paragraphs: list[str], title: str | None) -> int:
    """How many of the extracted ``paragraphs`` open the text above its story: what the extraction
    kept above the headline (a kicker, a date, teasers of other posts), the headline, and the
    headings right under it (a deck: "NFL assaults have led to lawsuits before. But …").

    The headline is the extraction's first heading with the words of the page's ``title``, else its
    first ``<h1>``; a heading is a deck while nothing but headings stands between it and the headline.
    None when the part above the story would be longer than the story.
    """
    if body is None:
        return 0
    parts = [c for c in body if isinstance(c.tag, str)]
    heads = [i for i, c in enumerate(parts) if c.tag == "head"]
    key = _words_of(title or "")
    at = next((i for i in heads if key and _words_of("".join(parts[i].itertext())) == key), None)
    at = at if at is not None else next((i for i in heads if parts[i].get("rend") == "h1"), None)
    if at is None:
        return 0
    end = at + 1
    while end < len(parts) and parts[end].tag == "head" and not (parts[end - 1].tail or "").strip():
        end += 1
    above = _squeezed(" ".join("".join(c.itertext()) for c in parts[:end]))
    count = 0
    while count < len(paragraphs) and _squeezed(re.sub(r"^-(?:\s|$)", "", paragraphs[count])) in above:
        count += 1
    words = [len(p.split()) for p in paragraphs]
    return count if sum(words[:count]) < sum(words[count:]) else 0


def _without_site(title: str | None, site: str) -> str | None:
    """A page title without its site's name ("… - Kompas.com", "… | Republika Online")."""
    if not title:
        return None
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and (_same_site(parts[-1], site, None) or re.search(r"\.\w{2,3}$", parts[-1])):
        return " - ".join(parts[:-1])
    return title


def _same_site(name: str, site: str, url: str | None) -> bool:
    """Whether ``name`` is the site or its company rather than a person."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    sites = [re.sub(r"[^a-z0-9]", "", site.lower())]
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url.lower()).split("/")[0]
        sites.append(re.sub(r"[^a-z0-9]", "", host.split(".")[0]))
    return any(s and (s in key or key in s) for s in sites) or bool(re.search(r"\b(pt|media|com|co)\b", name.lower()))


#: How far into a page its ``<meta charset>`` is looked for: the HTML standard's prescan reads
#: 1,024 bytes, but saved news pages declare it as late as 70 KB in, after their scripts.
CHARSET_SCAN = 128 * 1024
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def meta_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` declares."""
    found = _META_CHARSET.search(data, 0, CHARSET_SCAN)
    return found[1].decode("ascii") if found else None


def html_article(
    data: bytes, source: str, name: str | None = None, *, url: str | None = None, charset: str | None = None
) -> Article:
    """The article a saved page holds; :class:`InputError` when it holds none.

    ``url`` is where the page was fetched from, when that is known (a web archive's record says),
    else the page's own ``og:url`` or canonical link is its url. ``charset`` is what the server
    declared, else the page's meta charset is read (see :func:`kroscek.ingest.decode.decode`).
    """
    import trafilatura

    text = decode(data, source, charset or meta_charset(data)).text
    meta = _metadata(text)
    body, extracted = _extraction(text)
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    cut = _above_the_story(extracted, paragraphs, meta.get("title"))
    above, story = paragraphs[:cut], (paragraphs[cut:] if cut else paragraphs)
    longer = _continued(meta.get("tree"), _own_article(meta.get("tree"), story, meta.get("title")))
    if longer is not paragraphs:
        paragraphs, body = longer, "\n".join(longer)
    if (
        (len(body.split()) < MIN_WORDS and len(body) < MIN_CHARS)
        or (meta.get("not_article") and not meta.get("published"))
        or _linked_share(paragraphs, meta.get("anchors", frozenset())) >= LINKED_SHARE
    ):
        raise InputError(source, "no article on this page (a front page, an index or an empty page)")
    story = _teasers_out(paragraphs, meta.get("anchors", frozenset()), meta.get("keywords", frozenset()))
    if story is not paragraphs:
        paragraphs, body = story, "\n".join(story)
    header = [
        *above,
        *(line for line in _header(meta.get("lines", []), meta.get("title"), paragraphs) if line not in above),
    ]
    if not meta.get("published") or _in_utc(meta.get("published")):
        # No stamp of the page's own, or one in UTC (which may fall on another day than the date
        # the page shows): htmldate's reading of the page, through trafilatura, gives the day.
        found = trafilatura.extract_metadata(text)
        meta["published"] = (found.date if found and found.date else None) or meta.get("published")
    raw, repaired = scrub("\n".join([*header, body]) if header else body)
    problems = [f"text: {repaired}"] if repaired else []
    published, problem = _published(_iso(meta.get("published")))
    if problem:
        problems.append(problem)
    title = scrub(meta["title"])[0] if meta.get("title") else None
    url = url or meta.get("url")
    return Article(
        id=article_id(url or source, raw),
        source=source,
        name=name or source,
        raw=raw,
        url=url,
        title=title,
        authors=tuple(scrub(a)[0] for a in meta.get("authors", [])),
        published=published,
        published_source="metadata" if published else None,
        warnings=tuple(Warning("ingest", p) for p in problems),
        header_lines=len(header),
    )


@reader(*HTML_SUFFIXES)
def read_html(handle: BinaryIO, source: str, limit: int) -> Iterator[Article]:
    """A saved page (up to ``limit`` bytes): its article, or InputError when it holds none."""
    yield html_article(handle.read(limit + 1)[:limit], source, _name_of(source))
