"""``kroscek batch``: the cross-article layer in pieces gives what one process gives; the Spark
engine (local mode, and a standalone master with one worker running the package shipped as a
wheel) writes the tables the local engine writes, row for row.

The Spark tests skip only when pyspark (or pyarrow) cannot be imported and ``KROSCEK_REQUIRE_SPARK``
is unset; ``make test`` sets it, so in CI a missing Spark or Java fails them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from kroscek.analysis import build_pipeline, cross_article
from kroscek.ingest import read_inputs
from kroscek.model import Article
from kroscek.scale import cross
from kroscek.scale.tables import TABLES
from kroscek.settings import Settings
from kroscek.stories.duplicates import candidate_pairs
from kroscek.stories.entities import name_counts, name_mapping, with_speakers
from tests.conftest import CORPUS_DEV, EXAMPLES, GARUT, ROOT, need_shared
from tests.test_warc import _archive, _html

REQUIRED = bool(os.environ.get("KROSCEK_REQUIRE_SPARK"))


def _need(module: str) -> Any:
    """Import ``module`` (pyspark, pyarrow); skip without it, unless Spark is required (then fail)."""
    try:
        return __import__(module)
    except ImportError as error:
        if REQUIRED:
            pytest.fail(f"KROSCEK_REQUIRE_SPARK is set and {module} cannot be imported: {error}")
        pytest.skip(f"{module} is not installed (pip install 'kroscek[spark]')")


@pytest.fixture(scope="module")
def pile() -> list[Article]:
    """corpus-dev through the stages (no cross-article layer), and a later version of its first
    article (same URL, a sentence added to its raw text: its layers are the first's)."""
    settings = Settings()
    read = [i for i in read_inputs([str(need_shared(CORPUS_DEV))], settings) if isinstance(i, Article)]
    articles = list(build_pipeline(settings).run_many(read))
    first = articles[0]
    later = msgspec.structs.replace(first, id="f" * 16, raw=first.raw + "\nPembaruan pukul 21.00.")
    return [*articles, later]


def test_the_pieces_give_what_one_process_gives(pile: list[Article], tmp_path: Path) -> None:
    """Names counted in parts, versions by key, summaries in parts, copies by sampled shingle, the
    plan and each story from its members: the articles and stories cross_article gives."""
    settings = Settings()
    copies = settings.story.copies
    speaking = [(seq, with_speakers(a)) for seq, a in enumerate(pile)]
    half = len(speaking) // 2
    counts = name_counts(a for _, a in speaking[half:]).merged(name_counts(a for _, a in speaking[:half]))
    versions = defaultdict(list)
    for seq, article in speaking:
        if found := cross.version(seq, article):
            versions[found[0]].append(found[1])
    previous = dict(pair for key, found in versions.items() for pair in cross.revisions(key, found))
    assert previous == {len(pile) - 1: pile[0].id}
    mapping = name_mapping(counts)
    final = [(seq, cross.finish(a, mapping, previous.get(seq))) for seq, a in speaking]
    kept = [(seq, a) for seq, a in final if a.id not in previous.values()]
    summaries = cross.summaries(kept[half:]) + cross.summaries(kept[:half])
    shingled = {seq: cross.shingled(a, copies) for seq, a in kept}
    owners = defaultdict(list)
    for seq, found in shingled.items():
        for h in found.sampled(copies):
            owners[h].append(seq)
    proposed = Counter(pair for seqs in owners.values() for pair in candidate_pairs(sorted(seqs), copies.crowd))
    kinds = [
        (pair, kind)
        for pair, n in proposed.items()
        if n >= 2 and (kind := cross.verify(shingled[pair[0]], shingled[pair[1]], copies))
    ]
    assert kinds, "corpus-dev holds copies"
    by_seq = dict(kept)
    with cross.Summaries(tmp_path) as found:
        plans = cross.plan(found.extend(summaries), kinds, settings.story)
    stories = [cross.story_of(p, [by_seq[s] for s in seqs]) for p, seqs in plans]
    articles, expected = cross_article(pile, settings)
    assert [a for _, a in final] == articles
    assert sorted(stories, key=lambda s: (-len(s.article_ids), s.id)) == expected


def test_a_summary_on_disk_keeps_what_the_decision_reads(tmp_path: Path) -> None:
    """An undated article's yearless days ("Kamis (5/9)") come back from the summaries' spill with
    the rest of its profile."""
    text = "Banjir merendam rumah warga di Bandung pada Kamis (5/9). Petugas mengevakuasi warga lanjut usia."
    undated = Article(id="a", source="a", name="a", raw=text, text=text, title="Banjir")
    made = cross.summaries([(0, undated)])
    assert made[0].profile.month_days == ((9, 5, 3),) and made[0].profile.day is None
    with cross.Summaries(tmp_path) as found:
        back = found.extend(made).summary(0)
    assert back.profile == made[0].profile


def _rows(folder: Path) -> dict[str, tuple[Any, list[str]]]:
    """Each table under ``folder``: its schema and its rows (as sorted JSON text)."""
    import pyarrow.parquet as pq

    out = {}
    for table in TABLES:
        found = pq.read_table(folder / table)
        out[table] = (found.schema.remove_metadata(), sorted(json.dumps(r, sort_keys=True) for r in found.to_pylist()))
    return out


def _same_tables(a: Path, b: Path, tables: tuple[str, ...] = TABLES) -> None:
    ours, theirs = _rows(a), _rows(b)
    for table in tables:
        assert ours[table][0].equals(theirs[table][0]), table
        assert ours[table][1] == theirs[table][1], table


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    _need("pyarrow")
    _need("pyspark")
    from kroscek.scale.spark import session

    started = session("local[2]", "kroscek tests")
    started.sparkContext.setLogLevel("ERROR")
    yield started
    started.stop()


def test_spark_local_mode_writes_what_the_local_engine_writes(
    spark: Any, pile: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kroscek.scale import local
    from kroscek.scale import spark as engine

    monkeypatch.setattr(local, "ROWS", 5)  # the local engine's files in many row groups
    settings = Settings()
    ours = local.batch_items(pile, tmp_path / "local", settings, stages=False)
    items = spark.sparkContext.parallelize(list(enumerate(pile)), 4)
    theirs = engine.batch_items(spark, items, str(tmp_path / "spark"), settings, stages=False)
    assert ours == theirs
    assert ours.articles == len(pile) and ours.stories > 1
    _same_tables(tmp_path / "local", tmp_path / "spark")
    import pyarrow.parquet as pq

    changes = pq.read_table(tmp_path / "spark" / "changes").to_pylist()
    assert [c["before"] for c in changes if c["kind"] == "article-revised"] == [pile[0].id]


def _inputs(folder: Path) -> list[str]:
    """A small pile in every format a batch reads: a folder of text files, JSONL (with one bad
    line), Parquet and a web archive."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = sorted(EXAMPLES.glob("*.txt"))
    (folder / "texts").mkdir(parents=True)
    for path in texts[:2]:
        shutil.copy(path, folder / "texts" / path.name)
    records = [
        {"id": path.stem, "url": f"https://example.com/{path.stem}", "text": path.read_text(encoding="utf-8")}
        for path in texts[2:]
    ]
    lines = [json.dumps(r) for r in records[:2]]
    (folder / "feed.jsonl").write_text("\n".join([lines[0], "{not json", lines[1]]) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records[2:]), folder / "table.parquet")
    _archive(
        folder / "crawl.warc.gz", [("response", "https://www.antaranews.com/berita/1/banjir", _html("Banjir", GARUT))]
    )
    return [
        str(folder / "texts"),
        str(folder / "feed.jsonl"),
        str(folder / "table.parquet"),
        str(folder / "crawl.warc.gz"),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


_DRIVER = """
import sys
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
found = spark.sparkContext.parallelize([0], 1).map(lambda _: __import__("kroscek").__file__).collect()
print("EXECUTOR_KROSCEK", found[0], flush=True)
from kroscek.cli import app

app(sys.argv[1:])
"""


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A standalone master and one worker (one core) on loopback, stopped after the test; the
    master's URL and the environment to submit with."""
    pyspark = _need("pyspark")
    _need("pyarrow")
    home = Path(pyspark.__file__).parent
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the workers find kroscek only as shipped
    env.update(SPARK_HOME=str(home), SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    env.update(SPARK_LOG_DIR=str(tmp_path / "logs"), SPARK_WORKER_DIR=str(tmp_path / "work"))
    port = _free_port()
    url = f"spark://127.0.0.1:{port}"
    spark_class = str(home / "bin" / "spark-class")
    master = ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port)]
    master += ["--webui-port", str(_free_port())]
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    daemons = [subprocess.Popen([spark_class, *master], **quiet)]
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the standalone master did not start in 60 s")
                time.sleep(0.5)
        worker = ["org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1", "--cores", "1"]
        worker += ["--memory", "1g", "--webui-port", str(_free_port()), "--work-dir", str(tmp_path / "work")]
        daemons.append(subprocess.Popen([spark_class, *worker], **quiet))
        driver_env = {**env, "PYTHONPATH": os.environ.get("PYTHONPATH", ""), "PYSPARK_DRIVER_PYTHON": sys.executable}
        yield url, driver_env
    finally:
        for daemon in reversed(daemons):
            daemon.terminate()
        for daemon in daemons:
            daemon.wait(timeout=60)


def test_a_standalone_cluster_reads_every_format_and_runs_the_package_shipped_as_a_wheel(
    cluster: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """``spark-submit`` to a standalone master, the package shipped as a wheel: the executors read
    every format and run the stages; the tables are the local engine's, and the skipped inputs
    are the bad JSONL line and the input that names nothing."""
    import pyarrow.parquet as pq

    from kroscek.scale import local

    url, env = cluster
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path / "dist")], check=True
    )
    (wheel,) = (tmp_path / "dist").glob("kroscek-*.whl")
    shipped = shutil.copy(wheel, tmp_path / "kroscek.zip")  # Spark unpacks .zip archives, not .whl
    (tmp_path / "driver.py").write_text(_DRIVER, encoding="utf-8")
    inputs = _inputs(tmp_path / "in")
    missing = str(tmp_path / "missing.jsonl")
    submit = [str(Path(env["SPARK_HOME"]) / "bin" / "spark-submit"), "--master", url]
    submit += ["--archives", f"{shipped}#kroscek_pkg", "--conf", "spark.executorEnv.PYTHONPATH=kroscek_pkg"]
    submit += ["--conf", "spark.ui.enabled=false", "--conf", "spark.default.parallelism=1"]
    out = tmp_path / "cluster"
    run = subprocess.run(
        [*submit, str(tmp_path / "driver.py"), "batch", *inputs, missing, "--out", str(out), "--engine", "spark"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 3, run.stderr[-3000:]  # EXIT_SKIPPED: the bad line and the missing input
    where = next(line.split()[1] for line in run.stdout.splitlines() if line.startswith("EXECUTOR_KROSCEK"))
    assert f"kroscek_pkg{os.sep}kroscek{os.sep}__init__.py" in where and str(tmp_path / "work") in where
    settings = Settings()
    ours = local.batch_items(read_inputs(inputs, settings), tmp_path / "local", settings)
    assert (ours.articles, ours.skipped) == (6, 1)
    said = f"{ours.articles} article(s), {ours.stories} story(ies), 2 skipped"
    assert said in " ".join(run.stdout.split()), run.stdout[-3000:]  # the driver's stderr comes out on stdout
    for side, problems in (("local", {f"{inputs[1]}:2"}), ("cluster", {f"{inputs[1]}:2", missing})):
        assert {s["source"] for s in pq.read_table(tmp_path / side / "skipped").to_pylist()} == problems
    _same_tables(tmp_path / "local", out, tuple(t for t in TABLES if t != "skipped"))
