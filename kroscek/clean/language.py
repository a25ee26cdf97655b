"""The ``language`` stage: id, ms or en, by lingua restricted to the languages we support."""

from __future__ import annotations

from functools import cache

import msgspec
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from kroscek.lang import DEFAULT, has_data
from kroscek.model import Article, Warning
from kroscek.pipeline import stage

__all__ = ["LanguageSettings", "detect_language", "language"]

# Enough text to decide; more only costs time.
_SAMPLE_CHARS = 3000
_MIN_CHARS = 20


# lingua reads a text of 120 letters or more by its trigrams alone, in either accuracy mode; only
# shorter ones use the 1- to 5-gram models, which take 0.5-1 s to load. A sample this long goes to
# a trigram-only detector (the same values, measured on 7,122 samples of the corpora, none
# different at 120 letters or more); the margin keeps clear of how lingua counts letters.
_TRIGRAMS_ENOUGH = 200


@cache
def _detector(codes: tuple[str, ...], trigrams_only: bool) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if trigrams_only:
        builder = builder.with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


class LanguageSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Settings of the ``language`` stage (``[stage.language]``)."""

    #: Languages the stage may answer (ISO 639-1). Others come out as the closest of these.
    languages: tuple[str, ...] = ("id", "ms", "en")
    #: Below this confidence the language stays unknown (null).
    min_confidence: float = 0.5

    def __post_init__(self) -> None:
        unknown = [c for c in self.languages if not (c.isalpha() and hasattr(IsoCode639_1, c.upper()))]
        if unknown or not self.languages:
            raise msgspec.ValidationError(f"languages: {unknown or 'none given'} are not ISO 639-1 codes lingua knows")


def detect_language(text: str, settings: LanguageSettings | None = None) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when unsure or too short."""
    settings = settings or LanguageSettings()
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    trigrams_only = sum(map(str.isalpha, sample)) >= _TRIGRAMS_ENOUGH
    values = _detector(settings.languages, trigrams_only).compute_language_confidence_values(sample)
    if not values or values[0].value < settings.min_confidence:
        return None
    return values[0].language.iso_code_639_1.name.lower()


@stage("language", reads={"text", "warnings"}, writes={"language", "warnings"}, config=LanguageSettings)
def language(article: Article, settings: LanguageSettings) -> Article:
    """Return the article with ``language`` set from its clean text; a language kroscek has no
    data for is said on the article (the later stages read it with the default language's)."""
    code = detect_language(article.text, settings)
    if code and not has_data(code):
        said = Warning("language", f"no language data for '{code}' in kroscek/lang: read with the '{DEFAULT}' rules")
        return msgspec.structs.replace(article, language=code, warnings=(*article.warnings, said))
    return msgspec.structs.replace(article, language=code)
