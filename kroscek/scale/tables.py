"""The tables ``kroscek batch`` writes, their columns derived from the records of :mod:`kroscek.model`.

- ``articles``: the contract's article fields (``kroscek/1``), in its order; each span layer
  (sentences, entities, quotes, quantities, dates) a list of structs with the span's ``text``
  beside its offsets, as the contract writes it; boilerplate and warnings lists of structs.
- ``stories``: a story's id, title, members, its events' and claims' ids, its copy links, set-aside
  figures, quote chains and timeline.
- ``events`` and ``claims``: one row each, with the ``story_id`` they belong to.
- ``changes``: what a first reading of the pile found (new stories, copies, claims; each
  ``article-revised``), as a store's changes say it.
- ``skipped``: inputs that could not be read, and why.

A column's type comes from its model field: text, whole and real numbers, booleans, lists,
structs, and a map for ``detail``; a field of any type (a claim's ``value``, a number or a day)
is written as JSON text. Both engines write these columns; :func:`arrow_schema` gives them to
pyarrow and :mod:`kroscek.scale.spark` to Spark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Union

import msgspec
import msgspec.inspect as mi

from kroscek.model import Article, Change, Claim, Event, Skipped, Story, to_contract
from kroscek.stories.identity import changes
from kroscek.stories.revisions import revised

__all__ = ["TABLES", "Kind", "Tables", "Written", "arrow_schema", "columns", "first_changes"]

#: A column's type: a scalar name ("string", "long", "double", "boolean", "json": any value as JSON
#: text), ("list", item), ("struct", columns) or ("map", value) (text keys).
Kind = Union[str, tuple[str, Any]]  # noqa: UP007 (a recursive alias)
Columns = list[tuple[str, Kind]]

TABLES = ("articles", "stories", "events", "claims", "changes", "skipped")

_SCALARS: dict[type[mi.Type], str] = {
    mi.StrType: "string",
    mi.LiteralType: "string",
    mi.IntType: "long",
    mi.FloatType: "double",
    mi.BoolType: "boolean",
}


def _kind(t: mi.Type) -> Kind:
    """The column type of a model field's type."""
    if isinstance(t, mi.UnionType):
        present = [x for x in t.types if not isinstance(x, mi.NoneType)]
        return _kind(present[0]) if len(present) == 1 else "json"
    if type(t) in _SCALARS:
        return _SCALARS[type(t)]
    if isinstance(t, mi.VarTupleType | mi.ListType):
        return ("list", _kind(t.item_type))
    if isinstance(t, mi.StructType):
        return ("struct", [(f.encode_name, _kind(f.type)) for f in t.fields])
    if isinstance(t, mi.DictType):
        return ("map", _kind(t.value_type))
    return "json"


def _fields(record: type[msgspec.Struct]) -> dict[str, Kind]:
    info = mi.type_info(record)
    assert isinstance(info, mi.StructType)
    return {f.encode_name: _kind(f.type) for f in info.fields}


def _spanned(kind: Kind) -> Kind:
    """A list of spans (structs with ``start`` and ``end``) with each span's ``text`` after its end."""
    if not (isinstance(kind, tuple) and kind[0] == "list" and isinstance(kind[1], tuple) and kind[1][0] == "struct"):
        return kind
    inner: Columns = kind[1][1]
    names = [name for name, _ in inner]
    if names[:2] != ["start", "end"]:
        return kind
    return ("list", ("struct", [*inner[:2], ("text", "string"), *inner[2:]]))


def _article_columns() -> Columns:
    fields = _fields(Article)
    blank = to_contract([Article(id="", source="", name="", raw="")])["articles"][0]
    return [(name, _spanned(fields[name])) for name in blank]


def _with_story(record: type[msgspec.Struct]) -> Columns:
    return [("story_id", "string"), *_fields(record).items()]


def _story_columns() -> Columns:
    fields = _fields(Story)
    head = [("id", fields["id"]), ("title", fields["title"]), ("article_ids", fields["article_ids"])]
    rest = [(n, k) for n, k in fields.items() if n not in {"id", "title", "article_ids", "events", "claims"}]
    return [*head, ("event_ids", ("list", "string")), ("claim_ids", ("list", "string")), *rest]


