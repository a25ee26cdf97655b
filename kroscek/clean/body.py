"""Tell the story's lines from page furniture, and read the metadata the furniture carries.

A cascade over the lines of one article:

1. lines that are furniture wherever they stand (share/comment prompts, related links, video
   and ad embeds, captions, bylines), and boxes of links opened by a label line;
2. the header, before the first line of the story (a lead marker such as "BEIJING (ANTARA) -",
   or else the first line of prose): title, masthead, section label, name line, standfirst;
3. the footer, after the last line of prose: short label lines left over from the page;
4. parts of story lines: the lead marker before the first sentence, a text credit after the
   last one ("(VOA)"), capitalised embeds inside a line.

Everything removed is kept as Boilerplate with its reason and raw line index.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kroscek.clean.furniture import Furniture, furniture
from kroscek.clean.metadata import (
    Lead,
    agency_name,
    is_name,
    is_outlet_name,
    parse_byline,
    parse_lead,
    parse_tail_credit,
)
from kroscek.clean.text import prepare_lines
from kroscek.model import Boilerplate

__all__ = ["CleanBody", "clean_body"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LIST_ITEM = re.compile(r"^(\d{1,3}[.)]|[a-z][.)]|[-•*·–])\s")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’]$|\)$")
# How far into the text a lead marker may stand (counted in lines of prose before it).
_MAX_PROSE_BEFORE_LEAD = 2
# Furniture is short. A longer line that opens like furniture ("VIDEO: ...") is a story whose
# scraper glued a label to it; it is kept whole rather than lost whole.
_MAX_FURNITURE_WORDS = 80


def _is_prose(line: str) -> bool:
    words = len(line.split())
    return (words >= 8 and bool(_SENTENCE_END.search(line))) or words >= 25


def _key(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def _same_title(line: str, title: str) -> bool:
    a, b = _key(line), _key(title)
    if not a or not b:
        return False
    if title.rstrip().endswith(("...", "…")):  # titles cut by the scraper
        return a.startswith(b) or b.startswith(a)
    return a == b


@dataclass
class CleanBody:
    text: str
    boilerplate: list[Boilerplate]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    lead: Lead | None = None
    masthead: str | None = None


@dataclass
class _Line:
    index: int
    text: str
    reason: str | None = None  # None: a story line


def _is_name_line(line: str) -> bool:
    """A lone name under the title is its author; an outlet's name there is not."""
    return is_name(line, max_words=4) and not is_outlet_name(line)


def _overlap(candidate: str, body: set[str]) -> float:
    words = {w for w in _key(candidate).split() if len(w) > 2}
    return len(words & body) / len(words) if words else 0.0


def _choose_title(header: list[_Line], body_words: set[str]) -> _Line | None:
    candidates = [ln for ln in header if not is_name(ln.text) and len(_WORD.findall(ln.text)) >= 2]
    if not candidates:
        return None
    seen = Counter(_key(ln.text) for ln in header)
    repeated = [ln for ln in candidates if seen[_key(ln.text)] > 1]
    if repeated:
        return repeated[0]
    return max(candidates, key=lambda ln: (_overlap(ln.text, body_words), -ln.index))


