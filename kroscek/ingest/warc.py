"""Web archives (``.warc``, ``.warc.gz``): every HTML response record read as a saved page.

The archive streams a record at a time (FastWARC parses it), so an archive of any size is read in
the memory of one page; ``limit`` (``max_input_bytes``) bounds one page, not the archive. A
response record with an HTML content type and a 2xx status is read by the HTML reader
(:func:`kroscek.ingest.html.html_article`): its charset from the HTTP ``Content-Type``, else the
page's meta charset; its url from ``WARC-Target-URI``, so the clean stage takes the outlet from
that address's host. ``WARC-Date`` says when the page was fetched, not when it was published, and
is not used. Each record is named ``archive.warc.gz#N``, N counting every record of the archive
from 1.

Records that are not pages (request, metadata, revisit, warcinfo, resource and other types; responses
that are not HTML or not 2xx) are a normal part of a crawl and pass silently; an archive with no
page at all is one Skipped that counts what it held instead. A page
that cannot be read (no article on it, over the limit, an encoding that does not decode) is one
Skipped naming its record, as a saved ``.html`` file would be. A damaged archive (cut short,
corrupt gzip data, bytes after the last record that are no WARC record) is read up to the damage:
the records before it are kept, the record it cuts is dropped, and one Skipped names the archive,
the byte of the file where the damage is (for gzip damage) and the problem.

Gzip is undone here rather than by FastWARC, which stops silently at a cut gzip member: an archive
cut short must say so, not pass for a smaller one.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import BinaryIO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, WarcReader
from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from kroscek.ingest.decode import InputError
from kroscek.ingest.html import html_article
from kroscek.ingest.readers import reader
from kroscek.model import Article, Skipped

__all__ = ["WARC_SUFFIXES", "ArchiveDamage", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Payload types read as pages (the HTTP ``Content-Type``, else WARC-Identified-Payload-Type).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Compressed bytes read from the file at a time.
CHUNK = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"
#: Decoders of an HTTP ``Content-Encoding`` (a crawler may store the body as the server sent it).
_DECODERS: dict[str, Callable[[WarcReader | BinaryIO], WarcReader]] = {
    "gzip": GzipReader,
    "x-gzip": GzipReader,
    "deflate": lambda inner: GzipReader(inner, zlib=True),
    "br": BrotliReader,
}


class ArchiveDamage(Exception):
    """The archive cannot be read on from ``offset`` (a byte of the file), for ``problem``."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(f"{problem} at byte {offset:,}")
        self.offset = offset
        self.problem = problem