def columns() -> dict[str, Columns]:
    """Each table's columns, in order."""
    return {
        "articles": _article_columns(),
        "stories": _story_columns(),
        "events": _with_story(Event),
        "claims": _with_story(Claim),
        "changes": list(_fields(Change).items()),
        "skipped": list(_fields(Skipped).items()),
    }


def _cell(kind: Kind, value: Any) -> Any:
    """A plain value (``msgspec.to_builtins``) as its column holds it."""
    if value is None:
        return None
    if kind == "json":
        return msgspec.json.encode(value).decode()
    if kind == "double":
        return float(value)  # a whole number in a real field (Spark checks the type)
    if isinstance(kind, str):
        return value
    shape, inner = kind
    if shape == "list":
        return [_cell(inner, x) for x in value]
    if shape == "map":
        return {k: _cell(inner, v) for k, v in value.items()}
    return {name: _cell(k, value.get(name)) for name, k in inner}


def _row(table: Columns, values: dict[str, Any]) -> dict[str, Any]:
    return {name: _cell(kind, values.get(name)) for name, kind in table}


class Written(NamedTuple):
    """What a batch wrote: articles, inputs skipped, stories."""

    articles: int
    skipped: int
    stories: int


class Tables:
    """Rows of the tables, built from records (the columns are worked out once)."""

    def __init__(self) -> None:
        self.columns = columns()

    def article_row(self, article: Article) -> dict[str, Any]:
        """The ``articles`` row of ``article``."""
        return _row(self.columns["articles"], msgspec.to_builtins(to_contract([article])["articles"][0]))

    def skipped_row(self, skipped: Skipped) -> dict[str, Any]:
        """The ``skipped`` row of an input that could not be read."""
        return _row(self.columns["skipped"], msgspec.to_builtins(skipped))

    def story_rows(self, story: Story, revisions: Sequence[tuple[Article, Article]] = ()) -> dict[str, list[Any]]:
        """The rows ``story`` gives each table: itself, its events, its claims, and what a first
        reading finds in it (with ``revisions``: each (previous version, article) whose article it holds)."""
        plain = msgspec.to_builtins(story)
        plain["event_ids"] = [e.id for e in story.events]
        plain["claim_ids"] = [c.id for c in story.claims]
        events = [{"story_id": story.id, **e} for e in plain["events"]]
        claims = [{"story_id": story.id, **c} for c in plain["claims"]]
        found = [msgspec.to_builtins(c) for c in first_changes(story, revisions)]
        return {
            "stories": [_row(self.columns["stories"], plain)],
            "events": [_row(self.columns["events"], e) for e in events],
            "claims": [_row(self.columns["claims"], c) for c in claims],
            "changes": [_row(self.columns["changes"], c) for c in found],
        }


def first_changes(story: Story, revisions: Iterable[tuple[Article, Article]] = ()) -> list[Change]:
    """What a first reading of a pile finds in ``story``: it is new, its copies and claims are found
    (:func:`kroscek.stories.identity.changes` against nothing before), and each article of it that is
    a new version of another (``revisions``: previous version, article) is revised."""
    found = changes([], [story])
    event_of = {a: e.id for e in story.events for a in e.article_ids}
    members = set(story.article_ids)
    found += [revised(old, new, story.id, event_of.get(new.id)) for old, new in revisions if new.id in members]
    return found


def arrow_schema(table: Columns) -> Any:
    """The pyarrow schema of a table's columns (pyarrow is imported here: an optional dependency)."""
    import pyarrow as pa

    def arrow(kind: Kind) -> Any:
        if isinstance(kind, str):
            scalar = {"string": pa.string(), "json": pa.string(), "long": pa.int64(), "double": pa.float64()}
            return scalar.get(kind, pa.bool_())
        shape, inner = kind
        if shape == "list":
            return pa.list_(pa.field("element", arrow(inner)))  # the name Spark writes
        if shape == "map":
            return pa.map_(pa.string(), arrow(inner))
        return pa.struct([pa.field(name, arrow(k)) for name, k in inner])

    return pa.schema([pa.field(name, arrow(kind)) for name, kind in table])
