"""Language identification restricted to id, ms and en."""

from __future__ import annotations

from kroscek.clean.language import detect_language


def test_indonesian_malay_english() -> None:
    assert detect_language("Pemerintah akan menyalurkan bantuan langsung tunai kepada keluarga miskin bulan ini.") == "id"
    assert detect_language("Kerajaan akan menyalurkan bantuan tunai kepada isi rumah berpendapatan rendah, kata menteri kewangan semalam.") == "ms"
    assert detect_language("The central bank kept its benchmark interest rate unchanged on Wednesday.") == "en"


def test_too_short_is_unknown() -> None:
    assert detect_language("Oke.") is None