class _Gunzip(io.RawIOBase):
    """The WARC inside a gzip file of one member or many (crawlers write one a record), as a stream.

    Damage raises :class:`ArchiveDamage` naming the byte of the file: the file ending inside a
    member (cut short), corrupt compressed data, or bytes where the next member should start
    that are not gzip (garbage after the last record).
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._inflate: zlib._Decompress | None = None
        self._input = b""  # compressed bytes read, not yet inflated
        self._offset = 0  # the file's byte at _input[0]
        self._member = 0  # the file's byte where the member being inflated starts
        self._position = 0  # uncompressed bytes handed on

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def _fill(self, least: int) -> bool:
        """Read until ``least`` compressed bytes wait (False at the end of the file)."""
        while len(self._input) < least:
            more = self._raw.read(CHUNK)
            if not more:
                return False
            self._input += more
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        while True:
            if self._inflate is None:
                if not self._fill(1):
                    return 0  # the file ends between members: the archive is whole
                if not self._fill(len(_GZIP_MAGIC)) or not self._input.startswith(_GZIP_MAGIC):
                    raise ArchiveDamage(self._offset, "not gzip data where the next record should start")
                self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
                self._member = self._offset
            if not self._fill(1):
                raise ArchiveDamage(self._member, "the file ends inside the gzip member (cut short) that starts")
            try:
                out = self._inflate.decompress(self._input, len(view))
            except zlib.error as error:
                raise ArchiveDamage(self._member, f"corrupt gzip data ({error}) in the member that starts") from error
            rest = self._inflate.unused_data if self._inflate.eof else self._inflate.unconsumed_tail
            self._offset += len(self._input) - len(rest)
            self._input = rest
            if self._inflate.eof:
                self._inflate = None
            if out:
                view[: len(out)] = out
                self._position += len(out)
                return len(out)


def _kind(record: WarcRecord) -> str | None:
    """Why ``record`` is not a page to read (its WARC type, "non-HTML", "non-2xx"), or None when it is one."""
    if record.record_type != WarcRecordType.response:
        return str(record.record_type)
    if not record.is_http:
        return "non-HTML"
    http = record.http_headers
    kind = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type") or ""
    if kind.split(";")[0].strip().lower() not in HTML_TYPES:
        return "non-HTML"
    if not 200 <= (http.status_code or 0) < 300:
        return "non-2xx"
    return None


def _payload(raw: bytes, http: HeaderMap, where: str, limit: int) -> bytes:
    """The page as the server meant it: chunks joined, content encoding undone (up to ``limit`` + 1 bytes)."""
    chunked = "chunked" in (http.get("Transfer-Encoding") or "").lower()
    encoding = (http.get("Content-Encoding") or "identity").strip().lower()
    if not chunked and encoding == "identity":
        return raw
    stream: WarcReader | BinaryIO = ChunkedReader(io.BytesIO(raw)) if chunked else io.BytesIO(raw)
    if encoding != "identity":
        decoder = _DECODERS.get(encoding)
        if decoder is None:
            raise InputError(where, f"content encoded as {encoding!r}, which is not read")
        stream = decoder(stream)
    try:
        return stream.read(limit + 1)
    except OSError as error:
        raise InputError(where, f"the page does not decode ({error})") from error


def _page(record: WarcRecord, where: str, limit: int) -> Article | Skipped:
    """The article of one HTML response record, or a Skipped naming the record and why."""
    size = record.content_length
    if size > limit:
        return Skipped(where, f"page of {size:,} bytes, over the limit of {limit:,} (max_input_bytes)")
    raw = record.reader.read()
    if len(raw) < size:
        raise ArchiveDamage(record.stream_pos, f"the archive ends inside record {where} (cut short) that starts")
    http = record.http_headers
    try:
        page = _payload(raw, http, where, limit)
        if len(page) > limit:
            return Skipped(where, f"page over the limit of {limit:,} bytes once decoded (max_input_bytes)")
        url = record.headers.get("WARC-Target-URI") or None
        return html_article(page, where, url or where, url=url, charset=record.http_charset)
    except InputError as error:
        return Skipped(error.source, error.problem)


def _summary(counts: Counter[str]) -> str:
    order = ["warcinfo", "request", "metadata", "revisit", "resource", "non-HTML", "non-2xx"]
    kinds = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    parts = [f"{counts[k]:,} {k}{' response' if k.startswith('non-') else ''}" for k in kinds]
    return f"no HTML page in the archive: {', '.join(parts)} record(s)"


@reader(*WARC_SUFFIXES, streams=True)
def read_warc(handle: BinaryIO, source: str, limit: int) -> Iterator[Article | Skipped]:
    """A web archive, a record at a time (any size; ``limit`` bounds one page)."""
    stream: BinaryIO | _Gunzip = _Gunzip(handle) if source.lower().endswith(".gz") else handle
    counts: Counter[str] = Counter()
    number = read = pages = 0  # records met; records read whole; pages among them
    damage = None
    try:
        for record in ArchiveIterator(stream, parse_http=True, auto_decode="none"):
            number += 1
            kind = _kind(record)
            if kind is None:
                pages += 1
                yield _page(record, f"{source}#{number}", limit)
            else:
                counts[kind] += 1
            read = number
    except ArchiveDamage as error:
        damage = f"damaged archive: {error}; the {read:,} record(s) before it were read"
    except OSError as error:
        damage = f"damaged archive after record {read:,}: {error}; the records before it were read"
    if damage or not number:
        yield Skipped(source, damage or "empty archive (no WARC record)")
    if counts and not pages:
        yield Skipped(source, _summary(counts))
