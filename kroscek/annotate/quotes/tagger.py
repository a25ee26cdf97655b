"""English attribution spans by a trained tagger: source, cue and content, one tag per token.

PolNeAR (the corpus the model is trained on, ``training/attribution/build.py``) gives each token
at most one role in at most one attribution, so an article's attributions are a tag sequence:
B-/I- of Source, Cue and Content, or O. The tagger is a linear-chain CRF over each paragraph's
tokens (no attribution crosses a paragraph there). Its features: the word, its shape and
affixes, quote marks (and whether the token is inside them), the language's attribution verbs
and where the nearest one stands in the sentence, the sentence's edges, the words around it, the
spans the rule readers found (``kroscek.annotate.quotes.detect``), and spaCy's tags and parse
(how the token hangs from the nearest attribution verb: "nsubj" for a source, "ccomp" for
content), and the context class of the token and of its neighbours (the nearest of k-means
centroids of spaCy's context vectors, ``context_clusters``). Which of the last three a model
reads is written in its ``meta.json``.

The tags are read back into attributions: every source and content run is given to the nearest
cue of its paragraph, and content runs given to one cue are one content span ('"…," he said,
"…"' is one quotation in two pieces).
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from kroscek.lang import language_module
from kroscek.model import Sentence

__all__ = [
    "CLUSTERS",
    "MODEL",
    "TAGGED",
    "Attribution",
    "Paragraph",
    "available",
    "cluster_features",
    "context_clusters",
    "features",
    "group",
    "paragraphs",
    "parse",
    "parse_features",
    "rule_tags",
    "runs",
    "snap",
    "snapped",
    "tag_attributions",
    "token_features",
]

#: The languages the tagger reads (its model is trained on English news).
TAGGED = frozenset({"en"})
#: The shipped model (``make train-attribution``): the CRF gzipped, and meta.json (which
#: features it reads, how it was trained, its dev scores).
MODEL = Path(__file__).resolve().parents[2] / "models" / "attribution-en"
#: Beside the model: the centroids of its clusterings, one after another (their sizes in meta.json).
CLUSTERS = "clusters.npy"

#: Words and single marks; two apostrophes stand for one quote mark (''…'').
_TOKEN = re.compile(r"''|\w+|[^\w\s]")
_OPEN, _CLOSE = "“", "”"
_STRAIGHT = ('"', "''")

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution read from the tags: character spans of its content (its pieces joined, as
    PolNeAR scores it), source and cue, and the content's pieces ('"…," he said, "…"' has two)."""

    content: Span | None
    source: Span | None
    cue: Span | None
    pieces: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's tokens (character spans), what the features are made of."""

    tokens: list[Span]
    sentence_of: list[int]  # per token, the index of its sentence in the paragraph


def paragraphs(text: str, sentences: Sequence[Sentence]) -> Iterator[Paragraph]:
    """The paragraphs of ``text`` that hold a word, tokenised."""
    starts = [s.start for s in sentences]
    offset = 0
    for line in text.split("\n"):
        begin, offset = offset, offset + len(line) + 1
        tokens = [(m.start() + begin, m.end() + begin) for m in _TOKEN.finditer(line)]
        if not tokens:
            continue
        first = bisect_right(starts, tokens[0][0]) - 1
        yield Paragraph(tokens, [max(0, bisect_right(starts, a) - 1 - first) for a, _ in tokens])


def _inflected(verb: str) -> set[str]:
    """A verb's regular forms: "say" gives "say", "says", "sayed", "saying" (wrong forms do no harm)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    third = (
        verb[:-1] + "ies"
        if re.search(r"[^aeiou]y$", verb)
        else verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
    )
    past = verb[:-1] + "ied" if re.search(r"[^aeiou]y$", verb) else stem + "ed"
    return {verb, third, past, stem + "ing"}


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The English attribution verbs (all forms), pronouns and role words (``kroscek.lang.en.quotes``)."""
    q = language_module("en", "quotes")
    cues = {w for phrase in (*q.CUES_BEFORE, *q.CUES_AFTER, *q.ACCORDING_TO) for w in phrase.split()}
    cues |= {form for verb in q.ATTRIBUTION_VERBS for form in _inflected(verb)} | set(q.ATTRIBUTION_IRREGULAR)
    roles = {w for phrase in q.ROLE_WORDS for w in phrase.split()}
    return frozenset(cues), frozenset(q.PRONOUNS), frozenset(roles)


