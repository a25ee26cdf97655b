"""Bytes to text: refuse what is not text, detect the encoding of what is.

The cascade: a byte-order mark decides; else a known binary signature refuses; else UTF-16
without a mark is recognised by its NUL pattern; else strict UTF-8; else a legacy 8-bit code
page chosen by evidence (cp1252 when its printable 0x80-0x9F characters occur, latin-1 when
C1 bytes cannot be cp1252). Text that decodes but is mostly control characters is refused.

A charset the input declares (a web page's ``<meta charset>``, a server's ``Content-Type``) is
believed only where the bytes are not UTF-8 (nor UTF-8 with a few damaged bytes): pages that
say ``iso-8859-1`` and are UTF-8 are common, a legacy page that is valid UTF-8 by chance is not.
It is what tells a page in windows-1251 or Shift JIS from noise, which the cascade cannot.
"""

from __future__ import annotations

import codecs

__all__ = ["Decoded", "InputError", "decode"]


class InputError(ValueError):
    """An input cannot be read as an article; the message names the input and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"cannot read '{source}': {problem}")
        self.source = source
        self.problem = problem


class Decoded:
    """Text decoded from bytes, the encoding used, and any repair that was needed."""

    __slots__ = ("encoding", "note", "text")

    def __init__(self, text: str, encoding: str, note: str | None = None) -> None:
        self.text = text
        self.encoding = encoding
        self.note = note


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document (DOC/XLS)"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ", "executable (Windows)"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes 0x80-0x9F that cp1252 leaves undefined; their presence rules cp1252 out.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / min(len(text), 20000)


def _decode_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        # A file cut inside its last multi-byte character: keep what came before it.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            text = data[: error.start].decode("utf-8")
            return Decoded(text, "utf-8", "truncated inside a UTF-8 character; last bytes dropped")
        # Mostly valid UTF-8 with a few bad bytes is UTF-8 with damage, not a code page.
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        high = sum(1 for b in data if b >= 0x80)
        if high and bad / high < 0.1:
            return Decoded(text, "utf-8", f"{bad} invalid UTF-8 byte(s) replaced")
        return None


#: Text in cp1252 or latin-1 is mostly ASCII (a few accented letters and curly quotes); bytes
#: that are mostly above 0x7F and not UTF-8 are binary data, or text in an encoding we do not read.
_MAX_HIGH_SHARE = 0.3


def _decode_legacy(data: bytes, source: str) -> Decoded:
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    if high > _MAX_HIGH_SHARE * len(sample):
        raise InputError(source, f"not text ({high / len(sample):.0%} of bytes above 0x7F and not UTF-8: binary data?)")
    c1 = {b for b in data if 0x80 <= b <= 0x9F}
    encoding = "latin-1" if c1 & _CP1252_UNDEFINED else "cp1252"
    return Decoded(data.decode(encoding), encoding)


#: Labels that mean windows-1252 on the web (the WHATWG Encoding Standard): a page that says
#: latin-1 or ASCII and uses a curly quote means cp1252's.
_WEB_LABELS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
#: Codecs Python knows that are not the charset of a page (they rewrite text, not decode it).
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined"})


def _declared(data: bytes, label: str) -> Decoded | None:
    """``data`` in the charset ``label`` names, when Python knows it and every byte fits it."""
    try:
        codec = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    codec = _WEB_LABELS.get(codec, codec)
    if codec.startswith("utf") or codec in _NOT_CHARSETS or "escape" in codec:
        return None  # the cascade reads UTF-8 and UTF-16, damaged ones too
    try:
        return Decoded(data.decode(codec), codec)
    except (LookupError, ValueError):  # a byte the charset lacks; a codec that is no text encoding (base64)
        return None


def decode(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """Return the text of ``data``; raise InputError (naming ``source``) when it is not text.

    ``declared`` is the charset the input says it is in, if it says (used when the bytes are not UTF-8).
    """
    if not data.strip():
        raise InputError(source, "empty file" if not data else "contains only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(source, f"marked {encoding} but does not decode: {error}") from error
            return Decoded(text, encoding)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(source, f"not text (looks like {kind})")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError(source, "not text (binary data: NUL bytes)")
    decoded = _decode_utf8(data)
    if decoded is None and declared:
        decoded = _declared(data, declared)
    decoded = decoded or _decode_legacy(data, source)
    if _control_share(decoded.text) > 0.05:
        raise InputError(source, "not text (too many control characters)")
    if not decoded.text.strip():
        raise InputError(source, "contains no text")
    return decoded
