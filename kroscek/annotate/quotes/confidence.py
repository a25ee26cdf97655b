"""How sure a quote's speaker is: calibrated by the way the speaker was found.

Each quote's speaker comes by one of :data:`PATHS`; ``make train-confidence`` measures on the
hand gold (``tests/gold/quotes.tsv``) how often a speaker found each way is right, smoothed
toward the share over all ways (:mod:`kroscek.evaluate.confidence`), and ships the shares in
``kroscek/models/confidence.json``. A way the gold never showed gets the share over all ways
(``*``); without the file, no confidence (None).
"""

from __future__ import annotations

from kroscek.calibration import calibration

__all__ = ["PATHS", "path_confidence"]

#: The ways a speaker is found: ``named`` (a person named at the quote: "kata Lin Jian", "Menurut
#: Sudding"), ``body`` (an organisation, a government, a medium: "Beijing mengatakan"), ``role``
#: (a role or office resolved to the person holding it: "kata Menaker"), ``subject`` (a person
#: opening a sentence before the quote: "Gerasimov menunjukkan … Menurutnya"), ``carried`` (a
#: pronoun, "-nya" or no speaker at all, given the speaker before), ``none`` (no speaker found).
PATHS = ("named", "body", "role", "subject", "carried", "none")


def path_confidence(path: str) -> float | None:
    """The calibrated share of speakers found by ``path`` that are right (None without a calibration)."""
    table = calibration().get("quotes", {})
    value = table.get(path, table.get("*"))
    return None if value is None else float(value)
