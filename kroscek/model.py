"""Records of kroscek and the public JSON contract ``kroscek/1``.

An :class:`Article` owns its clean ``text``; every layer (sentences, entities, quotes,
quantities, dates) is a tuple of records holding ``(start, end)`` offsets into that text and
never a second copy of it. The contract adds each span's ``text`` when it serialises.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO, Literal

import msgspec

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "SCHEMA",
    "Article",
    "Boilerplate",
    "Claim",
    "ClaimValue",
    "Correction",
    "CorrectionKind",
    "CorrectionTarget",
    "DateMention",
    "Duplicate",
    "Entity",
    "Event",
    "Evidence",
    "Quantity",
    "Quote",
    "QuoteChain",
    "Sentence",
    "Skipped",
    "SpanIndex",
    "Story",
    "TimelineEntry",
    "Warning",
    "article_id",
    "day_of",
    "revision_key",
    "sentence_at",
    "to_contract",
    "write_contract",
]

SCHEMA = "kroscek/1"

#: Years a date may carry and still be computed with. A value outside (a typo such as 3/1/0001,
#: a placeholder 0001-01-01) is kept as text with a warning, never given to date arithmetic.
FIRST_YEAR, LAST_YEAR = 1000, 2999

#: Where a removed piece of furniture sat on its raw line: the whole line, or a part of it.
Part = Literal["line", "prefix", "suffix", "inline"]


class Boilerplate(msgspec.Struct, frozen=True):
    """A piece of page furniture removed from the body, kept with the reason it was removed."""

    text: str
    reason: str
    line: int | None = None
    part: Part = "line"


class Warning(msgspec.Struct, frozen=True):
    """Something a stage could not do for this article; the article is still reported."""

    stage: str
    message: str


class Sentence(msgspec.Struct, frozen=True):
    start: int
    end: int


class Entity(msgspec.Struct, frozen=True):
    start: int
    end: int
    label: str
    canonical: str | None = None


class Quote(msgspec.Struct, frozen=True):
    """Quoted or reported content (``start``/``end``) and who said it.

    ``kind``: direct (in quote marks), indirect (reported), unmarked (first-person speech
    without marks). ``speaker_kind``: person, organisation, government, media.
    """

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_canonical: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    cited_from: str | None = None
    date: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    #: How sure the speaker is right, in [0, 1]: calibrated by the way it was found (named in the
    #: sentence, a role's holder, carried from before …); 1.0 once an analyst corrected it.
    confidence: float | None = None


class Quantity(msgspec.Struct, frozen=True):
    """An amount; ``part_of`` is the index (in this layer) of the amount it is part of."""

    start: int
    end: int
    value: float | None = None
    unit: str | None = None
    noun: str | None = None
    hedge: str | None = None
    end_value: float | None = None
    part_of: int | None = None


class DateMention(msgspec.Struct, frozen=True):
    """A date or time; ``relative`` when the publish date was needed to resolve it."""

    start: int
    end: int
    value: str | None = None
    end_value: str | None = None
    grain: str | None = None
    relative: bool = False
    modifier: str | None = None  # early, mid, late: "awal 2008", "akhir Mei"
    clock: str | None = None  # "14:30+07:00" when a clock time is written
    #: The day is not written in the mention: a clock time placed on the day its sentence names
    #: or on the publish day ("pukul 21.30 WIT"). Claims, the timeline and events leave it out.
    day_assumed: bool = False
    #: The full date as the text writes it when its weekday contradicts it and ``value`` corrects a
    #: one-field slip the publish day explains ("Senin (20/10/2026)" in a report of Monday 20 October
    #: 2025 is 2025-10-20); None when the value is the date as written.
    as_written: str | None = None


class Article(msgspec.Struct, frozen=True):
    """One input record and everything the per-article stages learnt about it.

    Fields named in a stage's ``reads``/``writes`` are the layer names the runner checks.
    """

    id: str
    source: str
    name: str
    raw: str
    url: str | None = None
    text: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    wire: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None
    published_source: str | None = None
    language: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    warnings: tuple[Warning, ...] = ()
    #: The input record's own id (a JSONL ``id``), when it has one.
    record_id: str | None = None
    #: Lines at the top of ``raw`` that a reader took from around the article on its page (byline
    #: and date lines above or below the body): the cleaner reads them for metadata and never keeps
    #: them as story text.
    header_lines: int = 0
    #: The previous version of this article: the same URL (else record id) read before with other
    #: text (see :func:`revision_key` and kroscek.stories.revisions).
    revision_of: str | None = None


def revision_key(article: Article) -> str | None:
    """What makes two articles versions of one: its URL, else its record's own id (None: neither)."""
    return article.url or article.record_id


class Skipped(msgspec.Struct, frozen=True):
    """An input that could not be read as an article, and why."""

    source: str
    reason: str


