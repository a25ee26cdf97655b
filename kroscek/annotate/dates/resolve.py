"""Resolve a date span to an ISO value against the publish date (or the text's own latest full date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kroscek.annotate.dates.find import _key
from kroscek.annotate.dates.grammar import DateSpan, _Lang, _lang
from kroscek.lang import data_language
from kroscek.model import FIRST_YEAR, LAST_YEAR


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


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None when the calendar has no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(lang: _Lang, name: str | None) -> int | None:
    """The weekday (0 is Monday) a written weekday name means, None when none is written or known."""
    return lang.weekdays.get(name.lower()) if name else None


def _infer_year(
    lang: _Lang,
    month: int,
    day: int,
    weekday: str | None,
    anchor: date | None,
    direction: int = 0,
    written: bool = False,
) -> date | None:
    """Pick the year for a day and month: the weekday decides, else nearness to the anchor.

    When no year near the anchor has that weekday on that day, a publish day (the anchor) looks
    back up to seven years (news tells past days); a ``written`` anchor, the latest date the text
    writes in full, is no publish day (a report names older years as well as its own), so the
    nearest such year either way is taken."""
    if anchor is None:
        return None
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    if weekday:
        wanted = _weekday(lang, weekday)
        matching = [d for d in options if d.weekday() == wanted]
        if not matching:  # the weekday rules out the near years: look further
            years = range(anchor.year - 7, anchor.year + (8 if written else -1))
            wider = [d for y in years if abs(y - anchor.year) > 1 and (d := safe_date(y, month, day))]
            matching = sorted(
                (d for d in wider if d.weekday() == wanted), key=lambda d: (abs(d.year - anchor.year), d)
            )[:1]
        if matching:
            options = matching
    if direction < 0:
        options = [d for d in options if d <= anchor] or options
    elif direction > 0:
        options = [d for d in options if d >= anchor] or options
    # Past tense dominates news: on a tie the earlier date wins.
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor)) if options else None


def _point(
    lang: _Lang, g: dict[str, str], p: str, anchor: date | None, written: bool = False
) -> tuple[date | None, int | None, int | None, bool]:
    """Return (day, month, year, relative) for a point's groups with prefix ``p``."""
    day_text = g.get(f"{p}d") or g.get(f"{p}d2")
    month = int(g[f"{p}m"]) if g.get(f"{p}m") else _month(lang, g.get(f"{p}mn"))
    year = _year(g.get(f"{p}y") or g.get(f"{p}y2"))
    weekday = g.get(f"{p}w")
    if day_text and month:
        if year:
            return safe_date(year, month, int(day_text)), month, year, False
        direction = _direction(lang, g.get(f"{p}rel") or g.get(f"{p}wrel"))
        found = _infer_year(lang, month, int(day_text), weekday, anchor, direction, written)
        return found, month, found.year if found else None, True
    return None, month, year, False


#: How near the publish day a slip's correction must lie (a week: the days news tells as its own).
SLIP_DAYS = 7


def _slip(lang: _Lang, day: date, weekday: str | None, anchor: date | None) -> date | None:
    """The day a full date means when the weekday written with it contradicts it ("Senin (20/10/2026)"
    in a report of Monday 20 October 2025): a one-field slip (the day one off, the publish day's
    month or year for the written one) that falls on that weekday, nearer the publish day than the
    written date and within :data:`SLIP_DAYS` of it. Two witnesses, the weekday and the publish
    day, outvote the one field; with no such slip the date stays as written (the weekday may be
    the slip: "Kamis (20/10/2025)" in that Monday's report)."""
    wanted = _weekday(lang, weekday)
    if wanted is None or anchor is None or day.weekday() == wanted:
        return None
    slips = [
        day - timedelta(days=1),
        day + timedelta(days=1),
        safe_date(anchor.year, day.month, day.day),
        safe_date(day.year, anchor.month, day.day),
    ]
    reach = min(abs((day - anchor).days) - 1, SLIP_DAYS)  # nearer than the date as written, within a week
    near = [(away, d) for d in slips if d and d.weekday() == wanted and (away := abs((d - anchor).days)) <= reach]
    return min(near)[1] if near else None


def _weekday_date(lang: _Lang, weekday: str, anchor: date | None, direction: int) -> date | None:
    if anchor is None:
        return None
    wanted = _weekday(lang, weekday)
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
        mark = g.get(f"{prefix}mer")
        hours = int(hour) % 12 + lang.meridiem[_key(mark)] if mark and int(hour) <= 12 else int(hour)
        return f"{hours:02d}:{minute}", offset
    return None, None


