"""``kroscek eval claims``: the claims kroscek makes against a hand gold of facts.

The gold (``tests/gold/claims.json``, ``tests/gold/README.md`` says how it was made) lists facts
— a figure or a date that two or more articles of one gold event state — each with one value per
article: its span as offsets into the raw ``text`` of ``../shared/<corpus>/articles.jsonl``, its
normalised value and its status (agree, differ, update, conflict); and look-alike value pairs of
one event that are *not* one fact.

Each corpus is analysed whole (events, stories and claims as ``kroscek analyze`` makes them), and
each gold span is found in the cleaned text: the same characters, at the same occurrence among
equal strings (the cleaner drops furniture, never words of the story). Scores:

- fact recall: a gold fact is found when one claim holds two or more of its values, from
  different articles (a claim value matches a gold value when their spans overlap);
- status accuracy on the found facts (the status of the claim holding the most of its values);
- divergence precision: the share of ``differ``/``update``/``conflict`` claims whose values all
  belong to one gold fact (a value that is another mention of a gold value — same article, same
  number — belongs to that value's fact); the others are false divergences, also counted per
  100 articles;
- look-alike pairs joined: not-one-fact pairs whose two values one claim holds;
- source right: of the claim values on a gold value whose article names its source, the share
  whose source names the same one (one name holds the other, or they share a name word); and of
  the sources kroscek gives on gold values, the share that are right (a source where the gold
  has none is wrong).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from kroscek.model import Article, Claim, Story

__all__ = ["ClaimsScore", "GoldFact", "GoldValue", "load_gold", "locate", "score_claims"]

DIVERGENT = ("differ", "update", "conflict")


@dataclass(frozen=True)
class GoldValue:
    article: str  # the article's JSONL id (kroscek's ``Article.name``)
    start: int  # offsets into the raw text
    end: int
    value: str
    source: str | None = None  # who the article says gives it (a name), if it says


@dataclass(frozen=True)
class GoldFact:
    id: str
    corpus: str
    event: str
    what: str
    kind: str
    status: str
    values: tuple[GoldValue, ...]


def _value(entry: dict[str, Any]) -> GoldValue:
    source = entry.get("source")
    return GoldValue(
        str(entry["article"]), int(entry["start"]), int(entry["end"]), str(entry.get("value", "")), source or None
    )


def load_gold(path: Path) -> tuple[list[GoldFact], list[tuple[str, GoldValue, GoldValue, str]]]:
    """The facts and the not-one-fact pairs (corpus, a, b, why) of a claims gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    facts = [
        GoldFact(
            str(f["id"]),
            str(f["corpus"]),
            str(f["event"]),
            str(f.get("what", "")),
            str(f.get("kind", "")),
            str(f["status"]),
            tuple(_value(v) for v in f["values"]),
        )
        for f in data["facts"]
    ]
    pairs = [(str(p["corpus"]), _value(p["a"]), _value(p["b"]), str(p.get("why", ""))) for p in data["not_same"]]
    return facts, pairs


_SPACE = re.compile(r"\s+")