def clean_body(raw: str, given_title: str | None = None, header_lines: int = 0) -> CleanBody:
    """Return the story text of ``raw``, what was removed and the metadata found on the way.

    The first ``header_lines`` lines of ``raw`` come from around the article on its page (see
    ``Article.header_lines``): read for bylines and dates like any line, then removed ("page").
    """
    f = furniture()
    texts, removed = prepare_lines(raw)
    lines = [_Line(i, t) for i, t in enumerate(texts) if t]
    result = CleanBody(text="", boilerplate=removed)

    _mark_furniture(lines, f, result)
    for ln in lines:
        if ln.index < header_lines and ln.reason is None:
            ln.reason = "page"
        elif ln.reason is None:
            _strip_prompt_sentences(ln, f, result)
    story = [ln for ln in lines if ln.reason is None]
    body_start = _find_body_start(story, f)
    header = story[:body_start]
    body = story[body_start:]
    _mark_header(header, body, given_title, result)
    _mark_repeated_title(body, given_title or result.title)
    _mark_footer(story)

    if body and body[0].reason is None:
        _strip_lead(body[0], f, result)
    kept = [ln for ln in story if ln.reason is None]
    if kept:
        _strip_tail_credit(kept[-1], result)
    for ln in lines:
        if ln.reason is not None:
            removed.append(Boilerplate(ln.text, ln.reason, ln.index, "line"))
    removed.sort(key=lambda b: b.line if b.line is not None else -1)

    parts: list[str] = []
    previous = None
    for ln in kept:
        if ln.text:
            if previous is not None:
                parts.append("\n" if ln.index == previous + 1 else "\n\n")
            parts.append(ln.text)
            previous = ln.index
    result.text = "".join(parts)
    return result


def _mark_furniture(lines: list[_Line], f: Furniture, result: CleanBody) -> None:
    """Mark lines that are furniture wherever they stand; collect byline credits."""
    in_box: str | None = None
    awaiting_name = False
    for ln in lines:
        for inline_reason, pattern in f.inline:
            if pattern.fullmatch(ln.text):
                ln.reason = inline_reason
            elif pattern.search(ln.text):
                for m in pattern.finditer(ln.text):
                    result.boilerplate.append(Boilerplate(m.group(), inline_reason, ln.index, "inline"))
                ln.text = re.sub(r"\s{2,}", " ", pattern.sub(" ", ln.text)).strip()
        if ln.reason:
            continue
        if awaiting_name and is_name(ln.text):
            ln.reason = "byline"
            result.authors.append(ln.text)
            awaiting_name = False
            continue
        awaiting_name = False
        if opener := f.block_reason(ln.text):
            ln.reason = in_box = opener
            continue
        reason = f.line_reason(ln.text)
        if reason in _GLUED_REASONS:
            alone = [f.line_reason(sentence) in _GLUED_REASONS for sentence in _SENTENCE_BREAK.split(ln.text)]
            if any(alone) and not all(alone):
                reason = None  # a prompt glued to story sentences: only the prompt goes (_strip_prompt_sentences)
        if reason and len(ln.text.split()) <= _MAX_FURNITURE_WORDS:
            ln.reason = reason
            continue
        if in_box and not _is_prose(ln.text) and len(ln.text.split()) <= 20:
            ln.reason = in_box
            continue
        in_box = None
        credits = parse_byline(ln.text, f)
        if credits is not None:
            ln.reason = "byline"
            awaiting_name = not credits
            for c in credits:
                agency = agency_name(c.name)
                if agency and c.role in ("sumber", "source"):
                    result.wire.append(agency)
                elif c.author:
                    result.authors.append(c.name)
            continue
        if f.is_caption(ln.text):
            ln.reason = "caption"
            continue
        if f.is_date_line(ln.text):
            ln.reason = "date"
            continue
        credit = parse_tail_credit(ln.text)
        if credit and credit[0].strip() == ln.text:  # a credit line of its own: "(VOA)"
            ln.reason = "credit"
            result.wire.extend(credit[1])


#: Where one sentence of a line ends and the next begins.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")
#: Furniture that a page glues to a story paragraph: an invitation to follow a channel, where the text first ran.
_GLUED_REASONS = frozenset({"subscribe", "syndication"})


