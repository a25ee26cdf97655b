"""Cross-lingual quote links: the NTREX loader, the linker on a written pair, the NTREX floor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kroscek.evaluate.crosslingual import evaluate_crosslingual, folds, is_quote, quote_pairs, read_ntrex
from kroscek.model import Article, Quote
from kroscek.stories.crosslingual import (
    build_lexicon,
    link_baseline,
    link_quotes,
    load_lexicon,
    prepare,
    save_lexicon,
    words,
)
from kroscek.stories.quotechains import quote_chains
from tests.conftest import SHARED, need_shared

#: Two small documents, English line for line with an Indonesian translation (written for these tests).
ENGLISH = [
    "The minister said the dam would cost 2.5 billion dollars and open in 2026.",
    "Heavy rain flooded the valley on Monday.",
    '"We will rebuild every bridge," the governor told reporters.',
    "The harbour reopened after the storm.",
    '"Prices of rice rose by 12 percent this month," a trader said.',
]
INDONESIAN = [
    "Menteri mengatakan bendungan itu akan menelan biaya 2,5 miliar dolar dan dibuka pada 2026.",
    "Hujan deras membanjiri lembah pada hari Senin.",
    "“Kami akan membangun kembali setiap jembatan,” kata gubernur kepada wartawan.",
    "Pelabuhan dibuka kembali setelah badai.",
    "“Harga beras naik 12 persen bulan ini,” kata seorang pedagang.",
]
DOCUMENTS = ["doc.a", "doc.a", "doc.a", "doc.b", "doc.b"]


def _ntrex(root: Path) -> Path:
    root.mkdir()
    (root / "newstest2019-src.eng.txt").write_text("\n".join(ENGLISH) + "\n", encoding="utf-8")
    (root / "newstest2019-ref.ind.txt").write_text("\n".join(INDONESIAN) + "\n", encoding="utf-8")
    (root / "DOCUMENT_IDS.tsv").write_text("\n".join(DOCUMENTS) + "\n", encoding="utf-8")
    return root


def test_the_loader_groups_lines_by_document_and_keeps_the_quotes(tmp_path: Path) -> None:
    documents = read_ntrex(_ntrex(tmp_path / "ntrex"))
    assert [d.id for d in documents] == ["doc.a", "doc.b"]
    assert documents[1].lines == (3, 4)
    pairs = quote_pairs(documents)
    assert [(p.document, p.line) for p in pairs] == [("doc.a", 0), ("doc.a", 2), ("doc.b", 4)]
    assert pairs[1].indonesian.startswith("“Kami")
    assert is_quote("He said no.") and not is_quote("The harbour reopened.")
    assert sorted(len(f) for f in folds(documents, 2)) == [1, 1]


def test_the_linker_finds_the_translated_quote_among_distractors() -> None:
    english = [
        prepare('"We will rebuild every bridge," the governor told reporters.', "en"),
        prepare('"We will never rebuild the old market," the mayor said.', "en"),
        prepare('"Prices of rice rose by 12 percent this month," a trader said.', "en"),
        prepare("The minister said the dam would cost 2.5 billion dollars and open in 2026.", "en"),
    ]
    indonesian = [
        prepare("“Harga beras naik 12 persen bulan ini,” kata seorang pedagang.", "id"),
        prepare("Menteri mengatakan bendungan itu akan menelan biaya 2,5 miliar dolar dan dibuka pada 2026.", "id"),
    ]
    links = link_quotes(indonesian, english)
    assert [(link.id_index, link.en_index) for link in links] == [(0, 2), (1, 3)]
    # the baseline has figures only where the quote has them
    assert {(link.id_index, link.en_index) for link in link_baseline(indonesian, english)} <= {(0, 2), (1, 3)}


def test_the_speaker_tells_two_copies_of_one_quote_apart() -> None:
    quote = "“Kami akan membangun kembali setiap jembatan,” kata gubernur."
    english = [
        prepare('"We will rebuild every bridge," the governor said.', "en", speaker="Anies Baswedan"),
        prepare('"We will rebuild every bridge," the governor said.', "en", speaker="Ridwan Kamil"),
    ]
    links = link_quotes([prepare(quote, "id", speaker="Ridwan Kamil")], english)
    assert [link.en_index for link in links] == [1]
    # a clear translation with another speaker still links (a shifted speaker is a claim), at a lower score
    alone = link_quotes([prepare(quote, "id", speaker="Anies Baswedan")], english[1:])
    assert alone and alone[0].score < links[0].score


def test_a_lexicon_learned_from_pairs_survives_saving(tmp_path: Path) -> None:
    # other sentence pairs, so that the words of the five are rare enough to count
    other = [(f"filler {chr(97 + n)}x", f"isian {chr(97 + n)}y") for n in range(26)]
    lexicon = build_lexicon(list(zip(ENGLISH, INDONESIAN, strict=True)) * 2 + other)
    bridge = words("jembatan", "id")[0]
    assert words("bridges", "en")[0] in lexicon.translations(bridge)
    save_lexicon(lexicon, tmp_path / "lexicon.txt")
    again = load_lexicon(tmp_path / "lexicon.txt")
    assert again.translations(bridge).keys() == lexicon.translations(bridge).keys()
    assert again.weight(bridge, "id") == round(lexicon.weight(bridge, "id"), 3)


def test_ntrex_cross_validated_links_keep_their_floor() -> None:
    root = need_shared(SHARED / "data" / "ntrex-en-id")
    result = evaluate_crosslingual(root)
    lexicon, baseline = result["lexicon"], result["baseline"]
    assert lexicon.quotes > 800
    assert lexicon.precision >= 0.97 and lexicon.recall >= 0.87
    assert lexicon.recall > baseline.recall + 0.3


def _quoted(name: str, language: str, text: str, published: str, outlet: str, cited: str | None = None) -> Article:
    """An article whose first quoted span is a direct quote of the governor."""
    start = text.index("“") + 1
    quote = Quote(start=start, end=text.index("”"), kind="direct", speaker_canonical="Ridwan Kamil", cited_from=cited)
    return Article(
        id=name,
        source=name,
        name=name,
        raw=text,
        text=text,
        language=language,
        published=published,
        outlet=outlet,
        quotes=(quote,),
    )


def _reuters() -> Article:
    """A Reuters report quoting the governor (written for these tests)."""
    return _quoted(
        "wire",
        "en",
        "“We will rebuild every bridge the flood destroyed before the rainy season,” the governor said.",
        "2024-11-01",
        "reuters.com",
    )


def _rerun() -> Article:
    """Its Indonesian re-run a day later, citing Reuters."""
    return _quoted(
        "rerun",
        "id",
        "“Kami akan membangun kembali setiap jembatan yang dihancurkan banjir sebelum musim hujan,” kata gubernur,"
        " dikutip dari Reuters.",
        "2024-11-02",
        "detik.com",
        cited="Reuters",
    )


def test_a_quote_chain_crosses_languages_and_opens_with_the_english_original() -> None:
    english = _reuters()
    other = _quoted(
        "wire-2",
        "en",
        "“The budget for schools will double next year,” the governor said.",
        "2024-11-01",
        "reuters.com",
    )
    rerun = _rerun()
    articles = [rerun, other, english]
    (chain,) = quote_chains(articles, [date.fromisoformat(a.published or "") for a in articles])
    assert (chain.first_article_id, chain.first_outlet, chain.cited_from) == ("wire", "reuters.com", ("Reuters",))
    assert [e.article_id for e in chain.quotes] == ["wire", "rerun"]


def test_the_briefing_shows_a_translated_quote_beside_its_original() -> None:
    from kroscek.model import Story
    from kroscek.report.html import render_story

    english = _reuters()
    rerun = _rerun()
    articles = [english, rerun]
    chains = quote_chains(articles, [date.fromisoformat(a.published or "") for a in articles])
    story = Story("s1", "flood", ("wire", "rerun"), quote_chains=tuple(chains))
    page = render_story(story, {a.id: a for a in articles})
    row = page[page.index("Kami akan membangun") :]
    row = row[: row.index("</tr>")]
    assert "original (en):" in row and "We will rebuild every bridge" in row
    assert page.count('class="small muted original"') == 1  # the English row has no original beside it
