"""The ``quotes`` stage: who said what, and where it was first published.

Per paragraph, three readers find quotations:

- **direct**: text between quote marks (“…”, "…", «…», ‘…’), across sentences; a paragraph
  that opens a quote and never closes it runs to the paragraph's end; short marked words
  with no reporting verb next to them ("bungkamnya") are scare quotes, not quotes;
- **indirect**: "X mengatakan/menegaskan/menyebut … (bahwa) …", "Menurut X, …", and a sentence
  closed by ", kata X." or ", tambahnya.";
- **unmarked**: first-person speech without marks right after a quote of the same speaker
  ("… bahwa posisi Tiongkok konsisten. Saya tekankan sekali lagi bahwa …").

The speaker comes from the reporting verb's side: after it for a quote closed by "…," kata X,
before it for "X menambahkan, “…”", else the nearest speaker before. The speaker phrase is
split into a role ("Juru bicara Kementerian Luar Negeri China") and a name ("Lin Jian");
pronouns and "-nya" resolve to the nearest earlier speaker; a short name ("Lin", "Guo",
"Gerasimov") expands to the full name used earlier in the article; a capital used for its
government ("Beijing mengatakan") is marked as such. ``cited_from`` is the outlet or channel
named by "seperti dikutip dari", "dilansir", "mengutip", "lapor", "melalui situs resmi" …,
and ``date`` the date written next to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

import msgspec

from kroscek.lang import data_language, language_module
from kroscek.lang.xx import agencies, capitals, outlets
from kroscek.model import Article, DateMention, Quote, Sentence, SpanIndex, sentence_at
from kroscek.pipeline import stage

__all__ = ["find_quotes", "quotes"]

_PAIRS = (("“", "”"), ("«", "»"), ("‘", "’"), ('"', '"'))
_MIN_QUOTE_WORDS = 4  # shorter marked text needs a reporting verb next to it
_MAX_SPEAKER_WORDS = 14
#: Characters before a quote or a verb within which its verb or its speaker is looked for.
_HEAD_REACH = 600
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass(frozen=True)
class _Lang:
    cue_after: re.Pattern[str]
    cue_before: re.Pattern[str]
    according: re.Pattern[str]
    according_own: re.Pattern[str]
    cue_tail: re.Pattern[str]
    cue_inside: re.Pattern[str]
    cited: re.Pattern[str]
    that: re.Pattern[str]
    opener: re.Pattern[str]
    stops: frozenset[str]
    pronouns: frozenset[str]
    plural: frozenset[str]
    first_person: frozenset[str]
    between: frozenset[str]
    roles: tuple[str, ...]
    organisations: tuple[str, ...]
    negations: frozenset[str]
    statement: re.Pattern[str]
    quoting: re.Pattern[str]
    preposition: re.Pattern[str]
    speaker_words: frozenset[str]
    rest_block: frozenset[str]
    subordinators: frozenset[str]
    open_np: frozenset[str] | None  # None: closed word list (Indonesian); else words never in an NP
    tail_first: re.Pattern[str] | None
    after_first: re.Pattern[str] | None


@cache
def _lang(code: str) -> _Lang:
    q = language_module(code, "quotes")
    after = _alt(q.CUES_AFTER)
    before = _alt(q.CUES_BEFORE)
    source = (
        r"(?P<src>(?:[A-Z(][\w.&'’()/-]*|situs|laman|akun|kanal|resmi|kantor|berita|media|harian|stasiun|televisi|intelijen|sumber)"
        r"(?:\s+(?:[A-Z(][\w.&'’()/-]*|resmi|berita|of|de|dari|the))*)"
    )
    return _Lang(
        # After a closing mark: ', kata Lin Jian', '," ujarnya', '", demikian pernyataan X'.
        cue_after=re.compile(rf"^\s*[,.]?\s*(?P<cue>{after})(?P<nya>nya)?\b", re.IGNORECASE),
        # Before an opening mark or content: 'Lin Jian menambahkan,' 'Guo menegaskan bahwa'.
        cue_before=re.compile(rf"\b(?P<cue>{before})\b", re.IGNORECASE),
        according=re.compile(rf"\b(?P<cue>{_alt(q.ACCORDING_TO)})\s+", re.IGNORECASE),
        according_own=re.compile(rf"\b(?P<cue>{_alt(q.ACCORDING_TO)})nya\s*,?\s*", re.IGNORECASE),
        # A sentence closed by its attribution: '…, kata seorang pejabat.' '…, tambahnya.'
        cue_tail=re.compile(
            rf",\s*(?P<cue>{after})(?P<nya>nya)?\b(?P<rest>[^,;]*(?:,[^,;]*)?)[.!?]?\s*$", re.IGNORECASE
        ),
        cue_inside=re.compile(rf",\s*(?P<cue>{after})\s+", re.IGNORECASE),
        cited=re.compile(rf"\b(?P<via>{_alt(q.CITED_FROM)})\s+{source}"),
        # Used with match(text, pos): they anchor at pos, so no "^".
        that=re.compile(rf"\s*(?:,\s*)?(?:{_alt(q.THAT)})\b\s*|\s*[,:]\s*", re.IGNORECASE),
        opener=re.compile(rf"\s*(?:{_alt(q.OPENERS)})\b\s*,?\s*", re.IGNORECASE),
        stops=frozenset(q.SPEAKER_STOPS),
        pronouns=frozenset(q.PRONOUNS),
        plural=frozenset(q.PLURAL_PRONOUNS),
        first_person=frozenset(q.FIRST_PERSON),
        between=frozenset(q.BETWEEN),
        roles=tuple(sorted(q.ROLE_WORDS, key=len, reverse=True)),
        organisations=tuple(q.ORGANISATION_WORDS),
        negations=frozenset(q.NEGATIONS),
        statement=re.compile(rf"^(?:{_alt(q.STATEMENT_NOUNS)})\s+(?:resmi\s+)?", re.IGNORECASE),
        quoting=re.compile(rf"\s*,?\s*(?:{_alt(q.QUOTING)})\s+(?:(?:{_alt(q.STATEMENT_NOUNS)})\s+)?"),
        preposition=re.compile(rf"\s*(?:{_alt(q.PREPOSITIONS)})\b[^,]{{0,80}},\s*", re.IGNORECASE),
        rest_block=frozenset(q.REST_BLOCK),
        subordinators=frozenset(q.SUBORDINATORS),
        open_np=frozenset(q.NOT_IN_SPEAKER) if q.NOT_IN_SPEAKER else None,
        tail_first=re.compile(
            rf",\s*(?P<speaker>[^,;\"“”]{{2,60}}?)\s+(?P<cue>{after})\b[^,;\"“”]*[.!?]?\s*$", re.IGNORECASE
        )
        if q.TAIL_SPEAKER_FIRST
        else None,
        # English after a closing mark: '," Trump said.'
        after_first=re.compile(rf"\s*[,.]?\s*(?P<speaker>[^,.;!?\"“”]{{1,60}}?)\s+(?P<cue>{after})\b", re.IGNORECASE)
        if q.TAIL_SPEAKER_FIRST
        else None,
        speaker_words=frozenset(
            {*q.SPEAKER_WORDS, *(w for r in (*q.ROLE_WORDS, *q.ORGANISATION_WORDS) for w in r.split())}
        ),
    )


def _without_openers(speaker: str, start: int | None, lang: _Lang) -> tuple[str | None, int | None]:
    """A speaker phrase without the sentence openers it was read with ("Adapun Lisa" -> "Lisa",
    "Sekarang dia" -> "dia", "Diketahui" -> no one): openers and subordinators are data in
    ``lang/<code>/quotes.py``; whatever path read the phrase, an opener names no one."""
    at = 0
    while True:
        match = lang.opener.match(speaker, at)
        if match and match.end() > at and (match.end() == len(speaker) or not speaker[match.end() - 1].isalnum()):
            at = match.end()
            continue
        word = re.match(r"\S+\s*", speaker[at:])
        if word and word.group().strip(" ,").lower() in lang.subordinators:
            at += word.end()
            continue
        break
    if at == 0:
        return speaker, start
    rest = speaker[at:].strip(" ,")
    if not rest:
        return None, None
    offset = speaker.index(rest, at)
    return rest, None if start is None else start + offset


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    cue: str | None = None
    cited_from: str | None = None
    date: str | None = None
    pronoun: bool = False


# Quote marks -------------------------------------------------------------------------------


def _marked(paragraph: str, offset: int) -> list[tuple[int, int]]:
    """Return (open, close) offsets of quotations in one paragraph; close may be the end."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        if opening == closing:
            marks = [m.start() for m in re.finditer(re.escape(opening), paragraph)]
            lead = len(paragraph) - len(paragraph.lstrip())
            pairs = []
            if len(marks) % 2 and marks and marks[0] > lead:
                # Text then a lone mark: the end of a quote opened in an earlier paragraph.
                pairs.append((-1, marks[0]))
                marks = marks[1:]
            pairs += list(zip(marks[0::2], marks[1::2], strict=False))
            if len(marks) % 2 and marks and marks[-1] == lead:
                pairs.append((marks[-1], len(paragraph)))  # opens the paragraph, never closed
        else:
            pairs = []
            at = paragraph.find(opening)
            while at >= 0:
                close = paragraph.find(closing, at + 1)
                if opening == "‘" and close >= 0 and paragraph[close + 1 : close + 2].isalpha():
                    close = paragraph.find(closing, close + 1)  # an apostrophe inside the quote
                if close < 0:
                    if not paragraph[:at].strip():  # opens the paragraph: runs to its end
                        pairs.append((at, len(paragraph)))
                    break
                pairs.append((at, close))
                at = paragraph.find(opening, close + 1)
        spans.extend((offset + a if a >= 0 else offset - 1, offset + b) for a, b in pairs)
    # A closing mark with no opening one, after text: the quote began in an earlier paragraph.
    first_close = min((paragraph.find(c) for _, c in _PAIRS[:1] if paragraph.find(c) >= 0), default=-1)
    if first_close > 0 and "“" not in paragraph[:first_close]:
        spans.append((offset - 1, offset + first_close))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


