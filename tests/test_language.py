"""Language identification restricted to id, ms and en."""

from __future__ import annotations

from kroscek.clean.language import detect_language


def test_indonesian_malay_english() -> None:
    indonesian = "Pemerintah akan menyalurkan bantuan langsung tunai kepada keluarga miskin bulan ini."
    malay = "Kerajaan akan menyalurkan bantuan tunai kepada isi rumah berpendapatan rendah, kata menteri kewangan."
    english = "The central bank kept its benchmark interest rate unchanged on Wednesday."
    assert detect_language(indonesian) == "id"
    assert detect_language(malay) == "ms"
    assert detect_language(english) == "en"


def test_too_short_is_unknown() -> None:
    assert detect_language("Oke.") is None
