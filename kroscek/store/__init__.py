"""Stores: where analysed articles and their stories live between runs (SQLite by default).

A store saves and loads; what goes into it is decided elsewhere: the analysis
(:func:`kroscek.analysis.ingest`) and the stories over the whole store
(:func:`kroscek.stories.index.update`). Opening a store (the web app, a report, a second
process waiting for the schema) loads no model or library.
"""

from __future__ import annotations

from pathlib import Path

from kroscek.store.sqlite import Store, StoreError

__all__ = ["Store", "StoreError", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a ``postgresql://`` URL, else a SQLite file (created when missing)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from kroscek.store.postgres import PostgresStore

        return PostgresStore(text)
    return Store(text)
