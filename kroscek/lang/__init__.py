"""Language knowledge as data: one package per language code, ``xx`` for what all share.

Every module here holds data only (tuples of patterns, words, tables); the algorithms that use
them live in ``kroscek.clean``, ``kroscek.annotate`` and ``kroscek.stories``. Adding a language is
adding a package: modules of the same names, or a ``BASE`` in its ``__init__`` naming the
language whose modules it reuses where it has none of its own (Malay reuses Indonesian and
brings its own calendar). An article in a language with no package is read with
:data:`DEFAULT`'s data, and the language stage says so on the article.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from types import ModuleType

__all__ = ["DEFAULT", "SUPPORTED", "all_modules", "data_language", "has_data", "language_module"]

#: Languages with data here, in the order their furniture patterns are tried.
SUPPORTED = ("id", "en", "ms")
#: The language whose data reads an article of unknown language or of one without a package.
DEFAULT = "id"


@cache
def has_data(code: str | None) -> bool:
    """Whether ``kroscek.lang.<code>`` exists."""
    if not code or not code.isalpha() or code == "xx":
        return False
    return importlib.util.find_spec(f"kroscek.lang.{code}") is not None


def data_language(code: str | None) -> str:
    """The language whose data reads an article in ``code``: itself when it has a package, else :data:`DEFAULT`."""
    return code if code and has_data(code) else DEFAULT


def language_module(code: str, name: str) -> ModuleType:
    """Return the data module ``kroscek.lang.<code>.<name>``, or its ``BASE`` language's when it has none."""
    try:
        return importlib.import_module(f"kroscek.lang.{code}.{name}")
    except ModuleNotFoundError as error:
        base = getattr(importlib.import_module(f"kroscek.lang.{code}"), "BASE", None)
        if base is None or error.name != f"kroscek.lang.{code}.{name}":
            raise
        return language_module(base, name)


def all_modules(name: str) -> list[ModuleType]:
    """The ``name`` module of every supported language, each module once (a language reusing
    another's module does not bring it twice)."""
    found: dict[str, ModuleType] = {}
    for code in SUPPORTED:
        module = language_module(code, name)
        found.setdefault(module.__name__, module)
    return list(found.values())
