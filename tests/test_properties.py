"""Properties that must hold on any input: hostile, broken, huge or nonsensical.

Ingest never raises out of a batch; every stage leaves offsets inside the text with no empty
span; the contract stays valid against its schema; the story layer places every article in one
event and one story. Inputs mix news-shaped pieces (dates, figures, quote marks, speakers,
furniture, markup) with arbitrary Unicode, lone surrogates and control characters included.

The CI profile is small and fixed (``derandomize``, no example database, no deadline): the same
cases on every run. ``make fuzz`` runs the same properties over 100,000+ cases
(``KROSCEK_HYPOTHESIS=fuzz``).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroscek.analysis import build_pipeline
from kroscek.ingest import read_inputs
from kroscek.ingest.records import scrub, text_article
from kroscek.model import (
    Article,
    DateMention,
    Entity,
    Quantity,
    Quote,
    Sentence,
    Skipped,
    SpanIndex,
    article_id,
    to_contract,
)
from kroscek.settings import Settings
from kroscek.stories.build import build_stories

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schema" / "kroscek-1.json").read_text())

# Cases per property: (CI, fuzz). The fuzz total is over 100,000.
_BUDGET = {"ingest": (150, 70_000), "stages": (60, 20_000), "stories": (40, 15_000)}
_FUZZ = os.environ.get("KROSCEK_HYPOTHESIS") == "fuzz"


def _profile(name: str) -> Any:
    ci, fuzz = _BUDGET[name]
    return settings(
        max_examples=fuzz if _FUZZ else ci,
        deadline=None,
        derandomize=not _FUZZ,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


PIECES = [
    "Senin (28/4/2025)",
    "Pada Selasa (29 Oktober)",
    "Senin (3/1/0001)",
    "31/2/2025",
    "18-19 Juni 2024",
    "Juni tahun lalu",
    "kemarin",
    "pukul 21.30 WIT",
    "99999 tahun lalu",
    "8.000",
    "sekitar 12.000 tentara",
    "termasuk 500 perwira dan tiga jenderal",
    "Rp 3,1 T",
    "3,1 ± 0,4 persen",
    "1e308",
    "9" * 40,
    "Pasal 2 ayat (3) huruf b",
    "RT 07/RW 11",
    '"',
    "“",
    "”",
    "‘",
    "'",
    "«",
    ",” kata Lin Jian.",
    '," ujarnya.',
    "Menurut",
    "Menurutnya, ",
    "juru bicara Kementerian Luar Negeri China, Lin Jian, mengatakan bahwa",
    "seperti dikutip dari Kyiv Independent",
    "dilansir AFP",
    "Kim Jong-un",
    "Korut",
    "Baca juga: ",
    "Tinggalkan komentar",
    "BEIJING (ANTARA) –",
    "(VOA)",
    "Jakarta - ",
    "Oleh ",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<b>",
    "&lt;script&gt;",
    "&amp;",
    "&#x0;",
    "ke-ke-ke-",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\x00",
    "\ud800",
    "\u200b",
    "\ufeff",
    "\u2028",
    ". ",
    "? ",
    "! ",
    "(",
    ")",
    "[",
    "Dr. ",
    "A.",
    " ",
]

_ANY_CHAR = st.characters(exclude_categories=())  # surrogates and control characters included
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(_ANY_CHAR, max_size=12), st.sampled_from(PIECES).map(lambda p: p * 40)),
    max_size=40,
).map("".join)


def _check_offsets(article: Article) -> None:
    size = len(article.text)
    layers: list[tuple[str, Any]] = [
        ("sentences", article.sentences),
        ("entities", article.entities),
        ("quotes", article.quotes),
        ("quantities", article.quantities),
        ("dates", article.dates),
    ]
    for name, layer in layers:
        for span in layer:
            assert 0 <= span.start < span.end <= size, f"{name} span {span.start}:{span.end} in {size} characters"
            assert article.text[span.start : span.end].strip(), f"{name} span {span.start}:{span.end} is blank"
    for quote in article.quotes:
        for start, end in ((quote.speaker_start, quote.speaker_end), (quote.cue_start, quote.cue_end)):
            if start is not None or end is not None:
                assert start is not None and end is not None and 0 <= start < end <= size
    for quantity in article.quantities:
        assert quantity.part_of is None or 0 <= quantity.part_of < len(article.quantities)


_PIPELINE = build_pipeline(Settings())


def _stage_failures(article: Article) -> list[str]:
    return [w.message for w in article.warnings if w.message.startswith("stage '")]


@_profile("stages")
@given(texts)
def test_every_stage_on_any_text(text: str) -> None:
    try:
        article = text_article(text, "fuzz.txt")
    except ValueError:
        return
    (result, _), *_ = _PIPELINE.run_batch_safe([article])
    assert not _stage_failures(result), _stage_failures(result)
    _check_offsets(result)
    document = msgspec.json.decode(msgspec.json.encode(to_contract([result])))
    jsonschema.validate(document, SCHEMA)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(_ANY_CHAR, max_size=20) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_FIELDS = st.sampled_from(["id", "text", "title", "url", "outlet", "published", "authors", "other"])
_RECORDS = st.dictionaries(_FIELDS, _JSON_VALUES | texts, max_size=7)


def _encode_line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=True).encode()  # lone surrogates travel as \\ud800


_LINES = st.one_of(
    _RECORDS.map(_encode_line),
    st.binary(max_size=60),
    st.sampled_from([b"{", b"[]", b"null", b'{"text": 1}', b'{"text": "\\ud800"}', b"{" * 2000 + b"}" * 2000]),
)


@_profile("ingest")
@given(st.lists(_LINES, max_size=8), st.binary(max_size=300))
def test_ingest_never_stops_a_batch(lines: list[bytes], raw: bytes) -> None:
    first, last = ({"id": n, "text": "Isi berita yang selalu terbaca."} for n in ("first", "last"))
    stream = io.BytesIO(b"\n".join([_encode_line(first), *lines, _encode_line(last)]) + b"\n")
    items = list(read_inputs(["-"], Settings(), stream))
    assert all(isinstance(i, Article | Skipped) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    assert articles[0].name == "first" and articles[-1].name == "last"  # read on both sides of the bad lines
    for article in articles:
        for value in (article.raw, article.name, article.title or "", article.outlet or "", *article.authors):
            value.encode("utf-8")
            assert "\x00" not in value
    for item in read_inputs(["-"], Settings(), io.BytesIO(raw)):  # raw bytes as a text file
        assert isinstance(item, Article | Skipped)


@st.composite
def _annotated(draw: st.DrawFn, index: int) -> Article:
    text = scrub(draw(texts))[0] or "x"  # ingest's guarantee: no lone surrogate, no NUL in a text
    size = len(text)

    def span() -> tuple[int, int]:
        start = draw(st.integers(0, size - 1))
        return start, draw(st.integers(start + 1, size))

    published = draw(
        st.one_of(
            st.none(),
            st.sampled_from(["0001-01-01", "9999-12-31", "2025-02-30", "2025", "2025-04", "2025-04-28T10:00+07:00"]),
            st.dates().map(lambda d: d.isoformat()),
        )
    )
    values = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["0001", "2025-13", "x"]))
    names = st.sampled_from(["Korea Utara", "China", "Lin Jian", "Lin", "Kim Jong Un", "AS", "Amerika Serikat"])
    return Article(
        id=article_id(f"a{index}", text),
        source=f"a{index}",
        name=f"a{index}",
        raw=text,
        text=text,
        title=draw(st.one_of(st.none(), texts.map(lambda t: scrub(t)[0]))),
        outlet=draw(st.one_of(st.none(), st.sampled_from(["detik.com", "antaranews.com", "voaindonesia.com"]))),
        wire=tuple(draw(st.lists(st.sampled_from(["ANTARA", "VOA", "AFP"]), max_size=2))),
        published=published,
        sentences=tuple(Sentence(*span()) for _ in range(draw(st.integers(0, 3)))),
        entities=tuple(
            Entity(*span(), draw(st.sampled_from(["PER", "ORG", "GPE", "LOC"])), draw(names))
            for _ in range(draw(st.integers(0, 4)))
        ),
        quotes=tuple(
            Quote(*span(), "direct", speaker=draw(st.one_of(st.none(), names)), date=draw(values))
            for _ in range(draw(st.integers(0, 3)))
        ),
        quantities=tuple(
            Quantity(*span(), draw(st.floats(allow_nan=True)), noun=draw(st.sampled_from([None, "tentara", "orang"])))
            for _ in range(draw(st.integers(0, 3)))
        ),
        dates=tuple(
            DateMention(*span(), draw(values), grain=draw(st.sampled_from([None, "day", "month", "year"])))
            for _ in range(draw(st.integers(0, 3)))
        ),
    )


@_profile("stories")
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(*(_annotated(i) for i in range(n)))))
def test_story_layer_places_every_article_once(articles: tuple[Article, ...]) -> None:
    stories = build_stories(list(articles))
    ids = sorted(a.id for a in articles)
    assert sorted(i for s in stories for i in s.article_ids) == ids
    assert sorted(i for s in stories for e in s.events for i in e.article_ids) == ids
    # The articles hold invalid values on purpose (an old store's records); the stories must be valid.
    document = msgspec.json.decode(msgspec.json.encode(to_contract([], stories)))
    jsonschema.validate(document, SCHEMA)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12),
    st.integers(0, 80),
    st.integers(1, 20),
)
def test_span_index_answers_as_a_scan_would(spans: list[tuple[int, int]], start: int, width: int) -> None:
    index = SpanIndex(spans)
    end = start + width
    assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans)
    assert index.covers(start) == any(a <= start < b for a, b in spans)
