"""The reports people read: the highlighter, and hostile records in Markdown, briefings and web pages."""

from __future__ import annotations

import itertools
import random

from kroscek.model import Article, DateMention, Entity, Quantity, Quote, Sentence
from kroscek.report.html import highlight


def test_highlight_is_every_layer_over_every_segment() -> None:
    """The one-pass highlighter gives what the definition says, on random (also broken) spans."""
    rng = random.Random(7)
    for _ in range(300):
        size = rng.randint(0, 60)
        text = "".join(rng.choice("ab .") for _ in range(size))

        def span(size: int = size) -> tuple[int, int]:
            return rng.randint(-5, size + 5), rng.randint(-5, size + 5)

        article = Article(
            id="x",
            source="x",
            name="x",
            raw=text,
            text=text,
            sentences=tuple(Sentence(*sorted(span())) for _ in range(rng.randint(0, 4))),
            entities=tuple(Entity(*span(), rng.choice(["PER", "ORG"])) for _ in range(rng.randint(0, 6))),
            quotes=tuple(Quote(*span(), kind="direct") for _ in range(rng.randint(0, 3))),
            quantities=tuple(Quantity(*span()) for _ in range(rng.randint(0, 2))),
            dates=tuple(DateMention(*span()) for _ in range(rng.randint(0, 2))),
        )
        layers = [(q.start, q.end, "quote") for q in article.quotes]
        layers += [(e.start, e.end, f"ent ent-{e.label}") for e in article.entities]
        layers += [(q.start, q.end, "num") for q in article.quantities]
        layers += [(d.start, d.end, "date") for d in article.dates]
        segments = highlight(article)
        assert "".join(s.text for s in segments) == text
        assert all(s.start < s.end and text[s.start : s.end] == s.text for s in segments)
        assert all(a.end == b.start for a, b in itertools.pairwise(segments))
        for s in segments:
            covering = {c for start, end, c in layers if start <= s.start and s.end <= end}
            assert s.classes == " ".join(sorted(covering))
        # Every sentence boundary inside the text is a segment boundary (evidence highlights by sentence).
        edges = {s.start for s in segments} | {len(text)}
        assert {b for x in article.sentences for b in (x.start, x.end) if 0 <= b <= len(text)} <= edges
