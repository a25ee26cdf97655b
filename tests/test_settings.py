"""Every setting reaches the code that uses it: one test per setting, through a settings file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kroscek.analysis import analyze, build_pipeline
from kroscek.pipeline import PipelineError, registered_stages
from kroscek.settings import Settings, SettingsError, load_settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "stages.json"
INDONESIAN = (
    "Pemerintah Kabupaten Garut mengevakuasi ratusan warga setelah banjir bandang merendam "
    "permukiman di tepi sungai pada Senin malam."
)


def settings_file(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "kroscek.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def language_of(settings: Settings, text: str) -> str | None:
    (stage,) = [s for s in build_pipeline(settings).stages if s.name == "language"]
    from kroscek.model import Article

    return stage.call(Article(id="a", source="a", name="a", raw=text, text=text)).language


def test_language_languages_and_min_confidence_take_effect(tmp_path: Path) -> None:
    assert language_of(Settings(), INDONESIAN) == "id"
    only_english = settings_file(tmp_path, '[stage.language]\nlanguages = ["en"]\n')
    assert language_of(only_english, INDONESIAN) == "en"  # the closest of the languages allowed
    unsure = settings_file(tmp_path, "[stage.language]\nmin_confidence = 1.5\n")
    assert language_of(unsure, INDONESIAN) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[stage.language]\nlanguage = ['en']\n", "settings of stage 'language'.*unknown field `language`"),
        ("[stage.language]\nlanguages = ['xx']\n", "settings of stage 'language'.*not ISO 639-1"),
        ("[stage.dates]\nwindow = 3\n", "stage 'dates' takes no settings"),
        ("[stage.nope]\nx = 1\n", r"stage\(s\) \['nope'\] that the pipeline does not run"),
    ],
)
def test_a_wrong_stage_setting_is_a_clear_error(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(PipelineError, match=problem):
        build_pipeline(settings_file(tmp_path, text))


def test_a_wrong_story_setting_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"story\.grouping"):
        settings_file(tmp_path, "[story.grouping]\nthreshold = 0.3\n")


def test_story_grouping_settings_take_effect(tmp_path: Path) -> None:
    assert len(analyze([str(EXAMPLES)], Settings()).stories) == 1
    apart = settings_file(tmp_path, "[story.grouping]\nstory_threshold = 1.01\n")  # no two events one story
    assert len(analyze([str(EXAMPLES)], apart).stories) == 2


def test_story_copy_settings_take_effect(tmp_path: Path) -> None:
    body = " ".join(f"Kalimat nomor {i} tentang banjir di Garut yang merendam rumah warga." for i in range(30))
    records = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": body}, {"id": "b", "text": body[: len(body) * 2 // 3] + " Redaksi menambahkan."}]
    records.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    found = analyze([str(records)], Settings()).stories
    assert [d.kind for s in found for d in s.duplicates] == ["rewrite"]
    strict = settings_file(tmp_path, "[story.copies]\ncontained = 0.99\n")
    assert not [d for s in analyze([str(records)], strict).stories for d in s.duplicates]


def test_story_index_batch_takes_effect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kroscek.analysis import ingest
    from kroscek.store.sqlite import Store

    placed: list[int] = []
    real = Store.unindexed

    def counted(store: Store, limit: int | None = None) -> list[object]:
        found = real(store, limit)
        placed.append(len(found))
        return list(found)

    monkeypatch.setattr(Store, "unindexed", counted)
    settings = settings_file(tmp_path, "[story]\nindex_batch = 2\n")
    ingest(Store(tmp_path / "k.db"), [str(EXAMPLES)], settings)
    assert placed == [2, 2, 1]  # the five seeds placed two at a time
    with pytest.raises(SettingsError, match="index_batch"):
        settings_file(tmp_path, "[story]\nindex_batch = 0\n")


def test_the_settings_file_reaches_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "kroscek.toml"
    path.write_text('[stage.language]\nlanguages = ["en"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(INDONESIAN, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "kroscek", "analyze", str(tmp_path / "a.txt"), "--json", "-", "--settings", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["articles"][0]["language"] == "en"


def test_the_stage_registry_is_pinned() -> None:
    # A stage renamed, dropped, re-versioned, or reading, writing or taking other settings fails
    # here: update tests/golden/stages.json on purpose, with the README.
    build_pipeline(Settings())  # imports every shipped stage
    found = {
        name: {
            "reads": sorted(s.reads),
            "writes": sorted(s.writes),
            "version": s.qualified,
            "batch": s.batch is not None,
            "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in _defaults(s.config).items()},
        }
        for name, s in sorted(registered_stages().items())
        if s.func.__module__.startswith("kroscek.")  # not the stages other tests register
    }
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _defaults(config: object) -> dict[str, object]:
    if config is None:
        return {}
    import msgspec

    return msgspec.structs.asdict(config())  # type: ignore[operator]


def test_set_overrides_the_settings_file_key_by_key(tmp_path: Path) -> None:
    path = tmp_path / "kroscek.toml"
    path.write_text("jobs = 2\n[stage.language]\nmin_confidence = 0.9\n", encoding="utf-8")
    chosen = load_settings(path, ['stage.language.languages=["en"]', "stories=false", "story.grouping.probe=7"])
    assert chosen.jobs == 2 and chosen.stories is False and chosen.story.grouping.probe == 7
    assert chosen.stage == {"language": {"min_confidence": 0.9, "languages": ["en"]}}
    assert load_settings(None, ["stage.language.min_confidence=1.5"]).stage["language"]["min_confidence"] == 1.5
    with pytest.raises(SettingsError, match="KEY=VALUE"):
        load_settings(None, ["jobs"])
    with pytest.raises(SettingsError, match="--set"):
        load_settings(None, ["jobs=many"])


def test_the_default_pipeline_orders_the_shipped_stages_by_what_they_read() -> None:
    from kroscek.pipeline import shipped_order

    build_pipeline(Settings())
    order = shipped_order()
    assert order[0] == "clean" and set(order) == set(json.loads(GOLDEN.read_text(encoding="utf-8")))
    assert order.index("published") < order.index("dates") < order.index("quantities")
    assert order.index("sentences") < order.index("quotes") and order.index("dates") < order.index("quotes")
    assert [s.name for s in build_pipeline(Settings()).stages] == list(order)


def test_a_stage_may_be_pinned_to_its_version(tmp_path: Path) -> None:
    pinned = settings_file(
        tmp_path, 'stages = ["clean", "kroscek.language.v1"]\n[stage."kroscek.language.v1"]\nmin_confidence = 1.5\n'
    )
    assert [s.qualified for s in build_pipeline(pinned).stages] == ["kroscek.clean.v1", "kroscek.language.v1"]
    assert language_of(pinned, INDONESIAN) is None  # its settings found under the pinned name
    with pytest.raises(
        PipelineError, match=re.escape("settings ask for kroscek.language.v9; this kroscek has kroscek.language.v1")
    ):
        build_pipeline(settings_file(tmp_path, 'stages = ["clean", "kroscek.language.v9"]\n'))
