"""Malay (Bahasa Melayu): Indonesian's data where the two write alike (numbers, units, hedges,
reporting verbs, function words), with Malay's own month and weekday names."""

#: The language whose modules Malay reuses where it has none of its own.
BASE = "id"