# Speakers ------------------------------------------------------------------------------------


_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
_WORDLIKE = re.compile(r"[^\W_]")


def _speaker_after(text: str, start: int, limit: int, lang: _Lang) -> tuple[str, int] | None:
    """Read the speaker phrase that starts at ``start`` ("juru bicara …, Lin Jian, seperti …")."""
    words: list[re.Match[str]] = []
    for match in _WORD.finditer(text, start, limit):
        token = match.group()
        low = token.lower()
        if token in '.;:!?()"“”' or "\n" in text[words[-1].end() if words else start : match.start()]:
            break
        if token == ",":
            nxt = _WORD.search(text, match.end(), limit)
            # A comma continues an apposition only into a name: ", Lin Jian," not ", seperti …".
            if not nxt or not _NAME_TOKEN.match(nxt.group()) or not words or _is_date_word(nxt.group()):
                break
            words.append(match)
            continue
        if words and (low in lang.stops or (token[0].islower() and _VERBISH.match(low))):
            break  # "kata Presiden Paul Kagame memperingatkan …"
        words.append(match)
        if len(words) > _MAX_SPEAKER_WORDS:
            return None
    while words and words[-1].group() == ",":
        words.pop()
    if not words:
        return None
    phrase_start = words[0].start()
    phrase = text[phrase_start : words[-1].end()].rstrip(".")
    # "pernyataan Komisi Militer Pusat …": the author of the statement is the speaker.
    statement = lang.statement.match(phrase)
    if statement and statement.end() < len(phrase):
        phrase_start += statement.end()
        phrase = phrase[statement.end() :]
    return phrase, phrase_start


