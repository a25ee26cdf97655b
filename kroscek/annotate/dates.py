"""The ``dates`` stage: date and time mentions, normalised against the publish date.

Two steps, kept apart so each can be tested alone:

1. **Find** (:func:`find_date_spans`): regular patterns built from the language's data
   (month and weekday names, day parts, relative words, range joiners, clock words and zones)
   propose candidate spans; the longest non-overlapping ones win. News forms come whole:
   "Senin (28/4/2025) pukul 14.30 WIB", "Pada Selasa (29 Oktober)", "18-19 Juni 2024",
   "Senin (5/8) malam hingga Selasa (6/8)", "Juni tahun lalu", "dua hari lalu".
2. **Resolve** (:func:`resolve`): each span gets an ISO value, a grain (year, month, day,
   time), an end for ranges, and ``relative`` when the publish date was needed. A missing
   year is taken from the publish date, checked against the weekday when one is written
   ("Selasa (29 Oktober)" in an April 2025 article is 2024-10-29, a Tuesday). A bare weekday
   is the publish day when it is that weekday, else the latest such day before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import msgspec

from kroscek.lang import all_modules, data_language, language_module
from kroscek.model import FIRST_YEAR, LAST_YEAR, Article, DateMention, Warning
from kroscek.pipeline import stage

__all__ = ["DateSpan", "anchor_of", "dates", "find_date_spans", "find_dates", "resolve", "text_anchor"]


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
    clock = _alt(data.CLOCK_WORDS)
    zones = _alt(data.ZONES)
    small = _alt(numbers.SMALL_NUMBERS)
    year_word = _alt(data.YEAR_WORDS)
    month_word = _alt(data.MONTH_WORDS)
    prefix = rf"(?:{re.escape(data.ORDINAL_PREFIX)}-?)?" if data.ORDINAL_PREFIX else ""

    def point(p: str) -> str:
        """A date on the calendar, optionally after a weekday; group names start with ``p``."""
        numeric = rf"(?P<{p}d>{_DAY})\s*/\s*(?P<{p}m>{_MONTH_NUM})(?:\s*/\s*(?P<{p}y>\d{{4}}|\d{{2}}))?"
        # "27 NOVEMBER, 2005", "18th September 2013".
        named = rf"(?P<{p}d2>{_DAY})(?:st|nd|rd|th)?\s+(?P<{p}mn>{mon})\.?(?:\s*,?\s+(?P<{p}y2>{_YEAR}))?"
        weekday = rf"(?P<{p}w>{wd})"
        return (
            rf"(?:{weekday}(?:\s+(?:{_alt(data.DAYPARTS)}))?\s*,?\s*)?"  # "Rabu sore (18/9)"
            rf"(?P<{p}open>\(\s*)?(?:{numeric}|{named})(?({p}open)\s*\))"
            + part.format(p=p)
            + rf"(?:\s+(?P<{p}rel>{_alt((*data.PAST, *data.FUTURE))}))?"
        )

    weekday_only = rf"(?P<w>{wd})(?:\s+(?P<part>{_alt(data.DAYPARTS)}))?"
    month_year = rf"(?:(?:{month_word})\s+)?(?P<mn>{mon})\.?\s+(?P<y>{_YEAR})"
    # "Tuesday, March 4, 2014", "May 3rd, 2013", "Dec 23 2012".
    english_md = (
        rf"(?:(?P<w>{wd})\.?\s*,?\s*)?(?P<mn>{mon})\.?\s+(?P<d>{_DAY})(?:st|nd|rd|th)?"
        rf"(?:\s*,\s*(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?"
    )
    patterns: list[tuple[str, str]] = [
        # Ranges first: the longest form wins anyway, but named groups differ per kind.
        (
            "range_days",
            rf"(?P<d1>{_DAY})\s*(?:{joiners})\s*(?P<d2>{_DAY})\s+(?P<mn>{mon})\.?(?:\s+(?P<y>{_YEAR}))?"
            rf"(?:\s+(?P<rel>{_alt((*data.PAST, *data.FUTURE))}))?",
        ),
        ("range_months", rf"(?P<mn1>{full_mon})\s*(?:{joiners})\s*(?P<mn2>{full_mon})\s+(?P<y>{_YEAR})"),
        (
            "range_years",
            rf"(?:(?:{year_word})\s+)?(?P<y1>{_YEAR})\s*(?:{joiners})\s*(?P<y2>{_YEAR})"
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
            rf"(?P<qw>{_alt((*data.QUARTER_WORDS, *data.HALF_WORDS))})\s+(?P<q>{_alt(data.ORDINALS)})"
            rf"(?:\s+(?:{_alt(data.QUARTER_OF)}))?\s+(?P<y>{_YEAR})",
        ),
        ("decade", rf"(?:(?:{year_word})\s+)?(?:(?P<y>(?:1[5-9]|20)\d0|'?\d0)-?an\b|(?P<ey>(?:1[5-9]|20)\d0)s\b)"),
        ("century", rf"(?:{_alt(data.CENTURY_WORDS)})\s+{prefix}(?P<c>\d{{1,2}}|[IVX]{{1,5}})(?:st|nd|rd|th)?"),
        ("day_word", rf"(?P<dw>{_alt(data.DAY_WORDS)})"),
        # "dua hari lalu"; not "tiga bulan ini", which is a duration.
        (
            "span_ago",
            rf"(?P<n>\d{{1,3}}|{small}|se)\s*(?P<unit>{_alt(data.UNITS)})\s+(?:yang\s+)?"
            rf"(?P<rel>{_alt((*data.PAST, *data.FUTURE))})",
        ),
        ("unit_rel", rf"(?:(?P<mod>{_alt(data.PERIOD_PARTS)})\s+)?(?P<unit>{_alt(data.UNITS)})\s+(?P<rel>{rel})"),
        ("weekday", weekday_only + rf"(?:\s+(?P<rel>{rel}|{_alt(data.DAY_WORDS)}))?"),
        ("month", rf"(?:(?:{month_word})\s+)?(?P<mn>{full_mon})"),
        (
            "clock",
            rf"(?:(?:(?:{_alt(data.CLOCK_HEDGES)})\s+)?(?:{clock})\.?\s*)(?P<h>[01]?\d|2[0-3])(?:[.:](?P<min>[0-5]\d))?"
            rf"(?:\s*(?P<zone>{zones}))?(?:\s+(?P<zone2>{_alt(data.LOCAL_TIME)}))?"
            rf"|(?P<h2>[01]?\d|2[0-3])[.:](?P<min2>[0-5]\d)\s*(?P<zone3>{zones})",
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
        past=frozenset(data.PAST),
        future=frozenset(data.FUTURE),
        current=frozenset(data.CURRENT),
        number_words=dict(numbers.SMALL_NUMBERS),
    )


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _year_is_cued(text: str, span: DateSpan, lang_code: str) -> bool:
    """A bare year counts unless it is an amount ("2000 orang") or names a legal act."""
    data = language_module(lang_code, "dates")
    before = text[max(0, span.start - 40) : span.start].split()
    # "UU Nomor 31 Tahun 1999", "No. 79/2025": the year belongs to the act's number.
    if len(before) >= 2 and before[-2].lower() in data.CITATION and before[-1][:1].isdigit():
        return False
    if len(before) >= 3 and before[-3].lower() in data.CITATION and before[-1].lower() in data.YEAR_WORDS:
        return False
    if text[span.start : span.end].lower().startswith(tuple(data.YEAR_WORDS)):
        return True
    if before and (before[-1].lower() in data.YEAR_CUES or before[-1][:1].isupper() or before[-1] in "(),"):
        return True
    after = text[span.end : span.end + 30].split()
    if not after or not after[0][:1].isalpha() or after[0][:1].isupper():
        return True
    # A counted noun would follow an amount; a function word follows a year.
    return after[0].lower() in language_module(lang_code, "numbers").NOT_NOUNS


# Every date expression holds a digit or a calendar word; the full patterns only run in windows
# around those words, which is most of the speed of this stage.
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 70
_BOUNDARY = re.compile(r"\s")


_WORD_OR_NUMBER = re.compile(r"\d+|[^\W\d_]+")


_DIGIT = frozenset({"digit"})


def _windows(text: str, trigger_words: dict[str, frozenset[str]]) -> list[tuple[int, int, frozenset[str]]]:
    """Return merged stretches of ``text`` around date trigger words, with the classes seen."""
    windows: list[tuple[int, int, set[str]]] = []
    for match in _WORD_OR_NUMBER.finditer(text):
        word = match.group()
        kinds = _DIGIT if word[0].isdigit() else trigger_words.get(word.lower())
        if kinds is None:
            continue
        begin = max(0, match.start() - _WINDOW_BEFORE)
        boundary = _BOUNDARY.search(text, min(len(text), match.end() + _WINDOW_AFTER))
        end = boundary.start() if boundary else len(text)
        begin = text.rfind(" ", 0, begin) + 1 if begin else 0
        if windows and begin <= windows[-1][1]:
            last = windows[-1]
            windows[-1] = (last[0], max(end, last[1]), last[2] | kinds)
        else:
            windows.append((begin, end, set(kinds)))
    return [(b, e, frozenset(k)) for b, e, k in windows]


#: The trigger classes a pattern needs in its window before it is worth running.
_NEEDS: dict[str, frozenset[str]] = {
    "range_days": frozenset({"digit", "month"}),
    "range_months": frozenset({"month"}),
    "range_years": frozenset({"digit"}),
    "bce": frozenset({"digit"}),
    "point": frozenset({"digit"}),
    "english_md": frozenset({"digit", "month"}),
    "month_year": frozenset({"digit", "month"}),
    "month_rel": frozenset({"month"}),
    "period_year": frozenset({"period", "digit"}),
    "period_month": frozenset({"period", "month"}),
    "quarter": frozenset({"quarter", "digit"}),
    "decade": frozenset({"digit"}),
    "century": frozenset({"century"}),
    "day_word": frozenset({"dayword"}),
    "span_ago": frozenset({"unit"}),
    "unit_rel": frozenset({"unit"}),
    "weekday": frozenset({"weekday"}),
    "month": frozenset({"month"}),
    "clock": frozenset({"digit"}),
    "year": frozenset({"digit"}),
}


def find_date_spans(text: str, language: str | None = "id") -> list[DateSpan]:
    """Return the date mentions of ``text`` (longest non-overlapping candidates), in order."""
    code = data_language(language)
    lang = _lang(code)
    candidates: list[DateSpan] = []
    for begin, end, present in _windows(text, lang.trigger_words):
        for kind, pattern in lang.patterns:
            if not _NEEDS[kind] <= present:
                continue
            for match in pattern.finditer(text, begin, end):
                if match.end() == match.start():
                    continue
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                span = DateSpan(match.start(), match.end(), kind, groups)
                if _acceptable(text, span, lang, code):
                    candidates.append(span)
    candidates.sort(key=lambda s: (-(s.end - s.start), s.start))
    # Longest first; a candidate is taken when it overlaps none taken so far. The taken spans
    # never overlap, so their neighbours by start (bisect) are the only ones to check.
    taken: list[DateSpan] = []
    starts: list[int] = []
    for span in candidates:
        at = bisect_left(starts, span.start)
        if (at == 0 or taken[at - 1].end <= span.start) and (at == len(taken) or span.end <= taken[at].start):
            taken.insert(at, span)
            starts.insert(at, span.start)
    return _attach_clocks(text, _join_ranges(text, taken, lang))


def _join_ranges(text: str, spans: list[DateSpan], lang: _Lang) -> list[DateSpan]:
    """Join two dates with a range word between them: "Senin (5/8) malam hingga Selasa (6/8)"."""
    out: list[DateSpan] = []
    for span in spans:
        if (
            out
            and span.kind == "point"
            and out[-1].kind == "point"
            and lang.joiner.fullmatch(text[out[-1].end : span.start])
        ):
            first = out[-1]
            groups = {f"a{k}": v for k, v in first.groups.items()} | {f"b{k}": v for k, v in span.groups.items()}
            out[-1] = DateSpan(first.start, span.end, "range_points", groups)
            continue
        out.append(span)
    return out


def _acceptable(text: str, span: DateSpan, lang: _Lang, code: str) -> bool:
    surface = text[span.start : span.end]
    g = span.groups
    if span.kind == "weekday" or (span.kind == "point" and g.get("w") and not (g.get("d") or g.get("d2"))):
        word = g["w"]
        # "minggu" is also "week": only a capitalised Minggu, not in "dua minggu", is Sunday.
        data = language_module(code, "dates")
        if word.lower() in data.WEEKDAY_ALSO_UNIT and (word[0].islower() or _number_before(text, span.start, code)):
            return False
        return word[0].isupper()
    if span.kind == "month":
        # A bare month name is capitalised, or follows "bulan" or a date cue ("pada september").
        if surface.split()[-1][0].isupper() or len(surface.split()) > 1:
            return True
        before = text[max(0, span.start - 20) : span.start].split()
        return bool(before) and before[-1].lower() in language_module(code, "dates").YEAR_CUES
    for p in ("", "a", "b"):
        # "28/4" outside brackets is a date only with its year or weekday: "2/1" may be a score,
        # and "RT 03/02/01" a neighbourhood's numbers: a bare year has four digits.
        bare = span.kind in ("point", "range_points") and g.get(f"{p}d") and not g.get(f"{p}open")
        if bare and not (len(g.get(f"{p}y", "")) == 4 or g.get(f"{p}w")):
            return False
    if span.kind == "year":
        return _year_is_cued(text, span, code)
    if span.kind == "decade":
        # "usia 60-an tahun" is an age, not the 1960s.
        before = text[max(0, span.start - 12) : span.start].lower().split()
        after = text[span.end : span.end + 8].lower().split()
        data = language_module(code, "dates")
        return not ((before and before[-1] in data.AGE_WORDS) or (after and after[0] in data.YEAR_WORDS))
    return True


def _number_before(text: str, start: int, code: str) -> bool:
    """A count just before ``start`` ("2 minggu", "dua minggu", "beberapa minggu")."""
    before = text[max(0, start - 20) : start].split()
    data = language_module(code, "dates")
    counts = {*language_module(code, "numbers").SMALL_NUMBERS, *data.SOME}
    return bool(before) and (before[-1].isdigit() or before[-1].lower() in counts)


@cache
def _clock_gap() -> re.Pattern[str]:
    """What may stand between a day and its clock time, in any language ("Senin (5/1) sekitar pukul …")."""
    words = sorted(
        {w for m in all_modules("dates") for w in (*m.CLOCK_HEDGES, *m.CLOCK_JOINERS)}, key=len, reverse=True
    )
    return re.compile(rf"^[\s,]*(?:(?:{'|'.join(map(re.escape, words))})\s+)?$", re.IGNORECASE)


_CLOCK_BEFORE_DAY = re.compile(r"^\s*\)?\s*,?\s*$")


def _attach_clocks(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Join a date and the clock time right after it into one mention."""
    out: list[DateSpan] = []
    day_kinds = ("point", "weekday", "day_word", "english_md")
    for span in spans:
        if out and {span.kind, out[-1].kind} & {"clock"} and (span.kind in day_kinds or out[-1].kind in day_kinds):
            previous = out[-1]
            gap = text[previous.end : span.start]
            if _clock_gap().match(gap) or (previous.kind == "clock" and _CLOCK_BEFORE_DAY.match(gap)):
                day, clock = (previous, span) if span.kind == "clock" else (span, previous)
                start = previous.start
                if text[start - 1 : start] == "(" and text[previous.end : span.start].strip().startswith(")"):
                    start -= 1
                out[-1] = DateSpan(
                    start, span.end, day.kind, {**day.groups, **{f"clock_{k}": v for k, v in clock.groups.items()}}
                )
                continue
        out.append(span)
    return out


