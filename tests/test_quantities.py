"""Quantities as Indonesian news writes them."""

from __future__ import annotations

import pytest

from kroscek.annotate.quantities import find_quantities, parse_number


def _q(text: str, language: str = "id") -> list[tuple[object, ...]]:
    return [
        (text[q.start : q.end], q.value, q.end_value, q.unit, q.noun, q.hedge, q.part_of)
        for q in find_quantities(text, language)
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("8.000", 8000),
        ("3,5", 3.5),
        ("12.000", 12000),
        ("157.392.500", 157392500),
        ("2,000", 2000),
        ("4.7", 4.7),
        ("0,768", 0.768),
        ("290,9", 290.9),
    ],
)
def test_separators(written: str, value: float) -> None:
    assert parse_number(written) == value


def test_seed_sentence_with_part_of() -> None:
    text = (
        "Sekitar 12.000 tentara dikirim dari Korea Utara ke Rusia, termasuk 500 perwira dan tiga "
        "jenderal, dengan amunisi."
    )
    assert _q(text) == [
        ("12.000 tentara", 12000.0, None, None, "tentara", "Sekitar", None),
        ("500 perwira", 500.0, None, None, "perwira", None, 0),
        ("tiga jenderal", 3.0, None, None, "jenderal", None, 0),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("naik 12 ribu", ("12 ribu", 12000.0, None, None)),
        ("sebanyak 3,5 juta orang", ("3,5 juta orang", 3.5e6, None, None)),
        ("senilai Rp 3,1 T", ("Rp 3,1 T", 3.1e12, None, "IDR")),
        ("harga Rp 4 - 6 ribu per kilogram", ("Rp 4 - 6 ribu per kilogram", 4000.0, 6000.0, "IDR/kg")),
        ("sebesar US$ 30,2 juta", ("US$ 30,2 juta", 30.2e6, None, "USD")),
        ("tumbuh 2,5 persen", ("2,5 persen", 2.5, None, "%")),
        ("turun 10%-15%", ("10%-15%", 10.0, 15.0, "%")),
        ("empat hingga lima persen", ("empat hingga lima persen", 4.0, 5.0, "%")),
        ("dua puluh lima kapal", ("dua puluh lima kapal", 25.0, None, None)),
        ("ribuan tentara Korea Utara", ("ribuan tentara Korea Utara", 1000.0, None, None)),
        ("1.700-4.100 ASN", ("1.700-4.100 ASN", 1700.0, 4100.0, None)),
        ("selama 12 bulan", ("12 bulan", 12.0, None, "mo")),
        ("Budi (42) ditangkap", ("(42)", 42.0, None, "yr")),
    ],
)
def test_forms(text: str, expected: tuple[object, ...]) -> None:
    found = [f[:4] for f in _q(text)]
    assert expected in found


def test_hedges_and_nouns() -> None:
    found = _q("setidaknya 3.000 warga Korea Utara telah dikirim, lebih dari 90 negara hadir")
    assert ("3.000 warga Korea Utara", 3000.0, None, None, "warga Korea Utara", "setidaknya", None) in found
    assert found[1][5] == "lebih dari"