_DATE_WORDS = frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad"})


def _is_date_word(token: str) -> bool:
    return token.lower() in _DATE_WORDS


_CONNECTORS = frozenset({"dan", "untuk", "di", "dari", "dalam", "and", "of", "for"})
_VERBISH = re.compile(r"^(?:me[mnr]?|meng|meny|ber|di|ter)[a-z]{3,}$")
# A leading clause of lower-case words (after its first word) or a date, closed by a comma.
_LEADING_ASIDE = re.compile(
    r"\s*(?:[A-Z]?[a-z]+(?:\s+[a-z][\w-]*){1,6}|(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad)[^,]{0,30})\s*,\s*"
)


def _np_token(token: str, lang: _Lang) -> bool:
    """A token that can sit in a speaker's noun phrase."""
    bare = token.strip(",()-")
    if not bare:
        return True
    if bare.lower() in _DATE_WORDS:
        return False
    if bare[0].isupper() or bare[0].isdigit():
        return True
    low = bare.lower()
    if lang.open_np is not None:
        return low not in lang.open_np and not low.endswith(("ed", "ing"))
    return low in lang.speaker_words or low in lang.pronouns


def _speaker_before(text: str, sentence_start: int, cue_start: int, lang: _Lang) -> tuple[str, int] | None:
    """Read the subject before a reporting verb: a noun phrase, then at most a few adverbs."""
    if cue_start - sentence_start > _HEAD_REACH:
        return None  # openers, a noun phrase of at most 20 words and 5 more never run this long
    head = text[sentence_start:cue_start]
    begin = 0
    moved = True
    while moved:  # "Sementara itu, …", "Pada hari Senin, …", "Meski begitu, …", "Sabtu (23/8) malam, …"
        moved = False
        for pattern in (lang.opener, lang.preposition, _LEADING_ASIDE):
            match = pattern.match(head, begin)
            if match and match.end() > begin:
                begin, moved = match.end(), True
    clause = head[begin:]
    # An aside between commas before the verb: "Beijing, dalam tanggapannya, mengatakan".
    clause = re.sub(r",\s*[a-z][^,]*,\s*$", " ", clause)
    tokens = clause.split()
    np_end = 0
    while np_end < len(tokens) and _np_token(tokens[np_end], lang):
        np_end += 1
    rest = [t.lower().strip(",") for t in tokens[np_end:]]
    if (
        np_end == 0
        or len(rest) > 5
        or any(_VERBISH.match(t) or t in lang.negations or t in lang.rest_block for t in rest)
    ):
        return None
    if any(t in lang.negations for t in (w.lower() for w in tokens[:np_end])):
        return None
    while np_end and tokens[np_end - 1].lower().strip(",") in _CONNECTORS:
        np_end -= 1  # a trailing "dan", "untuk" belongs to no name
    phrase = " ".join(tokens[:np_end]).strip(" ,")
    if not phrase or len(re.findall(r"\w+", phrase)) > _MAX_SPEAKER_WORDS + 6:
        return None
    first = phrase.split()[0]
    if first.lower() in lang.subordinators:
        return None
    if not (
        first[0].isupper()
        or first.lower() in lang.pronouns
        or _starts_with(phrase.lower(), lang.roles)
        or _starts_with(phrase.lower(), lang.organisations)
    ):
        return None
    at = text.find(phrase, sentence_start + begin)
    return phrase, at


