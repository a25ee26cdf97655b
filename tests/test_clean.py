"""Cleaning on furniture written in the style of other outlets, and on hostile text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroscek.clean import clean, clean_body
from kroscek.clean.furniture import furniture
from kroscek.clean.text import prepare_lines, repair_mojibake
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
        ("Rina Astuti",),  # "Editor Bagus Prasetyo" is credited, not an author
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
        ("Andi Saputra",),  # "Editor: Maria Ulfa" is credited, not an author
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
        ("Yuni Arisandy",),  # the editor is credited, not an author
        ("ANTARA",),
        "Jakarta",
        ["Pewarta", "Editor", "Copyright", "Dilarang keras", "(ANTARA)"],
        ["Menteri Luar Negeri bertemu para mitranya", "sebagai acuan utama."],
    ),
    (
        "reuters_style.txt",
        None,
        ("Stefanno Sulaiman",),  # "Editing by" credits an editor, not an author
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


def test_escaped_markup_is_never_brought_alive() -> None:
    # Issue 10: entities used to be decoded after tags were stripped, so "&lt;script&gt;" came
    # out as a live <script> in the clean text.
    raw = (
        "Judul Berita Tentang Sebuah Situs\n\n"
        "Pengguna menulis &lt;script&gt;alert(1)&lt;/script&gt; di kolom komentar situs itu kemarin.\n"
        "Penyerang juga mencoba &lt;img src=x onerror=alert(1)&gt; pada halaman yang sama pekan lalu.\n"
    )
    body = clean_body(raw)
    assert "<" not in body.text and "onerror" not in body.text
    # The decoded tags are removed like raw ones; the article's own words stay.
    assert "Pengguna menulis alert(1) di kolom komentar situs itu kemarin." in body.text
    assert "Penyerang juga mencoba pada halaman yang sama pekan lalu." in body.text
    markup = [b.text for b in body.boilerplate if b.reason == "markup"]
    assert "<script> </script>" in markup and "<img src=x onerror=alert(1)>" in markup


def test_ordinary_entities_are_decoded() -> None:
    raw = "Tom &amp; Jerry &quot;lucu&quot;&nbsp;sekali, &#8220;kata&#8221; &#x201C;dia&#x201D; a &lt; b"
    lines, removed = prepare_lines(raw)
    assert lines == ['Tom & Jerry "lucu" sekali, “kata” “dia” a < b']
    assert removed == []


def test_a_line_break_written_as_an_entity_adds_no_line() -> None:
    lines, _ = prepare_lines("satu&#10;dua\ntiga")
    assert lines == ["satu dua", "tiga"]


@pytest.mark.parametrize(
    "raw",
    [
        "<img<b> src=x onerror=alert(1)>",  # removing <b> must not join a new <img ...>
        "<\u200bscript>alert(1)</script>",  # nor removing an invisible character
        "<scr&#105;pt>alert(1)</script>",
        "&lt;!-- komentar --&gt;&lt;b&gt;tebal&lt;/b&gt;",
        "<script&gt;alert(1)",
    ],
)
def test_no_tag_survives_cleaning(raw: str) -> None:
    lines, removed = prepare_lines(f"Teks awal.\n{raw}\nTeks akhir.")
    assert not any(re.search(r"<[A-Za-z/!?][^>]*>", line) for line in lines), lines
    assert lines[0] == "Teks awal."
    assert any(b.reason == "markup" for b in removed)


@pytest.mark.parametrize("unit", ["<!-- x ", "<script>a ", "<STYLE>a ", "<iframe src=x>a "])
def test_unclosed_comment_or_script_runs_to_the_end(unit: str) -> None:
    # Issue 10: 80 KB of these took 10 s and 870 MB; the pass is linear now.
    raw = "Berita pembuka yang cukup panjang.\n" + unit * 20_000 + "\nbaris terakhir"
    lines, removed = prepare_lines(raw)
    assert lines == ["Berita pembuka yang cukup panjang.", "", ""]
    assert [(b.reason, b.line, b.text[:10]) for b in removed] == [("markup", None, (unit * 2)[:10])]


def test_unclosed_svg_keeps_its_text_and_loses_its_tags() -> None:
    lines, removed = prepare_lines("<svg>a " * 3 + "\n<a x <a x")
    assert lines == ["a a a", "<a x <a x"]  # a '<' with no '>' after it on its line is text
    assert [b.text for b in removed] == ["<svg> <svg> <svg>"]


def test_closed_blocks_across_lines_keep_line_numbers() -> None:
    lines, removed = prepare_lines("a<!-- satu\ndua -->b\n<script>x\ny</script>c\nd")
    assert lines == ["a", "b", "", "c", "d"]
    assert [b.text for b in removed] == ["<!-- satu\ndua -->", "<script>x\ny</script>"]


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


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Fakta.com/Putut Pramudiko", True),
        ("Suasana rapat di Jakarta (Liputan6.com/Angga Yuniar)", True),
        ("Warga antre (news.kompas-tv.com / Budi Santoso).", True),
        ("Foto arsip (-kompas.com/Budi)", True),
        ("Berita " + "ke-" * 20_000 + " selesai.", False),  # issue 10: catastrophic backtracking
        ("ab." * 30_000 + "com/Budi", True),
        ("ab." * 30_000 + "com", False),
        # An embedded post's text closing on its media link, a short link: no credit.
        ("Greedy Williams has been solid in run support so far this season. pic.twitter.com/PQqbN51wBW", False),
        ("Receba nosso ebook gratuito. Clique aqui: https://goo.gl/FDS4xU.", False),
    ],
)
def test_caption_credit_with_a_domain(line: str, caption: bool) -> None:
    assert furniture().is_caption(line) is caption


def test_a_huge_hyphenated_line_is_kept() -> None:
    line = "Warga berkata " + "ke-" * 20_000 + "ke sana setiap hari bersama anak-anak mereka."
    body = clean_body("Judul Berita Tentang Warga Desa\n\n" + line)
    assert body.text == line


def test_thousands_of_header_lines_still_find_the_repeated_title() -> None:
    # Each header line was counted against every other one (quadratic in the header).
    tags = ("".join("abcdefghij"[int(d)] for d in str(i)) for i in range(3_000))  # distinct words
    menu = "".join(f"Menu Bagian {tag.title()} Di Sini\n" for tag in tags)
    title = "Banjir Surut Warga Mulai Bersihkan Rumah"
    story = "Pemerintah daerah menyatakan bahwa situasi sudah kembali normal setelah banjir surut pada Senin pagi."
    body = clean_body(f"{menu}{title}\n{title}\n{story}\n")
    assert body.title == title
    assert body.text == story


def test_a_date_stamp_check_reads_a_long_token_once() -> None:
    # The word pattern "[\w.]*[^\W\d_][\w.]*" read a run without letters once per character.
    assert furniture().is_date_line("Januari 2025 " + "_" * 20_000)  # no word besides the date
    assert not furniture().is_date_line("Januari 2025 " + "_" * 20_000 + "a")
    assert furniture().is_date_line("Kamis, 16 Jan 2025 19:20 WIB")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Facebook Twitter WhatsApp | Telegram · Salin tautan", "share"),
        ("Facebook " * 60 + "lalu pergi", None),  # was exponential: 2^60 ways to split the spaces
        ("Facebook  " * 60, "share"),
    ],
)
def test_share_bars_of_platform_names(line: str, reason: str | None) -> None:
    assert furniture().line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # Date lines of English pages (ECB+), with their labels, zones and odd clock spacing.
        "May 03, 2013",
        "Tuesday, March 4, 2014",
        "Published: December 19, 2005",
        "TNN Nov 12, 2011, 05. 51AM IST MUMBAI:",
        "May 3rd, 2013 2: 00pm EDT",
        "Posted at 3: 21 PM ET, 01/5/2011",
        "27 NOVEMBER, 2005",
        "8: 44AM BST 16 Sep 2013",
        "PUBLISHED FRIDAY, MARCH 8, 2013 AT 12: 46 PM/UPDATED AT 12: 48 PM",
        "updated 7/28/2004 3: 02: 00 PM ET",
        "First Posted: 10/25/11 06: 44 PM ET Updated: 12/25/11 05: 12 AM ET",
        "12: 52 p. m. EDT May 2, 2013",
        "published: 2012-04-04 11: 47: 35",
        "Reuters Sep 18, 2013, 02. 16PM IST",
        "Kompas.com - 12/03/2025, 14:05 WIB",
        "Diperbarui 17 Jan 2025, 08:00 WIB",
    ],
)
def test_english_and_indonesian_date_lines(line: str) -> None:
    assert furniture().is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The attack took place on May 3, 2013 in Boston.",
        "End of Watch: Friday, June 24, 2005",
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",
        "Harga cabai naik 12 persen pada Senin (28/4/2025).",
        "GEMPA 7 SR GUNCANG PALU 28 SEPTEMBER 2018",
    ],
)
def test_lines_with_a_date_that_are_not_date_lines(line: str) -> None:
    assert not furniture().is_date_line(line)


def test_an_english_date_line_under_the_title_is_removed_as_a_date() -> None:
    raw = (
        "Council Approves New Bridge Budget\n"
        "First Published: June 13, 2013 4: 59 PM EDT\n"
        "The city council approved the budget for the new bridge on Thursday after a long debate.\n"
        "Work is expected to start next spring, the mayor said in a statement.\n"
    )
    body = clean_body(raw)
    assert {b.text: b.reason for b in body.boilerplate}["First Published: June 13, 2013 4: 59 PM EDT"] == "date"
    assert body.text.startswith("The city council approved")


def test_a_prompt_glued_to_a_story_paragraph_goes_and_the_story_stays() -> None:
    raw = (
        "Banjir merendam ratusan rumah di Garut pada Senin malam, kata petugas. Ikuti saluran WhatsApp "
        "Kabar Garut untuk kabar terbaru.\n\nSimak berita pilihan di Google News. Warga diminta waspada "
        "karena hujan masih turun.\n\nPetugas masih menyisir sungai. Artikel ini telah tayang di "
        'Kompas.com dengan judul "Banjir Garut".'
    )
    body = clean_body(raw)
    assert body.text.split("\n\n") == [
        "Banjir merendam ratusan rumah di Garut pada Senin malam, kata petugas.",
        "Warga diminta waspada karena hujan masih turun.",
        "Petugas masih menyisir sungai.",
    ]
    assert [(b.reason, b.part) for b in body.boilerplate] == [
        ("subscribe", "suffix"),
        ("subscribe", "prefix"),
        ("syndication", "suffix"),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Follow The Daily Opinion section on Facebook, Twitter (@DailyOpinion) and Instagram.", "subscribe"),
        ("Follow @DailyDeals on Twitter to keep up with the latest deals.", "subscribe"),
        ("Write to Jane Roe at jane.roe@example.com", "contact"),
        ("Email John Doe at jdoe@example.com or follow him @jdoe.", "contact"),
        ("Reach the reporters on Twitter at https://twitter.com/janeroe", "contact"),
        ("Associated Press writers Jane Roe and John Doe contributed to this report.", "credit"),
        ("John Doe contributed reporting from Hong Kong.", "credit"),
        ("Like this story? Share it with a friend!", "share"),
        ("More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports", "related"),
        ("This copy is for your personal, non-commercial use only. To order copies visit example.com.", "copyright"),
        ("- Order Reprints", "share"),
        ("Print Article", "share"),
        ("He said he would follow the team on its tour of Asia.", None),
        ("Officials said they would reach the families on Monday at the latest.", None),
        ("Four agencies contributed to the rescue effort, the governor said.", None),
    ],
)
def test_english_lines_around_a_story(line: str, reason: str | None) -> None:
    assert furniture().line_reason(line) == reason


def test_a_dont_miss_box_and_a_tweet_button_go() -> None:
    raw = (
        "The plague case was confirmed on Sunday by health officials in the region, the agency said.\n\n"
        "DON'T MISS\nPlague warning: CDC names eight deadly diseases [WARNING]\n"
        "Travellers quarantined after outbreak [NEWS]\n\n"
        "Officials said the risk to the public remained low.Click To Tweet"
    )
    assert clean_body(raw).text.split("\n\n") == [
        "The plague case was confirmed on Sunday by health officials in the region, the agency said.",
        "Officials said the risk to the public remained low.",
    ]
