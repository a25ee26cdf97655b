"""English affixes a word key strips (cross-lingual quote links: ``kroscek.stories.crosslingual``).

One suffix, the longest first, only when four letters stay: ``rebuilding``/``rebuilds`` -> ``rebuild``.
"""

SUFFIXES = ("ing", "ed", "s", "ly")
PREFIXES: tuple[str, ...] = ()