def _starts_with(low: str, prefixes: tuple[str, ...]) -> bool:
    return any(low == p or low.startswith(p + " ") for p in prefixes)


def _split_role(phrase: str, lang: _Lang) -> tuple[str | None, str]:
    """Return (role, name) for a speaker phrase: "juru bicara …, Lin Jian" -> (role, "Lin Jian")."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    # "juru bicara …, Lin Jian": an apposition when the last part reads as a name.
    if len(parts) > 1 and all(w[0].isupper() or len(w) == 1 for w in parts[-1].split()):
        role, name = _strip_title(", ".join(parts[:-1]), parts[-1], lang)
        return role, name
    phrase = " ".join(phrase.replace(",", " ").split())
    tokens = phrase.split()
    if (
        len(tokens) == 2
        and _starts_with(tokens[0].lower().rstrip("."), lang.roles)
        and _NAME_TOKEN.match(tokens[1])
        and not _starts_with(tokens[1].lower(), lang.organisations)
        and not tokens[1].isupper()
    ):
        return tokens[0], tokens[1]  # "Presiden Yudhoyono"
    if len(tokens) >= 3 and _starts_with(phrase.lower(), lang.roles):
        run: list[str] = []
        for token in reversed(tokens):
            initial = len(token.rstrip(".")) == 1  # "Yasonna H Laoly"
            if not _NAME_TOKEN.match(token) or (token.isupper() and not initial) or token in capitals.COUNTRIES:
                break
            if _starts_with(token.lower(), lang.roles) or _starts_with(token.lower(), lang.organisations):
                break
            run.insert(0, token)
            if len([t for t in run if len(t.rstrip(".")) > 1]) == 2 and not initial:
                break  # most names are two words; a third is more often an org's last word
        before_run = tokens[len(tokens) - len(run) - 1] if run and len(run) < len(tokens) else ""
        if before_run and before_run[0].islower() and not _starts_with(before_run.lower(), lang.roles):
            return None, phrase  # "Menteri Kelautan dan Perikanan": a role, no name
        if run and len(run) < len(tokens):
            # "Presiden Korea Selatan Yoon Suk-yul": a country's last word is not a name.
            while len(run) > 1 and " ".join(tokens[len(tokens) - len(run) - 1 : len(tokens) - len(run) + 1]) in (
                capitals.COUNTRIES
            ):
                run.pop(0)
            role = " ".join(tokens[: len(tokens) - len(run)])
            return role, " ".join(run)
    return None, phrase


def _strip_title(role: str | None, name: str, lang: _Lang) -> tuple[str | None, str]:
    tokens = name.split()
    titles = []
    while len(tokens) > 1 and _starts_with(tokens[0].lower().rstrip("."), lang.roles):
        titles.append(tokens.pop(0))
    if titles:
        role = " ".join(filter(None, [role, " ".join(titles)]))
    return role, " ".join(tokens)


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co|tv)", re.IGNORECASE)


@cache
def _outlet_names() -> frozenset[str]:
    """Outlets by name and by their domain's first label ("Liputan6", "Kompas"): never a person."""
    domains = [*outlets.NAMES.values(), *(domain for _, domain in outlets.SIGNATURES)]
    return frozenset({n.lower() for n in outlets.NAMES} | {d.split(".")[0].lower() for d in domains})


def _kind_of(name: str, lang: _Lang) -> str:
    parts = re.split(r",\s*|\s+dan\s+|\s+and\s+", name)
    if all(p in capitals.CAPITALS or p in capitals.COUNTRIES for p in parts):
        return "government"
    agency_names = {n.lower() for k, v in agencies.AGENCIES.items() for n in (k, *v)}
    if name.lower() in agency_names or name.lower() in _outlet_names() or _DOMAIN.fullmatch(name):
        return "media"
    low = name.lower()
    if _starts_with(low, lang.organisations) or re.fullmatch(r"[A-Z]{2,6}", name):
        return "organisation"
    return "person"


# Readers -----------------------------------------------------------------------------------


