"""Canonical entities across the corpus: one name per real-world entity in every article.

Per article, the ``entities`` stage already folded aliases, acronyms and name variants. Across
articles the same person may still be "Kim Jong-un" in one and "Kim Jong Un" or "Jong Un" in
another, and an acronym defined in one article ("GUR") may stand alone in another. This pass
groups canonical names by their folded key and by one name's words running inside another's
(only when that longer name is the single candidate), picks the form most articles use, and
rewrites ``canonical`` in every mention and in quote speakers.
"""

from __future__ import annotations

from collections import Counter

import msgspec

from kroscek.annotate.entities import name_key
from kroscek.model import Article, Entity, Quote

__all__ = ["link_entities"]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    return len(longer) > len(shorter) and any(
        longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)
    )


def _align_speaker(quote: Quote, entities: tuple[Entity, ...], mapping: dict[str, str]) -> Quote:
    """Give a quote's speaker the canonical name of the entity its span names, when one does."""
    if not quote.speaker_canonical:
        return quote
    canonical = mapping.get(quote.speaker_canonical, quote.speaker_canonical)
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for e in entities:
            overlaps = e.start < quote.speaker_end and quote.speaker_start < e.end
            covers = e.start <= quote.speaker_start and quote.speaker_end <= e.end
            if e.canonical and ((overlaps and e.label == "PER") or (covers and e.label != "LOC")):
                canonical = e.canonical
                break
    else:
        # A speaker resolved from earlier text ("ujarnya"): the article's entity of that name.
        key = name_key(canonical)
        names = {name_key(e.canonical): e.canonical for e in entities if e.canonical and e.label == "PER"}
        canonical = names.get(key, canonical)
    return msgspec.structs.replace(quote, speaker_canonical=canonical)


def link_entities(articles: list[Article]) -> list[Article]:
    """Return the articles with entity and speaker canonical names unified across the corpus."""
    usage: Counter[str] = Counter()  # canonical form -> articles using it
    labels: dict[str, str] = {}
    for article in articles:
        for form in {e.canonical for e in article.entities if e.canonical}:
            usage[form] += 1
        for e in article.entities:
            if e.canonical:
                labels.setdefault(e.canonical, e.label)
    by_key: dict[str, list[str]] = {}
    for form in usage:
        by_key.setdefault(name_key(form), []).append(form)
    # One representative per folded key: the form most articles write, then the longest.
    representative = {key: max(forms, key=lambda f: (usage[f], len(f))) for key, forms in by_key.items()}
    people = [k for k in representative if labels.get(representative[k]) == "PER"]
    mapping: dict[str, str] = {}
    for key, rep in representative.items():
        tokens = key.split()
        target = rep
        if labels.get(rep) == "PER" and len(tokens) <= 2:
            longer = [k for k in people if _contains(k.split(), tokens)]
            if len(longer) == 1:  # "Jong Un" -> "Kim Jong Un"; never when two people could own it
                target = representative[longer[0]]
        for form in by_key[key]:
            mapping[form] = target
    out = []
    for article in articles:
        entities = tuple(
            msgspec.structs.replace(e, canonical=mapping.get(e.canonical, e.canonical)) if e.canonical else e
            for e in article.entities
        )
        quotes = tuple(_align_speaker(q, entities, mapping) for q in article.quotes)
        out.append(msgspec.structs.replace(article, entities=entities, quotes=quotes))
    return out
