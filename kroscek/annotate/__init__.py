"""Annotation stages: one per layer of offsets into the clean text."""

from kroscek.annotate.spacy_import import install

install()  # before any stage module imports spaCy