# Cross-article records. The stories layer fills them; until then ``stories`` is empty.


class Evidence(msgspec.Struct, frozen=True):
    article_id: str
    start: int
    end: int


class Event(msgspec.Struct, frozen=True):
    """One happening and its coverage; ``confidence``: how sure each member belongs here, in [0, 1],
    one per ``article_ids`` in that order (calibrated; empty when unknown)."""

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    date: str | None = None
    confidence: tuple[float, ...] = ()


class Duplicate(msgspec.Struct, frozen=True):
    a: str
    b: str
    kind: Literal["exact", "near-duplicate", "syndicated", "rewrite"]


class ClaimValue(msgspec.Struct, frozen=True):
    value: Any
    article_id: str
    start: int
    end: int
    source: str | None = None
    outlet: str | None = None
    date: str | None = None


class Claim(msgspec.Struct, frozen=True):
    about: str
    status: Literal["agree", "differ", "update", "conflict"]
    reason: str | None
    values: tuple[ClaimValue, ...]
    id: str = ""  # kept for life in a store (see kroscek.stories.identity); a hash of its values in one run
    confidence: float | None = None  # how sure the status is right, in [0, 1] (calibrated per status)


class SetAside(msgspec.Struct, frozen=True):
    """Two figures that look like one fact but were not compared, and why: a limit beside a
    measured value, the day an outlet itself read a release or forecast for."""

    about: str
    reason: str
    values: tuple[ClaimValue, ...]


class TimelineEntry(msgspec.Struct, frozen=True):
    date: str
    text: str
    evidence: tuple[Evidence, ...]


class QuoteChain(msgspec.Struct, frozen=True):
    """One quote as several articles carry it, from the earliest publisher on.

    ``cited_from`` lists the outlets the articles say they took it from, in order of first use;
    ``quotes`` are the occurrences (content spans), earliest article first (across languages, the
    original's first).
    """

    speaker: str | None
    text: str
    first_article_id: str
    first_outlet: str | None
    first_published: str | None
    cited_from: tuple[str, ...]
    quotes: tuple[Evidence, ...]
    id: str = ""  # kept for life in a store, like a claim's
    #: A chain carried in English and Indonesian: the language of the original (``en``/``id``; None
    #: when it cannot be known) and how that is known (``attribution``, ``publish time``, ``unknown``).
    original_language: str | None = None
    original_by: str | None = None


GroupKind = Literal["story", "event", "claim", "quote_chain"]


class Redirect(msgspec.Struct, frozen=True):
    """An id that was merged into another: ``old`` now answers as ``new``."""

    old: str
    new: str
    kind: GroupKind


class Change(msgspec.Struct, frozen=True):
    """One thing a recomputation changed, with where to see it.

    ``kind``: new-story | new-event | joins-event | copy-found | claim-created | claim-value-added |
    claim-status | quote-earlier | merged | article-revised. ``before``/``after`` are what it was and
    what it is (a status, an article id, an id merged away and its survivor, an article's previous
    and new version); ``detail`` says what a revision changed (sentences, figures and quotes added
    and removed, by their text).
    """

    kind: str
    story: str
    event: str | None = None
    claim: str | None = None
    before: str | None = None
    after: str | None = None
    evidence: tuple[Evidence, ...] = ()
    detail: dict[str, tuple[str, ...]] = {}


CorrectionKind = Literal[
    "merge-events",
    "merge-stories",
    "move-article",
    "keep-apart",
    "quote-speaker",
    "quote-cited-from",
    "claim-wrong",
    "claim-not-comparable",
    "article-published",
    "article-outlet",
    "article-title",
]


class CorrectionTarget(msgspec.Struct, frozen=True, omit_defaults=True):
    """What a correction is about, by what lasts across re-analyses: article ids, a quote's text and
    speaker, a claim's value (never offsets). Which fields a kind uses is in kroscek.stories.corrections."""

    articles: tuple[str, ...] = ()  # the article; an event's or a story's members
    other: tuple[str, ...] = ()  # the other event's or story's members (merge, keep apart, move to)
    former: tuple[str, ...] = ()  # a moved article's event mates when it was moved
    quote: str | None = None  # a quote's text
    speaker: str | None = None  # the speaker the quote had
    claim: str | None = None  # the claim's id and subject when it was corrected
    about: str | None = None
    figure: str | None = None  # the claim value, as text


class Correction(msgspec.Struct, frozen=True):
    """An analyst's correction: who (``by``), when (``at``), what kind, on what (``target``), to what
    (``value``: a speaker, a source, a date, an outlet, a title), and why. ``id`` is the store's number."""

    kind: CorrectionKind
    target: CorrectionTarget
    by: str
    at: str = ""
    value: str | None = None
    why: str = ""
    id: int = 0


