"""Metadata read off furniture: bylines, wire credits, lead markers, outlet names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from kroscek.clean.furniture import Furniture, furniture
from kroscek.lang.xx import agencies, outlets

__all__ = [
    "Byline",
    "Lead",
    "agency_name",
    "domain_of",
    "is_name",
    "is_outlet_name",
    "parse_byline",
    "parse_lead",
    "parse_tail_credit",
    "signature_outlet",
]


def is_name(text: str, max_words: int = 5) -> bool:
    """Return True when ``text`` reads as a person's name ("Faqih Ahmd", "Idealisa Masyrafina")."""
    words = text.split()
    if not 1 <= len(words) <= max_words or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    if not words[0][:1].isupper():
        return False
    word = furniture().name_word
    return all(word.match(w) for w in words)


@dataclass(frozen=True)
class Byline:
    role: str
    name: str
    author: bool


def _names(segment: str) -> list[str] | None:
    segment = segment.strip().strip(".;|,").strip()
    if not segment:
        return []
    parts = [p.strip().strip(".").strip() for p in furniture().name_split.split(segment) if p.strip()]
    if all(is_name(p) or _looks_like_domain(p) for p in parts):
        return [p for p in parts if not _looks_like_domain(p)]
    return None


def _looks_like_domain(text: str) -> bool:
    return bool(re.fullmatch(r"[\w-]+(\s?\.\s?[A-Za-z]{2,})+", text))


def parse_byline(line: str, furniture: Furniture) -> list[Byline] | None:
    """Return the credits of a byline line ("Naskah: A. Infografis: B"), or None if not one.

    A label alone ("Penulis:") returns an empty list: the name is on the next line.
    """
    text = line.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    labels = list(furniture.byline_label.finditer(text))
    if labels and labels[0].start() == 0:
        found: list[Byline] = []
        for i, match in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            names = _names(text[match.end() : end])
            if names is None:
                return None
            role = match.group("label").lower()
            author = furniture.byline_roles.get(role, False)
            found.extend(Byline(role, n, author) for n in names)
        return found
    # "By Jane Doe", "Oleh Faqih Ahmd", "Reporting by A; Editing by B", "Penulis A | Editor B".
    found = []
    for segment in re.split(r"\s*[;|]\s*", text):
        plain = furniture.byline_plain.match(segment)
        if not plain:
            return None
        names = _names(plain.group("rest"))
        if not names:
            return None
        role = plain.group("label").lower()
        if role in furniture.editor_roles:  # "… | Editor Bagus Prasetyo": credited, not an author
            found.extend(Byline(role, n, False) for n in names)
            continue
        if not furniture.byline_roles[role]:
            return None  # "Sumber Daya Alam", "Foto Bersama": only author labels go bare
        found.extend(Byline(role, n, True) for n in names)
    return found


@cache
def _agency_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, aliases in agencies.AGENCIES.items():
        for spelling in (name, *aliases):
            index[spelling.lower()] = name
    return index


def agency_name(token: str) -> str | None:
    """Return the canonical agency for a credited spelling ("Antara", "ant" -> "ANTARA")."""
    return _agency_index().get(token.strip().strip(".").lower())


_TAIL_CREDIT = re.compile(r"\s*\((?P<credit>[A-Za-z][\w.& -]{0,30}(\s*[/,]\s*[A-Za-z][\w.& -]{0,30}){0,5})\)\s*\.?$")
_INITIALS = re.compile(r"^[a-z]{2,5}$")


def parse_tail_credit(line: str) -> tuple[str, list[str]] | None:
    """Return (credit text, agencies) when a line ends with a text credit ("(VOA)", "(idn/rdn)")."""
    match = _TAIL_CREDIT.search(line)
    if not match:
        return None
    tokens = [t.strip() for t in re.split(r"[/,]", match.group("credit")) if t.strip()]
    known = [agency_name(t) for t in tokens]
    if any(known):
        wire = [k or t for k, t in zip(known, tokens, strict=True) if k or t[:1].isupper()]
        return match.group(), list(dict.fromkeys(wire))
    if all(_INITIALS.match(t) for t in tokens):  # editor codes: "(idn/rdn)", "(has)"
        return match.group(), []
    return None


@dataclass(frozen=True)
class Lead:
    prefix: str
    outlet: str | None
    place: str | None
    wire: tuple[str, ...]


def parse_lead(line: str, furniture: Furniture) -> Lead | None:
    """Return the lead marker opening a story line ("BEIJING (ANTARA) –"), or None."""
    for pattern in furniture.lead_markers:
        match = pattern.match(line)
        if not match or match.end() >= len(line):
            continue
        groups = match.groupdict()
        outlet = groups.get("outlet")
        wire_text = groups.get("wire")
        wire: tuple[str, ...] = ()
        if wire_text:
            tokens = [t.strip() for t in wire_text.split("/")]
            if not any(agency_name(t) for t in tokens):
                continue  # "(29/10)" or "(Persero)" is not an agency credit
            wire = tuple(agency_name(t) or t for t in tokens)
        if outlet and "." not in outlet:
            outlet = outlets.NAMES.get(outlet)
            if outlet is None:
                continue
        return Lead(
            prefix=match.group(),
            outlet=domain_of(outlet) if outlet else None,
            place=groups.get("place"),
            wire=wire,
        )
    return None


def domain_of(value: str) -> str | None:
    """Return the registrable domain of a URL or host ("https://news.detik.com/x" -> "detik.com")."""
    text = re.sub(r"\s+", "", value).lower()
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or "." not in host:
        return None
    labels = host.split(".")
    if labels[0] == "www":
        labels = labels[1:]
    keep = 3 if len(labels) >= 3 and labels[-2] in outlets.SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


@cache
def _signatures() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), d) for p, d in outlets.SIGNATURES)


def is_outlet_name(text: str) -> bool:
    """Return True when ``text`` names an outlet ("CNN Indonesia", "Kompas.com")."""
    return (
        text in outlets.NAMES
        or bool(re.fullmatch(r"[\w-]+(\.[A-Za-z]{2,})+", text))
        or (signature_outlet(text) is not None)
    )


def signature_outlet(text: str) -> str | None:
    """Return the outlet whose page chrome appears in ``text``, or None."""
    for pattern, domain in _signatures():
        if pattern.search(text):
            return domain
    return None
