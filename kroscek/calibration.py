"""The shipped confidence calibration: ``kroscek/models/confidence.json``.

Written by the training scripts (``make train-events`` its ``events`` map, ``make
train-confidence`` its ``quotes`` and ``claims`` tables), read by the stages and the stories
layer that give confidences (:mod:`kroscek.annotate.quotes.confidence`,
:mod:`kroscek.stories.confidence`). Nothing here is fitted at run time.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["CALIBRATION", "calibration"]

CALIBRATION = Path(__file__).resolve().parent / "models" / "confidence.json"


@cache
def calibration() -> dict[str, Any]:
    """The calibration maps by kind (``events``, ``quotes``, ``claims``); empty when the file is absent."""
    if not CALIBRATION.exists():
        return {}
    data: dict[str, Any] = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    return data
