"""The CLI as users run it: whole-process wall time of each command, in fresh processes.

1. Start-up: `kroscek --help` and `kroscek analyze` of one seed (median of --repeat runs each,
   interleaved), beside a bare `python -c pass`.
2. Scaling: `kroscek analyze` of corpus-dev-2 written --copies times (each copy's texts marked,
   so ids differ) with `--jobs 1` and `--jobs 2`, articles/s and their ratio.
3. Ingest again: `kroscek ingest` of corpus-dev-2 into a new store, then the same records again
   (held records are not analysed again) and with `--redo`.

Run: .venv/bin/python benchmarks/bench_cli.py [--repeat 5] [--copies 10] [--parts startup,scaling,ingest]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus-dev-2" / "articles.jsonl"
SEED = ROOT / "examples" / "000_a5ac5d4529fb4c8c.txt"
BIN = Path(sys.executable).parent


#: The environment the commands run in: as a user's, where Python keeps the bytecode it compiles
#: (a shell or CI that sets PYTHONDONTWRITEBYTECODE makes every run compile kroscek again, ~0.2 s).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(command: list[str]) -> float:
    """Wall seconds of ``command``."""
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_ENV)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def _copies(path: Path, copies: int) -> int:
    """Write corpus-dev-2 ``copies`` times to ``path``, each copy's ids and texts marked; return the count."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                marked = {**record, "id": f"{record['id']}-{copy}", "text": f"{record['text']}\n\n(arsip {copy})"}
                out.write(json.dumps(marked, ensure_ascii=False) + "\n")
    return copies * len(records)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--parts", default="startup,scaling,ingest", help="Which parts to run (comma-separated).")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    console = Console()
    kroscek = str(BIN / "kroscek")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        runs: dict[str, list[float]] = {"python -c pass": [], "kroscek --help": [], "kroscek analyze (one seed)": []}
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "kroscek --help": [kroscek, "--help"],
            "kroscek analyze (one seed)": [kroscek, "analyze", str(SEED), "--json", str(out / "one.json"), "-q"],
        }
        for command in commands.values() if "startup" in parts else ():
            _timed(command)  # a first run writes the bytecode and fills the page cache: not timed
        for _ in range(args.repeat if "startup" in parts else 0):
            for name, command in commands.items():
                runs[name].append(_timed(command))
        if "startup" in parts:
            table = Table(
                "command", "median s", "min s", "max s", title=f"start-up, {args.repeat} runs each, interleaved"
            )
            for name, seconds in runs.items():
                table.add_row(name, f"{statistics.median(seconds):.3f}", f"{min(seconds):.3f}", f"{max(seconds):.3f}")
            console.print(table)

        if not CORPUS.exists():
            console.print(f"{CORPUS} is absent: scaling and ingest skipped")
            return
        if "scaling" in parts:
            pile = out / "pile.jsonl"
            count = _copies(pile, args.copies)
            table = Table("run", "articles", "seconds", "articles/s", "ratio", title="kroscek analyze, whole process")
            rates = {}
            for jobs in (1, 2):
                result = out / f"j{jobs}.json"
                command = [kroscek, "analyze", str(pile), "--json", str(result), "-q", "--jobs", str(jobs)]
                took = _timed(command)
                rates[jobs] = count / took
                ratio = rates[jobs] / rates[1]
                table.add_row(f"--jobs {jobs}", str(count), f"{took:.1f}", f"{rates[jobs]:.1f}", f"{ratio:.2f}")
            console.print(table)

        if "ingest" in parts:
            store = str(out / "k.db")
            table = Table("ingest of corpus-dev-2", "seconds", title="kroscek ingest: the same records again")
            for name, extra in (("first", []), ("again (held: not analysed)", []), ("again with --redo", ["--redo"])):
                took = _timed([kroscek, "ingest", str(CORPUS), "--store", store, *extra])
                table.add_row(name, f"{took:.1f}")
            console.print(table)
        console.print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
