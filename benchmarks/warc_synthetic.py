"""A synthetic web archive (WARC.gz) from the saved pages under /work/shared/data/html.

Each page of ``aeb-dev`` (90 English article pages) and ``id-pages`` (37 Indonesian pages, front
pages among them) becomes a response record again and again, each copy under its own address
(the page's host, its path and ``?copy=N``), as a crawl that fetched the same outlets many times.
Around them what a crawler writes too: a warcinfo record first, a request record before every
response, and after every 10th response a revisit record (the same page fetched again, payload not
stored), a metadata record and a non-HTML response (a JPEG-like image). Every record is a gzip
member of its own, as crawlers write them. Written by hand (no WARC library), so the archive is
the same whichever library reads it; record ids and dates are derived from the copy number, so two
runs write the same bytes.

Run: .venv/bin/python benchmarks/warc_synthetic.py OUT.warc.gz (--records N | --size 300MB)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

DATA = Path("/work/shared/data/html")
#: Hosts of the id-pages outlets, by the first part of the file name.
ID_HOSTS = {
    "antara": "www.antaranews.com",
    "detik": "news.detik.com",
    "kapanlagi": "www.kapanlagi.com",
    "kompas": "nasional.kompas.com",
    "liputan6": "news.liputan6.com",
    "okezone": "news.okezone.com",
    "republika": "www.republika.co.id",
    "tempo": "nasional.tempo.co",
    "tempoen": "en.tempo.co",
    "viva": "www.viva.co.id",
}
START = datetime(2024, 3, 1, tzinfo=UTC)
HTTP = "application/http; msgtype="
FIELDS = "application/warc-fields"
IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def pages() -> list[tuple[str, bytes]]:
    """(address, HTML bytes) of every saved page, in a fixed order."""
    found: list[tuple[str, bytes]] = []
    truth = json.loads((DATA / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((DATA / "aeb-dev" / "html").glob("*.html.gz")):
        key = path.name.removesuffix(".html.gz")
        found.append((truth[key]["url"], gzip.decompress(path.read_bytes())))
    for path in sorted((DATA / "id-pages").glob("*.html")):
        outlet = path.stem.split("-")[0]
        found.append((f"https://{ID_HOSTS[outlet]}/read/{path.stem}", path.read_bytes()))
    return found


def _record(kind: str, number: int, fields: dict[str, str], block: bytes, content_type: str) -> bytes:
    """One WARC/1.1 record as its own gzip member."""
    record_id = uuid.UUID(bytes=hashlib.md5(f"{kind}:{number}".encode()).digest())
    date = (START + timedelta(seconds=number)).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{record_id}>",
        f"WARC-Date: {date}",
        *(f"{k}: {v}" for k, v in fields.items()),
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block)}",
    ]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def _http(status: str, headers: dict[str, str], body: bytes) -> bytes:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body


def records(count: int) -> Iterator[tuple[str, bytes]]:
    """(what it holds, gzip member) of an archive of ``count`` HTML response records and their company."""
    source = pages()
    info = b"software: warc_synthetic.py\r\nformat: WARC/1.1\r\n"
    yield "warcinfo", _record("warcinfo", 0, {}, info, FIELDS)
    image = hashlib.sha512(b"image").digest() * 64
    for n in range(1, count + 1):
        address, page = source[(n - 1) % len(source)]
        uri = f"{address}{'&' if '?' in address else '?'}copy={n}"
        host = re.sub(r"^https?://", "", uri).split("/")[0]
        request = f"GET /{uri.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: synthetic\r\n\r\n".encode()
        yield "request", _record("request", 4 * n, {"WARC-Target-URI": uri}, request, f"{HTTP}request")
        # Every third page says no charset in its header: the page's own <meta> then tells.
        kind = "text/html; charset=utf-8" if n % 3 else "text/html"
        block = _http("200 OK", {"Content-Type": kind, "Content-Length": str(len(page))}, page)
        fields = {"WARC-Target-URI": uri, "WARC-IP-Address": "192.0.2.1"}
        yield "html", _record("response", 4 * n + 1, fields, block, f"{HTTP}response")
        if n % 10 == 0:
            fields = {"WARC-Target-URI": uri, "WARC-Refers-To-Target-URI": uri, "WARC-Profile": IDENTICAL}
            head = _http("200 OK", {"Content-Type": kind}, b"")
            yield "revisit", _record("revisit", 4 * n + 2, fields, head, f"{HTTP}response")
            meta = f"outlink: {uri}#comments\r\nfetchTimeMs: 120\r\n".encode()
            yield "metadata", _record("metadata", 4 * n + 3, {"WARC-Target-URI": uri}, meta, FIELDS)
            picture = _http("200 OK", {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff\xe0" + image)
            fields = {"WARC-Target-URI": f"https://{host}/img/{n}.jpg"}
            yield "image", _record("response", 4 * n + 4, fields, picture, f"{HTTP}response")


def _size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)B?", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 300MB, 1GB)")
    return int(float(match[1]) * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[match[2]])


def write(out: Path, count: int | None = None, size: int | None = None) -> tuple[int, int]:
    """Write the archive: ``count`` HTML responses, or as many as make it ``size`` bytes. Returns (responses, bytes)."""
    written = html = 0
    with out.open("wb") as handle:
        for kind, member in records(count if count is not None else 1 << 40):
            handle.write(member)
            written += len(member)
            html += kind == "html"
            if size is not None and written >= size:
                break
    return html, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--records", type=int, help="HTML response records to write")
    group.add_argument("--size", type=_size, help="write records until the archive is this big (300MB, 1GB)")
    args = parser.parse_args()
    responses, written = write(args.out, args.records, args.size)
    print(f"{args.out}: {responses:,} HTML response records, {written / (1 << 20):,.1f} MiB")


if __name__ == "__main__":
    main()
