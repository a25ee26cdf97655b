"""Cleaning on furniture written in the style of other outlets, and on hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroscek.clean import clean, clean_body
from kroscek.clean.text import repair_mojibake
from kroscek.ingest.records import text_article
from tests.conftest import FIXTURES

OUTLETS = FIXTURES / "outlets"


def _clean(name: str):  # type: ignore[no-untyped-def]
    path = OUTLETS / name
    return clean(text_article(path.read_text(encoding="utf-8"), str(path)))


# (fixture, outlet, authors, wire, dateline, furniture that must go, story that must stay)
CASES = [
    (
        "kompas_style.txt",
        "kompas.com",
        ("Rina Astuti", "Bagus Prasetyo"),
        (),
        "BOGOR",
        [
            "Baca juga",
            "Lihat Foto",
            "Artikel ini telah tayang",
            "Grup Telegram",
            "WhatsApp Channel",
            "Tag:",
            "KOMPAS.com/RINA",
            "12/03/2025, 14:05",
        ],
        ["Pemerintah Kota Bogor menambah 40 unit bus listrik", "halte di sepanjang rute sedang diperbaiki."],
    ),
    (
        "tempo_style.txt",
        "tempo.co",
        ("Andi Saputra", "Maria Ulfa"),
        (),
        "Jakarta",
        ["Nasional", "Bagikan", "Salin tautan", "Pilihan Editor", "Google News", "TEMPO.CO"],
        ["Komisi Pemberantasan Korupsi memeriksa", "Kedua saksi tiba sekitar pukul 09.30 WIB."],
    ),
    (
        "liputan6_style.txt",
        "liputan6.com",
        ("Dewi Lestari",),
        (),
        "Jakarta",
        [
            "Oleh",
            "Diperbarui",
            "Liputan6.com/Angga",
            "Advertisement",
            "Lihat Juga",
            "Harga Bawang Merah",
            "Video Pilihan",
            "All Rights Reserved",
        ],
        ["Harga cabai rawit di Pasar Induk", "akan stabil hingga Juni."],
    ),
    (
        "cnn_style.txt",
        "cnnindonesia.com",
        (),
        (),
        "Jakarta",
        ["CNN Indonesia", "(rzr/tsa)", "Gambas", "19:20 WIB"],
        ["Banjir merendam sekitar 300 rumah", "evakuasi lansia dan anak-anak."],
    ),
    (
        "antara_style.txt",
        None,
        ("Yuni Arisandy", "Azis Kurmala"),
        ("ANTARA",),
        "Jakarta",
        ["Pewarta", "Editor", "Copyright", "Dilarang keras", "(ANTARA)"],
        ["Menteri Luar Negeri bertemu para mitranya", "sebagai acuan utama."],
    ),
    (
        "reuters_style.txt",
        None,
        ("Stefanno Sulaiman", "Ed Davies"),
        ("Reuters",),
        "JAKARTA",
        ["By Stefanno", "Scroll to continue", "Reporting by", "Trust Principles", "(Reuters)"],
        ["Indonesia's central bank kept its benchmark", "Analysts polled by Reuters had expected no change."],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_outlet_styles(case: tuple) -> None:  # type: ignore[type-arg]
    name, outlet, authors, wire, dateline, gone, kept = case
    article = _clean(name)
    assert article.outlet == outlet
    assert article.authors == authors
    assert article.wire == wire
    assert article.dateline == dateline
    for text in gone:
        assert text not in article.text, f"{text!r} left in {name}"
    for text in kept:
        assert text in article.text, f"{text!r} lost from {name}"


def test_hostile_markup_is_removed_and_recorded() -> None:
    raw = (
        "Judul Berita Yang Cukup Panjang Untuk Sebuah Judul\n\n"
        "<script>alert('x')\nfetch('//evil')</script>\n"
        'Polisi menangkap <b onclick="steal()">dua pelaku</b> pencurian di Jakarta pada Senin malam.\n'
        '<iframe src="javascript:alert(1)"></iframe>Warga diminta tetap waspada terhadap modus serupa.\n'
        "<style>body{display:none}</style>\n"
    )
    body = clean_body(raw)
    assert "<" not in body.text and "alert" not in body.text and "onclick" not in body.text
    assert "Polisi menangkap dua pelaku pencurian di Jakarta pada Senin malam." in body.text
    assert "Warga diminta tetap waspada" in body.text
    assert any(b.reason == "markup" and "script" in b.text for b in body.boilerplate)


def test_escaped_markup_stays_text() -> None:
    raw = "Judul Berita Tentang Sebuah Situs\n\nPengguna menulis &lt;script&gt; di kolom komentar situs itu kemarin.\n"
    body = clean_body(raw)
    assert "<script>" in body.text  # it is what the article says; the renderer escapes it


def test_mojibake_repaired() -> None:
    assert repair_mojibake("â€œKami siapâ€\x9d, â€¢ Rp 5 juta Â© 2025") == "“Kami siap”, • Rp 5 juta © 2025"
    assert repair_mojibake("Ã©tÃ© à la carte") == "été à la carte"
    assert repair_mojibake("plain ASCII and café") == "plain ASCII and café"


def test_inline_scroll_marker_inside_a_line() -> None:
    body = clean_body(
        "Judul Berita Soal Harga Beras Naik Lagi\n\n"
        "Harga beras naik lagi di pasar tradisional. SCROLL TO CONTINUE WITH CONTENT Pedagang mengeluh sepi pembeli.\n"
    )
    assert "SCROLL" not in body.text
    assert "pasar tradisional. Pedagang mengeluh" in body.text


def test_subheadings_and_list_items_inside_story_are_kept() -> None:
    raw = Path(OUTLETS / "kompas_style.txt").read_text(encoding="utf-8")
    raw = raw.replace(
        "Ia menambahkan, halte di sepanjang rute sedang diperbaiki.",
        "Ia menambahkan, halte di sepanjang rute sedang diperbaiki.\n\nRute Baru Mulai April\n\n"
        "1. Rute Terminal Bubulak ke Stasiun Bogor\n2. Rute Ciawi ke Sukasari\n\n"
        "Dishub juga menyiapkan aplikasi pelacak bus untuk warga.",
    )
    body = clean_body(raw)
    for kept in ("Rute Baru Mulai April", "1. Rute Terminal Bubulak", "2. Rute Ciawi ke Sukasari"):
        assert kept in body.text


def test_given_title_is_removed_from_text_but_body_kept() -> None:
    raw = (
        "Harga Emas Naik Lagi\nHarga emas Antam naik Rp 10.000 per gram pada Senin pagi.\nSimak juga Video: Emas Naik\n"
    )
    body = clean_body(raw, given_title="Harga Emas Naik Lagi")
    assert body.text == "Harga emas Antam naik Rp 10.000 per gram pada Senin pagi."


def test_a_long_line_that_opens_like_furniture_is_kept() -> None:
    story = " ".join(["Kecelakaan beruntun terjadi di jalan tol pada Senin pagi dan melibatkan truk."] * 12)
    body = clean_body(f"VIDEO : Detik-detik Kecelakaan di Tol {story}", given_title="Kecelakaan di Tol")
    assert "Kecelakaan beruntun terjadi" in body.text


def test_short_list_items_closing_a_story_are_kept() -> None:
    raw = (
        "Syarat Daftar Sekolah Negeri Tahun Ini\n\n"
        "Dinas pendidikan mengumumkan syarat pendaftaran sekolah negeri tahun ini kepada para orang tua.\n"
        "Berikut dokumen yang harus dibawa:\n1. Kartu keluarga\n2. Akta kelahiran\n- Rapor terakhir\n\nSumber\n"
    )
    body = clean_body(raw)
    assert body.text.endswith("1. Kartu keluarga\n2. Akta kelahiran\n- Rapor terakhir")