def _direct(text: str, par_start: int, par_end: int, sentences: list[Sentence], lang: _Lang) -> list[_Found]:
    found: list[_Found] = []
    for open_at, close_at in _marked(text[par_start:par_end], par_start):
        begin = max(open_at + 1, par_start)
        end = min(close_at, par_end)
        content = text[begin:end]
        stripped_end = begin + len(content.rstrip(" ,.")) if content.rstrip(" ,.") else end
        begin += len(content) - len(content.lstrip())
        words = len(content.split())
        after = text[close_at + 1 : par_end] if close_at < par_end else ""
        cue_match = lang.cue_after.match(after)
        quote = _Found(begin, stripped_end, "direct")
        sentence = sentence_at(sentences, max(open_at, par_start))
        limit = max(sentence.end if sentence else par_end, min(par_end, close_at + 200))
        first = lang.after_first.match(after) if lang.after_first is not None and not cue_match else None
        if first and all(_np_token(t, lang) for t in first.group("speaker").split()):
            quote.cue = first.group("cue")
            quote.speaker, quote.speaker_start = first.group("speaker"), close_at + 1 + first.start("speaker")
        elif cue_match:
            quote.cue = cue_match.group("cue")
            if cue_match.group("nya"):
                quote.speaker, quote.pronoun = "nya", True
            else:
                read = _speaker_after(text, close_at + 1 + cue_match.end(), limit, lang)
                if read:
                    quote.speaker, quote.speaker_start = read
                    _quoting(text, quote, limit, lang)
        else:
            head_start = sentence.start if sentence else par_start
            # The verb nearest the quote, looked for in the stretch before it only: a sentence
            # of a thousand quotes must not be read again for each of them.
            near = max(head_start, open_at - _HEAD_REACH)
            cues = list(lang.cue_before.finditer(text, near, open_at))
            cue = cues[-1] if cues else None
            # A short marked phrase is a quote only right after its verb: 'mengatakan pihaknya "…"';
            # "mengakui dirinya terkejut dengan "bungkamnya"" is a scare quote.
            gap = len(text[cue.end() : open_at].split()) if cue else 99
            if cue and (words >= _MIN_QUOTE_WORDS or gap <= 1):
                quote.cue = cue.group("cue")
                read = _speaker_before(text, head_start, cue.start(), lang)
                if read:
                    quote.speaker, quote.speaker_start = read
        if words < _MIN_QUOTE_WORDS and quote.cue is None:
            continue  # a scare quote or a title
        if lang.cue_after.match(content):
            continue  # '" kata Abbas di Kairo.': the quote itself was in an earlier sentence
        if quote.cue is None and _is_title(content):
            continue  # "Sinkronisasi Kebijakan Bank Indonesia dan OJK": a title, not speech
        found.append(quote)
    return found


