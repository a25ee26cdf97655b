"""``kroscek batch --engine spark``: the pipeline on Apache Spark, articles never on the driver.

Inputs are read on the executors from any path or URL the Spark install reads (``file:``,
``hdfs:``, ``s3a:``, ``gs:``, ``abfss:`` …): a JSONL file a line at a time (``textFile``, split
across tasks, each line by the JSONL reader), a Parquet file of records a row at a time, any
other file (WARC, HTML, text) whole by the reader its suffix names. The driver lists the files
(names only). Per partition, the stages run in batches with the pipeline built once per Python
worker (:func:`_pipeline`; a stage's failure stays a warning on its article). The cross-article
layer runs in the steps :mod:`kroscek.scale.cross` lists: name counts and versions are reduced
by key, copy candidates are grouped by sampled shingle and verified on the executors, and only
the per-article summaries grouping needs and the verified copy pairs reach the driver, which
places events and stories in one pass over time; each story's claims, quote chains and
timeline are then built on the executors from its members, grouped by story. Tables are
written as Parquet under ``out`` (:mod:`kroscek.scale.tables`).

pyspark is an optional dependency (``pip install 'kroscek[spark]'``).
"""

from __future__ import annotations

import operator
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from kroscek.ingest import read_file
from kroscek.ingest.parquet import PARQUET_SUFFIXES, parquet_record, sized
from kroscek.ingest.records import JSONL_FIELDS, JSONL_SUFFIXES, jsonl_articles
from kroscek.model import Article, Skipped
from kroscek.pipeline import Pipeline
from kroscek.scale import cross
from kroscek.scale.tables import Kind, Tables, Written, columns
from kroscek.settings import Settings
from kroscek.stories.duplicates import candidate_pairs
from kroscek.stories.entities import NameCounts, name_counts, name_mapping, with_speakers
from kroscek.stories.params import CopyParams

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession
    from pyspark.sql.types import DataType

__all__ = ["batch", "batch_items", "input_files", "session"]

_GLOB = frozenset("*?[{")
#: Articles profiled together on an executor (the term vectors of a chunk at once).
_CHUNK = 512

_ARTICLE = msgspec.msgpack.Decoder(Article)
_SKIPPED = msgspec.msgpack.Decoder(Skipped)
_encode = msgspec.msgpack.encode


def _decode_article(data: bytes) -> Article:
    return _ARTICLE.decode(data)


def _decode_skipped(data: bytes) -> Skipped:
    return _SKIPPED.decode(data)


def session(master: str | None = None, app: str = "kroscek batch") -> SparkSession:
    """The Spark session to run on: ``master`` when given, else what ``spark-submit`` or the
    Spark configuration names (pyspark alone: ``local[*]``). Run here (a ``local`` master, or none
    outside ``spark-submit``), the Python workers run this interpreter, the one kroscek is
    installed in, unless ``PYSPARK_PYTHON`` says otherwise."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    if master.startswith("local") if master else "PYSPARK_GATEWAY_PORT" not in os.environ:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def input_files(spark: SparkSession, inputs: Iterable[str]) -> tuple[list[tuple[str, str]], list[Skipped]]:
    """The files under ``inputs`` (paths, folders, globs, URLs), each as (URL, source name), in input
    order and by name within a folder (hidden ones and ``_`` ones, like ``_SUCCESS``, left out),
    listed by Hadoop's file systems on the driver; and the inputs that name nothing.

    A file named as given keeps that name as its source; a file in a folder is the folder as given
    and its path under it; a glob's matches are their full URLs."""
    sc = spark.sparkContext
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    assert jvm is not None
    files: list[tuple[str, str]] = []
    skipped: list[Skipped] = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        matches = sorted(fs.globStatus(path) or [], key=lambda s: s.getPath().toString())
        if not matches:
            skipped.append(Skipped(given, "no such file or folder"))
        for status in matches:
            where = status.getPath()
            if not status.isDirectory():
                files.append((where.toString(), where.toString() if _GLOB & set(given) else given))
                continue
            top = where.toUri().getPath().rstrip("/") + "/"
            found = []
            listing = fs.listFiles(where, True)
            while listing.hasNext():
                inner = listing.next().getPath()
                relative = inner.toUri().getPath()[len(top) :]
                if not any(part.startswith((".", "_")) for part in relative.split("/")):
                    found.append((inner.toString(), relative))
            base = where.toString() if _GLOB & set(given) else given.rstrip("/")
            files += [(url, f"{base}/{relative}") for url, relative in sorted(found, key=lambda f: f[1])]
    return files, skipped