# Resolution -------------------------------------------------------------------------------


def anchor_of(published: str | None) -> date | None:
    """Return the calendar day of a publish date (ISO, any grain finer than a month) inside the years allowed."""
    if not published or len(published) < 10:
        return None
    try:
        day = datetime.fromisoformat(published).date() if "T" in published else date.fromisoformat(published[:10])
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def _month(lang: _Lang, name: str | None) -> int | None:
    return lang.months.get(name.lower().rstrip(".")) if name else None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    number = int(value)
    return number + 2000 if len(value) == 2 and number < 70 else (number + 1900 if len(value) == 2 else number)


def _direction(lang: _Lang, rel: str | None) -> int:
    if not rel:
        return 0
    rel = _key(rel)
    if rel in lang.past:
        return -1
    if rel in lang.future:
        return 1
    offset = lang.day_words.get(rel, 0)  # "Kamis besok", "Jumat kemarin"
    return (offset > 0) - (offset < 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(
    lang: _Lang, month: int, day: int, weekday: str | None, anchor: date | None, direction: int = 0
) -> date | None:
    """Pick the year for a day and month: the weekday decides, else nearness to the anchor."""
    if anchor is None:
        return None
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if weekday:
        wanted = lang.weekdays.get(weekday.lower())
        matching = [d for d in options if d.weekday() == wanted]
        if not matching:  # the weekday rules out the near years: look further back
            wider = (_safe_date(y, month, day) for y in range(anchor.year - 7, anchor.year - 1))
            matching = [d for d in wider if d and d.weekday() == wanted][-1:]
        if matching:
            options = matching
    if direction < 0:
        options = [d for d in options if d <= anchor] or options
    elif direction > 0:
        options = [d for d in options if d >= anchor] or options
    # Past tense dominates news: on a tie the earlier date wins.
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor)) if options else None


