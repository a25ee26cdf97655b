"""The ``quotes`` stage: who said what, and where it was first published.

Per paragraph, three readers find quotations:

- **direct**: text between quote marks (“…”, "…", «…», ‘…’), across sentences; a paragraph
  that opens a quote and never closes it runs to the paragraph's end; short marked words
  with no reporting verb next to them ("bungkamnya") are scare quotes, not quotes;
- **indirect**: "X mengatakan/menegaskan/menyebut … (bahwa) …", "Menurut X, …", and a sentence
  closed by ", kata X." or ", tambahnya.";
- **unmarked**: first-person speech without marks right after a quote of the same speaker
  ("… bahwa posisi Tiongkok konsisten. Saya tekankan sekali lagi bahwa …").

The speaker comes from the reporting verb's side: after it for a quote closed by "…," kata X,
before it for "X menambahkan, “…”", else the nearest speaker before. The speaker phrase is
split into a role ("Juru bicara Kementerian Luar Negeri China") and a name ("Lin Jian");
pronouns and "-nya" resolve to the nearest earlier speaker; a short name ("Lin", "Guo",
"Gerasimov") expands to the full name used earlier in the article; a capital used for its
government ("Beijing mengatakan") is marked as such. ``cited_from`` is the outlet or channel
named by "seperti dikutip dari", "dilansir", "mengutip", "lapor", "melalui situs resmi" …,
and ``date`` the date written next to it.

English is read by a trained attribution tagger (``tagger.py``: a CRF over PolNeAR's source,
cue and content spans, the readers above among its features); its attributions with content
become the same records, their speakers resolved as above (pronouns, short names, roles in
apposition, "according to", "told Reuters" as ``cited_from``). The stage is version 2 since
English is read so.
"""

from __future__ import annotations

import msgspec

from kroscek.annotate.quotes.resolve import find_quotes
from kroscek.model import Article
from kroscek.pipeline import stage

__all__ = ["find_quotes", "quotes"]


@stage("quotes", reads={"text", "sentences", "language", "dates"}, writes={"quotes"}, version=2)
def quotes(article: Article) -> Article:
    """Return the article with its ``quotes`` layer."""
    found = find_quotes(article.text, list(article.sentences), article.language, list(article.dates))
    return msgspec.structs.replace(article, quotes=tuple(found))
