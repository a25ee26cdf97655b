"""Find date spans: windows around trigger words, the grammar's patterns, ranges and clock times joined."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kroscek.annotate.dates.grammar import DateSpan, _Lang, _lang
from kroscek.lang import all_modules, data_language, language_module


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
    "quarter": frozenset({"quarter"}),
    "decade": frozenset({"digit"}),
    "century": frozenset({"century"}),
    "day_of_month": frozenset({"dayofmonth"}),
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
