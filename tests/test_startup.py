"""What start-up leaves out must not change a result: the lazy tokenizer, hashing without
scikit-learn, lingua's trigram-only detector for long samples, and a CLI that imports per command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
from sklearn.feature_extraction.text import HashingVectorizer

from kroscek.annotate.entities import MODELS, load_model
from kroscek.annotate.tokenizer import LazySpecialsTokenizer
from kroscek.clean.language import _detector
from kroscek.stories import terms
from tests.conftest import EXAMPLES, SHARED

#: Written for this test: reduplications, with affixes and punctuation around them, abbreviations,
#: emoticons, a URL, runs of spaces and line breaks, a word glued to a hyphenated one.
WRITTEN = [
    'Anak-anak (anak-anak) "anak-anak," ANAK-ANAK... Kanak-kanaknya ber-main-main di S.H. dan dll.',
    "Prof. Dr. Hj. Sri, S.Pd., M.Si. berkata: 'baru-baru ini'  :)   ;-)  http://contoh.id/a-b?x=1\n\nSelesai.",
    "Rp5.000,- per-orang; tanggal 3-4 Mei; e-KTP, COVID-19, self-esteem/Over-The-Air, x-anak-anak-y",
    "",
    "   ",
]


def _texts() -> list[str]:
    texts = list(WRITTEN) + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for corpus in ("corpus-blind", "corpus-dev"):
        path = SHARED / corpus / "articles.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    texts += [record.get("title") or "", record["text"]]
    return texts


def test_lazy_tokenizer_gives_spacys_tokens() -> None:
    """The shipped model's tokenizer adds special cases as texts need them, with the same tokens
    as the tokenizer spaCy saves with the model (every special case added when loaded)."""
    lazy = load_model("ner-id-xs").tokenizer
    assert isinstance(lazy, LazySpecialsTokenizer)
    full = spacy.load(MODELS / "ner-id-xs").tokenizer
    texts = _texts()
    lazy.prepare(texts[: len(texts) // 2])  # prepared in a batch or text by text: the same
    for text in texts:
        assert [t.text for t in lazy(text)] == [t.text for t in full(text)], text[:80]
    assert [[t.text for t in d] for d in lazy.pipe(WRITTEN, batch_size=2)] == [
        [t.text for t in full(text)] for text in WRITTEN
    ]


def test_a_long_run_adds_every_special_case_once_and_keeps_the_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a number of batches that brought new keys, the rest are added at once (each add empties
    spaCy's cache); the tokens stay spaCy's."""
    from kroscek.annotate import tokenizer

    monkeypatch.setattr(tokenizer, "_COLD_BATCHES", 2)
    config = {"nlp": {"tokenizer": {"@tokenizers": tokenizer.LAZY_TOKENIZER}}}
    lazy = spacy.load(MODELS / "ner-id-xs", exclude=["tokenizer"], config=config).tokenizer
    full = spacy.load(MODELS / "ner-id-xs").tokenizer
    for text in WRITTEN[:3]:
        lazy.prepare([text])
    assert lazy._complete and len(lazy._added) == len(lazy._rules)
    for text in _texts()[:60]:
        assert [t.text for t in lazy(text)] == [t.text for t in full(text)], text[:80]


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("Rp", {"R"}),
        (r"US\$|C\$", {"U", "C"}),
        ("[(\\[{]", {"(", "[", "{"}),
        ("(?:ab|x)c", {"a", "x"}),
        ("a+b", {"a"}),
        ("a?b", None),  # may start with b too: not known
        ("(?i)rp", None),
        (r"\d", None),
        ("[^a]", None),
        ("[\u00a6\u2100-\u2101]", set()),  # nothing ASCII
    ],
)
def test_what_a_prefix_can_start_with(pattern: str, starts: set[str] | None) -> None:
    from kroscek.annotate.tokenizer import _ascii_starts

    assert _ascii_starts(pattern) == (None if starts is None else frozenset(starts))