def _is_title(content: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", content)]
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(words) and capitalised / len(words) >= 0.6


def _quoting(text: str, quote: _Found, limit: int, lang: _Lang) -> None:
    """'lapor KCNA mengutip ucapan Kim Jong Un': KCNA is the source, Kim the speaker."""
    if quote.speaker is None or quote.speaker_start is None:
        return
    after = quote.speaker_start + len(quote.speaker)
    match = lang.quoting.match(text, after, limit)
    if not match:
        return
    read = _speaker_after(text, match.end(), limit, lang)
    if read:
        quote.cited_from = quote.speaker
        quote.speaker, quote.speaker_start = read


def _indirect(text: str, sentence: Sentence, lang: _Lang, covered: list[tuple[int, int]]) -> _Found | None:
    body = text[sentence.start : sentence.end]
    if any(a < sentence.end and sentence.start < b for a, b in covered):
        return None
    if body.split() and body.split()[0].lower() in lang.first_person:
        return None  # first-person speech: the speaker is the one quoted before (see _unmarked)
    # "Menurutnya, …" / "Menurut X, …"
    own = lang.according_own.search(body)
    if own and own.start() <= 80:
        start = sentence.start + own.end()
        return _content(text, start, sentence.end, "indirect", "nya", sentence.start + own.start(), own.group("cue"))
    according = lang.according.search(body)
    if according and according.start() <= 80:
        after_start = sentence.start + according.end()
        comma = text.find(",", after_start, sentence.end)
        before_comma = text[after_start:comma].split() if comma > 0 else []
        if before_comma and len(before_comma) <= _MAX_SPEAKER_WORDS and all(_np_token(t, lang) for t in before_comma):
            speaker = text[after_start:comma].strip()
            content_start = comma + 1
        else:
            # "Menurut Korea Utara pengiriman …": the capitalised run is the speaker.
            run = re.match(r"(?:[A-Z][\w'’.-]*(?:\s+|$))+", text[after_start : sentence.end])
            first = text[after_start : sentence.end].split()[0] if text[after_start : sentence.end].split() else ""
            if run:
                speaker = run.group().strip()
            elif first.lower() in lang.pronouns:  # "menurut dia diperkirakan …"
                speaker = first
            else:
                return None
            content_start = after_start + len(speaker)
        return _content(text, content_start, sentence.end, "indirect", speaker, after_start, according.group("cue"))
    # "…, kata seorang pejabat."
    tail = lang.cue_tail.search(body)
    if tail and tail.group("cue").lower() == "demikian":
        # "…, demikian pernyataan X": X published it; the speaker is in the sentence itself.
        source = _speaker_after(text, sentence.start + tail.start("rest"), sentence.end, lang)
        shortened = Sentence(sentence.start, sentence.start + tail.start())
        found = _indirect(text, shortened, lang, covered)
        if found and source:
            found.cited_from = source[0]
            return found
    if tail and tail.start() > 20 and tail.group("cue").lower() != "demikian":
        quote = _Found(sentence.start, sentence.start + tail.start(), "indirect", cue=tail.group("cue"))
        if tail.group("nya"):
            quote.speaker, quote.pronoun = "nya", True
        else:
            read = _speaker_after(text, sentence.start + tail.start("rest"), sentence.end, lang)
            if read:
                quote.speaker, quote.speaker_start = read
        return quote if quote.speaker else None
    # English: "…, the official said." — the speaker before the verb.
    if lang.tail_first is not None:
        closing = lang.tail_first.search(body)
        if closing and closing.start() > 20 and all(_np_token(t, lang) for t in closing.group("speaker").split()):
            at = sentence.start + closing.start("speaker")
            return _Found(
                sentence.start,
                sentence.start + closing.start(),
                "indirect",
                closing.group("speaker"),
                at,
                closing.group("cue"),
            )
    # "Angel, kata Hajrul, sudah cukup paham …": the attribution set inside the sentence.
    inside = lang.cue_inside.search(body)
    if inside and inside.start() > 0:
        read = _speaker_after(text, sentence.start + inside.end(), sentence.end, lang)
        if read and text.find(",", read[1] + len(read[0]), sentence.end) > 0:
            stripped = body.rstrip(" .")
            return _Found(
                sentence.start, sentence.start + len(stripped), "indirect", read[0], read[1], inside.group("cue")
            )
    # "X mengatakan (bahwa) …"
    for cue in lang.cue_before.finditer(body):
        read = _speaker_before(text, sentence.start, sentence.start + cue.start(), lang)
        if not read:
            continue
        content_start = sentence.start + cue.end()
        that = lang.that.match(text, content_start, sentence.end)
        if that:
            content_start = that.end()
        else:
            # "Lin Jian mengatakan pada konferensi pers di Beijing bahwa …": content after "bahwa".
            bahwa = re.search(r"\b(bahwa|that)\b", text[content_start : sentence.end])
            if bahwa and bahwa.start() < 60:
                content_start += bahwa.end()
        if sentence.end - content_start < 15:
            return None
        return _content(text, content_start, sentence.end, "indirect", read[0], read[1], cue.group("cue"))
    return None


def _content(text: str, start: int, end: int, kind: str, speaker: str, speaker_start: int, cue: str) -> _Found:
    content = text[start:end]
    start += len(content) - len(content.lstrip(" ,:"))
    stripped = text[start:end].rstrip(" .")
    if speaker == "nya":
        return _Found(start, start + len(stripped), kind, speaker, None, cue, pronoun=True)
    return _Found(start, start + len(stripped), kind, speaker, speaker_start, cue)


# Resolution --------------------------------------------------------------------------------

_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3}")


def _known_names(text: str, lang: _Lang) -> list[tuple[int, str]]:
    """Person-like names written in full (2-4 capitalised words, titles dropped), with positions."""
    names = []
    function_words = lang.stops | lang.subordinators | lang.between | {"menurut", "namun", "bahkan"}
    for m in _FULL_NAME.finditer(text):
        tokens = m.group().split()
        while tokens and (
            _starts_with(tokens[0].lower().rstrip("."), lang.roles) or tokens[0].lower() in function_words
        ):
            tokens.pop(0)
        name = _without_openers(" ".join(tokens), None, lang)[0] or ""  # "Adapun Lisa Mariana"
        tokens = name.split()
        if len(tokens) >= 2 and name not in capitals.COUNTRIES and _kind_of(name, lang) == "person":
            names.append((m.start(), name))
    return names


def _words_of(name: str) -> list[str]:
    return name.replace("-", " ").split()


class _Speakers:
    """The canonical speakers so far, most recent first, looked up by word (never the whole list)."""

    def __init__(self) -> None:
        self._by_word: dict[str, dict[str, None]] = defaultdict(dict)

    def add(self, name: str) -> None:
        for word in set(_words_of(name)):
            recent = self._by_word[word]
            recent.pop(name, None)  # moved to the end: the most recent
            recent[name] = None

    def recent(self, word: str) -> Iterator[str]:
        return reversed(self._by_word.get(word, {}))


