"""Confidence of the cross-article layer: event membership and claim status, calibrated.

The numbers come from ``kroscek/models/confidence.json`` (:mod:`kroscek.calibration`), written by
the training scripts (never fitted on the pile at hand):

- ``events``: an isotonic map from the model's leave-one-out probability of a member against its
  event (:func:`kroscek.stories.events.memberships`) to the share of such members that belong
  there, fitted on the out-of-fold predictions of the grouped cross-validation (``make
  train-events``); ``alone`` is the share of one-article events that are one-article in the gold.
- ``claims``: per status, the share of kroscek's claims of that status whose status is the hand
  gold's (``make train-confidence``, smoothed toward the share over all statuses, ``*``, which
  a status the gold never showed gets).

A kind missing from the file gives no confidence (None), never a made-up one.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import numpy as np

from kroscek.calibration import calibration
from kroscek.model import Article, Story

__all__ = ["at_least", "claim_confidence", "membership_confidence", "sure_quotes"]


def membership_confidence(probabilities: Sequence[float]) -> list[float | None]:
    """The calibrated confidence of each member of one event, from its leave-one-out probability
    (an event of one: the share of lone articles that are alone in the gold)."""
    events = calibration().get("events")
    if not events:
        return [None] * len(probabilities)
    if len(probabilities) == 1:
        return [round(float(events["alone"]), 3)]
    mapped = np.interp(np.asarray(probabilities, dtype=np.float64), events["x"], events["y"])
    return [round(float(v), 3) for v in mapped]


def claim_confidence(status: str) -> float | None:
    """The calibrated confidence that a claim's ``status`` is right (None without a calibration)."""
    table = calibration().get("claims", {})
    value = table.get(status, table.get("*"))
    return None if value is None else float(value)


def _sure(confidence: float | None, minimum: float) -> bool:
    return confidence is not None and confidence >= minimum


def at_least(story: Story, articles: Sequence[Article], minimum: float) -> tuple[Story, list[Article]]:
    """``story`` and its ``articles`` with only the facts of confidence ``minimum`` or more: each
    event lists only such members (the story's own article list stays whole), claims and quotes
    under it go. A fact without a confidence is left out (nothing says it is that sure)."""
    events = []
    for e in story.events:
        sure = [(a, c) for a, c in zip(e.article_ids, e.confidence, strict=False) if c >= minimum]  # () unknown
        events.append(
            msgspec.structs.replace(e, article_ids=tuple(a for a, _ in sure), confidence=tuple(c for _, c in sure))
        )
    claims = tuple(c for c in story.claims if _sure(c.confidence, minimum))
    kept = [sure_quotes(a, minimum) for a in articles]
    return msgspec.structs.replace(story, events=tuple(events), claims=claims), kept


def sure_quotes(article: Article, minimum: float) -> Article:
    """``article`` with only the quotes whose speaker is at least ``minimum`` sure."""
    return msgspec.structs.replace(article, quotes=tuple(q for q in article.quotes if _sure(q.confidence, minimum)))
