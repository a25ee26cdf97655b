"""Scoring kroscek against gold sets; every number in the README comes from here."""