class _Names:
    """Full names written in the text (position, name), looked up by word and position."""

    def __init__(self, names: list[tuple[int, str]]) -> None:
        self._by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for at, name in names:  # in text order
            for word in set(_words_of(name)):
                self._by_word[word].append((at, name))

    def last_before(self, word: str, position: int) -> str | None:
        written = self._by_word.get(word, [])
        i = bisect_left(written, position, key=lambda item: item[0])
        return written[i - 1][1] if i else None


def _runs_in(short: list[str], full: list[str]) -> bool:
    return len(full) > len(short) and any(full[i : i + len(short)] == short for i in range(len(full) - len(short) + 1))


def _expand(name: str, position: int, names: _Names, speakers: _Speakers) -> str:
    """Expand a short name to the full name used earlier: "Lin" -> "Lin Jian"."""
    tokens = _words_of(name)
    if len(tokens) > 2 or not tokens:
        return name
    # An earlier speaker first, the most recent one; a one-word name also expands to any full
    # name written before it, since "Korupsi Johan Budi" in running text is no person's name for
    # a two-word one ("Jong Un") to take.
    for full in speakers.recent(tokens[0]):
        if _runs_in(tokens, _words_of(full)):
            return full
    if len(tokens) == 1:
        written = names.last_before(tokens[0], position)
        if written and _runs_in(tokens, _words_of(written)):
            return written
    return name


def _cited(text: str, start: int, end: int, lang: _Lang, dates: list[DateMention]) -> tuple[str | None, str | None]:
    """Return (source, date) named in text[start:end]: "seperti dilansir AFP, Jumat (1/11/2024)"."""
    match = lang.cited.search(text, start, end)
    if not match:
        return None, None
    source = match.group("src").strip(" ,.")
    source = re.sub(r"\s+(?:dari|of|the|de)$", "", source)
    source_end = match.start("src") + len(source)
    when = next((d.value for d in dates if source_end <= d.start <= source_end + 4 and d.value), None)
    return source, when


def find_quotes(
    text: str, sentences: list[Sentence], language: str | None = "id", dates: list[DateMention] | None = None
) -> list[Quote]:
    """Return the quotes of an article's clean text, speakers resolved across the article."""
    code = data_language(language)
    lang = _lang(code)
    dates = dates or []
    found: list[_Found] = []
    offset = 0
    starts = [s.start for s in sentences]
    for paragraph in text.split("\n"):
        par_start, par_end = offset, offset + len(paragraph)
        offset = par_end + 1
        if not paragraph.strip():
            continue
        in_par = sentences[bisect_left(starts, par_start) : bisect_left(starts, par_end)]
        direct = _direct(text, par_start, par_end, in_par, lang)
        found.extend(direct)
        covered = [(q.start - 1, q.end + 1) for q in direct]
        for sentence in in_par:
            indirect = _indirect(text, sentence, lang, covered)
            if indirect:
                found.append(indirect)
    found.sort(key=lambda q: q.start)
    found = _unmarked(text, sentences, found, lang)
    # Marks around nothing ('""', '“ ”') or around punctuation only are not speech.
    found = [q for q in found if q.start < q.end and _WORDLIKE.search(text, q.start, q.end)]
    return _resolve(text, found, lang, dates, _subjects(text, sentences, lang))


def _subjects(text: str, sentences: list[Sentence], lang: _Lang) -> list[tuple[int, str]]:
    """Capitalised names opening a sentence (after an opener): candidates for a later "ia"."""
    subjects = []
    for sentence in sentences:
        begin = sentence.start
        for pattern in (lang.opener, lang.preposition):
            match = pattern.match(text, begin, sentence.end)
            if match:
                begin = match.end()
        name = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}", text[begin : sentence.end])
        subject = _without_openers(name.group(), begin, lang)[0] if name else None
        if (
            subject
            and subject.lower() not in lang.pronouns
            and _kind_of(subject, lang) == "person"
            and not (lang.according.match(subject + " ") or lang.according_own.match(subject))
        ):
            subjects.append((begin, subject))
    return subjects


def _unmarked(text: str, sentences: list[Sentence], found: list[_Found], lang: _Lang) -> list[_Found]:
    """First-person speech without marks right after a quote: the same speaker goes on."""
    out = list(found)
    starts = [s.start for s in sentences]
    taken = SpanIndex([(q.start, q.end) for q in found])
    added: set[int] = set()
    for quote in found:
        if quote.kind == "direct":
            continue
        at = bisect_left(starts, quote.end)
        nxt = sentences[at] if at < len(sentences) else None
        if nxt is None or nxt.start in added or taken.overlaps(nxt.start, nxt.end):
            continue
        first = text[nxt.start : nxt.end].split()[0].lower() if text[nxt.start : nxt.end].split() else ""
        if first in lang.first_person:
            end = nxt.start + len(text[nxt.start : nxt.end].rstrip(" ."))
            out.append(replace(quote, start=nxt.start, end=end, kind="unmarked"))
            added.add(nxt.start)
    out.sort(key=lambda q: q.start)
    return out


