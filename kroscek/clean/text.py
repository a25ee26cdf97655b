"""Character-level repair of raw article text: markup, entities, mojibake, odd spaces.

Everything removed here is returned as :class:`~kroscek.model.Boilerplate` so nothing is
dropped silently. Line structure is preserved: raw line ``i`` stays line ``i``.
"""

from __future__ import annotations

import html
import re
import unicodedata

from kroscek.model import Boilerplate

__all__ = ["prepare_lines", "repair_mojibake"]

# Blocks whose content is never article text; may span lines.
_BLOCKS = re.compile(
    r"<(script|style|iframe|noscript|template|object|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
# An unclosed <script> runs to the end of the text.
_OPEN_BLOCK = re.compile(r"<(script|style|iframe)\b[^>]*>.*", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# cp1252's characters for bytes 0x80-0x9F, to map mojibake back to the bytes it came from.
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CONTINUATION = "[\u0080-\u00bf" + "".join(_CP1252_BYTE) + "]"
# A UTF-8 lead byte read as one latin-1/cp1252 character, then its continuation bytes.
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)


def _as_byte(ch: str) -> int:
    return _CP1252_BYTE.get(ch, ord(ch))


def _unmangle(match: re.Match[str]) -> str:
    try:
        return bytes(_as_byte(ch) for ch in match.group()).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return match.group()


def repair_mojibake(text: str) -> str:
    """Return ``text`` with UTF-8 that was decoded as cp1252/latin-1 ("â€™", "Ã©") restored."""
    if not any("\u00c2" <= ch <= "\u00f4" for ch in text):
        return text
    return _MOJIBAKE.sub(_unmangle, text)


def _blank_out(match: re.Match[str], found: list[str]) -> str:
    found.append(match.group())
    return "\n" * match.group().count("\n")


def prepare_lines(raw: str) -> tuple[list[str], list[Boilerplate]]:
    """Return the raw text's lines, repaired and space-normalised, and what markup was removed."""
    removed: list[Boilerplate] = []
    text = raw
    if "<" in text:
        blocks: list[str] = []
        text = _BLOCKS.sub(lambda m: _blank_out(m, blocks), text)
        text = _OPEN_BLOCK.sub(lambda m: _blank_out(m, blocks), text)
        removed.extend(Boilerplate(b[:500], "markup", None, "inline") for b in blocks)
    lines = text.split("\n")
    out: list[str] = []
    for index, line in enumerate(lines):
        if "<" in line and _TAG.search(line):
            removed.append(
                Boilerplate(" ".join(m.group() for m in _TAG.finditer(line))[:500], "markup", index, "inline")
            )
            line = _TAG.sub(" ", line)
        if "&" in line:
            line = _ENTITY.sub(lambda m: html.unescape(m.group()), line)
        line = repair_mojibake(line)
        line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
        out.append(_SPACES.sub(" ", line).strip())
    return out, removed
