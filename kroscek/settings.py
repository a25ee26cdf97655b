"""One validated settings object with shipped defaults; a user's TOML file overrides keys."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import msgspec

from kroscek.stories.params import StoryParams

__all__ = ["Settings", "SettingsError", "load_settings"]


class SettingsError(ValueError):
    """A settings file is unreadable or holds an unknown key or a wrong type."""


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: Inputs larger than this are refused (bytes). News articles are rarely over 200 kB; a
    #: multi-megabyte "article" is a dump or a binary that slipped through.
    max_input_bytes: int = 5_000_000
    #: Per-article stages, in order.
    stages: tuple[str, ...] = (
        "clean",
        "language",
        "published",
        "sentences",
        "entities",
        "dates",
        "quantities",
        "quotes",
    )
    #: Worker processes for the per-article stages (1 = in-process).
    jobs: int = 1
    #: Run the cross-article layer (copies, events, stories, claims, quote chains, timeline).
    stories: bool = True
    #: Each stage's own settings (``[stage.language]``: ``languages``, ``min_confidence``),
    #: validated against the stage when the pipeline is built.
    stage: dict[str, dict[str, Any]] = {}
    #: The cross-article layer's settings (``[story.copies]``, ``[story.grouping]``).
    story: StoryParams = StoryParams()


def load_settings(path: Path | None = None) -> Settings:
    """Return the defaults, overridden key by key by the TOML file at ``path`` if given."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"cannot read settings '{path}': {error}") from error
    try:
        return msgspec.convert(data, Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(f"settings '{path}': {error}") from error
