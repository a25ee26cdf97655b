"""The ``quantities`` stage: amounts, what they count, their hedges, as Indonesian news writes them.

A quantity is read left to right from a number: an optional currency before it ("Rp",
"US$"), the number itself (digits with Indonesian or English separators, number words such as
"dua puluh lima", or an approximate plural such as "ribuan"), an optional range ("4 - 6
ribu", "empat hingga lima persen"), a scale word ("ribu", "juta", "miliar", "T"), a unit
(percent, currency, measure, time), a rate ("per liter", "/kg") and the counted noun phrase
("12.000 tentara", "3.000 warga Korea Utara"). The hedge before it ("sekitar", "setidaknya",
"lebih dari") is kept apart. Dates, clock times, years, article and law numbers ("Pasal 51"),
ordinals ("ke-3") and phone numbers are never quantities. "termasuk 500 perwira dan tiga
jenderal" marks both as part of the amount before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import msgspec

from kroscek.annotate.dates import find_date_spans
from kroscek.lang import data_language, language_module
from kroscek.model import Article, Quantity, SpanIndex
from kroscek.pipeline import stage

__all__ = ["find_quantities", "parse_number", "quantities"]

_TOKEN = re.compile(r"(?P<cur>US\$|S\$)|(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)|(?P<sym>\S)")


class _Tok(NamedTuple):
    """A token (a tuple of atoms: the garbage collector stops tracking it, so a text of 100,000
    tokens costs no collector passes that grow with it)."""

    text: str
    start: int
    end: int
    kind: str  # num, word, sym, cur
    low: str


@dataclass(frozen=True)
class _Lang:
    small: dict[str, float]
    teen: str
    tens: str
    hundreds: str
    scales: dict[str, float]
    scale_letters: dict[str, float]
    approximate: dict[str, float]
    hedges: tuple[tuple[str, ...], ...]
    currencies: dict[str, str]
    percent: frozenset[str]
    units: dict[str, str]
    time_units: dict[str, str]
    not_amount_before: frozenset[str]
    part_of: tuple[tuple[str, ...], ...]
    glued: re.Pattern[str]  # a scale or unit written onto the number ("5rb", "10kg")
    scale_letter_forms: frozenset[str]
    list_joins: frozenset[str]  # what stands between two parts of one whole ("," "dan" ", dan")
    not_nouns: frozenset[str]
    idiom_before: frozenset[str]
    one_counts: frozenset[str]
    max_noun_words: int
    starters: frozenset[str]  # words a quantity may start with
    hedge_set: frozenset[str]
    range_words: tuple[str, ...]
    rate_words: tuple[str, ...]
    currency_countries: dict[str, tuple[str, ...]]
    score_words: frozenset[str]
    hyphen_prefixes: frozenset[str]
    verb_shape: re.Pattern[str]
    verb_shape_nouns: tuple[str, ...]
    count_cues: frozenset[str]
    qualifiers: frozenset[str]
    collective: str  # the prefix of "ketiga saksi itu" ("" where the language has none)
    first_ordinal: str


@cache
def _lang(code: str) -> _Lang:
    n = language_module(code, "numbers")
    return _Lang(
        small={k.lower(): float(v) for k, v in n.SMALL_NUMBERS.items()},
        teen=n.TEEN,
        tens=n.TENS,
        hundreds=n.HUNDREDS,
        scales=dict(n.SCALES),
        scale_letters=dict(n.SCALE_LETTERS),
        approximate={k: float(v) for k, v in n.APPROXIMATE.items()},
        hedges=tuple(sorted((tuple(h.split()) for h in set(n.HEDGES)), key=len, reverse=True)),
        currencies=dict(n.CURRENCIES),
        percent=frozenset(n.PERCENT),
        units=dict(n.UNITS),
        time_units=dict(n.TIME_UNITS),
        not_amount_before=frozenset(n.NOT_AMOUNT_BEFORE),
        part_of=tuple(sorted((tuple(p.split()) for p in n.PART_OF), key=len, reverse=True)),
        glued=re.compile(rf"(?:{'|'.join(re.escape(w) for w in n.GLUED)})\b", re.IGNORECASE),
        scale_letter_forms=frozenset(n.SCALE_LETTER_FORMS),
        list_joins=frozenset({",", *n.LIST_WORDS, *(f", {w}" for w in n.LIST_WORDS)}),
        not_nouns=n.NOT_NOUNS,
        idiom_before=frozenset(n.IDIOM_BEFORE),
        one_counts=frozenset(n.ONE_COUNTS),
        max_noun_words=n.MAX_NOUN_WORDS,
        starters=frozenset({w.split()[0].lower() for w in (*n.CURRENCIES, *n.SMALL_NUMBERS, *n.APPROXIMATE)}),
        hedge_set=frozenset(h.lower() for h in n.HEDGES),
        range_words=tuple(n.RANGE_WORDS),
        rate_words=tuple(n.RATE_WORDS),
        currency_countries=dict(n.CURRENCY_COUNTRIES),
        score_words=frozenset(n.SCORE_WORDS),
        hyphen_prefixes=frozenset(n.HYPHEN_PREFIXES),
        verb_shape=re.compile(n.VERB_SHAPE),
        verb_shape_nouns=tuple(n.VERB_SHAPE_NOUNS),
        count_cues=frozenset(n.COUNT_CUES),
        qualifiers=frozenset(n.QUALIFIERS),
        collective=n.COLLECTIVE_PREFIX,
        first_ordinal=n.FIRST_ORDINAL,
    )


def parse_number(text: str, scale_follows: bool = False) -> float | None:
    """Return the value of a written numeral: "8.000" 8000, "3,5" 3.5, "2,000" 2000, "4.7" 4.7;
    ``scale_follows`` (a scale word or a percent after it): "2,615" is 2.615."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        if text.startswith("0,") or (scale_follows and text.count(",") == 1):  # "0,768", "2,615 juta"
            return float(text.replace(",", "."))
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return None


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end(), m.lastgroup or "sym", m.group().lower()) for m in _TOKEN.finditer(text)]