def test_quick_prefix_search_answers_as_the_regex() -> None:
    from spacy.lang.id import Indonesian
    from spacy.util import compile_prefix_regex

    from kroscek.annotate.tokenizer import _prefix_search

    quick = _prefix_search(Indonesian.Defaults.prefixes)
    plain = compile_prefix_regex(Indonesian.Defaults.prefixes).search
    assert quick is not None and quick is not plain  # the shortcut is in use for Indonesian
    words = {w for t in _texts()[:80] for w in t.split()} | {"rp5", "Rp5", "US$3", "usd", "+62", "(kata", "1.000"}
    for word in words:
        ours, theirs = quick(word), plain(word)
        assert (ours and ours.group()) == (theirs and theirs.group()), word


def test_hashed_counts_are_scikit_learns() -> None:
    """Words land in the columns scikit-learn's HashingVectorizer gives them (the shipped document
    frequencies were counted that way), duplicates summed, columns sorted."""
    # "awjy" and "berita" share a bucket: two words of one row in one column add up.
    assert terms.bucket("awjy") == terms.bucket("berita")
    documents = [terms.tokens(text) for text in _texts()[:200]] + [
        [],
        ["ent:kim_jong_un", "ent:kim_jong_un", "yang"],
        ["berita", "awjy", "berita", "yang"],
    ]
    theirs = HashingVectorizer(
        n_features=terms.BUCKETS, analyzer=lambda words: words, alternate_sign=False, norm=None, dtype=np.float32
    ).transform(documents)
    ours = terms.counts(documents)
    assert ours.shape == theirs.shape and ours.has_sorted_indices
    assert (ours != theirs).nnz == 0


def test_long_samples_read_by_trigrams_only_get_the_same_values() -> None:
    """lingua's trigram-only detector answers a sample of 200 letters or more exactly as the full one."""
    codes = ("id", "ms", "en")
    full = LanguageDetectorBuilder.from_languages(
        *(Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes)
    ).build()
    fast = _detector(codes, True)
    samples = [t[:length] for t in _texts()[:120] for length in (260, 3000) if sum(c.isalpha() for c in t) >= 300]
    assert len(samples) > 20
    for sample in samples:
        if sum(c.isalpha() for c in sample) < 200:
            continue
        ours = [(v.language, round(v.value, 9)) for v in fast.compute_language_confidence_values(sample)]
        theirs = [(v.language, round(v.value, 9)) for v in full.compute_language_confidence_values(sample)]
        assert ours == theirs, sample[:80]


@pytest.mark.parametrize("command", [["--help"], ["eval", "--help"], ["changes", "--help"]])
def test_help_imports_neither_models_nor_numeric_stack(command: list[str]) -> None:
    """`kroscek --help` and the commands' help load none of spaCy, lingua, scikit-learn, SciPy or NumPy."""
    probe = (
        "import sys\nfrom kroscek.cli import app\n"
        f"try:\n    app({command!r})\nexcept SystemExit:\n    pass\n"
        "heavy = ('spacy', 'lingua', 'sklearn', 'scipy', 'numpy', 'kroscek.analysis')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=Path.cwd())
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout[-500:]


def test_spacy_is_imported_without_its_command_line_and_keeps_it_at_hand() -> None:
    """After a stage module is imported, ``import spacy`` leaves spaCy's commands (and weasel, Jinja2)
    out; ``spacy.info`` and ``import spacy.cli`` still work, and the model still loads."""
    probe = (
        "import sys\nimport kroscek.annotate.entities as e\nimport spacy\n"
        "left = sorted(m for m in ('spacy.cli', 'weasel', 'jinja2') if m in sys.modules)\n"
        "nlp = e.load_model()\n"
        "found = [x.label_ for x in nlp('Presiden Joko Widodo tiba di Jakarta.').ents]\n"
        "import spacy.cli\n"
        "print(left, found, callable(spacy.cli.download), 'pipelines' in spacy.info(silent=True))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=Path.cwd())
    left, rest = done.stdout.strip().splitlines()[-1].split("] ", 1)
    assert left == "["
    assert "PER" in rest and "LOC" in rest and rest.endswith("True True")
