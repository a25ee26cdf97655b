"""Character-level repair of raw article text: markup, entities, mojibake, odd spaces.

Everything removed here is returned as :class:`~kroscek.model.Boilerplate` so nothing is
dropped silently. Line structure is preserved: raw line ``i`` stays line ``i``.

Markup is removed in one left-to-right pass, so the time is linear in the text whatever it
holds. A script, style or iframe element, or a comment, that is never closed runs to the end
of the text, as it does in a browser (``"<!-- x " * n`` leaves nothing). A tag is a ``<``
opening a tag name, ``</``, ``<!`` or ``<?``, up to the next ``>`` on its line, as an HTML
tokenizer reads it; a ``<`` with no ``>`` after it on its line is text ("suhu <30 derajat").
Entities are decoded after raw markup is removed, and tags that decoding or the other repairs
bring to life (``&lt;script&gt;``, a ``<b>`` with a zero-width space in it) are removed too,
so the clean text never holds a tag. Only the tags: what stood between them stays as text
(``&lt;b&gt;x&lt;/b&gt;`` and ``&lt;script&gt;x&lt;/script&gt;`` both leave "x"), since
escaped markup is usually an article quoting code, which must not swallow its paragraph.
"""

from __future__ import annotations

import html
import re
import unicodedata

from kroscek.model import Boilerplate

__all__ = ["prepare_lines", "repair_mojibake"]

# Elements whose content is never article text; they may span lines.
_BLOCK_START = re.compile(r"<!--|<(?:script|style|iframe|noscript|template|object|svg)\b", re.IGNORECASE)
_COMMENT_START = re.compile("<!--")
# Of those, the ones that swallow the rest of the text when never closed (as in a browser).
_RUN_TO_END = frozenset({"script", "style", "iframe"})
_TAG_START = re.compile(r"<(?:/?[A-Za-z]|[!?])")
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


#: A character that starts a UTF-8 sequence read as cp1252/latin-1: without one, nothing to repair.
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")


def repair_mojibake(text: str) -> str:
    """Return ``text`` with UTF-8 that was decoded as cp1252/latin-1 ("â€™", "Ã©") restored."""
    if not _MOJIBAKE_LEAD.search(text):
        return text
    return _MOJIBAKE.sub(_unmangle, text)


_CLOSING = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "iframe", "noscript", "template", "object", "svg")
}


def _remove_blocks(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with comments and non-text elements blanked (their newlines kept), and them.

    One pass: every search starts where the last one stopped, and what was once found missing
    from the rest of the text (a closing tag, any ``>``) is never searched for again.
    """
    pieces: list[str] = []
    blocks: list[str] = []
    unclosed: set[str] = set()  # element names with no closing tag in the rest of the text
    starts = _BLOCK_START
    pos = search_from = 0
    while (match := starts.search(text, search_from)) is not None:
        start = match.start()
        if match.group() == "<!--":
            close = text.find("-->", match.end())
            end = len(text) if close < 0 else close + 3
        else:
            name = match.group()[1:].lower()
            gt = text.find(">", match.end())
            if gt < 0:  # "<script" with no ">" after it is no tag, and nothing after is one
                starts = _COMMENT_START
                search_from = match.end()
                continue
            closing = None if name in unclosed else _CLOSING[name].search(text, gt + 1)
            if closing is not None:
                end = closing.end()
            elif name in _RUN_TO_END:
                end = len(text)
            else:  # an unclosed <svg> or <object>: the tag pass removes its tags, its text stays
                unclosed.add(name)
                search_from = gt + 1
                continue
        block = text[start:end]
        pieces.append(text[pos:start])
        pieces.append("\n" * block.count("\n"))
        blocks.append(block)
        pos = search_from = end
    if not blocks:
        return text, blocks
    pieces.append(text[pos:])
    return "".join(pieces), blocks


#: The elements of HTML (the living standard's and the obsolete ones pages still carry): a ``<name …>``
#: with another name is text in angle brackets (``<The Palace>``, a title in Korean typography),
#: unless the name is a custom element's (with a hyphen) or a namespaced one (``fb:like``).
_ELEMENT_NAMES = """a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote
    body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir
    div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head
    header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta
    meter nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext
    pre progress q rb rp rt rtc ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track
    tt u ul var video wbr xmp math path g use defs symbol circle rect line polygon polyline ellipse text
    tspan image lineargradient radialgradient stop clippath mask pattern"""
HTML_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
_TAG_NAME = re.compile(r"</?([A-Za-z][\w:.-]*)")


def _is_tag(line: str, start: int) -> bool:
    """Whether the ``<`` at ``start`` opens markup rather than text in angle brackets."""
    found = _TAG_NAME.match(line, start)
    if found is None:  # "<!…>", "<?…>"
        return True
    name = found[1].lower()
    prefix, colon, local = name.partition(":")
    return name in HTML_ELEMENTS or "-" in name or bool(colon and prefix and local)


def _strip_tags(line: str) -> tuple[str, list[str]]:
    """Return ``line`` with every tag replaced by a space, and the tags, in one pass."""
    pieces: list[str] = []
    tags: list[str] = []
    pos = 0
    while (match := _TAG_START.search(line, pos)) is not None:
        close = line.find(">", match.end())
        if close < 0:
            break  # no '>' after this '<', so none after any later one either
        if not _is_tag(line, match.start()):
            pieces.append(line[pos : match.end()])
            pos = match.end()
            continue
        pieces.append(line[pos : match.start()])
        pieces.append(" ")
        tags.append(line[match.start() : close + 1])
        pos = close + 1
    if not tags:
        return line, tags
    pieces.append(line[pos:])
    return "".join(pieces), tags


def _unescape(match: re.Match[str]) -> str:
    # A line break written as an entity ("&#10;") would add a line: it is a space here.
    return html.unescape(match.group()).replace("\r", " ").replace("\n", " ")


def prepare_lines(raw: str) -> tuple[list[str], list[Boilerplate]]:
    """Return the raw text's lines, repaired and space-normalised, and what markup was removed."""
    removed: list[Boilerplate] = []
    text = raw
    if "<" in text:
        text, blocks = _remove_blocks(text)
        removed.extend(Boilerplate(b[:500], "markup", None, "inline") for b in blocks)
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        tags: list[str] = []
        if "<" in line:
            line, tags = _strip_tags(line)
        if "&" in line:
            line = _ENTITY.sub(_unescape, line)
        line = repair_mojibake(line)
        line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
        if "<" in line:  # markup the repairs brought to life: "&lt;script&gt;"
            line, revived = _strip_tags(line)
            tags.extend(revived)
        if tags:
            removed.append(Boilerplate(" ".join(tags)[:500], "markup", index, "inline"))
        out.append(_SPACES.sub(" ", line).strip())
    return out, removed
