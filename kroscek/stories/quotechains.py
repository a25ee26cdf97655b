"""Quote chains: the same quote carried by several articles, and who published it first.

Quotes of a story are bucketed by speaker (canonical name; unattributed quotes are left out),
and two quotes of one speaker are the same quote when their content words overlap enough
(containment of the smaller word set >= 0.6: a trimmed or lightly edited copy is the same quote).
A chain starts at the earliest publisher (publish day, then publish time and content id: any input
order gives the same first) and lists the outlets the articles say they took it from ("dikutip
dari Kyiv Independent"), in order of first use.

Across languages: an Indonesian quote and an English one of the same speaker are one quote when
the cross-lingual linker (:mod:`kroscek.stories.crosslingual`) links the first quote of one group
to the first of the other; the chain then opens with whichever was published first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from kroscek.model import Article, Evidence, Quote, QuoteChain
from kroscek.stories.crosslingual import CrossQuote, link_quotes, prepare

__all__ = ["quote_chains"]

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
    chains = []
    for speaker, quotes in by_speaker.items():
        groups: list[list[_Item]] = []
        for item in quotes:  # earliest article first, so each group opens with its first use
            for g in groups:
                head = g[0][2]
                if _same_language(articles, g[0][0], item[0]) and len(head & item[2]) >= SAME_QUOTE * min(
                    len(head), len(item[2])
                ):
                    g.append(item)
                    break
            else:
                groups.append([item])
        for g in _across_languages(articles, groups, rank):
            if len({i for i, _, _ in g}) < 2:
                continue
            first_i, first_q, _ = g[0]
            first = articles[first_i]
            day = days[first_i]
            cited = list(dict.fromkeys(q.cited_from for _, q, _ in g if q.cited_from))
            chains.append(
                QuoteChain(
                    speaker=speaker,
                    text=" ".join(first.text[first_q.start : first_q.end].split()),
                    first_article_id=first.id,
                    first_outlet=first.outlet,
                    first_published=day.isoformat() if day else None,
                    cited_from=tuple(cited),
                    quotes=tuple(Evidence(articles[i].id, q.start, q.end) for i, q, _ in g),
                )
            )
    return sorted(chains, key=lambda c: (-len(c.quotes), c.speaker or "", c.text))
