"""The ``sentences`` stage: Indonesian-aware sentence boundaries as offsets into the text.

A paragraph (a line of the clean text) never shares a sentence with another. Inside one, a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quote or bracket) before a
capital letter, a digit or an opening quote, except after an abbreviation of the article's
language, an initial ("B. J. Habibie") or a list number ("1."), and never inside a quotation:
``“Saya ingin menekankan ... Kursk. Ini sesuai ...,” ucap Gerasimov.`` is one sentence, so a
quote stays with its speaker. Numbers with separators ("8.000", "3,5") hold no space, so they
are never boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

import msgspec

from kroscek.lang import all_modules, has_data, language_module
from kroscek.model import Article, Sentence
from kroscek.pipeline import stage

__all__ = ["sentences", "split_sentences"]

# Possessive runs, and never from inside a run of end marks: each character is read once.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"”’'»)\]]*+(?=\s++[\"“‘«(\[]?[A-Z0-9])")
_SPACE = re.compile(r"\s*")
_TOKEN_BREAK = re.compile("[ \t]")
_STRAIGHT = re.compile('"')
_LIST_NUMBER = re.compile(r"^\(?(\d{1,3}|[a-zA-Z])[.)]$")
_PAIRS = (("“", "”"), ("«", "»"))
# Longer than this, an unclosed or runaway quotation no longer blocks boundaries.
_MAX_QUOTE_CHARS = 1500


@cache
def _abbreviations(language: str | None) -> frozenset[str]:
    modules = (
        [language_module(language, "abbreviations")]
        if language and has_data(language)
        else all_modules("abbreviations")
    )
    found: set[str] = set()
    for module in modules:
        found |= module.ABBREVIATIONS
    return frozenset(found)


def _quoted(paragraph: str) -> list[tuple[int, int]]:
    """Return the (start, end) of balanced quotations in one paragraph."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        start = paragraph.find(opening)
        while start >= 0:
            end = paragraph.find(closing, start + 1)
            if end < 0:
                break
            spans.append((start, end))
            start = paragraph.find(opening, end + 1)
    if '"' in paragraph:
        straight = [m.start() for m in _STRAIGHT.finditer(paragraph)]
        if len(straight) % 2 == 0:
            spans.extend(zip(straight[0::2], straight[1::2], strict=True))
    return [(a, b) for a, b in spans if b - a <= _MAX_QUOTE_CHARS]


class _Paragraph:
    """One paragraph and what boundary checks need of it, each found in one pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    def token_start(self, at: int) -> int:
        """Where the token (run of non-space, non-tab characters) ending at ``at`` starts."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _TOKEN_BREAK.finditer(self.text)]
        before = bisect_left(self._breaks, at)
        return self._breaks[before - 1] + 1 if before else 0


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the intervals (a, b] as disjoint intervals, in order."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _is_boundary(paragraph: _Paragraph, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    at = match.start()
    if at == 0:
        return False
    if match.group()[0] != "." or match.group()[:2] == "..":
        return True
    token_start = paragraph.token_start(at)
    token = paragraph.text[token_start:at].lstrip("(\"“‘'[")
    if token in abbreviations or (len(token) == 1 and token.isupper()):
        return False
    return not (token_start == 0 and _LIST_NUMBER.match(token + "."))


def _paragraph_sentences(text: str, offset: int, abbreviations: frozenset[str]) -> Iterator[Sentence]:
    # Candidates come in order, so one pointer walks the quotations: linear in the paragraph.
    quoted = _merged(_quoted(text))
    inside = 0
    paragraph = _Paragraph(text)
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        while inside < len(quoted) and quoted[inside][1] < end:
            inside += 1
        if inside < len(quoted) and quoted[inside][0] < end:
            continue
        if not _is_boundary(paragraph, match, abbreviations):
            continue
        yield Sentence(offset + start, offset + end)
        gap = _SPACE.match(text, end)
        start = gap.end() if gap else end
    if text[start:].strip():
        yield Sentence(offset + start, offset + len(text.rstrip()))


def split_sentences(text: str, language: str | None = "id") -> list[Sentence]:
    """Return the sentences of ``text`` as offsets, paragraph by paragraph."""
    abbreviations = _abbreviations(language)
    found: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.strip():
            lead = len(line) - len(stripped)
            found.extend(_paragraph_sentences(stripped, offset + lead, abbreviations))
        offset += len(line) + 1
    return found


@stage("sentences", reads={"text", "language"}, writes={"sentences"})
def sentences(article: Article) -> Article:
    """Return the article with its ``sentences`` layer."""
    return msgspec.structs.replace(article, sentences=tuple(split_sentences(article.text, article.language)))
