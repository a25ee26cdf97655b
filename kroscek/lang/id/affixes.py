"""Indonesian affixes a word key strips (cross-lingual quote links: ``kroscek.stories.crosslingual``).

One suffix, then one prefix, the longest first, each only when four letters stay: a light rule
for matching words across inflections (``membangun``/``dibangun``/``pembangunan``), not a stemmer.
"""

SUFFIXES = ("nya", "kan", "lah", "an", "i")
PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "pem", "pen", "pe", "ber", "be", "di", "ter", "ke")