def _strip_prompt_sentences(line: _Line, f: Furniture, result: CleanBody) -> None:
    """Cut the sentences at the start or the end of a story line that are furniture on their own
    ("… tertinggal. Ikuti saluran WhatsApp kami untuk kabar terbaru."), recorded as prefix or suffix."""
    sentences = _SENTENCE_BREAK.split(line.text)
    if len(sentences) < 2:
        return
    first, last = 0, len(sentences)
    while last - first > 1 and f.line_reason(sentences[last - 1]) in _GLUED_REASONS:
        last -= 1
        reason = f.line_reason(sentences[last]) or ""
        result.boilerplate.append(Boilerplate(sentences[last], reason, line.index, "suffix"))
    while last - first > 1 and f.line_reason(sentences[first]) in _GLUED_REASONS:
        reason = f.line_reason(sentences[first]) or ""
        result.boilerplate.append(Boilerplate(sentences[first], reason, line.index, "prefix"))
        first += 1
    if (first, last) != (0, len(sentences)):
        kept = sentences[first:last]
        start = line.text.index(kept[0])
        end = line.text.rindex(kept[-1]) + len(kept[-1])
        line.text = line.text[start:end]


def _find_body_start(story: list[_Line], f: Furniture) -> int:
    """Return the position (in ``story``) of the first line of the story."""
    prose_seen = 0
    first_prose = None
    for pos, ln in enumerate(story):
        if _is_prose(ln.text) and parse_lead(ln.text, f):
            return pos
        if _is_prose(ln.text):
            if first_prose is None:
                first_prose = pos
            prose_seen += 1
            if prose_seen > _MAX_PROSE_BEFORE_LEAD:
                break
    return first_prose if first_prose is not None else len(story)


def _mark_header(header: list[_Line], body: list[_Line], given_title: str | None, result: CleanBody) -> None:
    """Label the lines before the story: title, masthead, name line, standfirst."""
    if not header:
        return
    if given_title:
        for ln in header:
            if _same_title(ln.text, given_title):
                ln.reason = "title"
            elif _is_name_line(ln.text):
                ln.reason = "byline"
                result.authors.append(ln.text)
        result.title = given_title
        return
    body_words = {w for ln in body[:3] for w in _key(ln.text).split() if len(w) > 2}
    title = _choose_title(header, body_words)
    if title is None:
        for ln in header:
            ln.reason = "masthead"
        return
    result.title = title.text
    before = True
    for ln in header:
        if ln is title or _key(ln.text) == _key(title.text):
            ln.reason = "title"
            before = False
        elif before:
            ln.reason = "masthead"
            words = ln.text.split()
            if result.masthead is None and 2 <= len(words) <= 4 and is_name(ln.text):
                result.masthead = ln.text
        elif _is_name_line(ln.text):
            ln.reason = "byline"
            result.authors.append(ln.text)
        elif is_outlet_name(ln.text):
            ln.reason = "masthead"
        else:
            ln.reason = "standfirst"


def _mark_repeated_title(body: list[_Line], title: str | None) -> None:
    if title:
        for ln in body:
            if ln.reason is None and not _is_prose(ln.text) and _same_title(ln.text, title):
                ln.reason = "title"


def _mark_footer(body: list[_Line]) -> None:
    """Label short leftover lines after the last line of prose ("Sumber", a lone name)."""
    last_prose = max((i for i, ln in enumerate(body) if ln.reason is None and _is_prose(ln.text)), default=None)
    if last_prose is None:
        return
    for ln in body[last_prose + 1 :]:
        if (
            ln.reason is None
            and len(ln.text.split()) <= 5
            and not _SENTENCE_END.search(ln.text)
            and not _LIST_ITEM.match(ln.text)
        ):
            ln.reason = "footer"


def _strip_lead(first: _Line, f: Furniture, result: CleanBody) -> None:
    lead = parse_lead(first.text, f)
    if lead is None:
        return
    result.lead = lead
    result.wire.extend(lead.wire)
    result.boilerplate.append(Boilerplate(lead.prefix.strip(), "dateline", first.index, "prefix"))
    first.text = first.text[len(lead.prefix) :].lstrip()


def _strip_tail_credit(last: _Line, result: CleanBody) -> None:
    credit = parse_tail_credit(last.text)
    if credit is None:
        return
    text, wire = credit
    result.wire.extend(wire)
    result.boilerplate.append(Boilerplate(text.strip(), "credit", last.index, "suffix"))
    last.text = last.text[: len(last.text) - len(text)].rstrip()
