"""Indonesian-aware sentence splitting."""

from __future__ import annotations

import pytest

from kroscek.annotate.sentences import split_sentences


def _split(text: str, language: str | None = "id") -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    "text",
    [
        "Kantor itu berada di Jl. Merdeka No. 5, Kab. Bogor, Prov. Jawa Barat.",
        "Gugatan diajukan oleh Andi Wijaya, S.H. dan Dr. Rina, M.Si. ke pengadilan.",
        "Anggaran naik menjadi Rp 3,5 triliun atau 12.000 unit pada 2025.",
        "Mantan Presiden B. J. Habibie dikenal sebagai ahli pesawat.",
        "Pejabat itu, Prof. Dr. Ir. H. Ahmad, hadir di Kec. Cibinong.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert _split(text) == [text]


def test_plain_sentences_and_paragraphs() -> None:
    text = "Harga naik. Warga mengeluh! Apa sebabnya?\nPemerintah diam."
    assert _split(text) == ["Harga naik.", "Warga mengeluh!", "Apa sebabnya?", "Pemerintah diam."]


def test_quote_spanning_sentences_stays_with_its_speaker() -> None:
    text = (
        "“Saya ingin menekankan kontribusi tentara. Ini sesuai dengan perjanjian kita,” ucap Gerasimov. "
        "Ia juga menyebut bantuan itu signifikan."
    )
    assert _split(text) == [
        "“Saya ingin menekankan kontribusi tentara. Ini sesuai dengan perjanjian kita,” ucap Gerasimov.",
        "Ia juga menyebut bantuan itu signifikan.",
    ]


def test_straight_quotes_and_closing_quote_boundary() -> None:
    text = '"Kami siap. Semua sudah diatur." Kata itu diulang dua kali.'
    assert _split(text) == ['"Kami siap. Semua sudah diatur."', "Kata itu diulang dua kali."]


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = '"Kami siap kata dia. Semua sudah diatur. Pemerintah diam.'
    assert len(_split(text)) == 3


def test_list_numbers_and_english_abbreviations() -> None:
    assert _split("1. Fotokopi KTP elektronik\n2. Surat keterangan sehat") == [
        "1. Fotokopi KTP elektronik",
        "2. Surat keterangan sehat",
    ]
    assert _split("Mr. Smith met Gen. Lee in the U.S. capital. They talked.", "en") == [
        "Mr. Smith met Gen. Lee in the U.S. capital.",
        "They talked.",
    ]


def test_offsets_point_into_the_text() -> None:
    text = "  Baris pertama. Baris kedua.\n\nBaris ketiga."
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 16), (17, 29), (31, 44)]