@dataclass
class Resolved:
    value: str | None = None
    end_value: str | None = None
    grain: str | None = None
    relative: bool = False
    modifier: str | None = None
    clock: str | None = None
    #: The full date as the text writes it, when its weekday contradicts it and ``value`` is the slip's
    #: correction (:func:`_slip`).
    as_written: str | None = None
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


def resolve(span: DateSpan, anchor: date | None, language: str | None = "id", written: bool = False) -> Resolved:
    """Return the normalised value of one date span; a date outside the years allowed has none.
    ``written``: the anchor is the latest date the text writes in full (:func:`text_anchor`), not
    a publish day."""
    try:
        out = _resolve(span, anchor, language, written)
    except OverflowError:  # "1.000.000 hari lalu": before the first day the calendar knows
        return Resolved(outside=True)
    if not (_in_years(out.value) and _in_years(out.end_value)):
        out.value = out.end_value = None
        out.outside = True
    return out


def _resolve(span: DateSpan, anchor: date | None, language: str | None, written: bool) -> Resolved:
    lang = _lang(data_language(language))
    g = span.groups
    kind = span.kind
    out = Resolved()
    if kind in ("point", "english_md"):
        day, month, year, relative = _point(lang, g, "", anchor, written)
        if day and not relative and not written and (meant := _slip(lang, day, g.get("w"), anchor)):
            out.as_written, day = day.isoformat(), meant
        out.value, out.grain, out.relative = _iso(day, "day"), "day", relative
        if day is None and year and month:
            out.value = None
    elif kind == "weekday":
        direction = _direction(lang, g.get("rel"))
        out.value = _iso(_weekday_date(lang, g["w"], anchor, direction), "day")
        out.grain, out.relative = "day", True
    elif kind == "range_points":
        a, _, _, rel_a = _point(lang, g, "a", anchor, written)
        b, _, _, rel_b = _point(lang, g, "b", anchor, written)
        out.value, out.end_value, out.grain, out.relative = _iso(a, "day"), _iso(b, "day"), "day", rel_a or rel_b
    elif kind == "range_days":
        month = _month(lang, g["mn"])
        year = _year(g.get("y"))
        assert month is not None
        if year is None:
            end = _infer_year(lang, month, int(g["d2"]), None, anchor, _direction(lang, g.get("rel")))
            year, out.relative = (end.year if end else None), True
        if year:
            out.value = _iso(safe_date(year, month, int(g["d1"])), "day")
            out.end_value = _iso(safe_date(year, month, int(g["d2"])), "day")
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
        _quarter_value(lang, g, anchor, out)
    elif kind == "decade":
        _decade_value(g, out)
    elif kind == "century":
        _century_value(g, out)
    elif kind == "day_word" and anchor:
        shift = lang.day_words[_key(g["dw"])]
        out.value, out.grain, out.relative = (anchor + timedelta(days=shift)).isoformat(), "day", True
    elif kind in ("span_ago", "unit_rel"):
        _relative_span(lang, g, anchor, out)
    elif kind == "day_of_month" and anchor:
        first = _in_month(anchor, int(g["d1"]))
        last = _in_month(anchor, int(g["d2"])) if g.get("d2") else None
        if first:
            out.value, out.grain, out.relative = first.isoformat(), "day", True
            out.end_value = last.isoformat() if last else None
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


def _in_month(anchor: date, day: int) -> date | None:
    """Day ``day`` of the publish month (None when that month has no such day)."""
    try:
        return anchor.replace(day=day)
    except ValueError:
        return None


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


def _quarter_value(lang: _Lang, g: dict[str, str], anchor: date | None, out: Resolved) -> None:
    """A quarter, half or four-month term of the year written, else of the publish year."""
    ordinal = lang.ordinals.get(_key(g.get("q") or g.get("q2") or ""))
    if ordinal is None or not (g.get("y") or anchor):
        return
    year = int(g["y"]) if g.get("y") else anchor.year if anchor else 0
    out.relative = not g.get("y")
    term = _key(g.get("qw") or g.get("qw2") or "")
    size = 6 if term in ("semester", "half") else (4 if term == "caturwulan" else 3)
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
            found = safe_date(year, month, day)
            latest = max(latest, found) if latest and found else (found or latest)
    return latest
