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


def test_a_huge_single_line_is_split_with_right_offsets() -> None:
    # Issue 10: the rest of the paragraph was sliced once per sentence (4.9 MB: 50 s).
    text = "Harga naik lagi. " * 20_000
    spans = split_sentences(text)
    assert len(spans) == 20_000
    assert [(s.start, s.end) for s in spans[:2]] == [(0, 16), (17, 33)]
    assert (spans[-1].start, spans[-1].end) == (len(text) - 17, len(text) - 1)


def test_many_quotations_in_one_paragraph() -> None:
    text = "“Kami siap. Semua diatur,” kata Budi. " * 2_000
    assert _split(text) == ["“Kami siap. Semua diatur,” kata Budi."] * 2_000


def test_overlapping_quotations_still_hold_their_boundaries() -> None:
    text = '“Ia berkata "Pulang. Sekarang." lalu pergi. Kami diam.” Itu saja.'
    assert _split(text) == ['“Ia berkata "Pulang. Sekarang." lalu pergi. Kami diam.”', "Itu saja."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kata" + "." * 50_000, ["Kata" + "." * 50_000]),  # a run of end marks, no capital after
        ("Kata" + "." * 50_000 + " Lalu.", ["Kata" + "." * 50_000, "Lalu."]),
        ("Dia pergi.)" + ")" * 50_000 + " Lalu.", ["Dia pergi.)" + ")" * 50_000, "Lalu."]),
        ("“Kata " * 20_000 + "Lalu. Pergi.", ["“Kata " * 20_000 + "Lalu.", "Pergi."]),  # unbalanced quote marks
        ("(Kata " * 20_000 + "Lalu. Pergi.", ["(Kata " * 20_000 + "Lalu.", "Pergi."]),
        ("Jl. " * 20_000 + "Merdeka.", ["Jl. " * 20_000 + "Merdeka."]),  # abbreviations, no tab anywhere
    ],
)
def test_adversarial_paragraphs(text: str, expected: list[str]) -> None:
    assert _split(text) == expected