def _jsonl_line(number: int, source: str, limit: int, line: tuple[bytes, int]) -> Iterator[tuple[int, Any]]:
    data, index = line
    for item in jsonl_articles([data], source, limit, first_line=index + 1):
        yield cross.seq_of(number, index), item


def _parquet_row(number: int, source: str, limit: int, row: tuple[Any, int]) -> Iterator[tuple[int, Any]]:
    record, index = row
    for item in sized(iter([parquet_record(record.asDict())]), source, index + 1, limit):
        yield cross.seq_of(number, index), item


def _whole_file(number: int, source: str, settings: Settings, found: tuple[str, bytes]) -> Iterator[tuple[int, Any]]:
    for index, item in enumerate(read_file(found[1], source, settings)):
        yield cross.seq_of(number, index), item


def read(spark: SparkSession, files: list[tuple[str, str]], settings: Settings) -> RDD[tuple[int, Any]]:
    """The records of ``files`` (from :func:`input_files`) as (seq, Article or Skipped), read on the executors."""
    sc = spark.sparkContext
    limit = settings.max_input_bytes
    # A few JSONL files are cut in as many parts as the cluster has cores (a big one is cut where
    # its file system cuts it anyway); many are read a task each at least.
    cuts = max(1, sc.defaultParallelism // max(1, sum(s.lower().endswith(JSONL_SUFFIXES) for _, s in files)))
    parts: list[RDD[tuple[int, Any]]] = []
    for number, (url, source) in enumerate(files):
        low = source.lower()
        if low.endswith(JSONL_SUFFIXES):
            lines = sc.textFile(url, cuts, use_unicode=False).zipWithIndex()
            parts.append(lines.flatMap(partial(_jsonl_line, number, source, limit)))
        elif low.endswith(PARQUET_SUFFIXES):
            frame = spark.read.parquet(url)
            wanted = [c for c in JSONL_FIELDS if c in frame.columns]
            if "text" not in wanted:
                problem = Skipped(source, "no 'text' column (a Parquet file of records needs one)")
                parts.append(sc.parallelize([(cross.seq_of(number, 0), problem)], 1))
                continue
            rows = frame.select(*wanted).rdd.zipWithIndex()
            parts.append(rows.flatMap(partial(_parquet_row, number, source, limit)))
        else:
            parts.append(sc.binaryFiles(url).flatMap(partial(_whole_file, number, source, settings)))
    return sc.union(parts) if parts else sc.emptyRDD()


#: The pipeline of each settings a Python worker has run (its models are loaded once per worker).
_PIPELINES: dict[bytes, Pipeline] = {}


def _pipeline(settings: Settings) -> Pipeline:
    from kroscek.analysis import build_pipeline

    key = msgspec.msgpack.encode(settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(settings)
    return _PIPELINES[key]


def _annotate(
    settings: Settings, stages: bool, items: Iterable[tuple[int, Any]]
) -> Iterator[tuple[int, tuple[bool, bytes]]]:
    """A partition's records: each article through the stages (unless already annotated: then its
    speakers only) as (seq, (True, article)); each input skipped as (seq, (False, skipped))."""
    skipped: list[tuple[int, Skipped]] = []

    def articles() -> Iterator[tuple[int, Article]]:
        for seq, item in items:
            if isinstance(item, Skipped):
                skipped.append((seq, item))
            else:
                yield seq, item

    if stages:
        done = cross.annotate(_pipeline(settings), articles())
    else:
        done = ((seq, with_speakers(a)) for seq, a in articles())
    for seq, article in done:
        yield seq, (True, _encode(article))
    for seq, problem in skipped:
        yield seq, (False, _encode(problem))


def _counts(items: Iterable[tuple[int, bytes]]) -> Iterator[NameCounts]:
    yield name_counts(_decode_article(data) for _, data in items)


def _version(item: tuple[int, bytes]) -> list[tuple[str, cross.Version]]:
    found = cross.version(item[0], _decode_article(item[1]))
    return [found] if found else []


def _finish(mapping: Any, previous: Any, item: tuple[int, bytes]) -> tuple[int, tuple[str, bytes]]:
    seq, data = item
    article = cross.finish(_decode_article(data), mapping.value, previous.value.get(seq))
    return seq, (article.id, _encode(article))


def _summaries(items: Iterable[tuple[int, tuple[str, bytes]]]) -> Iterator[cross.Summary]:
    source = iter(items)
    while chunk := list(islice(source, _CHUNK)):
        yield from cross.summaries([(seq, _decode_article(data)) for seq, (_, data) in chunk])


def _candidates(crowd: int, group: tuple[int, Iterable[int]]) -> Iterator[tuple[tuple[int, int], int]]:
    for pair in candidate_pairs(sorted(group[1]), crowd):
        yield pair, 1


def _verified(params: Any, joined: tuple[int, tuple[tuple[int, Any], Any]]) -> list[tuple[tuple[int, int], str]]:
    j, ((i, a), b) = joined
    kind = cross.verify(a, b, params)
    return [((i, j), kind)] if kind else []


def _story_rows(items: Iterable[tuple[str, Iterable[tuple[int, Any]]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each story's rows of the stories, events, claims and changes tables, from what was grouped
    under its id: its members (0, (seq, article)), its plan (1, (plan, seqs)) and the previous
    versions of its revised members (2, (seq of the new version, previous version))."""
    tables = Tables()
    for _, grouped in items:
        by_kind: dict[int, list[Any]] = {0: [], 1: [], 2: []}
        for kind, value in grouped:
            by_kind[kind].append(value)
        by_seq = {seq: _decode_article(data) for seq, data in by_kind[0]}
        ((story, seqs),) = by_kind[1]
        record = cross.story_of(story, [by_seq[s] for s in seqs])
        revisions = [(_decode_article(data), by_seq[seq]) for seq, data in by_kind[2]]
        for table, rows in tables.story_rows(record, revisions).items():
            for row in rows:
                yield table, row


def _article_rows(items: Iterable[tuple[int, tuple[str, bytes]]]) -> Iterator[dict[str, Any]]:
    tables = Tables()
    for _, (_, data) in items:
        yield tables.article_row(_decode_article(data))


def _skipped_rows(items: Iterable[tuple[int, bytes]]) -> Iterator[dict[str, Any]]:
    tables = Tables()
    for _, data in items:
        yield tables.skipped_row(_decode_skipped(data))


def _spark_type(kind: Kind) -> DataType:
    from pyspark.sql import types as t

    if isinstance(kind, str):
        scalars = {"long": t.LongType(), "double": t.DoubleType(), "boolean": t.BooleanType()}
        return scalars.get(kind, t.StringType())
    shape, inner = kind
    if shape == "list":
        return t.ArrayType(_spark_type(inner), True)
    if shape == "map":
        return t.MapType(t.StringType(), _spark_type(inner), True)
    return t.StructType([t.StructField(name, _spark_type(k), True) for name, k in inner])


def _write(spark: SparkSession, rows: RDD[dict[str, Any]], table: str, out: str) -> None:
    from pyspark.sql.types import StructType

    schema = _spark_type(("struct", columns()[table]))
    assert isinstance(schema, StructType)
    spark.createDataFrame(rows, schema=schema).write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")


def _in_table(table: str, row: tuple[str, dict[str, Any]]) -> bool:
    return row[0] == table


def batch(spark: SparkSession, inputs: Iterable[str], out: str, settings: Settings) -> Written:
    """Analyse the files under ``inputs`` on ``spark`` and write the tables under ``out``."""
    files, missing = input_files(spark, inputs)
    items = read(spark, files, settings)
    if missing:
        items = items.union(spark.sparkContext.parallelize([(-1, s) for s in missing], 1))
    return batch_items(spark, items, out, settings)


def batch_items(
    spark: SparkSession, items: RDD[tuple[int, Any]], out: str, settings: Settings, *, stages: bool = True
) -> Written:
    """Analyse records already read, as (seq, Article or Skipped) in input order by seq, and write
    the tables under ``out``; with ``stages`` False the articles come annotated (the stages ran)."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    shuffle = sc.defaultParallelism  # partitions of each step grouped by key
    annotated = items.mapPartitions(partial(_annotate, settings, stages)).persist(StorageLevel.MEMORY_AND_DISK)
    tally = annotated.map(lambda x: x[1][0]).countByValue()
    skipped = annotated.filter(lambda x: not x[1][0]).mapValues(lambda x: x[1])
    _write(spark, skipped.mapPartitions(_skipped_rows), "skipped", out)
    found = annotated.filter(lambda x: x[1][0]).mapValues(lambda x: x[1])
    mapping = sc.broadcast(name_mapping(found.mapPartitions(_counts).fold(name_counts([]), NameCounts.merged)))
    versions = found.flatMap(_version).groupByKey(shuffle)
    revised = versions.flatMap(lambda kv: cross.revisions(kv[0], kv[1])).collect()
    previous = sc.broadcast(dict(revised))
    final = found.map(partial(_finish, mapping, previous)).persist(StorageLevel.MEMORY_AND_DISK)
    _write(spark, final.mapPartitions(_article_rows), "articles", out)
    annotated.unpersist()
    stories = _stories(spark, final, revised, out, settings) if settings.stories else 0
    if not settings.stories:
        for table in ("stories", "events", "claims", "changes"):
            _write(spark, sc.emptyRDD(), table, out)
    final.unpersist()
    return Written(tally.get(True, 0), tally.get(False, 0), stories)


def _copies(kept: RDD[tuple[int, tuple[str, bytes]]], params: CopyParams, shuffle: int) -> list[tuple[Any, str]]:
    """The verified copy pairs among ``kept`` ((seq, seq), kind): candidates from the sampled
    shingles they share (grouped by shingle), verified by containment on the executors."""
    shingled = kept.mapValues(lambda x: cross.shingled(_decode_article(x[1]), params)).persist()
    sampled = shingled.flatMap(lambda kv: [(h, kv[0]) for h in kv[1].sampled(params)])
    proposed = sampled.groupByKey(shuffle).flatMap(partial(_candidates, params.crowd))
    pairs = proposed.reduceByKey(operator.add, shuffle).filter(lambda kv: kv[1] >= 2).keys()
    left = pairs.join(shingled, shuffle).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    kinds = left.join(shingled, shuffle).flatMap(partial(_verified, params)).collect()
    shingled.unpersist()
    return kinds


def _stories(
    spark: SparkSession,
    final: RDD[tuple[int, tuple[str, bytes]]],
    revised: list[tuple[int, str]],
    out: str,
    settings: Settings,
) -> int:
    """Group the finished articles into stories and write the stories, events, claims and changes
    tables; return the number of stories."""
    sc = spark.sparkContext
    shuffle = sc.defaultParallelism
    replaced = sc.broadcast({old for _, old in revised})
    kept = final.filter(lambda x: x[1][0] not in replaced.value)
    kinds = _copies(kept, settings.story.copies, shuffle)
    # The summaries come to the driver a partition at a time and go to disk there.
    with tempfile.TemporaryDirectory(prefix="kroscek-plan-") as folder, cross.Summaries(Path(folder)) as summaries:
        summaries.extend(kept.mapPartitions(_summaries).toLocalIterator())
        plans = cross.plan(summaries, kinds, settings.story)
    story_of = {seq: story.id for story, seqs in plans for seq in seqs}
    # Each story's members, its plan and the previous versions of its revised members, by story.
    members = kept.mapValues(lambda x: x[1]).join(sc.parallelize(list(story_of.items())), shuffle)
    parts = [
        members.map(lambda kv: (kv[1][1], (0, (kv[0], kv[1][0])))),
        sc.parallelize([(story.id, (1, (story, seqs))) for story, seqs in plans]),
    ]
    olds_of = [(old, (story_of[seq], seq)) for seq, old in revised if seq in story_of]
    if olds_of:
        olds = final.values().filter(lambda x: x[0] in replaced.value)
        joined = olds.join(sc.parallelize(olds_of), shuffle)
        parts.append(joined.map(lambda kv: (kv[1][1][0], (2, (kv[1][1][1], kv[1][0])))))
    grouped = sc.union(parts).groupByKey(shuffle)
    rows = grouped.mapPartitions(_story_rows).persist()
    for table in ("stories", "events", "claims", "changes"):
        _write(spark, rows.filter(partial(_in_table, table)).values(), table, out)
    rows.unpersist()
    return len(plans)
