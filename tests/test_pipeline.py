"""The stage runner: order checks, declared writes, named failures, identical parallel output."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from kroscek.analysis import analyze
from kroscek.model import Article
from kroscek.pipeline import Pipeline, PipelineError, StageError, registered_stages, shipped_order, stage
from kroscek.settings import Settings
from tests.conftest import EXAMPLES


def _article() -> Article:
    return Article(id="0" * 16, source="t.txt", name="t", raw="Judul\n\nIsi berita.")


@stage("test_upper", reads={"raw"}, writes={"text"})
def _upper(article: Article) -> Article:
    return msgspec.structs.replace(article, text=article.raw.upper())


@stage("test_sneaky", reads={"raw"}, writes={"text"})
def _sneaky(article: Article) -> Article:
    return msgspec.structs.replace(article, text="x", title="changed without saying so")


@stage("test_broken", reads={"text"}, writes={"language"})
def _broken(article: Article) -> Article:
    raise ValueError("boom")


@stage("test_wrong_type", reads={"raw"}, writes={"text"})
def _wrong_type(article: Article) -> Article:
    return "not an article"  # type: ignore[return-value]


def test_order_is_checked_when_building() -> None:
    with pytest.raises(PipelineError, match=r"'sentences' reads .*text"):
        Pipeline.from_names(["sentences", "clean"])
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline.from_names(["nope"])


def test_unknown_layer_rejected_at_registration() -> None:
    with pytest.raises(PipelineError, match="unknown layers"):
        stage("bad", reads={"rawtext"}, writes={"text"})


def test_stage_failure_names_the_stage_and_article() -> None:
    pipeline = Pipeline.from_names(["test_upper", "test_broken"])
    with pytest.raises(StageError, match="stage 'test_broken' failed on 't': ValueError: boom"):
        pipeline.run(_article())
    article, _ = pipeline.run_safe(_article())
    assert article.text == "JUDUL\n\nISI BERITA."  # earlier work kept
    assert article.warnings[0].stage == "test_broken"


def test_return_type_and_declared_writes_checked() -> None:
    with pytest.raises(StageError, match="returned str, not Article"):
        Pipeline.from_names(["test_wrong_type"]).run(_article())
    with pytest.raises(StageError, match=r"changed \['title'\] without declaring"):
        Pipeline.from_names(["test_sneaky"]).run(_article())


def test_timings_per_stage() -> None:
    pipeline = Pipeline.from_names(["test_upper"])
    pipeline.run(_article())
    assert set(pipeline.timings) == {"test_upper"} and pipeline.timings["test_upper"] >= 0


def test_builtin_stages_registered() -> None:
    stages = registered_stages()
    assert {"clean", "language", "published", "sentences", "dates", "quantities"} <= set(stages)
    assert "text" in stages["clean"].writes and "text" in stages["sentences"].reads


def test_process_pool_output_identical_and_in_order() -> None:
    one = analyze([str(EXAMPLES)], Settings(), jobs=1)
    two = analyze([str(EXAMPLES)], Settings(), jobs=2)
    assert [msgspec.json.encode(a) for a in one.articles] == [msgspec.json.encode(a) for a in two.articles]
    assert [a.name for a in two.articles] == sorted(a.name for a in two.articles)
    assert [msgspec.json.encode(s) for s in one.stories] == [msgspec.json.encode(s) for s in two.stories]
    assert set(two.timings) == {*shipped_order(), "stories"}


def test_process_pool_keeps_input_order_over_many_batches(tmp_path: Path) -> None:
    """More batches than are ever out at the workers at once: all come back, in input order."""
    records = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"id": f"r{n}", "text": f"Warga kampung {n} melapor banjir setinggi {n} cm."}) for n in range(300)
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cheap = Settings(stages=("clean",), stories=False)
    one = analyze([str(records)], cheap, jobs=1)
    two = analyze([str(records)], cheap, jobs=2)
    assert len(two.articles) == 300
    assert [msgspec.json.encode(a) for a in one.articles] == [msgspec.json.encode(a) for a in two.articles]


def _title_case_one(article: Article) -> Article:
    if "rusak" in article.raw:
        raise ValueError("cannot read this one")
    return msgspec.structs.replace(article, title=article.raw.split("\n")[0].title())


def _title_case_many(articles: list[Article]) -> list[Article]:
    return [_title_case_one(a) for a in articles]  # raises for the whole batch if one is bad


stage("test_batched", reads={"raw"}, writes={"title"}, batch=_title_case_many)(_title_case_one)


def test_batch_form_matches_one_by_one_and_isolates_a_failure() -> None:
    records = [
        msgspec.structs.replace(_article(), id=f"{i:016d}", name=f"a{i}", raw=f"judul {i}\n\nisi") for i in range(40)
    ]
    records[17] = msgspec.structs.replace(records[17], raw="rusak\n\nisi")
    pipeline = Pipeline.from_names(["test_batched"])
    batched = list(pipeline.run_many(records))
    single = [pipeline.run_safe(r)[0] for r in records]
    assert [a.title for a in batched] == [a.title for a in single]
    assert [a.name for a in batched] == [r.name for r in records]
    (broken,) = [a for a in batched if a.warnings]
    assert broken.name == "a17" and "test_batched" in broken.warnings[0].message
    assert all(a.title == f"Judul {i}" for i, a in enumerate(batched) if i != 17)
