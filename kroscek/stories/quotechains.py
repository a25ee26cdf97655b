"""Quote chains: the same quote carried by several articles, and who published it first.

Quotes of a story are bucketed by speaker (canonical name; unattributed quotes are left out),
and two quotes of one speaker are the same quote when their content words overlap enough
(containment of the smaller word set >= 0.6: a trimmed or lightly edited copy is the same quote).
A chain starts at the earliest publisher (publish day, then publish time and content id: any input
order gives the same first) and lists the outlets the articles say they took it from ("dikutip
dari Kyiv Independent"), in order of first use.

Across languages: an Indonesian quote and an English one are one quote when the cross-lingual
linker (:mod:`kroscek.stories.crosslingual`) links the first quote of one group to the first of
the other, whoever the two name as speaker (the linker's speaker term makes a link between
different speakers need a closer translation). Which language came first (:func:`original`) is
read from attribution — the Indonesian article says it took the quote from the English outlet
("dikutip dari Reuters"), or the English one from the Indonesian outlet ("told Antara") — else
from publish times where they cannot overlap; else it is unknown and the chain says so. The chain
opens with the original's earliest article when it is known. What the translation changes (a
figure, a hedge: :func:`kroscek.stories.crosslingual.shifts`) becomes a ``differ`` claim with both
quotes (:func:`translation_claims`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from kroscek.model import Article, Claim, ClaimValue, Evidence, Quote, QuoteChain
from kroscek.stories.crosslingual import (
    THRESHOLD_SURE,
    CrossQuote,
    link_quotes,
    prepare,
    same_meaning,
    shifts,
)

__all__ = ["original", "quote_chains", "translation_claims"]

_WORD = re.compile(r"[^\W\d_]{3,}")
#: Share of the smaller quote's words found in the other for the two to be one quote.
SAME_QUOTE = 0.6


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


_Item = tuple[int, Quote, frozenset[str]]


def _same_language(articles: Sequence[Article], a: int, b: int) -> bool:
    """Whether two articles may share a quote word for word: not when one is English, the other Indonesian."""
    return {articles[a].language, articles[b].language} != {"id", "en"}


def _read(articles: Sequence[Article], group: list[_Item], language: str) -> CrossQuote:
    """The first quote of ``group``, read for the cross-lingual linker."""
    i, q, _ = group[0]
    return prepare(articles[i].text[q.start : q.end], language, q.speaker_canonical)


def _across_languages(
    articles: Sequence[Article], groups: list[list[_Item]], rank: dict[int, int]
) -> list[list[_Item]]:
    """Merge each Indonesian group into the English group whose first quote the linker links it to."""
    indonesian = [g for g in groups if articles[g[0][0]].language == "id"]
    english = [g for g in groups if articles[g[0][0]].language == "en"]
    if not indonesian or not english:
        return groups
    links = link_quotes([_read(articles, g, "id") for g in indonesian], [_read(articles, g, "en") for g in english])
    for link in links:
        english[link.en_index].extend(indonesian[link.id_index])
        english[link.en_index].sort(key=lambda item: rank[item[0]])  # earliest article first, either language
    gone = {link.id_index for link in links}
    return [g for g in groups if not any(g is indonesian[k] for k in gone)]


def _key(name: str) -> str:
    """An outlet or source name reduced for matching: letters and digits, lower case, no ``www.``
    and no domain ending ("www.Reuters.com" and "Reuters": "reuters")."""
    low = name.lower().removeprefix("www.")
    return "".join(c for c in low.split(".")[0] if c.isalnum())


def _cites(quote: Quote, article: Article) -> bool:
    """Whether ``quote`` says it was taken from ``article``: from its outlet or the wire agency it
    credits ("Reuters" for "reuters.com" or a "(Reuters)" dateline; a source name may be the start
    of the outlet's: "Antara", "antaranews.com")."""
    cited = _key(quote.cited_from or "")
    names = [_key(n) for n in (article.outlet or "", *article.wire)]
    return len(cited) >= 2 and any(n and n.startswith(cited) for n in names)


#: How far a publish stamp may be from the instant it names: a day without a time covers the whole
#: day in any time zone; a time without a zone, any zone.
_ZONES = (timedelta(hours=-14), timedelta(hours=12))


def _window(published: str | None) -> tuple[datetime, datetime] | None:
    """The earliest and latest instants (UTC) a publish stamp can mean; None when unreadable."""
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    if when.tzinfo is not None:
        instant = when.astimezone(UTC).replace(tzinfo=None)
        return instant, instant
    if len(published) <= 10:  # a day alone
        return when + _ZONES[0], when + timedelta(days=1) + _ZONES[1]
    return when + _ZONES[0], when + _ZONES[1]


def _earliest(articles: Sequence[Article], rows: Sequence[int]) -> tuple[datetime, datetime] | None:
    """The window of the first of ``rows`` to publish, when every one has a readable stamp."""
    windows = [_window(articles[i].published) for i in rows]
    known = [w for w in windows if w is not None]
    if not known or len(known) < len(windows):
        return None
    return min(known)


def original(articles: Sequence[Article], group: Sequence[tuple[int, Quote]]) -> tuple[str | None, str]:
    """Which language a quote carried in both came first: (``en``/``id``, how it is known) —
    ``attribution`` when the articles of one language say they took it from an outlet of the other,
    ``publish time`` when their publish windows (:func:`_window`) cannot overlap — or (None,
    ``unknown``)."""
    rows = {lang: [i for i, _ in group if articles[i].language == lang] for lang in ("en", "id")}
    cited = {
        lang: any(_cites(q, articles[j]) for i, q in group if articles[i].language == lang for j in rows[other])
        for lang, other in (("id", "en"), ("en", "id"))
    }
    if cited["id"] != cited["en"]:
        return ("en" if cited["id"] else "id"), "attribution"
    first = {lang: _earliest(articles, found) for lang, found in rows.items()}
    en, ind = first["en"], first["id"]
    if en and ind:
        if en[1] < ind[0]:
            return "en", "publish time"
        if ind[1] < en[0]:
            return "id", "publish time"
    return None, "unknown"


def quote_chains(articles: Sequence[Article], days: Sequence[date | None]) -> list[QuoteChain]:
    """Return the chains of quotes that at least two articles of ``articles`` carry; ``days`` are
    their reference days (:func:`kroscek.stories.grouping.reference_day`)."""
    order = sorted(
        range(len(articles)), key=lambda i: (str(days[i] or "9999"), articles[i].published or "", articles[i].id)
    )
    rank = {i: n for n, i in enumerate(order)}
    by_speaker: dict[str, list[_Item]] = defaultdict(list)
    for i in order:
        for q in articles[i].quotes:
            words = _words(articles[i].text[q.start : q.end])
            if q.speaker_canonical and len(words) >= 4:
                by_speaker[q.speaker_canonical].append((i, q, words))
    groups: list[list[_Item]] = []
    for quotes in by_speaker.values():
        mine: list[list[_Item]] = []
        for item in quotes:  # earliest article first, so each group opens with its first use
            for g in mine:
                head = g[0][2]
                if _same_language(articles, g[0][0], item[0]) and len(head & item[2]) >= SAME_QUOTE * min(
                    len(head), len(item[2])
                ):
                    g.append(item)
                    break
            else:
                mine.append([item])
        groups += mine
    chains = []
    for g in _across_languages(articles, groups, rank):
        if len({i for i, _, _ in g}) < 2:
            continue
        languages = {articles[i].language for i, _, _ in g}
        first_language, known_by = (
            original(articles, [(i, q) for i, q, _ in g]) if {"en", "id"} <= languages else (None, None)
        )
        if first_language:
            g = sorted(g, key=lambda item: (articles[item[0]].language != first_language, rank[item[0]]))
        first_i, first_q, _ = g[0]
        first = articles[first_i]
        day = days[first_i]
        cited = list(dict.fromkeys(q.cited_from for _, q, _ in g if q.cited_from))
        chains.append(
            QuoteChain(
                speaker=first_q.speaker_canonical,
                text=" ".join(first.text[first_q.start : first_q.end].split()),
                first_article_id=first.id,
                first_outlet=first.outlet,
                first_published=day.isoformat() if day else None,
                cited_from=tuple(cited),
                quotes=tuple(Evidence(articles[i].id, q.start, q.end) for i, q, _ in g),
                original_language=first_language,
                original_by=known_by,
            )
        )
    return sorted(chains, key=lambda c: (-len(c.quotes), c.speaker or "", c.text))


def _value(article: Article, quote: Quote, day: date | None) -> ClaimValue:
    """A quote as a claim's value: its words, where it stands, who said it, the outlet and day."""
    return ClaimValue(
        " ".join(article.text[quote.start : quote.end].split()),
        article.id,
        quote.start,
        quote.end,
        source=quote.speaker_canonical,
        outlet=article.outlet,
        date=day.isoformat() if day else None,
    )


def translation_claims(
    articles: Sequence[Article], days: Sequence[date | None], chains: Sequence[QuoteChain]
) -> list[Claim]:
    """A ``differ`` claim for each translation in ``chains`` that changes what its English original
    says (:func:`kroscek.stories.crosslingual.shifts`): the English quote first, then the translation,
    the changes as the reason. An Indonesian quote of a chain is compared with the English quote the
    linker picks for it among every English quote of ``articles`` at the sure bar
    (:data:`kroscek.stories.crosslingual.THRESHOLD_SURE`), the figures left out of the score (they
    are what is judged), and only when that quote is in its chain (a
    chain also holds quotes that joined it as copies of another, or by a looser link) and the
    encoder reads the two as saying the same (:func:`kroscek.stories.crosslingual.same_meaning`):
    a claim on a wrong link is a false ``differ``."""
    row = {a.id: n for n, a in enumerate(articles)}
    quote_at = {(a.id, q.start, q.end): q for a in articles for q in a.quotes}
    mixed = []
    for chain in chains:
        found = [(row[e.article_id], quote_at[e.article_id, e.start, e.end]) for e in chain.quotes]
        if {articles[i].language for i, _ in found} >= {"en", "id"}:
            mixed.append((chain, found))
    if not mixed:
        return []
    everyone = [(i, q) for i, a in enumerate(articles) if a.language == "en" for q in a.quotes if q.speaker_canonical]
    english = [prepare(articles[i].text[q.start : q.end], "en", q.speaker_canonical) for i, q in everyone]
    claims = []
    for chain, found in mixed:
        mine = {(i, q.start) for i, q in found if articles[i].language == "en"}
        for j, r in found:
            if articles[j].language != "id":
                continue
            translated = prepare(articles[j].text[r.start : r.end], "id", r.speaker_canonical)
            picked = link_quotes([translated], english, threshold=THRESHOLD_SURE, figures=False)
            if not picked:
                continue
            k = picked[0].en_index
            i, q = everyone[k]
            if (i, q.start) not in mine:
                continue
            changed = shifts(english[k], translated)
            if changed and same_meaning(english[k].text, translated.text):
                claims.append(
                    Claim(
                        about=f"translated quote of {chain.speaker or 'an unnamed speaker'}",
                        status="differ",
                        reason="translation changes " + "; ".join(changed),
                        values=(_value(articles[i], q, days[i]), _value(articles[j], r, days[j])),
                    )
                )
    return claims
