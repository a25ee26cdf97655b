"""Annotation stages: one per layer of offsets into the clean text."""