def _match_phrase(toks: list[_Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Return the length of the longest phrase starting at token ``i`` (0 if none)."""
    for phrase in phrases:
        if i + len(phrase) <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(phrase)):
            return len(phrase)
    return 0


def _words_value(lang: _Lang, toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse number words from token ``i``: "dua puluh lima" 25, "tiga ratus ribu" 300000."""
    total, current, j = 0.0, 0.0, i
    seen = False
    while j < len(toks) and toks[j].kind == "word":
        word = toks[j].low
        if word in lang.small:
            value = lang.small[word]
            if value >= 1000:  # "seribu", "sejuta" behave as scales
                current = (current or 1) * value if current else value
                total, current = total + current, 0.0
            else:
                current += value
            seen = True
        elif seen and lang.teen and word == lang.teen:
            current += 10
        elif seen and lang.tens and word == lang.tens:
            current *= 10
        elif seen and word == lang.hundreds:
            current = (current or 1) * 100
        elif seen and word in lang.scales and lang.scales[word] >= 1000:
            total, current = total + (current or 1) * lang.scales[word], 0.0
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j - i


def _attached_to_word(text: str, tok: _Tok, lang: _Lang) -> bool:
    before = text[tok.start - 1] if tok.start else " "
    if before == "." and tok.start >= 2 and text[tok.start - 2].isalpha():
        return True  # "POJK.07/2013"
    after = text[tok.end] if tok.end < len(text) else " "
    return (
        before.isalpha()
        or (before in "-_" and tok.start >= 2 and text[tok.start - 2].isalpha())
        or (after.isalpha() and not lang.glued.match(text, tok.end))
    )


def _is_phone(text: str, tok: _Tok) -> bool:
    digits = re.sub(r"\D", "", text[tok.start : tok.start + 20].split(" ")[0])
    return (tok.text.startswith("0") and len(digits) >= 8) or (
        len(re.sub(r"\D", "", tok.text)) >= 10 and "." not in tok.text
    )


@dataclass
class _Found:
    start: int
    end: int
    value: float | None
    end_value: float | None = None
    unit: str | None = None
    noun: str | None = None
    hedge: str | None = None
    scaled: bool = False


def _scan_one(text: str, toks: list[_Tok], i: int, lang: _Lang) -> tuple[_Found, int] | None:
    """Try to read a quantity whose number starts at token ``i``; return it and the next index."""
    tok = toks[i]
    start_tok = i
    unit: str | None = None
    # Currency before the number: "Rp 3,1 T", "US$ 30", "Rp40", "$ 1.4 miliar".
    if tok.low in lang.currencies and i + 1 < len(toks) and toks[i + 1].kind == "num":
        unit = lang.currencies[tok.low]
        i += 1
        tok = toks[i]
    elif tok.low == "rp" and i + 2 < len(toks) and toks[i + 1].text == "." and toks[i + 2].kind == "num":
        unit, i = "IDR", i + 2
        tok = toks[i]
    approximate = None
    if tok.kind == "num":
        if _attached_to_word(text, tok, lang) and unit is None:
            return None
        j = i + 1
        # "2,615 juta", "4,427%": before a scale or a percent, one comma is the decimal one.
        after = toks[j].low if j < len(toks) else ""
        scale_follows = after in lang.scales or after == "%" or after in lang.percent
        value = parse_number(tok.text, scale_follows)
        if value is None:
            return None
    else:
        for size in (2, 1):
            phrase = " ".join(t.low for t in toks[i : i + size])
            if len(toks[i : i + size]) == size and phrase in lang.approximate:
                approximate, value, j = phrase, lang.approximate[phrase], i + size
                break
        else:
            if (counted := _collective(text, toks, i, lang)) is not None:
                return counted
            words = _words_value(lang, toks, i)
            if words is None:
                return None
            value, length = words
            j = i + length
    end_value: float | None = None
    # A margin is not a second amount: "3,1 ± 0,4 persen" is 3.1 percent.
    if j + 1 < len(toks) and toks[j].text in ("±", "+/-") and toks[j + 1].kind == "num":
        j += 2
    # A range: "4 - 6 ribu", "1.700-4.100", "empat hingga lima persen", "10%-15 %".
    k = j
    joiners: tuple[str, ...] = ("-", "–", "—", *lang.range_words)
    if k < len(toks) and toks[k].text == "%":
        k += 1
        joiners = ("-", "–", "—")  # "10%-15%" is a range; "naik 21% hingga 22 miliar" is not
    if k + 1 < len(toks) and toks[k].low in joiners and approximate is None:
        nxt = toks[k + 1]
        if nxt.kind == "num":
            end_value = parse_number(nxt.text, k + 2 < len(toks) and toks[k + 2].low in lang.scales)
            j = k + 2 if end_value is not None else j
        else:
            words = _words_value(lang, toks, k + 1)
            if words:
                end_value, length = words
                j = k + 1 + length
    # Scale: "12 ribu", "3,5 juta", "Rp 3,1 T", "20ribu".
    scaled = True
    if j < len(toks) and toks[j].low in lang.scales:
        factor = lang.scales[toks[j].low]
        value *= factor
        end_value = end_value * factor if end_value is not None and end_value < factor else end_value
        j += 1
    elif unit and j < len(toks) and toks[j].text in lang.scale_letter_forms and toks[j].low in lang.scale_letters:
        value *= lang.scale_letters[toks[j].low]
        j += 1
    elif tok.kind == "num" and (glued := lang.glued.match(text, tok.end)) and glued.group().lower() in lang.scales:
        value *= lang.scales[glued.group().lower()]
    else:
        scaled = False
    # Unit after the number.
    noun_allowed = True
    if j < len(toks):
        # Phrases are only as long as the tokens left: "persen" at the end is not two words.
        two = " ".join(t.low for t in toks[j : j + 2]) if j + 2 <= len(toks) else None
        three = " ".join(t.low for t in toks[j : j + 3]) if j + 3 <= len(toks) else None
        one = toks[j].low
        if one in lang.percent or two in lang.percent:
            unit, j = "%", j + (2 if two in lang.percent else 1)
            noun_allowed = False
        elif three in lang.currencies:
            unit, j = lang.currencies[three], j + 3
        elif two in lang.currencies:
            unit, j = lang.currencies[two], j + 2
        elif one in lang.currencies and unit is None and toks[j].kind == "word":
            unit, j = lang.currencies[one], j + 1
        elif two in lang.units:
            unit, j = lang.units[two], j + 2
        elif one in lang.units and toks[j].kind == "word":
            unit, j = lang.units[one], j + 1
        elif one in lang.time_units and unit is None:
            unit, j = lang.time_units[one], j + 1
            noun_allowed = False
    if end_value is not None and j < len(toks) and toks[j].text == "%":
        unit, j = "%", j + 1
    # A rate: "per liter", "/ kg", "per tahun", "per lembar saham".
    if j + 1 < len(toks) and (toks[j].low == "/" or toks[j].low in lang.rate_words) and toks[j + 1].kind == "word":
        rate = toks[j + 1].low
        if rate in lang.units or rate in lang.time_units or rate not in lang.not_nouns:
            per = lang.units.get(rate) or lang.time_units.get(rate) or lang.currencies.get(rate) or rate
            unit = f"{unit or ''}/{per}"
            j += 2
            if j < len(toks) and toks[j].text in lang.currency_countries.get(rate, ()):
                j += 1
    noun = None
    if noun_allowed and unit not in lang.time_units.values():
        noun, j = _noun(toks, j, lang)
    first = toks[start_tok]
    return _Found(first.start, toks[j - 1].end, value, end_value, unit, noun, approximate, scaled), j


def _collective_value(word: str, lang: _Lang) -> float | None:
    """The number a collective word counts ("ketiga" 3), None for any other word or for "kesatu"."""
    if not lang.collective or not word.startswith(lang.collective):
        return None
    value = lang.small.get(word[len(lang.collective) :])
    return value if value is not None and 2 <= value < 1000 else None


def _collective(text: str, toks: list[_Tok], i: int, lang: _Lang) -> tuple[_Found, int] | None:
    """ "ketiga saksi itu", "kedua belah pihak": a collective number word that opens a noun phrase
    counts its noun. After a noun it is an ordinal ("saksi ketiga", "hari kedua pemeriksaan"), and
    with no noun after it ("Kedua, …", "kedua kalinya") it counts nothing. Returns the quantity and
    the index after its noun."""
    value = _collective_value(toks[i].low, lang)
    if value is None:
        return None
    if i and toks[i - 1].kind == "word":
        before = toks[i - 1]
        named = before.low in lang.time_units or before.low in lang.not_amount_before  # "hari kedua", "tahap ketiga"
        opens = before.low in lang.not_nouns or _looks_like_verb(before.low, lang)
        if named or not opens:
            return None
    noun, end = _noun(toks, i + 1, lang)
    if noun is None or _enumerated(text, toks, i, value, lang):
        return None
    return _Found(toks[i].start, toks[end - 1].end, value, noun=noun), end


#: How far (tokens) the neighbouring items of an enumeration are looked for.
_SERIES_REACH = 120


def _enumerated(text: str, toks: list[_Tok], i: int, value: float, lang: _Lang) -> bool:
    """Whether the collective word at ``i`` is an item of an enumeration ("Keempat, pembangunan …
    dan kelima pengelolaan …"): the item before it or after it in the same paragraph."""
    first = text.rfind("\n", 0, toks[i].start) + 1
    last = text.find("\n", toks[i].end) % (len(text) + 1)  # the text's end when no line ends after it
    for k in range(max(0, i - _SERIES_REACH), min(len(toks), i + _SERIES_REACH)):
        if k == i or not first <= toks[k].start < last:
            continue
        word = toks[k].low
        before = k < i and (value - 1 == _collective_value(word, lang) or (value == 2 and word == lang.first_ordinal))
        if before or (k > i and _collective_value(word, lang) == value + 1):
            return True
    return False


def _noun(toks: list[_Tok], j: int, lang: _Lang) -> tuple[str | None, int]:
    """Read the counted noun phrase after an amount: "tentara", "warga Korea Utara"."""
    words: list[str] = []
    k = j
    while k < len(toks) and toks[k].kind == "word" and len(words) < lang.max_noun_words:
        word = toks[k].text
        low = word.lower()
        if low in lang.not_nouns or low in lang.scales or low in lang.small:
            break
        if not words and ((word[0].isupper() and not _ACRONYM.match(word)) or _looks_like_verb(low, lang)):
            break
        if words and _looks_like_verb(low, lang):
            break
        if words and word[0].isupper() != words[-1][0].isupper() and word[0].isupper() is False:
            # A lower-case word after a proper name ends the phrase ("warga Korea Utara telah").
            break
        words.append(word)
        k += 1
    if not words:
        return None, j
    return " ".join(words), k


_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")  # "1.700 ASN", "35 juta KPM"


def _noun_elsewhere(toks: list[_Tok], i: int, q: _Found, found: list[_Found], lang: _Lang) -> str | None:
    """The counted noun when it stands before the number ("kendaraan roda dua sebanyak 48") or is
    shared with the amount before ("12 pendaki laki-laki dan 9 perempuan": climbers both)."""
    words = q.noun.split() if q.noun else []
    if words and words[0].lower() in lang.qualifiers and found and found[-1].noun:
        k = i - 1
        while k >= 0 and toks[k].start >= found[-1].end:  # the words between the two amounts
            k -= 1
        gap = [t.low for t in toks[k + 1 : i]]
        if gap and all(w in (",", *lang.list_joins) for w in gap):
            head = found[-1].noun.split()[0]
            return head if head.lower() not in lang.qualifiers else q.noun
    # "unit" is a classifier, not a measure: "48 unit" still counts the vehicles before it.
    if q.noun or q.unit not in (None, "unit") or q.scaled or i < 2 or toks[i - 1].low not in lang.count_cues:
        return q.noun
    phrase: list[str] = []
    k = i - 2
    while k >= 0 and toks[k].kind == "word" and len(phrase) < lang.max_noun_words:
        low = toks[k].low
        if low in lang.not_nouns or _looks_like_verb(low, lang) or toks[k].text[0].isupper():
            break
        phrase.insert(0, toks[k].text)
        k -= 1
    return " ".join(phrase) or None


def _looks_like_verb(word: str, lang: _Lang) -> bool:
    return bool(lang.verb_shape.match(word)) and not word.startswith(lang.verb_shape_nouns)


def _hedge(toks: list[_Tok], i: int, lang: _Lang) -> str | None:
    for size in (3, 2, 1):
        if i - size >= 0 and " ".join(t.low for t in toks[i - size : i]) in lang.hedge_set:
            return " ".join(t.text for t in toks[i - size : i])
    return None


def _labelled(toks: list[_Tok], i: int, lang: _Lang) -> bool:
    """A label word before a number: "Pasal 51", "No. 5", "ayat (1)", "level 4"; or a slash inside
    an identifier: "Nomor 12/2023", "123/Pid.B/2025/PN"."""
    previous = toks[i - 1].low if i else ""
    if previous in lang.not_amount_before:
        return True
    if previous == "/" and i >= 2 and toks[i - 2].kind in ("num", "word") and toks[i - 2].end == toks[i - 1].start:
        return True
    return i >= 2 and previous in (".", "(") and toks[i - 2].low in lang.not_amount_before


def _identifier(toks: list[_Tok], i: int, lang: _Lang) -> bool:
    """A number glued by a slash to a capitalised word that is no unit: "123/Pid.B/2025/PN"."""
    if i + 2 >= len(toks) or toks[i + 1].text != "/" or toks[i + 1].start != toks[i].end:
        return False
    after = toks[i + 2]
    known = after.low in lang.units or after.low in lang.time_units or after.low in lang.currencies
    return after.kind == "word" and after.text[0].isupper() and not known


def _measured(q: _Found, lang: _Lang) -> bool:
    """An amount with a measure, a currency or a scale ("di level 8,25 persen", "jalan 3 km"): what
    a label word before it ("Pasal 2 ayat", "RT 07/RW 11", "Tahun 2010 jo") does not make a label.
    A word after it does not count: after a label it is the next label ("ayat", "jo Pasal")."""
    return (q.unit is not None and not q.unit.startswith("/") and q.unit not in lang.time_units.values()) or q.scaled


def _excluded(text: str, toks: list[_Tok], i: int, lang: _Lang) -> bool:
    """Numbers that are never amounts: "ke-3", "Covid-19", "dua-duanya", "salah satu"."""
    previous = toks[i - 1].low if i else ""
    scores = lang.score_words
    if previous in scores and i + 2 < len(toks) and toks[i + 1].text in ("-", ":", "–") and toks[i + 2].kind == "num":
        return True  # a match score, "skor 2-1"
    if i >= 3 and previous in ("-", ":", "–") and toks[i - 2].kind == "num" and toks[i - 3].low in scores:
        return True
    if i >= 2 and previous == "-" and toks[i - 2].low in lang.hyphen_prefixes:
        return True  # "ke-3", "Covid-19"
    if (
        toks[i].kind == "word"
        and i + 2 < len(toks)
        and toks[i + 1].text == "-"
        and (toks[i + 2].low.startswith(toks[i].low))
    ):
        return True  # "dua-duanya", "satu-satunya"
    return previous in lang.idiom_before and toks[i].kind == "word"


def _skip_phone(toks: list[_Tok], i: int) -> int:
    """Return the index after a phone number's digit groups ("0812-3456-7890", "(021) 555 1234")."""
    j = i + 1
    while j + 1 < len(toks) and toks[j].text in ("-", ")", ".") and toks[j + 1].kind == "num":
        j += 2
    while j < len(toks) and toks[j].kind == "num" and toks[j].start - toks[j - 1].end <= 1:
        j += 1
    return j


def find_quantities(
    text: str, language: str | None = "id", dates: list[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Return the quantities of ``text``; ``dates`` (character spans) are never quantities."""
    code = data_language(language)
    lang = _lang(code)
    if dates is None:
        dates = [(d.start, d.end) for d in find_date_spans(text, code)]
    toks = _tokens(text)
    in_dates = SpanIndex(dates)
    found: list[_Found] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        candidate = (
            tok.kind in ("num", "cur") or tok.low in lang.starters or _collective_value(tok.low, lang) is not None
        )
        if candidate and tok.kind == "num" and _is_phone(text, tok):
            i = _skip_phone(toks, i)
            continue
        if not candidate or _excluded(text, toks, i, lang) or in_dates.covers(tok.start):
            i += 1
            continue
        read = _scan_one(text, toks, i, lang)
        if read is None:
            i += 1
            continue
        q, nxt = read
        if (_labelled(toks, i, lang) and not _measured(q, lang)) or _identifier(toks, i, lang):
            i += 1
            continue
        if in_dates.overlaps(q.start, q.end):
            cut = next(k for k in range(i, nxt) if in_dates.overlaps(toks[k].start, toks[k].end))
            trailing = nxt - cut  # the date stands after the amount: it is not part of the noun
            words = q.noun.split() if q.noun else []
            if cut == i or trailing > len(words):
                i += 1
                continue
            q.noun = " ".join(words[: len(words) - trailing]) or None
            q.end, nxt = toks[cut - 1].end, cut
        if (
            _is_lone_word_number(toks, i, nxt, q, lang)
            or _is_name_part(text, toks, i, q)
            or (_is_list_number(text, toks, i))
        ):
            i += 1
            continue
        q.hedge = q.hedge or _hedge(toks, i, lang)
        q.noun = _noun_elsewhere(toks, i, q, found, lang)
        found.append(q)
        i = nxt
    found.extend(_ages(text, toks, found, in_dates))
    found.sort(key=lambda q: q.start)
    return _link_parts(text, toks, _ranges_of_two(text, found, lang), lang)


def _ranges_of_two(text: str, found: list[_Found], lang: _Lang) -> list[_Found]:
    """Two amounts of one unit joined by a range word are one range: "2,7 juta ton sampai 2,8 juta ton"."""
    out: list[_Found] = []
    joiners = {"-", "–", "—", *lang.range_words}
    for q in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.unit is not None
            and last.end_value is None
            and q.end_value is None
            and (q.unit == last.unit or (q.unit or "").startswith(f"{last.unit}/"))
            and text[last.end : q.start].strip().lower() in joiners
        ):
            last.end, last.end_value, last.unit = q.end, q.value, q.unit
            continue
        out.append(q)
    return out


def _is_lone_word_number(toks: list[_Tok], i: int, nxt: int, q: _Found, lang: _Lang) -> bool:
    """ "satu" as an article ("dalam satu serangan") or with nothing counted is not an amount."""
    if toks[i].kind != "word" or q.hedge is not None or toks[i].low not in ("satu", "se", "one", "a"):
        return False
    if q.unit is not None:
        return False  # "satu persen", "satu bulan"
    return q.noun is None or q.noun.split()[0].lower() not in lang.one_counts


def _is_list_number(text: str, toks: list[_Tok], i: int) -> bool:
    """ "2. Kota pada waktu malam": a list item's number at the start of a line or sentence."""
    if toks[i].kind != "num" or i + 1 >= len(toks) or toks[i + 1].text not in (".", ")"):
        return False
    before = text[: toks[i].start].rstrip(" ")
    return not before or before[-1] in "\n.!?:"


def _is_name_part(text: str, toks: list[_Tok], i: int, q: _Found) -> bool:
    """A bare number right after a capitalised word inside a sentence names something:
    "Mobile 8", "Rumah Perubahan 2.0", "Kabinet Indonesia Bersatu Dua"; so does a number word
    written with a capital inside a sentence ("Peringatan Satu Tahun Pemerintahan")."""
    if i and toks[i].kind == "word" and toks[i].text[0].isupper() and toks[i - 1].text[0].isupper():
        before = text[: toks[i - 1].start].rstrip()
        if before and before[-1] not in '.!?"“:\n':
            return True
    if q.noun or q.unit or q.end_value is not None or i == 0:
        return False
    previous = toks[i - 1]
    if previous.kind != "word" or not previous.text[0].isupper() or previous.text.isupper():
        return False
    before = text[: previous.start].rstrip()
    return bool(before) and before[-1] not in '.!?"“:'


_AGE = re.compile(r"\b[A-Z][\w'’-]+\s?(?P<age>\(\s*(?P<n>\d{1,3})\s*\))")


def _ages(text: str, toks: list[_Tok], found: list[_Found], dates: SpanIndex) -> list[_Found]:
    """ "Budi (42)": an age in brackets right after a capitalised name.

    ``found`` (the scan's amounts: in text order, never overlapping) loses the bare numbers that
    turn out to be ages; each age looks only at the amounts around it (bisect), not at all of them.
    """
    starts, ends = [q.start for q in found], [q.end for q in found]
    dropped: set[int] = set()
    ages = []
    for match in _AGE.finditer(text):
        start = match.start("age")
        if dates.covers(start):
            continue
        near = range(bisect_right(ends, start), bisect_left(starts, match.end()))
        for i in near:  # the bare number the scan read is this age
            q = found[i]
            if match.start("n") <= q.start < match.end("n") and q.noun is None and q.unit is None:
                dropped.add(i)
        if not any(i not in dropped and found[i].start < match.end() and start < found[i].end for i in near):
            ages.append(_Found(start, match.end(), float(match.group("n")), unit="yr", noun="usia"))
    found[:] = [q for i, q in enumerate(found) if i not in dropped]
    return ages


def _link_parts(text: str, toks: list[_Tok], found: list[_Found], lang: _Lang) -> list[Quantity]:
    out: list[Quantity] = []
    starts = {t.start: n for n, t in enumerate(toks)}
    for index, q in enumerate(found):
        part_of = None
        first = starts.get(q.start)
        if first is not None and index:
            back = first - (len(q.hedge.split()) if q.hedge else 0)
            for size in (3, 2, 1):
                if back - size >= 0 and _match_phrase(toks, back - size, lang.part_of) == size:
                    part_of = _head(out, index - 1)
                    break
            else:
                between = text[found[index - 1].end : q.start].strip().lower()
                if out[index - 1].part_of is not None and between in lang.list_joins:
                    part_of = out[index - 1].part_of
        out.append(Quantity(q.start, q.end, q.value, q.unit, q.noun, q.hedge, q.end_value, part_of))
    return out


def _head(out: list[Quantity], index: int) -> int:
    while out[index].part_of is not None:
        index = out[index].part_of  # type: ignore[assignment]
    return index


@stage("quantities", reads={"text", "language", "dates"}, writes={"quantities"})
def quantities(article: Article) -> Article:
    """Return the article with its ``quantities`` layer."""
    spans = [(d.start, d.end) for d in article.dates]
    return msgspec.structs.replace(article, quantities=tuple(find_quantities(article.text, article.language, spans)))