class Story(msgspec.Struct, frozen=True):
    id: str
    title: str | None
    article_ids: tuple[str, ...]
    events: tuple[Event, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    claims: tuple[Claim, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    quote_chains: tuple[QuoteChain, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


_SPACE = re.compile(r"\s+")


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence (of ``sentences``, in text order) that holds character ``offset``, if any."""
    i = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[i] if i >= 0 and offset < sentences[i].end else None


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_of(value: str | None) -> dt.date | None:
    """The calendar day of an ISO value of day grain or finer, if it is a real day inside the years allowed."""
    if not value or not _DAY.match(value):
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


class SpanIndex:
    """Which of some ``(start, end)`` spans (overlapping or not) a stretch of text touches, by bisect.

    Built once per layer, it answers in logarithmic time what a scan of every span answers in
    linear time: the difference between a long article taking seconds and taking hours.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with ``[start, end)``."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start

    def covers(self, offset: int) -> bool:
        """Whether some span holds character ``offset``."""
        return self.overlaps(offset, offset + 1)


def _normalise(value: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", value)).strip()


def article_id(identity: str, text: str) -> str:
    """Return the content id of a record: a hash of its source identity and its normalised text.

    The same record ingested twice gets the same id; the same text under another identity
    (another URL, another JSONL id) gets another id, so copies stay two articles.
    """
    digest = hashlib.blake2b(digest_size=8)
    # surrogatepass: a stray surrogate is hashed, never an error (ingest replaces them anyway).
    digest.update(_normalise(identity).encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(_normalise(text).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _span(text: str, record: msgspec.Struct) -> dict[str, Any]:
    fields = msgspec.structs.asdict(record)
    start, end = fields.pop("start"), fields.pop("end")
    return {"start": start, "end": end, "text": text[start:end], **fields}


def _article_record(article: Article) -> dict[str, Any]:
    text = article.text
    return {
        "id": article.id,
        "source": article.source,
        "name": article.name,
        "url": article.url,
        "title": article.title,
        "authors": list(article.authors),
        "outlet": article.outlet,
        "wire": list(article.wire),
        "dateline": article.dateline,
        "published": article.published,
        "published_source": article.published_source,
        "revision_of": article.revision_of,
        "language": article.language,
        "text": text,
        "boilerplate": [msgspec.structs.asdict(b) for b in article.boilerplate],
        "sentences": [_span(text, s) for s in article.sentences],
        "entities": [_span(text, e) for e in article.entities],
        "quotes": [_span(text, q) for q in article.quotes],
        "quantities": [_span(text, q) for q in article.quantities],
        "dates": [_span(text, d) for d in article.dates],
        "warnings": [msgspec.structs.asdict(w) for w in article.warnings],
    }


def to_contract(
    articles: list[Article],
    stories: list[Story] | None = None,
    skipped: list[Skipped] | None = None,
) -> dict[str, Any]:
    """Return the ``kroscek/1`` document for these records, every field present."""
    return {
        "schema": SCHEMA,
        "articles": [_article_record(a) for a in articles],
        "stories": [msgspec.to_builtins(s) for s in stories or []],
        "skipped": [msgspec.structs.asdict(s) for s in skipped or []],
    }


def _records(
    articles: Iterable[Article], stories: Iterable[Story], skipped: Iterable[Skipped]
) -> Iterator[tuple[str, Iterator[Any]]]:
    """The arrays of the ``kroscek/1`` document after its schema: each one's name and records."""
    yield "articles", (_article_record(a) for a in articles)
    yield "stories", (msgspec.to_builtins(s) for s in stories)
    yield "skipped", (msgspec.structs.asdict(s) for s in skipped)


def write_contract(
    out: BinaryIO, articles: Iterable[Article], stories: Iterable[Story] = (), skipped: Iterable[Skipped] = ()
) -> None:
    """Write the ``kroscek/1`` document of these records to ``out`` a record at a time, byte for
    byte as ``msgspec.json.format`` lays out the whole :func:`to_contract` with an indent of 2 (and
    a newline after it): a pile of any size is written without the document ever in memory."""
    out.write(b'{\n  "schema": ' + msgspec.json.encode(SCHEMA))
    for name, records in _records(articles, stories, skipped):
        out.write(b",\n  " + msgspec.json.encode(name) + b": [")
        empty = True
        for record in records:
            # A record two levels down: each of its lines indented by four more spaces (a JSON
            # string never holds a raw newline).
            laid_out = msgspec.json.format(msgspec.json.encode(record), indent=2).replace(b"\n", b"\n    ")
            out.write((b"\n    " if empty else b",\n    ") + laid_out)
            empty = False
        out.write(b"]" if empty else b"\n  ]")
    out.write(b"\n}\n")
