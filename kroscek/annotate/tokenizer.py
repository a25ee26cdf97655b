"""A spaCy tokenizer that adds its language's special cases when a text first needs them.

spaCy builds a language's tokenizer with every special case of the language's defaults (about
16,000 for Indonesian: reduplications such as "anak-anak", abbreviations), each one tokenized and
entered into a phrase matcher as it is added; loading a saved pipeline then adds the saved copy
of the same rules again. That was 6–7 CPU-seconds of every process's start, longer than reading
a day of news. Here the pipeline is loaded without its saved tokenizer and this one stands in:
the same prefix, suffix and infix rules and URL and token matches, and only the special cases
whose key occurs in a text, added before the text is read.

The output is spaCy's own: a special case can only match where its key is written in the text
(a key without whitespace inside one whitespace-free run, where every substring of every new
run is looked up; the few keys with whitespace or without letters are added at the start).
``tests/test_tokenizer.py`` holds the two tokenizers to the same tokens.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from spacy import util
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

__all__ = ["LAZY_TOKENIZER", "LazySpecialsTokenizer"]

_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s")

#: The registry name to put under ``[nlp.tokenizer]`` (``@tokenizers``) of a pipeline's config.
LAZY_TOKENIZER = "kroscek.lazy_specials.v1"

#: Runs already looked at; forgotten past this many (the special cases they added stay).
_SEEN_LIMIT = 1_000_000
#: Adding a special case empties spaCy's cache of tokenized words, so a batch that brings a new
#: key is tokenized cold (~50 ms more for 32 articles); adding every key costs ~5 s once. After this
#: many batches that brought keys (a long run), the rest are added at once and never looked for again.
_COLD_BATCHES = 64


class LazySpecialsTokenizer:
    """Callable like spaCy's ``Tokenizer``; adds a special case the first time its key is written."""

    def __init__(self, inner: Tokenizer, rules: dict[str, Any]) -> None:
        self.inner = inner
        self._rules = rules
        self._longest = max((len(key) for key in rules), default=0)
        self._added: set[str] = set()
        self._seen: set[str] = set()
        self._cold_batches = 0
        self._complete = False
        for key in rules:
            # a key with no letter (emoticons, ":)") or with a space is never found in a run of letters
            if not _LETTER.search(key) or _SPACE.search(key):
                self._add(key)

    def _add(self, key: str) -> None:
        self.inner.add_special_case(key, self._rules[key])
        self._added.add(key)

    def prepare(self, texts: Iterable[str]) -> None:
        """Add every special case whose key is written in ``texts`` (once per new whitespace-free run)."""
        if self._complete:
            return
        rules, added, seen, longest = self._rules, self._added, self._seen, self._longest
        if len(seen) > _SEEN_LIMIT:
            seen.clear()
        new: set[str] = set()
        for text in texts:
            for run in text.split():
                if run in seen:
                    continue
                seen.add(run)
                size = len(run)
                for start in range(size):
                    for end in range(start + 1, min(size, start + longest) + 1):
                        key = run[start:end]
                        if key in rules and key not in added:
                            new.add(key)
        if not new:
            return
        self._cold_batches += 1
        if self._cold_batches > _COLD_BATCHES:
            new = set(rules) - added
            self._complete = True
            self._seen.clear()
        for key in sorted(new):
            self._add(key)

    def __call__(self, text: str) -> Doc:
        self.prepare((text,))
        doc: Doc = self.inner(text)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize ``texts`` in order, preparing each batch's special cases at once."""
        source = iter(texts)
        while batch := list(islice(source, batch_size)):
            self.prepare(batch)
            yield from (self.inner(text) for text in batch)


def _ascii_starts(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with (None: any, or not known)."""
    # The regex engine's own parser (no type stubs).
    import re._constants as c  # type: ignore[import-not-found]
    import re._parser as parser  # type: ignore[import-not-found]

    def first(items: list[tuple[Any, Any]]) -> set[str] | None:
        for op, value in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next item decides
                continue
            if op is c.LITERAL:
                return {chr(value)} if value < 128 else set()
            if op is c.IN:
                found: set[str] = set()
                for kind, item in value:
                    if kind is c.LITERAL:
                        found |= {chr(item)} if item < 128 else set()
                    elif kind is c.RANGE:
                        found |= {chr(code) for code in range(item[0], min(item[1], 127) + 1)}
                    else:  # a negation or a category (\d, \w): anything
                        return None
                return found
            if op is c.BRANCH:
                union: set[str] = set()
                for branch in value[1]:
                    part = first(list(branch.data))
                    if part is None:
                        return None
                    union |= part
                return union
            if op is c.SUBPATTERN:
                if value[1] & c.SRE_FLAG_IGNORECASE:
                    return None
                return first(list(value[3].data))
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                head = first(list(value[2].data))
                if head is None or value[0] == 0:
                    return None  # may be skipped: what follows could start the match too
                return head
            return None
        return None

    try:
        tree = parser.parse(pattern)
    except Exception:  # a pattern this reader does not know: no shortcut
        return None
    if tree.state.flags & c.SRE_FLAG_IGNORECASE:
        return None
    starts = first(list(tree.data))
    return None if starts is None else frozenset(starts)


def _prefix_search(prefixes: Any) -> Callable[[str], Any] | None:
    """The prefix search of ``prefixes``, answering None at once for a word whose first character no
    prefix can start with (most words: a lower-case letter or a digit); a third of tokenizing."""
    if not prefixes:
        return None
    search: Callable[[str], Any] = util.compile_prefix_regex(prefixes).search
    starts: set[str] = set()
    for prefix in (p for p in prefixes if p.strip()):  # spaCy leaves blank entries out too
        found = _ascii_starts(prefix)
        if found is None:
            return search
        starts |= found
    never = frozenset(string.ascii_lowercase + string.digits) - starts

    def quick(text: str) -> Any:
        return None if text[:1] in never else search(text)

    return quick


def lazy_specials_tokenizer() -> Callable[[Any], LazySpecialsTokenizer]:
    """The factory spaCy's config calls: the language defaults' rules, special cases added lazily."""

    def make(nlp: Any) -> LazySpecialsTokenizer:
        defaults = nlp.Defaults
        inner = Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=_prefix_search(defaults.prefixes),
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        return LazySpecialsTokenizer(inner, dict(defaults.tokenizer_exceptions or {}))

    return make


registry.tokenizers.register(LAZY_TOKENIZER, func=lazy_specials_tokenizer)
