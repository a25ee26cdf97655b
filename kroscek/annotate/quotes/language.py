"""A language's quoting words (cue verbs, openers, roles, titles) compiled, and the record a reader fills."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from kroscek.lang import language_module

_PAIRS = (("“", "”"), ("«", "»"), ("‘", "’"), ('"', '"'))
_MIN_QUOTE_WORDS = 4  # shorter marked text needs a reporting verb next to it
_MAX_SPEAKER_WORDS = 14
#: Characters before a quote or a verb within which its verb or its speaker is looked for.
_HEAD_REACH = 600
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
#: One to four capitalised words on one line: a person's name as an apposition writes it.
_NAME_WORDS = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}"


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
    relative: re.Pattern[str] | None  # "yang melintas, Dhiko (": a clause, then the holder's name
    clause_cues: frozenset[str]  # speech only with "bahwa" or a comma after ("melaporkan")
    passive: re.Pattern[str] | None  # "dikatakan (langsung) (oleh) ": the speaker follows
    answered: re.Pattern[str] | None  # "direspons keras oleh ": its agent speaks next
    referring: re.Pattern[str] | None  # "Hal itu (sebagaimana) ": what the sentences before said
    cited: re.Pattern[str]
    trailing_link: re.Pattern[str]  # a source's last word that only joins ("… of"): not part of it
    that: re.Pattern[str]
    that_later: re.Pattern[str]  # "bahwa" a little after the cue
    leading_aside: re.Pattern[str]  # "Sementara itu, …", "Senin (5/8) malam, …" before a speaker
    list_split: re.Pattern[str]  # between the names of a list ("Rusia dan China")
    opener: re.Pattern[str]
    stops: frozenset[str]
    pronouns: frozenset[str]
    plural: frozenset[str]
    anaphoric: frozenset[str]  # closing a phrase that points back ("Ibu tiga anak itu")
    described: re.Pattern[str] | None  # "berkacamata itu": describing words up to a demonstrative
    first_person: frozenset[str]
    between: frozenset[str]
    roles: tuple[str, ...]
    role_set: frozenset[str]  # the same, looked up whole
    organisations: frozenset[str]
    negations: frozenset[str]
    statement: re.Pattern[str]
    quoting: re.Pattern[str]
    preposition: re.Pattern[str]
    speaker_words: frozenset[str]
    group_openers: frozenset[str]  # "sebuah", "sejumlah": the nouns after them are the speaker's
    plural_openers: frozenset[str]  # "sejumlah", "para": a group of many
    rest_block: frozenset[str]
    subordinators: frozenset[str]
    open_np: frozenset[str] | None  # None: closed word list (Indonesian); else words never in an NP
    tail_first: re.Pattern[str] | None
    after_first: re.Pattern[str] | None
    weekdays: frozenset[str]  # never part of a speaker's name ("Kamis" after a name is a date)
    connectors: frozenset[str]  # a speaker phrase never ends on one ("Menteri Luar Negeri dan")
    determiners: frozenset[str]  # may open a role in apposition ("Maria Lopez, a spokeswoman …")
    verbish: re.Pattern[str]  # a lower-case word of this shape ends a speaker phrase
    not_speaker: frozenset[str]  # a phrase with no name that starts with one of these is no speaker
    ordinary: frozenset[str]  # words written in lower case that head no speaker ("sepekan", "usai")


@cache
def _lang(code: str) -> _Lang:
    q = language_module(code, "quotes")
    after = _alt(q.CUES_AFTER)
    before = _alt(q.CUES_BEFORE)
    name = r"[A-Z(][\w.&'’()/-]*"  # a capitalised word of a source's name
    source = (
        rf"(?P<src>(?:{name}|{_alt(q.SOURCE_WORDS)})"
        rf"(?:\s+(?:{name}|{_alt((*q.SOURCE_NAME_WORDS, *q.SOURCE_LINKS))}))*)"
    )
    days = language_module(code, "calendar").WEEKDAYS
    weekdays = "|".join(sorted(d.capitalize() for d in days if len(d) >= 4 and d.isalpha()))
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
        cue_inside=re.compile(
            rf",\s*(?P<cue>{after}|{_alt(q.PASSIVE_CUES)})(?:\s+(?:{_alt(q.AGENT)}))?\s+"
            if q.PASSIVE_CUES
            else rf",\s*(?P<cue>{after})\s+",
            re.IGNORECASE,
        ),
        clause_cues=frozenset(q.CLAUSE_CUES),
        relative=re.compile(
            rf"(?:{_alt(q.RELATIVE)})\b[^,.;:\"“”()]{{1,60}},\s*(?P<name>{_NAME_WORDS})\s*[,(]",
            re.IGNORECASE,
        )
        if q.RELATIVE
        else None,
        passive=re.compile(
            rf"\b(?P<cue>{_alt(q.PASSIVE_CUES)})\s+(?:(?:{_alt(q.PASSIVE_ADVERBS)})\s+)?(?P<by>(?:{_alt(q.AGENT)})\s+)?",
            re.IGNORECASE,
        )
        if q.PASSIVE_CUES
        else None,
        answered=re.compile(
            rf"\b(?P<cue>{_alt(q.ANSWER_CUES)})\s+(?:[a-z]+\s+)?(?:(?:{_alt(q.AGENT)})\s+)?", re.IGNORECASE
        )
        if q.ANSWER_CUES
        else None,
        referring=re.compile(
            rf"(?:{_alt(q.REFERRING)})\s+(?:(?:{_alt(q.REFERRING_BETWEEN)})\s+)*(?=(?:{_alt(q.PASSIVE_CUES)})\b)",
            re.IGNORECASE,
        )
        if q.REFERRING and q.PASSIVE_CUES
        else None,
        cited=re.compile(rf"\b(?P<via>{_alt(q.CITED_FROM)})\s+{source}"),
        trailing_link=re.compile(rf"\s+(?:{_alt(q.SOURCE_LINKS)})$"),
        # Used with match(text, pos): they anchor at pos, so no "^".
        that=re.compile(rf"\s*(?:,\s*)?(?:{_alt(q.THAT)})\b\s*|\s*[,:]\s*", re.IGNORECASE),
        opener=re.compile(rf"\s*(?:{_alt(q.OPENERS)})\b\s*,?\s*", re.IGNORECASE),
        stops=frozenset(q.SPEAKER_STOPS),
        pronouns=frozenset(q.PRONOUNS),
        plural=frozenset(q.PLURAL_PRONOUNS),
        anaphoric=frozenset(q.ANAPHORIC),
        described=re.compile(rf"(?:[\w-]+[ \t]+){{0,4}}?(?:{_alt(q.ANAPHORIC)})\b") if q.ANAPHORIC else None,
        first_person=frozenset(q.FIRST_PERSON),
        between=frozenset(q.BETWEEN),
        roles=tuple(sorted(q.ROLE_WORDS, key=len, reverse=True)),
        role_set=frozenset(q.ROLE_WORDS),
        organisations=frozenset(q.ORGANISATION_WORDS),
        negations=frozenset(q.NEGATIONS),
        statement=re.compile(
            rf"^(?:{_alt(q.STATEMENT_NOUNS)})\s+"
            + (rf"(?:(?:{_alt(q.STATEMENT_ADJECTIVES)})\s+)?" if q.STATEMENT_ADJECTIVES else ""),
            re.IGNORECASE,
        ),
        that_later=re.compile(rf"\b(?:{_alt(q.THAT_LATER)})\b"),
        # A leading clause of lower-case words (after its first word) or a day's name, closed by a comma.
        leading_aside=re.compile(rf"\s*(?:[A-Z]?[a-z]+(?:\s+[a-z][\w-]*){{1,6}}|(?:{weekdays})[^,]{{0,30}})\s*,\s*"),
        list_split=re.compile(rf",\s*|\s+(?:{_alt(q.AND)})\s+"),
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
        group_openers=frozenset(q.GROUP_OPENERS),
        plural_openers=frozenset(q.PLURAL_OPENERS),
        weekdays=frozenset(language_module(code, "calendar").WEEKDAYS),
        connectors=frozenset(q.CONNECTORS),
        determiners=frozenset(q.DETERMINERS),
        verbish=re.compile(q.VERB_SHAPE),
        not_speaker=frozenset(w.lower() for w in q.NOT_SPEAKER_WORDS),
        ordinary=_ordinary(code, q),
    )


def _ordinary(code: str, q: ModuleType) -> frozenset[str]:
    """Words a language writes in lower case (``common_words.txt``) and its function words, less
    those a speaker phrase holds ("warga", "polisi", "pihak") and its pronouns."""
    from kroscek.annotate.entities import _common_words

    speaker = {*q.SPEAKER_WORDS, *(w for r in (*q.ROLE_WORDS, *q.ORGANISATION_WORDS) for w in r.split())}
    words = _common_words(code) | {w.lower() for w in q.NOT_SPEAKER_WORDS}
    return frozenset(words - speaker - set(q.PRONOUNS))


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
    cue_start: int | None = None  # where the cue stands, when a reader knows (the tagger)
    around: tuple[int, int] | None = None  # the tagger's attribution: its first span to its sentence's end
