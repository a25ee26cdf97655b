"""spaCy imported without its command line.

``import spacy`` runs ``from .cli.info import info``, which imports every spaCy command and what
they use (weasel, Jinja2, the project and download helpers): 0.2–0.45 s of every process's start
on a quiet machine, none of it needed to load and run a pipeline. :func:`install` puts a finder in
front of the import system that, on the first ``import spacy``, stands a small ``spacy.cli.info``
in for the real one while spaCy's ``__init__`` runs, then takes it away: ``spacy.info`` still
works (it imports the real command when called), and ``spacy.cli`` imports as usual afterwards.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

__all__ = ["install"]

_STANDIN = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real command, imported when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _Loader(importlib.abc.Loader):
    """spaCy's own loader, with the stand-in in place while the package's ``__init__`` runs."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self.inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        standin = ModuleType(_STANDIN)
        standin.info = _info  # type: ignore[attr-defined]
        sys.modules[_STANDIN] = standin
        try:
            self.inner.exec_module(module)
        finally:
            if sys.modules.get(_STANDIN) is standin:
                del sys.modules[_STANDIN]
            module.__loader__ = self.inner
            if module.__spec__ is not None:
                module.__spec__.loader = self.inner


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``spacy`` once, as the rest of the import system would, and wraps its loader."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    """Have the next ``import spacy`` leave the command line out (nothing when spaCy is imported)."""
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
