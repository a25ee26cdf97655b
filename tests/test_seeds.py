"""Golden tests on the five seed articles: what must be found and what must be gone."""

from __future__ import annotations

import pytest

from kroscek.model import Article
from tests.conftest import sentence_texts

TITLES = {
    "000": "Reaksi China usai Rusia dan Korea Utara Akui Tentara Kim Jong-Un Ikut Lawan Ukraina",
    "001": "Korut-Rusia Kian Erat Picu Kekhawatiran AS, China Bilang Gini",
    "002": "Rusia Bakal Pakai Tentara Korea Utara Buat Serbu Ukraina",
    "003": "China minta semua menahan diri soal pengerahan tentara Korut ke Rusia",
    "004": "Korea Utara Amini Rusia, Akui Kirim Tentara Lawan Ukraina",
}

FIRST = {
    "000": "China memberikan respons yang hati-hati setelah Rusia dan Korea Utara mengonfirmasi",
    "001": "Hubungan yang semakin erat antara Korea Utara (Korut) dan Rusia memicu",
    "002": "Pejabat AS percaya Rusia akan memakai tentara Korea Utara",
    "003": "Kementerian Luar Negeri China meminta semua pihak menahan diri",
    "004": "Korea Utara akhirnya bersuara soal pengiriman tentara",
}

LAST = {
    "000": "ketika Presiden Rusia Vladimir Putin berkunjung ke Pyongyang pada Juni tahun lalu.",
    "001": "dan Rusia berhak meminta bantuan dari mitra-mitranya.",
    "002": "memicu China memperketat posisinya terhadap Rusia dan Korea Utara.",
    "003": "dan diskusi yang adil mengenai keseluruhan rencana perdamaian.",
    "004": "komitmen membantu satu sama lain jika salah satu pihak diserang.",
}

# Furniture that must not survive anywhere in the clean text.
GONE = [
    "Tinggalkan komentar",
    "Related Post",
    "Penulis:",
    "Sumber: Korean Central News Agency",
    "Simak Video",
    "Gambas",
    "Saksikan Live",
    "halaman berikutnya",
    "Sebarkan artikel ini",
    "Baca Juga",
    "Foto: VOA/AP",
    "SinarHarapan.id",
    "Kabar Harapan",
    "Memberikan Informasi Terupdate",
    "BEIJING (ANTARA)",
    "Leave a Reply",
    "Your email address",
    "Naskah:",
    "Infografis",
    "Fakta.com/Putut",
    "FAKTA.COM",
    "(VOA)",
    "(KCNA/Yonhap/Kremlin)",
    "×",
    "Internasional",
]


@pytest.mark.parametrize("key", sorted(TITLES))
def test_title_found_once(seeds: dict[str, Article], key: str) -> None:
    article = seeds[key]
    assert article.title == TITLES[key]
    assert TITLES[key] not in article.text


@pytest.mark.parametrize("key", sorted(FIRST))
def test_first_and_last_story_sentence_kept(seeds: dict[str, Article], key: str) -> None:
    texts = sentence_texts(seeds[key])
    assert texts[0].startswith(FIRST[key])
    assert texts[-1].endswith(LAST[key])


@pytest.mark.parametrize("key", sorted(TITLES))
def test_furniture_gone(seeds: dict[str, Article], key: str) -> None:
    text = seeds[key].text
    left = [g for g in GONE if g in text]
    assert not left, f"furniture left in {key}: {left}"


def test_authors(seeds: dict[str, Article]) -> None:
    assert seeds["000"].authors == ("Faqih Ahmd",)  # name line and "Penulis:" block: one author
    assert seeds["004"].authors == ("Idealisa Masyrafina",)  # "Infografis:" is not an author
    assert seeds["001"].authors == ()
    assert seeds["002"].authors == ()


def test_outlet_wire_dateline(seeds: dict[str, Article]) -> None:
    assert (seeds["001"].outlet, seeds["001"].wire) == ("detik.com", ())
    assert (seeds["002"].outlet, seeds["002"].wire) == ("sinarharapan.id", ("VOA",))
    assert (seeds["003"].outlet, seeds["003"].wire, seeds["003"].dateline) == (
        "Kabar Harapan",
        ("ANTARA",),
        "BEIJING",
    )
    assert seeds["004"].outlet == "fakta.com"
    assert seeds["004"].dateline == "Jakarta"
    assert seeds["004"].wire == ("KCNA", "Yonhap", "Kremlin")
    # A photo credit names an agency but is not a wire credit.
    assert seeds["000"].wire == ()


def test_story_after_mid_article_credit_is_kept(seeds: dict[str, Article]) -> None:
    text = seeds["004"].text
    assert "Pejabat yang mengungkapkan keterlibatan tantara Korut" in text
    assert "kata Gerasimov seperti dikutip situs resmi Kremlin." in text


def test_quotes_and_standfirst(seeds: dict[str, Article]) -> None:
    # Quotes are story; a standfirst before the lead marker is furniture, kept with its reason.
    assert "“Interaksi antara Rusia dan Korea Utara" in seeds["000"].text
    reasons = {b.reason for b in seeds["002"].boilerplate}
    assert {"standfirst", "caption", "share", "related", "masthead", "title", "credit"} <= reasons
    assert seeds["002"].text.count("China tampak resah") == 1


def test_removed_furniture_is_kept_with_reasons(seeds: dict[str, Article]) -> None:
    removed = {b.text: b.reason for b in seeds["001"].boilerplate}
    assert removed["[Gambas Video 20detik]"] == "video"
    assert removed["Simak berita selengkapnya di halaman berikutnya."] == "navigation"
    assert all(b.line is not None for b in seeds["001"].boilerplate)


def test_language_and_ids(seeds: dict[str, Article]) -> None:
    assert {a.language for a in seeds.values()} == {"id"}
    assert len({a.id for a in seeds.values()}) == 5


def test_publish_dates(seeds: dict[str, Article]) -> None:
    got = {k: (a.published, a.published_source) for k, a in seeds.items()}
    assert got == {
        "000": ("2025-04-28", "text"),
        "001": ("2024-11-01", "text"),
        "002": (None, None),
        "003": ("2024-10-29", "text"),
        "004": ("2025-04-27", "text"),
    }


def test_seed_numbers_and_dates(seeds: dict[str, Article]) -> None:
    def q(key: str) -> list[tuple[str, float | None, str | None, int | None]]:
        a = seeds[key]
        return [(a.text[x.start : x.end], x.value, x.hedge, x.part_of) for x in a.quantities]

    assert ("12.000 tentara", 12000.0, "Sekitar", None) in q("003")
    assert ("500 perwira", 500.0, None, 0) in q("003") and ("tiga jenderal", 3.0, None, 0) in q("003")
    assert ("3.000 warga Korea Utara", 3000.0, "setidaknya", None) in q("003")
    assert ("8.000 tentara Korut", 8000.0, "sekitar", None) in q("001")
    # "Pasal 51" and "Pasal 8" are article numbers, not amounts.
    assert not any(text.startswith(("51", "8 ")) for text, *_ in q("003"))
    dates = {(seeds["004"].text[d.start : d.end], d.value) for d in seeds["004"].dates}
    assert {
        ("Minggu (27/4/2025)", "2025-04-27"),
        ("Sabtu (26/4/2025)", "2025-04-26"),
        ("Agustus tahun lalu", "2024-08"),
        ("tahun lalu", "2024"),
    } <= dates
