"""The date grammar of a language: patterns built from its data in kroscek.lang, and the spans they find."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kroscek.lang import language_module


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    kind: str
    groups: dict[str, str]


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True)
class _Lang:
    trigger_words: dict[str, frozenset[str]]
    joiner: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    day_words: dict[str, int]
    parts: dict[str, str]
    ordinals: dict[str, int]
    zones: dict[str, str | None]
    meridiem: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    current: frozenset[str]
    number_words: dict[str, int]


_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"


@cache
def _lang(code: str) -> _Lang:
    cal = language_module(code, "calendar")
    data = language_module(code, "dates")
    numbers = language_module(code, "numbers")
    wd = _alt(cal.WEEKDAYS)
    months = {**cal.MONTHS, **cal.MONTH_ABBREVIATIONS}
    mon = _alt(months)
    full_mon = _alt(cal.MONTHS)
    part = rf"(?:\s*,?\s*(?P<{{p}}part>{_alt(data.DAYPARTS)}))?"
    rel = _alt((*data.PAST, *data.FUTURE, *data.CURRENT))
    joiners = _alt(data.RANGE_JOINERS)
    # what joins the two dates of a written pair: a range's ends, or two alternatives ("23 atau 24")
    pair = _alt((*data.RANGE_JOINERS, *data.ALTERNATIVES))
    clock = _alt(data.CLOCK_WORDS)
    zones = _alt(data.ZONES)
    meridiem = rf"(?:\s*(?P<mer>{_alt(data.MERIDIEM)}))?" if data.MERIDIEM else ""
    small = _alt(numbers.SMALL_NUMBERS)
    year_word = _alt(data.YEAR_WORDS)
    month_word = _alt(data.MONTH_WORDS)
    prefix = rf"(?:{re.escape(data.ORDINAL_PREFIX)}-?)?" if data.ORDINAL_PREFIX else ""
    day_suffix = rf"(?:{_alt(data.DAY_SUFFIXES)})?" if data.DAY_SUFFIXES else ""

    def point(p: str) -> str:
        """A date on the calendar, optionally after a weekday; group names start with ``p``."""
        numeric = rf"(?P<{p}d>{_DAY})\s*/\s*(?P<{p}m>{_MONTH_NUM})(?:\s*/\s*(?P<{p}y>\d{{4}}|\d{{2}}))?"
        # "27 NOVEMBER, 2005", "18th September 2013".
        named = rf"(?P<{p}d2>{_DAY}){day_suffix}\s+(?P<{p}mn>{mon})\.?(?:\s*,?\s+(?P<{p}y2>{_YEAR}))?"
        weekday = rf"(?P<{p}w>{wd})"
        return (
            # "Rabu sore (18/9)", "Jumat kemarin (28/9)", "Senin depan (27/10)"
            rf"(?:{weekday}(?:\s+(?:{_alt(data.DAYPARTS)}))?(?:\s+(?P<{p}wrel>{rel}))?\s*,?\s*)?"
            rf"(?P<{p}open>\(\s*)?(?:{numeric}|{named})(?({p}open)\s*\))"
            + part.format(p=p)
            + rf"(?:\s+(?P<{p}rel>{_alt((*data.PAST, *data.FUTURE))}))?"
        )

    weekday_only = rf"(?P<w>{wd})(?:\s+(?P<part>{_alt(data.DAYPARTS)}))?"
    month_year = rf"(?:(?:{month_word})\s+)?(?P<mn>{mon})\.?\s+(?P<y>{_YEAR})"
    # "Tuesday, March 4, 2014", "May 3rd, 2013", "Dec 23 2012", "Dec.14" (the period stands for the space).
    english_md = (
        rf"(?:(?P<w>{wd})\.?\s*,?\s*)?(?P<mn>{mon})(?:\.\s*|\s+)(?P<d>{_DAY}){day_suffix}"
        rf"(?:\s*,\s*(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?"
    )
    patterns: list[tuple[str, str]] = [
        # Ranges first: the longest form wins anyway, but named groups differ per kind.
        (
            "range_days",
            rf"(?P<d1>{_DAY})\s*(?:{pair})\s*(?P<d2>{_DAY})\s+(?P<mn>{mon})\.?(?:\s+(?P<y>{_YEAR}))?"
            rf"(?:\s+(?P<rel>{_alt((*data.PAST, *data.FUTURE))}))?",
        ),
        ("range_months", rf"(?P<mn1>{full_mon})\s*(?:{pair})\s*(?P<mn2>{full_mon})\s+(?P<y>{_YEAR})"),
        (
            "range_years",
            rf"(?:(?:{year_word})\s+)?(?P<y1>{_YEAR})\s*(?:{pair})\s*(?P<y2>{_YEAR})"
            rf"(?!\s*(?:{mon})\b)(?!\d)",
        ),
        ("bce", rf"(?:(?:{year_word})\s+)?(?P<y1>\d{{2,4}})(?:\s*-\s*(?P<y2>\d{{2,4}}))?\s+(?:{_alt(data.BCE)})\b"),
        ("point", point("")),
        *(
            [
                ("english_md", english_md),
                ("unit_rel", rf"(?P<rel>{rel})\s+(?P<unit>{_alt(data.UNITS)})"),
                ("weekday", rf"(?P<rel>{rel})\s+(?P<w>{wd})"),
            ]
            if data.MONTH_BEFORE_DAY and data.RELATIVE_FIRST
            else []
        ),
        ("month_year", month_year),
        (
            "month_rel",
            rf"(?:(?P<mod>{_alt(data.PERIOD_PARTS)})\s+)?(?:(?:{month_word})\s+)?(?P<mn>{full_mon})"
            rf"(?:\s+(?P<unit>{year_word})\s+(?P<rel>{rel})|\s+(?P<rel2>{rel}))",
        ),
        (
            "period_year",
            rf"(?P<mod>{_alt(data.PERIOD_PARTS)})\s+(?:(?:{month_word}|{year_word})\s+)?(?P<y>{_YEAR})",
        ),
        ("period_month", rf"(?P<mod>{_alt(data.PERIOD_PARTS)})\s+(?:(?:{month_word})\s+)?(?P<mn>{full_mon})"),
        (
            "quarter",
            # "kuartal IV 2025", "kuartal IV-2025", "semester II 2024"; a quarter with no year is of
            # the publish year ("kuartal IV"), a half or term is not (a school's "semester I").
            rf"(?P<qw>{_alt((*data.QUARTER_WORDS, *data.HALF_WORDS))})\s+(?P<q>{_alt(data.ORDINALS)})\b"
            rf"(?:\s+(?:{_alt(data.QUARTER_OF)}))?(?:\s+|\s*-\s*)(?P<y>{_YEAR})"
            rf"|(?P<qw2>{_alt(data.QUARTER_WORDS)})\s+(?P<q2>{_alt(data.ORDINALS)})\b",
        ),
        ("decade", rf"(?:(?:{year_word})\s+)?(?:(?P<y>(?:1[5-9]|20)\d0|'?\d0)-?an\b|(?P<ey>(?:1[5-9]|20)\d0)s\b)"),
        ("century", rf"(?:{_alt(data.CENTURY_WORDS)})\s+{prefix}(?P<c>\d{{1,2}}|[IVX]{{1,5}}){day_suffix}"),
        ("day_word", rf"(?P<dw>{_alt(data.DAY_WORDS)})"),
        *(
            # "tanggal 23", "tanggal 23 dan 24": a day of the publish month.
            [
                (
                    "day_of_month",
                    rf"(?:{_alt(data.DAY_OF_MONTH_WORDS)})\.?\s+(?P<d1>{_DAY})(?:\s*(?:{pair})\s*(?P<d2>{_DAY}))?"
                    rf"(?!\d|\s*[/.-]\s*\d|\s+(?:{mon})\b)",
                )
            ]
            if data.DAY_OF_MONTH_WORDS
            else []
        ),
        # "dua hari lalu"; not "tiga bulan ini", which is a duration.
        (
            "span_ago",
            rf"(?P<n>\d{{1,3}}|{small}|se)\s*(?P<unit>{_alt(data.UNITS)})\s+(?:yang\s+)?"
            rf"(?P<rel>{_alt((*data.PAST, *data.FUTURE))})",
        ),
        ("unit_rel", rf"(?:(?P<mod>{_alt(data.PERIOD_PARTS)})\s+)?(?P<unit>{_alt(data.UNITS)})\s+(?P<rel>{rel})"),
        *(
            # "awal tahun", "akhir bulan": a part of the current year or month, nothing after it.
            [
                (
                    "unit_rel",
                    rf"(?P<mod>{_alt(data.PERIOD_PARTS)})\s+(?P<unit>{_alt(data.CURRENT_WHEN_ALONE)})"
                    rf"(?!\s*(?:\d|(?:{rel}|{mon}|{year_word}|{month_word})\b))",
                )
            ]
            if data.CURRENT_WHEN_ALONE
            else []
        ),
        ("weekday", weekday_only + rf"(?:\s+(?P<rel>{rel}|{_alt(data.DAY_WORDS)}))?"),
        ("month", rf"(?:(?:{month_word})\s+)?(?P<mn>{full_mon})"),
        (
            "clock",
            rf"(?:(?:(?:{_alt(data.CLOCK_HEDGES)})\s+)?(?:{clock})\.?\s*)(?P<h>2[0-3]|[01]?\d)(?!\d)(?:[.:](?P<min>[0-5]\d))?"
            rf"(?:\s*(?P<zone>{zones}))?(?:\s+(?P<zone2>{_alt(data.LOCAL_TIME)}))?"
            rf"|(?P<h2>2[0-3]|[01]?\d)[.:](?P<min2>[0-5]\d){meridiem}\s*(?P<zone3>{zones})",
        ),
        ("year", rf"(?:(?:{year_word})\s+)?(?P<y>{_YEAR})(?![.,]\d)(?!\d)(?!-?an\b)"),
    ]
    classes = {
        "weekday": cal.WEEKDAYS,
        "month": months,
        "dayword": data.DAY_WORDS,
        "unit": data.UNITS,
        "period": data.PERIOD_PARTS,
        "quarter": (*data.QUARTER_WORDS, *data.HALF_WORDS),
        "century": data.CENTURY_WORDS,
        "dayofmonth": data.DAY_OF_MONTH_WORDS,
    }
    # First word of each trigger phrase -> its class; digits are their own class.
    trigger_words: dict[str, frozenset[str]] = {}
    for c, words in classes.items():
        for w in words:
            first = str(w).split()[0].lower()
            trigger_words[first] = trigger_words.get(first, frozenset()) | {c}
    return _Lang(
        trigger_words=trigger_words,
        joiner=re.compile(rf"\s*(?:{joiners})\s*", re.IGNORECASE),
        patterns=tuple((k, re.compile(rf"(?<![\w/.]){p}(?![\w/])", re.IGNORECASE)) for k, p in patterns),
        months=months,
        weekdays=dict(cal.WEEKDAYS),
        units=dict(data.UNITS),
        day_words={k.lower(): v for k, v in data.DAY_WORDS.items()},
        parts=dict(data.PERIOD_PARTS),
        ordinals=dict(data.ORDINALS),
        zones=dict(data.ZONES),
        meridiem=dict(data.MERIDIEM),
        past=frozenset(data.PAST),
        future=frozenset(data.FUTURE),
        current=frozenset(data.CURRENT),
        number_words=dict(numbers.SMALL_NUMBERS),
    )