def _resolve(
    text: str, found: list[_Found], lang: _Lang, dates: list[DateMention], subjects: list[tuple[int, str]]
) -> list[Quote]:
    names = _Names(_known_names(text, lang))
    speakers = _Speakers()  # canonical speakers so far, persons and others
    previous: list[tuple[str, str | None, str, int | None, int | None]] = []
    previous_positions: list[int] = []
    out: list[Quote] = []
    for q in found:
        role: str | None = None
        speaker, start = q.speaker, q.speaker_start
        if speaker and not q.pronoun:
            speaker, start = _without_openers(speaker, start, lang)
        kind: str | None = None
        end = start + len(speaker) if start is not None and speaker else None
        canonical: str | None = None
        low = (speaker or "").lower()
        if speaker is None or q.pronoun or low in lang.pronouns:
            plural = low in lang.plural
            match = next((p for p in reversed(previous) if (p[2] != "person") == plural or not plural), None)
            if match is None and previous:
                match = previous[-1]
            # A person who opened a sentence after the last quote is nearer: "Gerasimov menunjukkan
            # … Menurutnya, …".
            last_quote = previous_positions[-1] if previous_positions else -1
            before = bisect_left(subjects, q.start, key=lambda item: item[0])  # subjects are in text order
            subject = subjects[before - 1][1] if before and subjects[before - 1][0] > last_quote else None
            if subject and not plural:
                full = _expand(subject, q.start, names, speakers)
                match = (full, None, "person", None, None)
            if match:
                speaker_text, role, kind, _, _ = match
                canonical = speaker_text
                if speaker is None or q.pronoun:
                    speaker = speaker_text
                    start = end = None
            elif speaker == "nya":
                speaker = None
        else:
            role, name = _split_role(speaker, lang)
            kind = _kind_of(name, lang)
            if kind == "government" and name in capitals.CAPITALS:
                canonical = capitals.CAPITALS[name]
            elif kind == "person":
                canonical = _expand(name, start or q.start, names, speakers)
            else:
                canonical = name
            if name != speaker and start is not None:
                start = text.find(name, start, end)
                end = start + len(name) if start >= 0 else None
                start = start if start >= 0 else None
                speaker = name
        if canonical:
            speakers.add(canonical)
            previous.append((canonical, role, kind or "person", start, end))
            previous_positions.append(q.start)
        tail_end = text.find("\n", q.end)
        tail_end = len(text) if tail_end < 0 else tail_end
        sentence_end = min(tail_end, q.end + 300)
        search_from = q.end if q.kind == "direct" else (q.speaker_start or q.start)
        cited, when = _cited(
            text, min(search_from, q.start if q.kind != "direct" else search_from), sentence_end, lang, dates
        )
        if cited is None and q.kind != "direct":
            cited, when = _cited(text, q.start, q.end, lang, dates)
        if q.cited_from:  # the reporter named before the speaker ("lapor KCNA mengutip …")
            cited = q.cited_from
        if cited and speaker and cited.lower() == speaker.lower():
            cited = when = None  # "…, lapor kantor berita Xinhua": the agency is the speaker
        cue_at = _cue_position(text, q)
        out.append(
            Quote(
                start=q.start,
                end=q.end,
                kind=q.kind,
                speaker=speaker,
                speaker_canonical=canonical,
                speaker_role=role,
                cue=q.cue,
                cited_from=cited,
                date=when,
                speaker_start=start,
                speaker_end=end,
                speaker_kind=kind,
                cue_start=cue_at,
                cue_end=cue_at + len(q.cue) if cue_at is not None and q.cue else None,
            )
        )
    return out


def _cue_position(text: str, q: _Found) -> int | None:
    """Where the reporting word stands: the nearest occurrence before the content, else after."""
    if not q.cue:
        return None
    pattern = re.compile(rf"\b{re.escape(q.cue)}", re.IGNORECASE)
    before = [m.start() for m in pattern.finditer(text, max(0, q.start - 250), q.start)]
    if before:
        return before[-1]
    after = pattern.search(text, q.end, q.end + 250)
    return after.start() if after else None


@stage("quotes", reads={"text", "sentences", "language", "dates"}, writes={"quotes"})
def quotes(article: Article) -> Article:
    """Return the article with its ``quotes`` layer."""
    found = find_quotes(article.text, list(article.sentences), article.language, list(article.dates))
    return msgspec.structs.replace(article, quotes=tuple(found))
