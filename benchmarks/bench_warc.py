"""The WARC reader on synthetic archives of growing size: records/s and peak RSS (issue 15).

For each size an archive is written to a temporary folder (``warc_synthetic.py``: HTML responses
from the saved pages, with requests, revisits, metadata and images around them), then read three
times, each in a process of its own so the peak RSS is that reading's alone:

- raw: FastWARC alone (its own gzip), every record's payload read, nothing made of it; the same
  with warcio beside it (the library not chosen; ``pip install warcio``);
- reader: :func:`kroscek.ingest.warc.read_warc`, every HTML page through the HTML reader
  (trafilatura's text, the page's metadata) to an Article or a Skipped; not the pipeline.

Peak RSS must not grow with the archive: both stream a record at a time.

Run: .venv/bin/python benchmarks/bench_warc.py [--sizes 100MB,300MB,1GB] [--reader-max 300MB]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warc_synthetic import _size, write


def _raw(path: Path) -> dict[str, float]:
    from fastwarc.warc import ArchiveIterator

    records = 0
    started = time.perf_counter()
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, parse_http=True):
            records += 1
            record.reader.read()
    return {"records": records, "seconds": time.perf_counter() - started}


def _warcio(path: Path) -> dict[str, float]:
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    started = time.perf_counter()
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            records += 1
            record.content_stream().read()
    return {"records": records, "seconds": time.perf_counter() - started}


def _reader(path: Path) -> dict[str, float]:
    from kroscek.ingest.warc import read_warc
    from kroscek.model import Article
    from kroscek.settings import Settings

    limit = Settings().max_input_bytes
    articles = skipped = 0
    started = time.perf_counter()
    with path.open("rb") as handle:
        for item in read_warc(handle, path.name, limit):
            if isinstance(item, Article):
                articles += 1
            else:
                skipped += 1
    return {"articles": articles, "skipped": skipped, "seconds": time.perf_counter() - started}


def _measure(kind: str, path: Path) -> dict[str, float]:
    """Run one reading in a fresh process; its numbers and its peak RSS in MiB."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(path)], check=True, capture_output=True, text=True
    )
    return dict(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100MB,300MB,1GB", help="archive sizes, comma-separated")
    parser.add_argument("--reader-max", type=_size, help="archives over this size are measured raw only")
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, path = args.measure
        result = {"raw": _raw, "warcio": _warcio, "reader": _reader}[kind](Path(path))
        result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    columns = ["archive", "records (HTML)", "FastWARC records/s", "RSS", "warcio records/s", "RSS"]
    columns += ["reader records/s", "pages/s", "articles", "reader RSS"]
    print(f"| {' | '.join(columns)} |")
    print("|---" * len(columns) + "|")
    with tempfile.TemporaryDirectory(prefix="bench_warc_") as folder:
        for text in args.sizes.split(","):
            path = Path(folder) / f"synthetic-{text}.warc.gz"
            html, size = write(path, size=_size(text))
            raw, peer = _measure("raw", path), _measure("warcio", path)
            records = raw["records"]
            row = f"| {size / (1 << 20):,.0f} MiB | {records:,} ({html:,}) | {records / raw['seconds']:,.0f} "
            row += f"| {raw['rss_mib']:.0f} MiB | {records / peer['seconds']:,.0f} | {peer['rss_mib']:.0f} MiB |"
            if args.reader_max is None or size <= args.reader_max:
                read = _measure("reader", path)
                row += f" {records / read['seconds']:,.1f} | {html / read['seconds']:,.1f} | {read['articles']:,} "
                row += f"| {read['rss_mib']:.0f} MiB |"
            else:
                row += " (not run) | | | |"
            print(row, flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
