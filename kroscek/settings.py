"""One validated settings object with shipped defaults; a user's TOML file overrides keys."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec

from kroscek import __version__
from kroscek.stories.params import StoryParams

__all__ = ["FetchParams", "Settings", "SettingsError", "load_settings"]

#: The User-Agent kroscek fetches with: who is asking, and why. A newsroom adds its contact
#: (``fetch.user_agent``) so a site's operator can reach whoever runs the crawl.
USER_AGENT = f"kroscek/{__version__} (news cross-checking)"


class SettingsError(ValueError):
    """A settings file is unreadable or holds an unknown key or a wrong type."""


class FetchParams(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How ``kroscek fetch`` and ``kroscek watch`` ask web servers (``[fetch]``; see kroscek.fetch)."""

    #: Sent with every request (robots.txt rules for ``kroscek`` apply whatever it says).
    user_agent: str = USER_AGENT
    #: Seconds between two requests to one host (a robots.txt Crawl-delay, if longer, wins).
    delay: float = 1.0
    #: Tries after the first when a host is unreachable, times out, or answers 429 or 5xx.
    retries: int = 3
    #: Seconds before the first retry; each further retry waits twice as long (a Retry-After wins).
    backoff: float = 2.0
    #: Seconds a page may take to arrive, and a connection to answer.
    timeout: float = 30.0
    #: Pages read from one feed, sitemap or URL list.
    max_pages: int = 1000
    #: Seconds between two readings of one feed, sitemap or page by ``kroscek watch``.
    poll: float = 300.0


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: Inputs larger than this are refused (bytes). News articles are rarely over 200 kB; a
    #: multi-megabyte "article" is a dump or a binary that slipped through.
    max_input_bytes: int = 5_000_000
    #: Per-article stages, in order, by name ("dates") or pinned to a version ("kroscek.dates.v1");
    #: empty: every stage kroscek ships, each after the stages whose layers it reads.
    stages: tuple[str, ...] = ()
    #: Worker processes for the per-article stages (1 = in-process).
    jobs: int = 1
    #: Run the cross-article layer (copies, events, stories, claims, quote chains, timeline).
    stories: bool = True
    #: Each stage's own settings (``[stage.language]``: ``languages``, ``min_confidence``),
    #: validated against the stage when the pipeline is built.
    stage: dict[str, dict[str, Any]] = {}
    #: The cross-article layer's settings (``[story.copies]``, ``[story.grouping]``).
    story: StoryParams = StoryParams()
    #: How pages, feeds and sitemaps are fetched (``[fetch]``).
    fetch: FetchParams = FetchParams()


def load_settings(path: Path | None = None, overrides: Sequence[str] = ()) -> Settings:
    """Return the defaults, overridden key by key by the TOML file at ``path`` if given, then by
    ``overrides`` (``KEY=VALUE``: a dotted key such as ``stage.language.min_confidence``, a TOML
    value such as ``0.6``, ``["en"]`` or ``true``; a bare word is a string)."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise SettingsError(f"cannot read settings '{path}': {error}") from error
    for override in overrides:
        key, sep, text = override.partition("=")
        parts = key.strip().split(".")
        if not sep or not all(parts):
            raise SettingsError(f"--set '{override}': write KEY=VALUE (e.g. stage.language.min_confidence=0.6)")
        try:
            value = tomllib.loads(f"v = {text.strip()}")["v"]
        except tomllib.TOMLDecodeError:
            value = text.strip()
        place = data
        for part in parts[:-1]:
            inner = place.setdefault(part, {})
            if not isinstance(inner, dict):
                raise SettingsError(f"--set '{override}': '{part}' is not a table of settings")
            place = inner
        place[parts[-1]] = value
    try:
        return msgspec.convert(data, Settings)
    except msgspec.ValidationError as error:
        where = f"settings '{path}'" if path else "settings"
        raise SettingsError(f"{where}{' and --set' if overrides else ''}: {error}") from error