def locate(raw: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the raw span ``raw[start:end]`` lies in the cleaned ``text``, or None if it is not there.

    The same occurrence among equal strings when the text keeps as many as the raw has before
    it, else the nearest one by relative position; whitespace runs may differ.
    """
    surface = raw[start:end].strip()
    if not surface:
        return None
    pattern = re.compile(r"\s+".join(re.escape(part) for part in _SPACE.split(surface)))
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        return None
    before = len(pattern.findall(raw[:start]))
    if len(found) == len(pattern.findall(raw)):
        return found[before]
    where = start / max(1, len(raw)) * len(text)
    return min(found, key=lambda span: abs(span[0] - where))


@dataclass
class ClaimsScore:
    name: str
    articles: int = 0
    facts: int = 0
    located_values: int = 0
    gold_values: int = 0
    found: int = 0
    status_right: int = 0
    status_pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, kroscek) on found facts
    claims: int = 0
    divergent: int = 0
    true_divergent: int = 0
    pairs: int = 0
    pairs_joined: int = 0
    sourced: int = 0  # claim values on a gold value whose article names its source
    source_right: int = 0
    source_given: int = 0  # claim values on a gold value to which kroscek gives a source
    given_right: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    false_divergences: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # gold facts no claim holds

    @property
    def recall(self) -> float:
        return self.found / self.facts if self.facts else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.found if self.found else 0.0

    @property
    def divergence_precision(self) -> float:
        return self.true_divergent / self.divergent if self.divergent else 1.0

    @property
    def false_per_100(self) -> float:
        return 100 * (self.divergent - self.true_divergent) / self.articles if self.articles else 0.0

    def row(self) -> list[str]:
        return [
            self.name,
            f"{self.articles}",
            f"{self.located_values}/{self.gold_values}",
            f"{self.found}/{self.facts} = {self.recall:.3f}",
            f"{self.status_accuracy:.3f}",
            f"{self.true_divergent}/{self.divergent} = {self.divergence_precision:.3f}",
            f"{self.false_per_100:.1f}",
            f"{self.pairs_joined}/{self.pairs}",
            f"{self.source_right}/{self.sourced} = {self.source_right / self.sourced:.3f}" if self.sourced else "—",
            f"{self.given_right}/{self.source_given} = {self.given_right / self.source_given:.3f}"
            if self.source_given
            else "—",
        ]


def score_claims(
    name: str,
    articles: Sequence[Article],
    stories: Sequence[Story],
    facts: Sequence[GoldFact],
    pairs: Sequence[tuple[GoldValue, GoldValue]],
) -> ClaimsScore:
    """Score the claims of ``stories`` over ``articles`` against the gold facts and pairs of one corpus."""
    by_name = {a.name: a for a in articles}
    name_of = {a.id: a.name for a in articles}
    result = ClaimsScore(name, articles=len(articles), facts=len(facts))

    # Gold values placed in the cleaned texts: (article name) -> [(start, end, fact index, value)].
    spans: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    gold_source: dict[str, dict[tuple[int, int], str | None]] = defaultdict(dict)  # article -> span -> source
    for number, fact in enumerate(facts):
        result.by_kind[fact.kind] += 1
        for v in fact.values:
            result.gold_values += 1
            article = by_name.get(v.article)
            place = locate(article.raw, article.text, v.start, v.end) if article else None
            if place:
                result.located_values += 1
                spans[v.article].append((*place, number, v.value))
                gold_source[v.article][place] = v.source

    def facts_of(value_article: str, start: int, end: int, value: object) -> set[int]:
        """The gold facts a claim value belongs to: by overlapping span, else by the same number."""
        here = spans.get(value_article, [])
        hit = {f for s, e, f, _ in here if s < end and start < e}
        if hit:
            return hit
        return {f for _, _, f, v in here if _same_number(v, value)}

    claims: list[Claim] = [c for s in stories for c in s.claims]
    result.claims = len(claims)
    holding: dict[int, list[tuple[int, Claim]]] = defaultdict(list)  # fact -> (values held, claim)
    placed: list[list[tuple[str, int, int]]] = []
    for claim in claims:
        members: dict[int, set[str]] = defaultdict(set)
        belongs: list[set[int]] = []
        spots: list[tuple[str, int, int]] = []
        for cv in claim.values:
            owner = name_of.get(cv.article_id, "")
            spots.append((owner, cv.start, cv.end))
            named = [g for (gs, ge), g in gold_source.get(owner, {}).items() if gs < cv.end and cv.start < ge]
            if named and named[0]:
                result.sourced += 1
                result.source_right += _same_source(named[0], cv.source)
            if named and cv.source:
                result.source_given += 1
                result.given_right += bool(named[0]) and _same_source(named[0] or "", cv.source)
            found = facts_of(owner, cv.start, cv.end, cv.value)
            belongs.append(found)
            for f in found:
                members[f].add(owner)
        placed.append(spots)
        for f, owners in members.items():
            if len(owners) >= 2:
                holding[f].append((len(owners), claim))
        if claim.status in DIVERGENT:
            result.divergent += 1
            if belongs and set.intersection(*belongs):
                result.true_divergent += 1
            else:
                result.false_divergences.append(_describe(claim, name_of))
    for f, holders in holding.items():
        result.found += 1
        result.found_by_kind[facts[f].kind] += 1
        best = max(holders, key=lambda item: item[0])[1]
        result.status_pairs[(facts[f].status, best.status)] += 1
        result.status_right += best.status == facts[f].status
    result.missed = [f"{fact.id} ({fact.kind}): {fact.what}" for f, fact in enumerate(facts) if f not in holding]

    # Look-alike pairs: one claim holding both.
    for a, b in pairs:
        result.pairs += 1
        pa = by_name.get(a.article)
        pb = by_name.get(b.article)
        la = locate(pa.raw, pa.text, a.start, a.end) if pa else None
        lb = locate(pb.raw, pb.text, b.start, b.end) if pb else None
        if not (la and lb):
            continue
        for spots in placed:
            if _holds(spots, a.article, la) and _holds(spots, b.article, lb):
                result.pairs_joined += 1
                break
    return result


def _same_source(gold: str, found: str | None) -> bool:
    """The source kroscek gives names the gold's: one holds the other, or they share a word of four
    letters or more (lenient: "Menteri Sosial Saifullah Yusuf" and "Gus Ipul" do not match, two
    titles might)."""
    if not found:
        return False
    g, f = gold.lower(), found.lower()
    if g in f or f in g:
        return True
    return bool(set(re.findall(r"[^\W\d_]{4,}", g)) & set(re.findall(r"[^\W\d_]{4,}", f)))


def _holds(where: list[tuple[str, int, int]], article: str, span: tuple[int, int]) -> bool:
    return any(name == article and s < span[1] and span[0] < e for name, s, e in where)


def _same_number(gold: str, value: object) -> bool:
    try:
        return abs(float(gold) - float(value)) < 1e-9 * max(1.0, abs(float(gold)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) == gold


def _describe(claim: Claim, name_of: dict[str, str]) -> str:
    values = ", ".join(
        f"{v.value} ({name_of.get(v.article_id, v.article_id)}, {v.source or '-'})" for v in claim.values
    )
    return f"{claim.status}: {claim.about}: {values}"


def render(scores: Sequence[ClaimsScore], show_errors: bool = False) -> Group:
    table = Table(
        "corpus",
        "articles",
        "gold values placed",
        "fact recall",
        "status accuracy (found)",
        "divergence precision",
        "false divergences / 100 articles",
        "look-alike pairs joined",
        "source right (gold names one)",
        "sources given that are right",
        title="claims against the hand gold (tests/gold/claims.json)",
    )
    for s in scores:
        table.add_row(*s.row())
    parts: list[Any] = [table]
    kinds = Table("kind", *[s.name for s in scores], title="fact recall by kind")
    for kind in sorted({k for s in scores for k in s.by_kind}):
        kinds.add_row(kind, *[f"{s.found_by_kind[kind]}/{s.by_kind[kind]}" for s in scores])
    parts.append(kinds)
    for s in scores:
        if s.status_pairs:
            confusion = ", ".join(f"{g}→{k} {n}" for (g, k), n in sorted(s.status_pairs.items()))
            parts.append(Text(f"{s.name} statuses (gold→kroscek) on found facts: {confusion}"))
        if show_errors:
            for line in s.false_divergences:
                parts.append(Text(f"  false divergence, {s.name}: {line}"))
            for line in s.missed:
                parts.append(Text(f"  missed, {s.name}: {line}"))
    return Group(*parts)