def _shape(word: str) -> str:
    """ "Xx", "X", "x", "d", or the punctuation itself, each run of a class written once."""
    if not word[0].isalnum():
        return word
    classes = ("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else "_" for c in word)
    return re.sub(r"(.)\1+", r"\1", "".join(classes))


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    return str(distance) if distance <= 3 else "4-6" if distance <= 6 else "7-12" if distance <= 12 else "far"


def _quoted(words: list[str]) -> list[str]:
    """Per token, whether it stands inside quote marks ("in"), is one ("mark"), or neither ("out")."""
    inside, states = False, []
    for word in words:
        if word in (_OPEN, _CLOSE, *_STRAIGHT):
            states.append("mark")
            inside = not inside if word in _STRAIGHT else word == _OPEN
        else:
            states.append("in" if inside else "out")
    return states


def _cue_distances(paragraph: Paragraph, is_cue: list[bool]) -> list[tuple[int | None, int | None]]:
    """Per token, the distance to the nearest reporting verb on its left and on its right in its sentence."""
    size = len(is_cue)
    left: list[int | None] = [None] * size
    right: list[int | None] = [None] * size
    last: int | None = None
    for i in range(size):
        if i and paragraph.sentence_of[i] != paragraph.sentence_of[i - 1]:
            last = None
        left[i] = None if last is None else i - last
        if is_cue[i]:
            last = i
    last = None
    for i in range(size - 1, -1, -1):
        if i < size - 1 and paragraph.sentence_of[i] != paragraph.sentence_of[i + 1]:
            last = None
        right[i] = None if last is None else last - i
        if is_cue[i]:
            last = i
    return list(zip(left, right, strict=True))


def features(
    text: str, paragraph: Paragraph, ruled: Sequence[str] | None = None, parsed: Sequence[list[str]] | None = None
) -> list[list[str]]:
    """The CRF's features of each token of a paragraph; ``ruled``: per token, the rule readers' tag;
    ``parsed``: per token, the parse's features (``parse_features``)."""
    cues, pronouns, roles = _lexicon()
    words = [text[a:b] for a, b in paragraph.tokens]
    lower = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    is_cue = [w in cues for w in lower]
    quoted = _quoted(words)
    distances = _cue_distances(paragraph, is_cue)
    sentence_of = paragraph.sentence_of
    size = len(words)
    out = []
    for i, word in enumerate(lower):
        left, right = distances[i]
        first = i == 0 or sentence_of[i - 1] != sentence_of[i]
        last = i == size - 1 or sentence_of[i + 1] != sentence_of[i]
        feats = [
            "bias",
            f"w={word}",
            f"shape={shapes[i]}",
            f"suf3={word[-3:]}",
            f"suf2={word[-2:]}",
            f"pre3={word[:3]}",
            f"q={quoted[i]}",
            f"cueL={_bucket(left)}",
            f"cueR={_bucket(right)}",
            f"cueLR={left is not None}|{right is not None}",
            f"sent={min(sentence_of[i], 2)}",
        ]
        if is_cue[i]:
            feats.append("cue")
        if word in pronouns:
            feats.append("pronoun")
        if word in roles:
            feats.append("role")
        if first:
            feats.append("first")
        if last:
            feats.append("last")
        if ruled is not None:
            feats.append(f"rule={ruled[i]}")
            feats.append(f"rule|q={ruled[i]}|{quoted[i]}")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < size and sentence_of[j] == sentence_of[i]:
                feats.extend((f"{d}w={lower[j]}", f"{d}shape={shapes[j]}", f"{d}q={quoted[j]}"))
                if is_cue[j]:
                    feats.append(f"{d}cue")
                if ruled is not None:
                    feats.append(f"{d}rule={ruled[j]}")
            else:
                feats.append(f"{d}edge")
        if parsed is not None:
            feats.extend(parsed[i])
        if i > 0:
            feats.append(f"bi={lower[i - 1]}|{word}")
        if i < size - 1:
            feats.append(f"bi+={word}|{lower[i + 1]}")
        out.append(feats)
    return out


@cache
def _pipeline() -> Any:
    """spaCy's English tagger and parser (``en_core_web_sm``, a dependency), its NER left out."""
    import spacy

    name = language_module("en", "names").NER_MODEL
    return spacy.load(name, exclude=["ner", "lemmatizer", "senter", "attribute_ruler"])


def parse(text: str) -> Any:
    """spaCy's tags and dependency parse of ``text`` (a ``Doc``), what the parse's features and
    ``snap`` read."""
    return _pipeline()(text)


def parse_features(text: str, tokens: Sequence[Span], doc: Any = None) -> list[list[str]]:
    """Per token (character spans), its part of speech and its neighbours', its dependency, and
    how it hangs from the nearest reporting verb above it: the relation of the branch it is in
    ("nsubj" for the source's words, "ccomp" for the content's), on which side of the verb, and
    which verb. ``doc``: spaCy's parse of ``text`` when it is already there."""
    cues = _lexicon()[0]
    doc = parse(text) if doc is None else doc
    starts = [t.idx for t in doc]
    per_token: list[list[str]] = []
    for token in doc:
        branch, side, verb = "none", "-", "none"
        child = token
        for head in token.ancestors:
            if head.tag_.startswith("VB") and head.lower_ in cues:
                branch, side, verb = child.dep_, "L" if token.i < head.i else "R", head.lower_
                break
            child = head
        is_cue = token.tag_.startswith("VB") and token.lower_ in cues
        head = token.head
        before = doc[token.i - 1].tag_ if token.i > 0 else "^"
        after = doc[token.i + 1].tag_ if token.i + 1 < len(doc) else "$"
        per_token.append(
            [
                f"tag={token.tag_}",
                f"dep={token.dep_}",
                f"branch={branch}",
                f"branch|side={branch}|{side}",
                f"verb={verb}",
                f"dep|head={token.dep_}|{head.tag_[:2]}",
                f"hdep={head.dep_}",
                f"-1tag={before}",
                f"+1tag={after}",
                f"headcue={head.tag_.startswith('VB') and head.lower_ in cues}",
                *(["vcue"] if is_cue else []),
            ]
        )
    out = []
    for start, _ in tokens:
        at = bisect_right(starts, start) - 1
        out.append(per_token[at] if at >= 0 else [])
    return out


def context_clusters(
    doc: Any, tokens: Sequence[Span], centroids: Sequence[NDArray[np.float32]]
) -> list[tuple[int, ...]]:
    """Per token (character spans), the nearest centroid in each clustering of its context vector:
    spaCy's tok2vec output for it (``doc.tensor``, what its tagger and parser read), scaled to
    length one. A word class that knows the word's context, learnt from PolNeAR train by k-means
    (``training/attribution/build.py``): it carries what the words' own features miss for words
    the training never saw ("pooh-poohed" near "dismissed")."""
    if not tokens:
        return []
    starts = doc.to_array("IDX")
    vectors = doc.tensor / np.maximum(np.linalg.norm(doc.tensor, axis=1, keepdims=True), 1e-6)
    nearest = np.stack([np.argmax(vectors @ c.T - 0.5 * (c * c).sum(axis=1), axis=1) for c in centroids], axis=1)
    at = np.maximum(0, np.searchsorted(starts, [start for start, _ in tokens], side="right") - 1)
    return [tuple(row) for row in nearest[at].tolist()]


#: The offsets of the neighbours whose classes a token's features name.
_NEIGHBOURS = (-2, -1, 1, 2)


@cache
def _class_name(offset: int, clustering: int, found: int) -> str:
    """The feature name of class ``found`` of one clustering seen at ``offset`` (0: the token itself)."""
    return f"{offset or ''}k{clustering}={found}"


def cluster_features(clusters: Sequence[tuple[int, ...]]) -> list[list[str]]:
    """Per token of a paragraph (its ``context_clusters``), its class in each clustering and the
    classes of the two tokens either side."""
    size = len(clusters)
    out = []
    for i, mine in enumerate(clusters):
        feats = [_class_name(0, m, c) for m, c in enumerate(mine)]
        for d in _NEIGHBOURS:
            if 0 <= i + d < size:
                feats.extend(_class_name(d, m, c) for m, c in enumerate(clusters[i + d]))
        out.append(feats)
    return out


def runs(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """The (kind, first token, end token) of each tagged run: a B- starts one, an I- of another kind too."""
    found: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and found and found[-1][0] == kind and found[-1][2] == i:
            found[-1] = (kind, found[-1][1], i + 1)
        else:
            found.append((kind, i, i + 1))
    return found


def group(paragraph: Paragraph, tags: Sequence[str]) -> list[Attribution]:
    """The attributions of one tagged paragraph: each source and content run joins its nearest cue."""
    tokens = paragraph.tokens

    def chars(run: tuple[int, int]) -> Span:
        return tokens[run[0]][0], tokens[run[1] - 1][1]

    found = runs(tags)
    cues = [(a, b) for kind, a, b in found if kind == "Cue"]
    content: dict[int, list[Span]] = {}
    source: dict[int, Span] = {}
    out: list[Attribution] = []
    for kind, a, b in found:
        if kind == "Cue":
            continue
        near = _nearest(cues, a, b, paragraph)
        if near is None:  # no cue in the paragraph: the run alone
            alone = chars((a, b))
            out.append(
                Attribution(alone, None, None, (alone,)) if kind == "Content" else Attribution(None, alone, None)
            )
        elif kind == "Content":
            content.setdefault(near, []).append(chars((a, b)))
        else:
            source.setdefault(near, chars((a, b)))
    for k, cue in enumerate(cues):
        pieces = tuple(content.get(k, ()))
        joined = (pieces[0][0], pieces[-1][1]) if pieces else None
        out.append(Attribution(joined, source.get(k), chars(cue), pieces))
    return out


def _nearest(cues: list[tuple[int, int]], a: int, b: int, paragraph: Paragraph) -> int | None:
    """The index of the cue nearest tokens [a, b), one in the same sentence first."""
    if not cues:
        return None
    sentence = paragraph.sentence_of

    def distance(k: int) -> tuple[bool, int]:
        c, d = cues[k]
        gap = c - b if c >= b else a - d if a >= d else 0
        return sentence[c] not in (sentence[a], sentence[b - 1]), gap

    return min(range(len(cues)), key=distance)


class _Tagger(Protocol):
    def tag(self, xseq: list[list[str]]) -> list[str]: ...


@dataclass(frozen=True)
class _Model:
    tagger: _Tagger
    rules: bool  # reads the rule readers' spans
    parse: bool  # reads the parse (``parse_features``)
    centroids: tuple[NDArray[np.float32], ...]  # its clusterings of context vectors (``context_clusters``)
    data: bytes  # the model itself: CRFsuite reads it in place, so it lives as long as the tagger


@cache
def _model(folder: Path) -> _Model:
    """The CRF in ``folder``, opened once, and the features it reads."""
    import pycrfsuite

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    data = gzip.decompress((folder / "model.crfsuite.gz").read_bytes())
    tagger: _Tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)  # type: ignore[attr-defined]
    sizes = meta["features"].get("clusters", [])
    rows = np.load(folder / CLUSTERS) if sizes else np.zeros((0, 0), np.float32)
    centroids = tuple(np.split(rows, np.cumsum(sizes)[:-1])) if sizes else ()
    return _Model(tagger, bool(meta["features"]["rules"]), bool(meta["features"]["parse"]), centroids, data)


def available(folder: Path = MODEL) -> bool:
    """Whether the model is there."""
    return (folder / "model.crfsuite.gz").exists() and (folder / "meta.json").exists()


def tag_attributions(
    text: str, sentences: Sequence[Sentence], ruled: Iterable[tuple[str, Span]] = (), folder: Path = MODEL
) -> list[Attribution]:
    """The attributions the model finds in ``text``; ``ruled``: (kind, span) the rule readers found.
    With the parse, each source is snapped to the phrase its cue's clause is about (``snap``)."""
    model = _model(folder)
    ruled = list(ruled)
    found = list(paragraphs(text, sentences))
    doc = parse(text) if model.parse else None
    tokens = [t for p in found for t in p.tokens]
    extra = token_features(text, doc, tokens, model.centroids, [len(p.tokens) for p in found])
    out: list[Attribution] = []
    for paragraph, mine in zip(found, extra, strict=True):
        tags = model.tagger.tag(features(text, paragraph, rule_tags(paragraph, ruled) if model.rules else None, mine))
        attributions = group(paragraph, tags)
        out.extend(attributions if doc is None else snapped(text, doc, attributions))
    return out


def token_features(
    text: str, doc: Any, tokens: Sequence[Span], centroids: Sequence[NDArray[np.float32]], sizes: Sequence[int]
) -> list[list[list[str]] | None]:
    """Per paragraph (``sizes``: how many of ``tokens`` each has), per token, the features read
    from spaCy's parse: ``parse_features`` and, when there are centroids, ``cluster_features``;
    None per paragraph without a parse."""
    if doc is None:
        return [None] * len(sizes)
    parsed = parse_features(text, tokens, doc)
    clusters = context_clusters(doc, tokens, centroids) if centroids else None
    out: list[list[list[str]] | None] = []
    at = 0
    for size in sizes:
        mine = parsed[at : at + size]
        if clusters is not None:
            mine = [a + b for a, b in zip(mine, cluster_features(clusters[at : at + size]), strict=True)]
        out.append(mine)
        at += size
    return out


def _subject(doc: Any, cue: Span) -> Any | None:
    """The head word of what a cue's clause is about: the subject of its verb, or of the verb that
    verb hangs from ("Trump spoke …, promising …"), the agent of a passive ("was written by X"), or
    the object after "according to"; None when the parse gives none."""
    span = doc.char_span(*cue, alignment_mode="expand")
    if span is None:
        return None
    if span.text.lower() in _according():
        objects = [t for t in span[-1].children if t.dep_ == "pobj"]
        return objects[0] if objects else None
    for verb in (t for t in span if t.tag_.startswith("VB")):
        for _ in range(3):
            subject = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
            agent = [o for t in verb.children if t.dep_ == "agent" for o in t.children if o.dep_ == "pobj"]
            if subject or agent:
                return (subject or agent)[0]
            if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
                break
            verb = verb.head
    return None


@cache
def _according() -> frozenset[str]:
    """The language's "according to" phrases, lower-cased."""
    return frozenset(p.lower() for p in language_module("en", "quotes").ACCORDING_TO)


#: Marks that set off an apposition or a clause inside a phrase ("Ayrault, the foreign minister,",
#: "Sims -- a teacher --").
_SET_OFF = (",", "--", "—", "–")
#: Dashes, which with a space either side also end a dateline or a headline ("BRUSSELS - ").
_DASHES = ("-", "--", "—", "–")
#: Opening and closing marks a phrase closes when it opens them ("(R-Wis.)", "“Guccifer,”").
_PAIRS = (("(", ")"), ("“", "”"))


def _phrase(text: str, doc: Any, head: Any, taken: Sequence[Span] = ()) -> Span | None:
    """The character span of ``head``'s subtree as PolNeAR marks a source: kept to its sentence and
    paragraph, without the branches that hold words of other spans (``taken``: PolNeAR gives a
    token one role, so in "Kamin, who noted that …, said" the clause is an attribution of its
    own), without a present participle set off by a comma ("Trump, speaking in Ohio, said") nor a
    focus adverb before it ("Even China said"), one unbroken run of words around the head (a
    parse that hangs later words from it does not stretch it), and without the spaces and marks at
    its edges but the one that closes an apposition (``_edges``); a dateline or headline before a
    spaced dash stays out ("BRUSSELS - European leaders")."""
    sentence = head.sent
    begin = text.rfind("\n", 0, head.idx) + 1
    end = text.find("\n", head.idx)
    end = len(text) if end < 0 else end
    keep = {t.i for t in head.subtree if sentence.start <= t.i < sentence.end and begin <= t.idx < end}
    _prune(doc, head, head, keep, taken)
    for child in head.rights:
        if child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and _set_off(doc, child, keep):
            _drop(doc, head, child, keep)
    for child in head.lefts:
        if child.dep_ == "advmod" and child.lower_ in _focus():
            _drop(doc, head, child, keep)
    dashes = [i for i in keep if _spaced_dash(doc[i])]
    if dashes and max(dashes) < head.i:  # a dateline or headline before it, not an aside in dashes
        keep.difference_update(range(min(keep), max(dashes) + 1))
    first = last = head.i
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    return _edges(doc, head, list(doc[first : last + 1]))


def _loose_mark(token: Any) -> bool:
    """Whether ``token`` is a mark a phrase does not end with (a comma or bracket may close it)."""
    return bool(token.is_punct and token.text not in (",", ")"))


def _spaced_dash(token: Any) -> bool:
    """Whether ``token`` is a dash with a space either side ("BRUSSELS - European leaders"; not
    the hyphen of "fact-checker")."""
    return bool(token.text in _DASHES and token.whitespace_ and token.i and token.doc[token.i - 1].whitespace_)


@cache
def _focus() -> frozenset[str]:
    """The language's focus adverbs, left out of a source ("Even China said")."""
    return frozenset(language_module("en", "quotes").FOCUS_ADVERBS)


def _set_off(doc: Any, branch: Any, keep: set[int]) -> bool:
    """Whether a comma of the phrase (``keep``) stands right before ``branch``."""
    before = branch.left_edge.i - 1
    return before in keep and doc[before].text == ","


def _drop(doc: Any, head: Any, branch: Any, keep: set[int]) -> None:
    """Drop ``branch`` from the phrase (``keep``), and the comma that sets it off when it follows
    the head ("Kamin, who …" is "Kamin")."""
    keep.difference_update(t.i for t in branch.subtree)
    if branch.left_edge.i - 1 > head.i and _set_off(doc, branch, keep):
        keep.discard(branch.left_edge.i - 1)


def _prune(doc: Any, head: Any, token: Any, keep: set[int], taken: Sequence[Span]) -> None:
    """Drop from the phrase (``keep``) each largest branch under ``token`` that reaches into
    ``taken``."""
    for child in token.children:
        if child.i not in keep:
            continue
        if any(_overlaps((child.idx, child.idx + len(child)), span) for span in taken):
            _drop(doc, head, child, keep)
        else:
            _prune(doc, head, child, keep, taken)


def _edges(doc: Any, head: Any, words: list[Any]) -> Span | None:
    """The span of ``words`` without spaces, marks and a conjunction at its edges ("the youth
    and"), a closing comma or bracket kept only when the phrase sets something off after its
    head, and then the mark that closes it added when it stands right after ("Sims -- a teacher
    --", "Ayrault, the minister,"); a bracket or quote mark the phrase opens or closes is paired
    ("Ryan (R-Wis.)", "“Broad City” star")."""
    while words and (words[0].is_space or words[0].is_punct):
        words.pop(0)
    while words and (words[-1].is_space or words[-1].dep_ == "cc" or _loose_mark(words[-1])):
        words.pop()
    marks = [w.text for w in words[:-1] if w.i > head.i and (w.text in (*_SET_OFF, "(") or _spaced_dash(w))]
    if words and words[-1].text == "," and not marks:
        words.pop()
    if not words:
        return None
    opened = [m for m in marks if m != "("]
    after = words[-1].i + 1
    if opened and after < words[-1].sent.end and doc[after].text == opened[0] and words[-1].text not in _SET_OFF:
        words.append(doc[after])
    for opening, closing in _PAIRS:
        balance = sum(w.text == opening for w in words) - sum(w.text == closing for w in words)
        after, before = words[-1].i + 1, words[0].i - 1
        if balance > 0 and after < len(doc) and doc[after].text == closing:
            words.append(doc[after])
        elif balance < 0 and before >= 0 and doc[before].text == opening:
            words.insert(0, doc[before])
    first = words[0].text
    return words[0].idx + len(first) - len(first.lstrip("".join(_DASHES))), words[-1].idx + len(words[-1])


def snap(text: str, doc: Any, attribution: Attribution, others: Sequence[Attribution] = ()) -> Attribution:
    """The attribution with its source snapped to the phrase its cue's clause is about
    (``_subject``, ``_phrase``) when the tagged source overlaps that phrase: the tags find the
    source, the parse gives its edges ("Manhattan Supreme Court Justice Frank" gets "Nervo",
    "the Supreme Court this month" loses "this month"). The phrase keeps clear of the
    attribution's cue and content and of the spans of ``others`` (the paragraph's other
    attributions). A source the parse does not snap gets the phrase's edges (``_edges``)."""
    source, cue = attribution.source, attribution.cue
    if source is None or cue is None:
        return attribution
    head = _subject(doc, cue)
    taken = [cue, *attribution.pieces, *(s for a in others for s in (a.source, a.cue, *a.pieces) if s is not None)]
    phrase = _phrase(text, doc, head, taken) if head is not None else None
    if phrase is None or not _overlaps(phrase, source):
        # the source's own words: every one overlaps the source, so the edges kept do too
        span = doc.char_span(*source, alignment_mode="expand")
        phrase = _edges(doc, span.root, list(span)) if span is not None and len(span) else None
    if phrase is None or phrase == source:
        return attribution
    return replace(attribution, source=phrase)


def _overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def snapped(text: str, doc: Any, attributions: Sequence[Attribution]) -> list[Attribution]:
    """A paragraph's attributions, each source snapped (``snap``) clear of the others' spans."""
    return [snap(text, doc, a, [*attributions[:k], *attributions[k + 1 :]]) for k, a in enumerate(attributions)]


def rule_tags(paragraph: Paragraph, ruled: Sequence[tuple[str, Span]]) -> list[str]:
    """Per token, the kind of the rule-found span it lies in, or "O"."""
    tags = ["O"] * len(paragraph.tokens)
    if not ruled:
        return tags
    begin, end = paragraph.tokens[0][0], paragraph.tokens[-1][1]
    for kind, (a, b) in ruled:
        if b <= begin or a >= end:
            continue
        for i, (s, e) in enumerate(paragraph.tokens):
            if s < b and a < e:
                tags[i] = kind
    return tags