def _point(
    lang: _Lang, g: dict[str, str], p: str, anchor: date | None
) -> tuple[date | None, int | None, int | None, bool]:
    """Return (day, month, year, relative) for a point's groups with prefix ``p``."""
    day_text = g.get(f"{p}d") or g.get(f"{p}d2")
    month = int(g[f"{p}m"]) if g.get(f"{p}m") else _month(lang, g.get(f"{p}mn"))
    year = _year(g.get(f"{p}y") or g.get(f"{p}y2"))
    weekday = g.get(f"{p}w")
    if day_text and month:
        if year:
            return _safe_date(year, month, int(day_text)), month, year, False
        direction = _direction(lang, g.get(f"{p}rel"))
        found = _infer_year(lang, month, int(day_text), weekday, anchor, direction)
        return found, month, found.year if found else None, True
    return None, month, year, False


def _weekday_date(lang: _Lang, weekday: str, anchor: date | None, direction: int) -> date | None:
    if anchor is None:
        return None
    wanted = lang.weekdays.get(weekday.lower())
    if wanted is None:
        return None
    if direction > 0:
        return anchor + timedelta(days=(wanted - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - wanted) % 7
    if direction < 0 and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _clock(lang: _Lang, g: dict[str, str]) -> tuple[str | None, str | None]:
    """Return ("HH:MM", offset) from a clock's groups (plain or prefixed ``clock_``)."""
    for prefix in ("", "clock_"):
        hour = g.get(f"{prefix}h") or g.get(f"{prefix}h2")
        if hour is None:
            continue
        minute = g.get(f"{prefix}min") or g.get(f"{prefix}min2") or "00"
        zone = g.get(f"{prefix}zone") or g.get(f"{prefix}zone3")
        offset = lang.zones.get(_key(zone)) if zone else None
        return f"{int(hour):02d}:{minute}", offset
    return None, None


@dataclass
class Resolved:
    value: str | None = None
    end_value: str | None = None
    grain: str | None = None
    relative: bool = False
    modifier: str | None = None
    clock: str | None = None
    #: The written date lies outside the years allowed (or past the calendar): kept as text only.
    outside: bool = False


def _in_years(value: str | None) -> bool:
    if value is None:
        return True
    year = value.split("-", 1)[0].split("T", 1)[0]
    return year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR


def _iso(d: date | None, grain: str) -> str | None:
    if d is None:
        return None
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(grain, d.isoformat())


def resolve(span: DateSpan, anchor: date | None, language: str | None = "id") -> Resolved:
    """Return the normalised value of one date span; a date outside the years allowed has none."""
    try:
        out = _resolve(span, anchor, language)
    except OverflowError:  # "1.000.000 hari lalu": before the first day the calendar knows
        return Resolved(outside=True)
    if not (_in_years(out.value) and _in_years(out.end_value)):
        out.value = out.end_value = None
        out.outside = True
    return out


def _resolve(span: DateSpan, anchor: date | None, language: str | None) -> Resolved:
    lang = _lang(data_language(language))
    g = span.groups
    kind = span.kind
    out = Resolved()
    if kind in ("point", "english_md"):
        day, month, year, relative = _point(lang, g, "", anchor)
        out.value, out.grain, out.relative = _iso(day, "day"), "day", relative
        if day is None and year and month:
            out.value = None
    elif kind == "weekday":
        direction = _direction(lang, g.get("rel"))
        out.value = _iso(_weekday_date(lang, g["w"], anchor, direction), "day")
        out.grain, out.relative = "day", True
    elif kind == "range_points":
        a, _, _, rel_a = _point(lang, g, "a", anchor)
        b, _, _, rel_b = _point(lang, g, "b", anchor)
        out.value, out.end_value, out.grain, out.relative = _iso(a, "day"), _iso(b, "day"), "day", rel_a or rel_b
    elif kind == "range_days":
        month = _month(lang, g["mn"])
        year = _year(g.get("y"))
        assert month is not None
        if year is None:
            end = _infer_year(lang, month, int(g["d2"]), None, anchor, _direction(lang, g.get("rel")))
            year, out.relative = (end.year if end else None), True
        if year:
            out.value = _iso(_safe_date(year, month, int(g["d1"])), "day")
            out.end_value = _iso(_safe_date(year, month, int(g["d2"])), "day")
        out.grain = "day"
    elif kind == "range_months":
        year = int(g["y"])
        m1, m2 = _month(lang, g["mn1"]), _month(lang, g["mn2"])
        assert m1 and m2
        out.value, out.end_value, out.grain = f"{year:04d}-{m1:02d}", f"{year:04d}-{m2:02d}", "month"
    elif kind == "range_years":
        out.value, out.end_value, out.grain = g["y1"], g["y2"], "year"
    elif kind == "month_year":
        month = _month(lang, g["mn"])
        out.value, out.grain = f"{int(g['y']):04d}-{month:02d}", "month"
    elif kind in ("month_rel", "month", "period_month"):
        _month_value(lang, g, anchor, out)
    elif kind == "period_year":
        out.value, out.grain, out.modifier = g["y"], "year", lang.parts.get(_key(g["mod"]))
    elif kind == "quarter":
        _quarter_value(lang, g, out)
    elif kind == "decade":
        _decade_value(g, out)
    elif kind == "century":
        _century_value(g, out)
    elif kind == "day_word" and anchor:
        shift = lang.day_words[_key(g["dw"])]
        out.value, out.grain, out.relative = (anchor + timedelta(days=shift)).isoformat(), "day", True
    elif kind in ("span_ago", "unit_rel"):
        _relative_span(lang, g, anchor, out)
    elif kind == "year":
        out.value, out.grain = g["y"], "year"
    elif kind == "clock":
        out.grain = "time"
    elif kind == "bce":
        out.grain = "year"  # ISO 8601 years before 1 CE need an expanded form; kept unresolved
    clock, offset = _clock(lang, g)
    if clock:
        out.clock = clock + (offset or "")
        if out.value and out.grain == "day":
            out.value, out.grain = f"{out.value}T{clock}{offset or ''}", "time"
    return out


def _month_value(lang: _Lang, g: dict[str, str], anchor: date | None, out: Resolved) -> None:
    month = _month(lang, g["mn"])
    assert month is not None
    out.grain, out.modifier = "month", lang.parts.get(_key(g.get("mod", "")))
    if anchor is None:
        return
    rel = g.get("rel") or g.get("rel2")
    direction = _direction(lang, rel)
    if g.get("unit"):  # "Juni tahun lalu": the year moves, the month is named
        year = anchor.year + direction
    elif direction < 0:  # "Juni lalu": the latest June before the publish month
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif direction > 0:
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
        year = min(
            candidates, key=lambda y: (abs((y * 12 + month) - (anchor.year * 12 + anchor.month)), y > anchor.year)
        )
    out.value, out.relative = f"{year:04d}-{month:02d}", True


def _quarter_value(lang: _Lang, g: dict[str, str], out: Resolved) -> None:
    year, ordinal = int(g["y"]), lang.ordinals.get(_key(g["q"]))
    if ordinal is None:
        return
    size = 6 if _key(g["qw"]) in ("semester", "half") else (4 if _key(g["qw"]) == "caturwulan" else 3)
    first = (ordinal - 1) * size + 1
    last = min(first + size - 1, 12)
    out.value, out.end_value, out.grain = f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "month"


def _decade_value(g: dict[str, str], out: Resolved) -> None:
    text = (g.get("y") or g.get("ey") or "").lstrip("'")
    start = int(text) if len(text) == 4 else 1900 + int(text)
    out.value, out.end_value, out.grain = f"{start:04d}", f"{start + 9:04d}", "year"


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century_value(g: dict[str, str], out: Resolved) -> None:
    text = g["c"]
    if text.isdigit():
        number = int(text)
    else:
        values = [_ROMAN[ch] for ch in text.upper()]
        number = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    out.value, out.end_value, out.grain = f"{(number - 1) * 100 + 1:04d}", f"{number * 100:04d}", "year"


def _relative_span(lang: _Lang, g: dict[str, str], anchor: date | None, out: Resolved) -> None:
    unit = lang.units.get(_key(g["unit"]))
    direction = _direction(lang, g.get("rel"))
    n_text = g.get("n")
    count = 1
    if n_text:
        count = int(n_text) if n_text.isdigit() else int(lang.number_words.get(_key(n_text), 1))
    if unit is None:
        return
    out.grain = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    out.modifier = lang.parts.get(_key(g.get("mod", "")))
    if anchor is None:
        return
    out.relative = True
    step = direction * count if n_text else direction
    if unit == "day":
        out.value = (anchor + timedelta(days=step)).isoformat()
    elif unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        out.value, out.end_value = monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if n_text:  # "dua pekan lalu": a point two weeks back, not a calendar week
            out.value, out.end_value = (anchor + timedelta(weeks=step)).isoformat(), None
    elif unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        out.value = f"{year:04d}-{month:02d}"
    else:
        out.value = f"{anchor.year + step:04d}"


# Kinds whose missing year can be taken from the article's own dates when the publish date is
# unknown: a day and month (with its weekday, when written) pin the year down near them.
_YEAR_FROM_TEXT = frozenset({"point", "range_points", "range_days", "english_md"})


def text_anchor(spans: list[DateSpan], language: str | None) -> date | None:
    """Return the latest date the text writes in full, as a stand-in for the publish date."""
    latest: date | None = None
    for span in spans:
        value = resolve(span, None, language).value
        if value and not span.groups.get("rel"):
            year = int(value[:4])
            month = int(value[5:7]) if len(value) >= 7 else 7
            day = int(value[8:10]) if len(value) >= 10 else 15
            found = _safe_date(year, month, day)
            latest = max(latest, found) if latest and found else (found or latest)
    return latest


def find_dates(
    text: str, published: str | None, language: str | None = "id", outside: list[DateMention] | None = None
) -> list[DateMention]:
    """Return the date mentions of ``text`` resolved against ``published``.

    Without a publish date, a day and month without a year take it from the latest date the
    text writes in full (the weekday, when written, decides); deictic words ("kemarin",
    "Senin lalu") stay unresolved. Mentions whose date lies outside the years allowed keep no
    value and are also added to ``outside`` when it is given.
    """
    anchor = anchor_of(published)
    spans = find_date_spans(text, language)
    fallback = anchor or text_anchor(spans, language)
    found = []
    for span in spans:
        r = resolve(span, anchor if anchor or span.kind not in _YEAR_FROM_TEXT else fallback, language)
        mention = DateMention(span.start, span.end, r.value, r.end_value, r.grain, r.relative, r.modifier, r.clock)
        found.append(mention)
        if r.outside and outside is not None:
            outside.append(mention)
    return found


@stage("dates", reads={"text", "published", "language", "warnings"}, writes={"dates", "warnings"})
def dates(article: Article) -> Article:
    """Return the article with its ``dates`` layer (and a warning per date it could not place)."""
    outside: list[DateMention] = []
    found = find_dates(article.text, article.published, article.language, outside)
    years = f"{FIRST_YEAR}-{LAST_YEAR}"
    warnings = tuple(
        Warning("dates", f"{article.text[m.start : m.end]!r} lies outside the years {years}; kept as text")
        for m in outside
    )
    return msgspec.structs.replace(article, dates=tuple(found), warnings=article.warnings + warnings)