@pytest.mark.parametrize(
    "text",
    [
        "sesuai dengan Pasal 51 Piagam PBB",
        "Perpres Nomor 79 Tahun 2025",
        "pemilihan ke-3 kalinya",
        "hubungi 0812-3456-7890 segera",
        "pukul 14.30 WIB",
        "pada 28 April 2025",
        "salah satu pejabat",
        "menang skor 2-1",
        "Kabinet Indonesia Bersatu Dua",
        "Covid-19 menyebar",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _q(text) == []


def test_english() -> None:
    found = _q("about 12,000 troops, including 500 officers, and $1.4 billion", "en")
    assert found[0][:6] == ("12,000 troops", 12000.0, None, None, "troops", "about")
    assert found[1][6] == 0
    assert found[2][:4] == ("$1.4 billion", 1.4e9, None, "USD")


def test_the_words_joining_the_parts_of_a_whole_are_the_languages() -> None:
    text = "Sebanyak 40 orang tewas, termasuk 12 anak serta 3 lansia."
    assert [q[-1] for q in _q(text)] == [None, 0, 0]  # "serta" joins the third part to the first
    english = "At least 40 people died, including 12 children and 3 elderly."
    assert [q[-1] for q in _q(english, "en")] == [None, 0, 0]


def test_scales_written_onto_a_number_are_the_languages() -> None:
    assert [q[1] for q in _q("Harganya naik jadi Rp 25rb per kilogram.")] == [25000.0]
    assert [q[1] for q in _q("The price rose to Rp 25rb a kilogram.", "en")] == [25.0]  # "rb" is no English scale


def test_labels_of_a_law_and_an_address_are_not_amounts() -> None:
    # A label word before a number makes it a label even when a word follows it ("ayat", "jo").
    assert _q("Ia dijerat Pasal 2 ayat (3) huruf b UU Nomor 8 Tahun 2010 jo Pasal 64 KUHP.") == []
    assert _q("Warga RT 07/RW 11 Kelurahan Cibiru mengungsi.") == []
    assert [q[:4] for q in _q("Jalan 3 km menuju desa itu rusak.")] == [("3 km", 3.0, None, "km")]  # a measure


def test_a_margin_is_part_of_its_amount() -> None:
    assert [q[:4] for q in _q("Inflasi tercatat 3,1 ± 0,4 persen.")] == [("3,1 ± 0,4 persen", 3.1, None, "%")]


def test_a_counted_noun_before_its_number_or_shared_by_coordination() -> None:
    assert [q[4] for q in _q("Polisi menyita kendaraan sebanyak 48.")] == ["kendaraan"]
    assert [q[4] for q in _q("Petugas mendata 48 kendaraan yang hangus.")] == ["kendaraan"]  # a ke-…-an noun
    assert [q[4] for q in _q("Tim menemukan 12 pendaki laki-laki dan 9 perempuan.")] == ["pendaki laki-laki", "pendaki"]


def test_percent_decimals_currency_codes_ranges_of_two_and_identifiers() -> None:
    assert [q[:4] for q in _q("Imbal hasil naik ke 4,427% pagi ini.")] == [("4,427%", 4.427, None, "%")]
    assert [q[:4] for q in _q("Obligasi senilai AUD 8 miliar dijual.")] == [("AUD 8 miliar", 8e9, None, "AUD")]
    assert [q[:4] for q in _q("Produksi 2,7 juta ton sampai 2,8 juta ton.")] == [
        ("2,7 juta ton sampai 2,8 juta ton", 2.7e6, 2.8e6, "t")
    ]
    assert _q("sesuai PP Nomor 12/2023 dan putusan 123/Pid.B/2025/PN Jkt") == []
    assert _q("Acara Peringatan Satu Tahun Pemerintahan digelar.") == []  # a number word in a name
    assert _q("Sidang digelar tanggal 23 dan 24 nanti.") == []  # days of the month, not amounts


def test_a_phase_or_intake_number_is_a_label() -> None:
    # The number after the name of a stage, an intake or a round names it: it counts nothing.
    assert _q("Pendaftaran gelombang 2 dibuka, lalu batch 3 tahap pertama menyusul.") == []
    assert _q("Laga putaran 4 berlangsung ketat.") == []
    assert [q[:5] for q in _q("Program itu dibagi dalam 3 tahap.")] == [("3 tahap", 3.0, None, None, "tahap")]


def test_a_number_word_with_ke_before_a_noun_counts_them_all() -> None:
    # "ketiga saksi itu" is the three witnesses; "saksi ketiga" is the third witness.
    assert [q[:5] for q in _q("Polisi memeriksa ketiga saksi itu kemarin.")] == [
        ("ketiga saksi", 3.0, None, None, "saksi")
    ]
    assert [q[:5] for q in _q("Kedua belah pihak yang bertikai sepakat berdamai.")] == [
        ("Kedua belah pihak", 2.0, None, None, "belah pihak")
    ]
    assert _q("Polisi memeriksa saksi ketiga kemarin.") == []
    assert _q("Ini kedua kalinya ia menang.") == []
    assert _q("Kedua, anggaran harus dihemat.") == []
    assert _q("Sidang hari kedua pemeriksaan berjalan.") == []
    # An item of an enumeration is numbered, not counted ("Ketiga penegakan hukum …, keempat …").
    assert _q("Ketiga penegakan hukum harus tegas, dan keempat pengawasan diperketat.") == []


def test_two_days_offered_as_alternatives_are_not_amounts() -> None:
    assert _q("Rapat diundur ke tanggal 12 atau 13 nanti.") == []
