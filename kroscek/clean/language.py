"""The ``language`` stage: id, ms or en, by lingua restricted to the languages we support."""

from __future__ import annotations

from functools import cache

import msgspec
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from kroscek.model import Article
from kroscek.pipeline import stage
from kroscek.settings import Settings

__all__ = ["detect_language", "language"]

# Enough text to decide; more only costs time.
_SAMPLE_CHARS = 3000
_MIN_CHARS = 20


@cache
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def detect_language(text: str, settings: Settings | None = None) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when unsure or too short."""
    settings = settings or Settings()
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    values = _detector(settings.languages).compute_language_confidence_values(sample)
    if not values or values[0].value < settings.min_language_confidence:
        return None
    return values[0].language.iso_code_639_1.name.lower()


@stage("language", reads={"text"}, writes={"language"})
def language(article: Article) -> Article:
    """Return the article with ``language`` set from its clean text."""
    return msgspec.structs.replace(article, language=detect_language(article.text))
