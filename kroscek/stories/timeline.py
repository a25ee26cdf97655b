"""Timeline: the dated happenings of a story, one entry per day across its articles.

Every date mention of day grain (or finer) in a story's articles is a candidate, except the
dates that only say when another outlet published ("…, seperti dikutip dari X, Senin
(28/4/2025)"; a state medium's date is its state's statement and stays); the page's own date
line is furniture and already gone. Mentions of one day are one entry: its text is
the shortest sentence stating it (the plainest statement of what happened; a bare date fragment
such as "Pada Selasa (29 Oktober)." takes the sentence before it), and its evidence is
every sentence, in every article, that gives that day. Entries run in date order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from kroscek.lang import data_language, language_module
from kroscek.model import Article, Evidence, TimelineEntry, sentence_at
from kroscek.stories.claims import state_voice

__all__ = ["timeline"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: How far before a date a "dikutip dari" cue makes it a citation date (characters).
_CITATION_REACH = 80
#: Longest entry text (characters); longer sentences are cut at a word.
_TEXT = 240


@cache
def _citation_cue(lang: str | None) -> re.Pattern[str]:
    cues = language_module(data_language(lang), "quotes").CITED_FROM
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cues, key=len, reverse=True))) + r")\b", re.I)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT else text[: text.rfind(" ", 0, _TEXT)] + " …"


def timeline(articles: Sequence[Article]) -> list[TimelineEntry]:
    """Return the timeline of one story's ``articles``."""
    days: dict[str, list[tuple[Article, int, int]]] = defaultdict(list)
    for article in articles:
        cue = _citation_cue(article.language)
        for d in article.dates:
            if d.day_assumed or not (d.value and _DAY.match(d.value) and d.grain in ("day", "time")):
                continue
            cited = cue.search(article.text, max(0, d.start - _CITATION_REACH), d.start)
            if cited and not state_voice(article.text[cited.end() : d.start]):
                continue  # when another outlet published, not when something happened
            sentence = sentence_at(article.sentences, d.start)
            if sentence is None:
                continue
            days[d.value[:10]].append((article, sentence.start, sentence.end))
    entries = []
    for value in sorted(days):
        seen: set[tuple[str, int]] = set()
        evidence = []
        for article, start, end in days[value]:
            if (article.id, start) not in seen:
                seen.add((article.id, start))
                evidence.append(Evidence(article.id, start, end))
        article, start, end = min(
            days[value], key=lambda x: (len(x[0].text[x[1] : x[2]].split()) < 8, x[2] - x[1], x[0].id)
        )
        if len(article.text[start:end].split()) < 8:  # "… jelas. Pada Selasa (29 Oktober)." says when, not what:
            start = max((s.start for s in article.sentences if s.end <= start), default=start)  # what is before
        entries.append(TimelineEntry(date=value, text=_short(article.text[start:end]), evidence=tuple(evidence)))
    return entries
