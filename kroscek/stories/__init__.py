"""Cross-article work: it reads annotated articles and never runs inside a per-article stage."""
