"""The cross-article layer's settings (``[story.copies]`` and ``[story.grouping]`` in a settings
file): plain records, importable without the numeric libraries the layer itself needs."""

from __future__ import annotations

from typing import Annotated

import msgspec

__all__ = ["CopyParams", "GroupParams", "StoryParams"]


class CopyParams(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: Words per shingle.
    k: int = 5
    #: Keep one shingle in ``sample`` (by hash) for the candidate index.
    sample: int = 4
    #: A sampled shingle shared by more articles than this only links neighbours (see duplicates.py).
    crowd: int = 50
    #: Jaccard from which two texts are the same text.
    near: float = 0.8
    #: Containment from which the smaller text is reused from the larger.
    contained: float = 0.5


class GroupParams(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    #: Cosine between event centroids from which two events are one story.
    story_threshold: float = 0.2
    #: Days between events of one story.
    story_window: int = 240
    #: An article's strongest features: the first ``probe`` look up candidate groups, the first
    #: ``2 * probe`` index the group it joins.
    probe: int = 20


class StoryParams(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    copies: CopyParams = CopyParams()
    grouping: GroupParams = GroupParams()
    #: Articles the story index places at a time (each batch committed on its own): what an update
    #: of a store holds is this many articles and the groups near them, however big the ingest. A
    #: store's first indexing of up to this many articles is one pass over them.
    index_batch: Annotated[int, msgspec.Meta(ge=1)] = 5000
