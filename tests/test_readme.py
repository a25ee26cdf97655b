"""The README says what the code does: its commands, stage list and contract fields are checked here."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.main import get_command

from kroscek.cli import app
from kroscek.pipeline import shipped_order

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    group = get_command(app)
    names = set()
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names |= {f"{name} {sub}" for sub in subcommands} if subcommands else {name}
    return names


def test_every_command_the_readme_runs_exists_and_every_command_is_in_the_readme() -> None:
    commands = _commands()
    groups = {c.split()[0] for c in commands if " " in c}
    for m in re.finditer(r"(?:bin/kroscek|`kroscek) ([a-z][\w-]*)(?: ([a-z][\w-]*))?", README):
        first, second = m.group(1), m.group(2)
        if first in groups and second:  # ("`kroscek eval …`" names the group itself)
            assert f"{first} {second}" in commands, f"README runs `kroscek {first} {second}`"
        elif first not in groups:
            assert first in commands, f"README runs `kroscek {first}`"
    for command in commands:
        assert f"kroscek {command}" in README, f"`kroscek {command}` is not in the README"


def test_the_readme_stage_line_is_the_default_pipeline() -> None:
    import kroscek.analysis  # noqa: F401  (registers the stages)

    line = next(row for row in README.splitlines() if row.startswith("inputs ─▶ ingest ─▶"))
    assert line.split(" ─▶ ")[2:] == list(shipped_order())


def test_every_contract_field_in_the_readme_is_in_the_schema() -> None:
    block = README.split('{"schema": "kroscek/1",', 1)[1].split("```", 1)[0]
    schema = json.loads((ROOT / "schema" / "kroscek-1.json").read_text(encoding="utf-8"))

    def names(node: object) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            found |= set(node.get("properties", {}))
            for value in node.values():
                found |= names(value)
        elif isinstance(node, list):
            for value in node:
                found |= names(value)
        return found

    known = names(schema)
    fields = set(re.findall(r'"(\w+)"', block))
    assert fields <= known, sorted(fields - known)
    for field in ("set_aside", "claims", "quote_chains", "timeline"):
        assert f'"{field}"' in block
