"""``kroscek eval polnear``: English attribution spans against PolNeAR (source, cue, content).

PolNeAR (Newell et al., LREC 2018) annotates every attribution in US political news as a
source, a cue and a content span (brat standoff). kroscek's English quotes give the content
span, the speaker span and the cue span. Scored per component, as CofeNet's evaluation does:
exact-span P/R/F1 and overlap P/R/F1 (spans matched one to one on any shared character).

Three readers can be scored (``--reader``): the attribution tagger's spans (``tagger``, the
default), the English quotes layer built on them (``layer``: attributions with content only, a
speaker's role split off its name), and the layer read by the rule readers alone (``rules``).
The authors ask users to keep ``test/`` unread while developing: it is read only with
``final=True`` (``kroscek eval polnear --split test --final``), once, at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from kroscek.annotate.quotes import find_quotes
from kroscek.annotate.quotes.resolve import read_rules
from kroscek.annotate.quotes.tagger import tag_attributions
from kroscek.annotate.sentences import split_sentences
from kroscek.evaluate.mentions import MentionScore, span_table
from kroscek.model import Quote

__all__ = ["READERS", "PolnearScore", "articles", "evaluate_polnear", "read_ann", "read_fragments"]

_KINDS = ("Source", "Cue", "Content")

#: A reader: text -> the Source, Cue and Content spans it finds.
Reader = Callable[[str], dict[str, list[tuple[int, int]]]]


def read_fragments(path: Path) -> list[tuple[str, int, int]]:
    """Return (kind, start, end) of every Source, Cue and Content fragment of one .ann file."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind in _KINDS:
            for fragment in offsets.split(";"):
                start, end = (int(n) for n in re.findall(r"\d+", fragment))
                found.append((kind, start, end))
    return found


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Return the Source, Cue and Content spans of one .ann file (fragments joined)."""
    spans: dict[str, list[tuple[int, int]]] = {k: [] for k in _KINDS}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind not in spans:
            continue
        numbers = [int(n) for n in re.findall(r"\d+", offsets)]
        spans[kind].append((min(numbers), max(numbers)))
    return spans


def articles(root: Path, split: str, final: bool = False) -> Iterator[tuple[Path, str]]:
    """Yield (annotation file, article text) of a split; an article annotated twice comes twice."""
    if split == "test" and not final:
        raise ValueError("PolNeAR's authors ask that test/ stays unread during development")
    texts = root / split / "text"
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        text_path = texts / f"{ann.stem.rsplit('_', 1)[0]}.txt"
        if text_path.exists():
            yield ann, text_path.read_text(encoding="utf-8")


@dataclass
class PolnearScore:
    scores: dict[str, MentionScore] = field(default_factory=lambda: {k: MentionScore(k) for k in _KINDS})
    articles: int = 0

    def add(self, kind: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> None:
        self.scores[kind].add(gold, predicted)

    def table(self, split: str, reader: str = "") -> Table:
        title = f"PolNeAR {split} ({self.articles} articles){f', {reader}' if reader else ''}"
        return span_table(title, "component", self.scores)


def quote_spans(quotes: list[Quote]) -> dict[str, list[tuple[int, int]]]:
    """The Content, Source and Cue spans of a quotes layer, each span once (the pieces of one
    quotation share their speaker and cue)."""
    sources = [(q.speaker_start, q.speaker_end) for q in quotes]
    cues = [(q.cue_start, q.cue_end) for q in quotes]
    return {
        "Content": [(q.start, q.end) for q in quotes],
        "Source": list(dict.fromkeys((a, b) for a, b in sources if a is not None and b is not None)),
        "Cue": list(dict.fromkeys((a, b) for a, b in cues if a is not None and b is not None)),
    }


def quotes_reader(rules: bool) -> Reader:
    """The English quotes layer as a reader; ``rules``: the rule readers alone, no tagger."""

    def read(text: str) -> dict[str, list[tuple[int, int]]]:
        return quote_spans(find_quotes(text, split_sentences(text, "en"), "en", [], tagger=not rules))

    return read


def tagger_reader(text: str) -> dict[str, list[tuple[int, int]]]:
    """The attribution tagger's spans, every one: the quotes layer keeps those with content, and
    its speaker span is the name once a role is split off."""
    sentences = split_sentences(text, "en")
    found: dict[str, list[tuple[int, int]]] = {k: [] for k in _KINDS}
    for attribution in tag_attributions(text, sentences, read_rules(text, sentences, "en")):
        for kind, span in (("Content", attribution.content), ("Source", attribution.source), ("Cue", attribution.cue)):
            if span is not None:
                found[kind].append(span)
    return found


#: ``kroscek eval polnear --reader``: what is scored.
READERS: dict[str, Reader] = {"tagger": tagger_reader, "layer": quotes_reader(False), "rules": quotes_reader(True)}


def evaluate_polnear(
    root: Path, split: str = "dev", reader: Reader | None = None, *, final: bool = False
) -> PolnearScore:
    """Return the component scores of a reader (kroscek's English quotes) on a PolNeAR split."""
    read = reader or tagger_reader
    score = PolnearScore()
    for ann, text in articles(root, split, final):
        gold = read_ann(ann)
        found = read(text)
        score.articles += 1
        for kind in _KINDS:
            score.add(kind, gold[kind], found.get(kind, []))
    return score
