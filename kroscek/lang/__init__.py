"""Language knowledge as data: one package per language code, ``xx`` for what all share.

Every module here holds data only (tuples of patterns, words, tables); the algorithms that use
them live in ``kroscek.clean`` and ``kroscek.annotate``. Adding a language is adding a package
with the same module names.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["SUPPORTED", "language_module"]

#: Languages with data here, in the order their furniture patterns are tried.
SUPPORTED = ("id", "en")


def language_module(code: str, name: str) -> ModuleType:
    """Return the data module ``kroscek.lang.<code>.<name>``."""
    return importlib.import_module(f"kroscek.lang.{code}.{name}")
