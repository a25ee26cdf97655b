"""Compiled furniture patterns of every supported language, and the checks that use them.

Pages mix languages (an Indonesian article under an English WordPress comment box), so the
patterns of all languages in :data:`kroscek.lang.SUPPORTED` are tried on every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kroscek.lang import all_modules
from kroscek.lang.xx import agencies, credits, markers

__all__ = ["Furniture", "furniture"]

# Runs of word characters and dots; the ones with a letter are words. (One pattern,
# "[\w.]*[^\W\d_][\w.]*", read a run without letters once per character: quadratic.)
_RUN = re.compile(r"[\w.]+")
_LETTER = re.compile(r"[^\W\d_]")
_DOMAIN = re.compile(r"^[\w-]+(\.[A-Za-z]{2,})+$")
_YEAR = re.compile(r"(?<!\d)(1[89]|20)\d\d(?!\d)")
# Odd spacing ("4: 59 PM", "05. 51AM") makes a stamp look longer than it is.
_MAX_DATE_LINE_WORDS = 16


@dataclass(frozen=True)
class Furniture:
    lines: tuple[tuple[str, re.Pattern[str]], ...]
    block_openers: tuple[tuple[str, re.Pattern[str]], ...]
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    byline_roles: dict[str, bool]
    editor_roles: frozenset[str]  # credited, not authors
    byline_label: re.Pattern[str]
    byline_plain: re.Pattern[str]
    date_name: re.Pattern[str]
    date_token: re.Pattern[str]
    date_line_words: frozenset[str]
    agencies: frozenset[str]
    caption_openers: tuple[re.Pattern[str], ...]
    caption_credits: tuple[re.Pattern[str], ...]
    lead_markers: tuple[re.Pattern[str], ...]
    name_word: re.Pattern[str]  # a word of a person's name as bylines print it
    name_split: re.Pattern[str]  # between the names of a byline

    def line_reason(self, line: str) -> str | None:
        """Return why this whole line is furniture, or None."""
        for reason, pattern in self.lines:
            if pattern.search(line):
                return reason
        return None

    def block_reason(self, line: str) -> str | None:
        """Return the reason when this line is a label that opens a box of links."""
        for reason, pattern in self.block_openers:
            if pattern.search(line):
                return reason
        return None

    def is_date_line(self, line: str) -> bool:
        """Return True when the line is a page's date stamp ("Kamis, 16 Jan 2025 19:20 WIB").

        Besides dates and clock times a stamp holds only its labels, zones and clock letters
        ("Posted at 3: 21 PM ET, 01/5/2011"), one domain ("Kompas.com - 12/03/2025"), or, with a
        year, up to two credits in capitals or agency names ("TNN Nov 12, 2011, 05. 51AM IST
        MUMBAI:", "Reuters Sep 18, 2013").
        """
        words = self.date_line_words_left(line)
        if words is None:
            return False
        if len(words) <= 1 and all(_DOMAIN.search(w) for w in words):
            return True
        return (
            len(words) <= 2
            and bool(_YEAR.search(line))
            and all(w.isupper() or w.lower() in self.agencies for w in (w.strip(".") for w in words))
        )

    def date_line_words_left(self, line: str) -> list[str] | None:
        """Return the words of a short line with a date once its dates, times, labels and zones
        are set aside; None when the line is long or names no date."""
        if len(line.split()) > _MAX_DATE_LINE_WORDS or not any(ch.isdigit() for ch in line):
            return None
        if not self.date_name.search(line):
            return None
        rest = self.date_token.sub(" ", line)
        return [w for w in _RUN.findall(rest) if _LETTER.search(w) and w.lower().strip(".") not in self.date_line_words]

    def is_caption(self, line: str) -> bool:
        """Return True when the line is a photo caption (an opener word or a photo credit)."""
        return any(p.search(line) for p in self.caption_openers) or any(p.search(line) for p in self.caption_credits)


Patterns = tuple[tuple[str, re.Pattern[str]], ...]


def _compile(entries: tuple[tuple[str, str], ...], flags: int = re.IGNORECASE) -> Patterns:
    return tuple((reason, re.compile(pattern, flags)) for reason, pattern in entries)


@cache
def furniture() -> Furniture:
    """Return the furniture patterns of all supported languages, compiled once per process."""
    modules = all_modules("furniture")
    calendars = all_modules("calendar")
    names = sorted(
        {n for c in calendars for n in (*c.MONTHS, *c.MONTH_ABBREVIATIONS, *c.WEEKDAYS)}, key=len, reverse=True
    )
    alternation = "|".join(re.escape(n) for n in names)
    date_name = re.compile(
        rf"\b({alternation})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b", re.IGNORECASE
    )
    suffixes = "|".join(sorted({re.escape(x) for d in all_modules("dates") for x in d.DAY_SUFFIXES}))
    date_token = re.compile(rf"\b({alternation})\b\.?|\d{{1,4}}([/.:-]\d{{1,4}}){{0,2}}(?:{suffixes})?", re.IGNORECASE)
    particles = "|".join(sorted({re.escape(w) for m in modules for w in m.NAME_PARTICLES}))
    joins = "|".join(sorted({rf"\b{re.escape(w)}\b" for m in modules for w in m.BYLINE_JOINS}))
    roles: dict[str, bool] = {}
    for m in modules:
        roles.update(m.BYLINE_ROLES)
    for m in modules:  # an editor is credited, not an author ("Editor: Ade Marboen")
        roles.update(dict.fromkeys(m.EDITOR_ROLES, False))
    # Longest labels first so "laporan wartawan" wins over "wartawan".
    labels = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return Furniture(
        lines=tuple(x for m in modules for x in _compile(m.LINES)),
        block_openers=tuple(x for m in modules for x in _compile(m.BLOCK_OPENERS)),
        inline=tuple(x for m in modules for x in _compile(m.INLINE, 0)),
        byline_roles=roles,
        editor_roles=frozenset(e for m in modules for e in m.EDITOR_ROLES),
        byline_label=re.compile(rf"(?<![\w-])(?P<label>{labels})\s*[:：]", re.IGNORECASE),
        byline_plain=re.compile(rf"^(?P<label>{labels})\s+(?P<rest>\S.*)$", re.IGNORECASE),
        date_name=date_name,
        date_token=date_token,
        date_line_words=frozenset(w for c in calendars for w in c.DATE_LINE_WORDS),
        agencies=frozenset(n.lower() for name, other in agencies.AGENCIES.items() for n in (name, *other)),
        caption_openers=tuple(re.compile(m.CAPTION_OPENERS, re.IGNORECASE) for m in modules),
        caption_credits=tuple(re.compile(m.CAPTION_CREDITS, re.IGNORECASE) for m in modules)
        + tuple(re.compile(p) for p in credits.CAPTION_CREDITS),
        lead_markers=tuple(re.compile(p) for p in markers.LEAD_MARKERS),
        # Capitalised words, initials, a few particles ("Ahmad bin Said", "Ludwig van Beethoven").
        name_word=re.compile(rf"^([A-Z][\w'’-]*\.?|[A-Z]\.|({particles})|[A-Z]{{2,}}\.?)$"),
        name_split=re.compile(rf"\s*(?:,|;|&|\||/|{joins})\s*"),
    )
