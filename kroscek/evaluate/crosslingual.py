"""``kroscek eval crosslingual``: Indonesian quotes linked to the English quotes they translate.

The data is NTREX-128 English ↔ Indonesian (``../shared/data/ntrex-en-id``, CC BY-SA, read at
run time): 1,997 English news sentences from 123 documents, line for line with professional
Indonesian translations. A line is a quote when its English side holds a quote mark or a
reporting verb of ``kroscek/lang/en/quotes.py``; its Indonesian line is the quote to link, and
every other English quote — of the same document and of the others — is a distractor.

Cross-validation is grouped by document: the lexicon is rebuilt for each fold from the sentence
pairs of the other folds, and the fold's Indonesian quotes are linked among all English quotes.
A link is right when it names the English line the Indonesian line translates. Precision is
over the links made, recall over the Indonesian quotes. The baseline links by names and figures
alone. The translations are faithful: scores here are an upper bound for re-written wire stories.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from kroscek.lang.en import quotes as en_quotes
from kroscek.stories.crosslingual import (
    THRESHOLD_SURE,
    CrossQuote,
    Lexicon,
    Link,
    build_lexicon,
    link_baseline,
    link_quotes,
    prepare,
    shifts,
)

__all__ = [
    "Document",
    "LinkScore",
    "PileScore",
    "ShiftScore",
    "evaluate_crosslingual",
    "evaluate_pile",
    "evaluate_shifts",
    "folds",
    "is_quote",
    "quote_pairs",
    "read_ntrex",
]

_QUOTE_MARKS = re.compile(r"[\"“”„]")
_CUES = re.compile(r"\b(?:" + "|".join(sorted(set(en_quotes.CUES_AFTER) | set(en_quotes.CUES_BEFORE))) + r")\b")


@dataclass(frozen=True)
class Document:
    """One NTREX document: its line numbers and the English and Indonesian lines."""

    id: str
    lines: tuple[int, ...]
    english: tuple[str, ...]
    indonesian: tuple[str, ...]


@dataclass(frozen=True)
class QuotePair:
    """A quote line of a document: the English original and its Indonesian translation."""

    document: str
    line: int
    english: str
    indonesian: str


def read_ntrex(root: Path) -> list[Document]:
    """Return the NTREX documents in file order (``root``: the ``ntrex-en-id`` folder)."""
    english = (root / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    indonesian = (root / "newstest2019-ref.ind.txt").read_text(encoding="utf-8").splitlines()
    ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    if not len(english) == len(indonesian) == len(ids):
        raise ValueError(f"{root}: the three files differ in length")
    lines: dict[str, list[int]] = {}
    for n, doc in enumerate(ids):
        lines.setdefault(doc.split("\t")[0].strip(), []).append(n)
    return [
        Document(doc, tuple(ns), tuple(english[n] for n in ns), tuple(indonesian[n] for n in ns))
        for doc, ns in lines.items()
    ]


def is_quote(english: str) -> bool:
    """Whether an English line is a quote: quote marks, or a reporting verb."""
    return bool(_QUOTE_MARKS.search(english) or _CUES.search(english))


def quote_pairs(documents: Sequence[Document]) -> list[QuotePair]:
    """Return the quote lines of ``documents`` with their translations, document by document."""
    return [
        QuotePair(d.id, n, en, ind)
        for d in documents
        for n, en, ind in zip(d.lines, d.english, d.indonesian, strict=True)
        if is_quote(en) and ind.strip()
    ]


def folds(documents: Sequence[Document], k: int = 5) -> list[set[str]]:
    """Split document ids into ``k`` folds (round robin in file order: deterministic)."""
    out: list[set[str]] = [set() for _ in range(k)]
    for n, d in enumerate(documents):
        out[n % k].add(d.id)
    return out


@dataclass
class LinkScore:
    """Links made, right, and quotes to link; plus the time spent linking and reading."""

    made: int = 0
    right: int = 0
    quotes: int = 0
    seconds: float = 0.0
    #: Time spent reading every quote (words, figures, names), English and Indonesian.
    read_seconds: float = 0.0

    @property
    def precision(self) -> float:
        """Right links over links made."""
        return self.right / self.made if self.made else 0.0

    @property
    def recall(self) -> float:
        """Right links over Indonesian quotes."""
        return self.right / self.quotes if self.quotes else 0.0

    def add(self, links: Sequence[Link], truth: Sequence[int], seconds: float) -> None:
        """Count ``links`` against ``truth`` (the right English index of each Indonesian quote)."""
        self.made += len(links)
        self.right += sum(1 for link in links if truth[link.id_index] == link.en_index)
        self.quotes += len(truth)
        self.seconds += seconds

    def row(self, name: str) -> list[str]:
        """The table row: name, P, R, F1, links, quotes, quotes/s linked, quotes/s read."""
        p, r = self.precision, self.recall
        f = 2 * p * r / (p + r) if p + r else 0.0
        speed = self.quotes / self.seconds if self.seconds else 0.0
        read = 2 * self.quotes / self.read_seconds if self.read_seconds else 0.0
        return [
            name,
            f"{p:.3f}",
            f"{r:.3f}",
            f"{f:.3f}",
            str(self.made),
            str(self.quotes),
            f"{speed:.0f}",
            f"{read:.0f}",
        ]


Linker = Callable[[Sequence[CrossQuote], Sequence[CrossQuote], Lexicon], list[Link]]


def _lexicon_linker(id_q: Sequence[CrossQuote], en_q: Sequence[CrossQuote], lexicon: Lexicon) -> list[Link]:
    return link_quotes(id_q, en_q, lexicon)


def _other_speaker_linker(id_q: Sequence[CrossQuote], en_q: Sequence[CrossQuote], lexicon: Lexicon) -> list[Link]:
    """The lexicon linker where the two quotes name different speakers: the speaker term takes
    :data:`SPEAKER_OTHER` off every score (NTREX carries no speakers, so this is its bar raised)."""
    return link_quotes(id_q, en_q, lexicon, threshold=THRESHOLD_SURE)


def _baseline_linker(id_q: Sequence[CrossQuote], en_q: Sequence[CrossQuote], lexicon: Lexicon) -> list[Link]:
    return link_baseline(id_q, en_q)


#: The linkers scored: the lexicon linker, the same where the speakers named differ (a shifted
#: speaker), and the baseline, which links by names and figures alone.
LINKERS: dict[str, Linker] = {
    "lexicon": _lexicon_linker,
    "lexicon, speakers differ": _other_speaker_linker,
    "baseline": _baseline_linker,
}


def evaluate_crosslingual(root: Path, k: int = 5) -> dict[str, LinkScore]:
    """Cross-validate the linkers on NTREX, ``k`` folds grouped by document."""
    documents = read_ntrex(root)
    pairs = quote_pairs(documents)
    start = time.perf_counter()
    english = [prepare(p.english, "en") for p in pairs]
    indonesian = [prepare(p.indonesian, "id") for p in pairs]
    read = time.perf_counter() - start
    result = {name: LinkScore(read_seconds=read) for name in LINKERS}
    for fold in folds(documents, k):
        lexicon = build_lexicon(
            (en, ind) for d in documents if d.id not in fold for en, ind in zip(d.english, d.indonesian, strict=True)
        )
        held = [n for n, p in enumerate(pairs) if p.document in fold]
        for name, linker in LINKERS.items():
            start = time.perf_counter()
            links = linker([indonesian[n] for n in held], english, lexicon)
            result[name].add(links, held, time.perf_counter() - start)
    return result


def render(result: dict[str, LinkScore], k: int) -> Table:
    """The results as a table."""
    table = Table(
        "linker",
        "P",
        "R",
        "F1",
        "links",
        "quotes",
        "linked/s",
        "read/s",
        title=f"NTREX en-id quote links, {k}-fold by document",
        caption="linked/s: Indonesian quotes linked a second among all English quotes; read/s: quotes read a second",
    )
    for name, score in result.items():
        table.add_row(*score.row(name))
    return table


_FIRST_NUMBER = re.compile(r"(?<![\d.,])\d+")


@dataclass(frozen=True)
class ShiftScore:
    """The translation check on NTREX: faithful pairs it flags (false alarms), and pairs whose
    Indonesian figure was changed on purpose that it catches."""

    pairs: int
    flagged: int
    changed: int
    caught: int

    def rows(self) -> list[list[str]]:
        """Table rows: what, count, of, share."""
        return [
            ["faithful translations flagged", str(self.flagged), str(self.pairs), f"{self.flagged / self.pairs:.3f}"],
            ["a figure changed, caught", str(self.caught), str(self.changed), f"{self.caught / self.changed:.3f}"],
        ]


def evaluate_shifts(root: Path) -> ShiftScore:
    """Run :func:`kroscek.stories.crosslingual.shifts` on every NTREX quote pair as translated
    (professional, faithful: any finding is a false alarm), then on each pair whose translation
    writes a figure in digits, with the first such number raised by one (a changed figure)."""
    pairs = quote_pairs(read_ntrex(root))
    flagged = changed = caught = 0
    for p in pairs:
        english, translated = prepare(p.english, "en"), prepare(p.indonesian, "id")
        found = shifts(english, translated)
        flagged += bool(found)
        number = _FIRST_NUMBER.search(p.indonesian)
        if found or number is None:
            continue
        wrong = prepare(
            p.indonesian[: number.start()] + str(int(number.group()) + 1) + p.indonesian[number.end() :], "id"
        )
        if wrong.figures == translated.figures:
            continue  # the number is no figure here (a date, a name): nothing to catch
        changed += 1
        caught += any(f.startswith("figure") for f in shifts(english, wrong))
    return ShiftScore(len(pairs), flagged, changed, caught)


def render_shifts(score: ShiftScore) -> Table:
    """The translation check as a table."""
    table = Table("NTREX quote pairs", "count", "of", "share", title="what a translation changes (shifts)")
    for row in score.rows():
        table.add_row(*row)
    return table


@dataclass(frozen=True)
class PileScore:
    """NTREX documents analysed as articles (each English document and its Indonesian translation):
    how often a translation lands in its original's story and event, the quote chains that cross
    languages and how many wrongly span two documents, the Indonesian quotes (with a speaker)
    chained with their own document's English, and the translation claims (all false alarms: the
    translations are faithful)."""

    documents: int
    same_story: int
    same_event: int
    chains: int
    chains_across_documents: int
    quotes: int
    quotes_linked: int
    claims: int
    seconds: float

    def rows(self) -> list[list[str]]:
        """Table rows: what, count, of, share."""

        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "—"

        d = self.documents
        return [
            ["translation in its original's story", str(self.same_story), str(d), share(self.same_story, d)],
            ["translation in its original's event", str(self.same_event), str(d), share(self.same_event, d)],
            [
                "quote chains across languages spanning two documents (wrong)",
                str(self.chains_across_documents),
                str(self.chains),
                share(self.chains_across_documents, self.chains),
            ],
            [
                "Indonesian quotes chained with their original's English",
                str(self.quotes_linked),
                str(self.quotes),
                share(self.quotes_linked, self.quotes),
            ],
            ["translation claims (false alarms)", str(self.claims), str(d), share(self.claims, d)],
        ]


def _pile(documents: Sequence[Document], path: Path) -> None:
    """Write each document twice as a JSONL record: its English lines and its Indonesian ones (the
    first line the title), ids ``en:DOC`` and ``id:DOC``."""
    import json

    with path.open("w", encoding="utf-8") as out:
        for d in documents:
            for language, lines in (("en", d.english), ("id", d.indonesian)):
                record = {"id": f"{language}:{d.id}", "title": lines[0], "text": "\n\n".join(lines[1:])}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def evaluate_pile(root: Path, jobs: int = 1) -> PileScore:
    """Analyse NTREX's documents and their translations as one pile and score what crosses languages."""
    import tempfile

    from kroscek.analysis import analyze
    from kroscek.settings import Settings

    documents = read_ntrex(root)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ntrex.jsonl"
        _pile(documents, path)
        started = time.perf_counter()
        result = analyze([str(path)], Settings(), jobs=jobs)
        seconds = time.perf_counter() - started
    article = {a.id: a for a in result.articles}
    document = {a.id: a.name.split(":", 1)[1] for a in result.articles}
    key = {a.name: a.id for a in result.articles}
    story_of = {a: s.id for s in result.stories for a in s.article_ids}
    event_of = {a: e.id for s in result.stories for e in s.events for a in e.article_ids}
    pairs = [(key[f"en:{d.id}"], key[f"id:{d.id}"]) for d in documents if f"en:{d.id}" in key and f"id:{d.id}" in key]
    chains = across = 0
    linked: set[tuple[str, int]] = set()
    for story in result.stories:
        for chain in story.quote_chains:
            languages = {article[e.article_id].language for e in chain.quotes}
            if not {"en", "id"} <= languages:
                continue
            chains += 1
            across += len({document[e.article_id] for e in chain.quotes}) > 1
            english = {document[e.article_id] for e in chain.quotes if article[e.article_id].language == "en"}
            linked |= {
                (e.article_id, e.start)
                for e in chain.quotes
                if article[e.article_id].language == "id" and document[e.article_id] in english
            }
    quotes = sum(1 for _, i in pairs for q in article[i].quotes if q.speaker_canonical)
    claims = sum(1 for s in result.stories for c in s.claims if c.about.startswith("translated quote"))
    return PileScore(
        documents=len(pairs),
        same_story=sum(story_of.get(e) == story_of.get(i) for e, i in pairs),
        same_event=sum(event_of.get(e) == event_of.get(i) for e, i in pairs),
        chains=chains,
        chains_across_documents=across,
        quotes=quotes,
        quotes_linked=len(linked),
        claims=claims,
        seconds=seconds,
    )


def render_pile(score: PileScore) -> Table:
    """The pile's scores as a table."""
    table = Table(
        "NTREX documents and their translations as one pile",
        "count",
        "of",
        "share",
        title=f"cross-lingual, end to end ({2 * score.documents} articles analysed in {score.seconds:.0f} s)",
    )
    for row in score.rows():
        table.add_row(*row)
    return table
