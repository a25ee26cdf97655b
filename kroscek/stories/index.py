"""A store's stories: recomputed over every article it holds, ids carried over, changes recorded.

Each ingest ends here. The stories are computed again over the whole store (canonical names
linked across it first), earlier ids are carried over (:mod:`kroscek.stories.identity`), and
the stories, the ids merged away and what changed are written in one transaction. An index that
inserts new articles without recomputing the rest is issue 13's open part.
"""

from __future__ import annotations

from kroscek.model import Article, Change, Redirect, Story
from kroscek.store.sqlite import Store
from kroscek.stories.params import StoryParams

__all__ = ["restory"]

#: How often restory recomputes when other writers keep changing the articles under it, before it
#: recomputes once more holding the write lock.
_RESTORY_TRIES = 3


def restory(store: Store, params: StoryParams | None = None) -> int:
    """Recompute canonical names across the store and every story; return the number of stories.

    The renamed articles and the new stories are written in one transaction, so a kill leaves the
    old stories or the new ones, never a mix. They are computed without holding the write lock
    (it takes seconds on a big store); when another writer changed the articles meanwhile, the
    work is done again, so the stories always cover the articles as they are.
    """
    for _ in range(_RESTORY_TRIES):
        seen = store.article_writes()
        renamed, stories, redirects, changes = _recompute(store.articles(), store.all_stories(), params)
        with store.transaction():
            if store.article_writes() == seen:
                store.upsert_articles(renamed)
                store.replace_stories(stories, redirects, changes)
                return len(stories)
    with store.transaction():  # writers kept coming: this time none can slip in
        store.article_writes()  # on PostgreSQL, the row lock every article write waits for
        renamed, stories, redirects, changes = _recompute(store.articles(), store.all_stories(), params)
        store.upsert_articles(renamed)
        store.replace_stories(stories, redirects, changes)
    return len(stories)


def _recompute(
    before: list[Article], earlier: list[Story], params: StoryParams | None = None
) -> tuple[list[Article], list[Story], list[Redirect], list[Change]]:
    """Return the articles whose canonical names change when linked across ``before``, the
    stories with the ids of the ``earlier`` ones carried over, the ids merged away, and what changed."""
    from kroscek.stories.build import build_stories
    from kroscek.stories.entities import link_entities
    from kroscek.stories.identity import carry_ids, changes

    articles = link_entities(before)
    # Only articles whose names changed are written again (most keep theirs on a small ingest).
    renamed = [a for a, old in zip(articles, before, strict=True) if a != old]
    first_seen = {a.id: (a.published or "9999", a.id) for a in articles}
    stories, redirects = carry_ids(earlier, build_stories(articles, params), first_seen)
    return renamed, stories, redirects, changes(earlier, stories, redirects)
