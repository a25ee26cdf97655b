"""Dates as Indonesian news writes them, resolved against the publish date."""

from __future__ import annotations

import pytest

from kroscek.annotate.dates import find_dates


def _dates(text: str, published: str | None = "2025-04-28", language: str = "id") -> list[tuple[str, ...]]:
    return [
        (text[d.start : d.end], d.value or "", d.end_value or "", d.grain or "")
        for d in find_dates(text, published, language)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateparser reads this as 11 January; the news form is day/month.
        ("dilansir AFP, Jumat (1/11/2024).", ("Jumat (1/11/2024)", "2024-11-01", "", "day")),
        ("kata dia, Senin (28/4/2025).", ("Senin (28/4/2025)", "2025-04-28", "", "day")),
        # The weekday picks the year: 29 October 2024 is a Tuesday, 2025's is a Wednesday.
        ("Pada Selasa (29 Oktober), Lin berkata.", ("Selasa (29 Oktober)", "2024-10-29", "", "day")),
        (
            "Senin (5/8) malam hingga Selasa (6/8) ini.",
            ("Senin (5/8) malam hingga Selasa (6/8)", "2024-08-05", "2024-08-06", "day"),
        ),
        ("pada 18-19 Juni 2024 di Pyongyang", ("18-19 Juni 2024", "2024-06-18", "2024-06-19", "day")),
        ("pada 15–16 Juni mendatang", ("15–16 Juni mendatang", "2025-06-15", "2025-06-16", "day")),
        ("berkunjung pada Juni tahun lalu.", ("Juni tahun lalu", "2024-06", "", "month")),
        ("pada Oktober 2024 lalu", ("Oktober 2024", "2024-10", "", "month")),
        ("diteken 2 Oktober 2024.", ("2 Oktober 2024", "2024-10-02", "", "day")),
        ("pukul 14.30 WIB kemarin", ("pukul 14.30 WIB kemarin", "2025-04-27T14:30+07:00", "", "time")),
        (
            "Senin (28/4/2025) pukul 14.30 WIB",
            ("Senin (28/4/2025) pukul 14.30 WIB", "2025-04-28T14:30+07:00", "", "time"),
        ),
        ("pukul 09.00 WITA", ("pukul 09.00 WITA", "2025-04-28T09:00+08:00", "", "time")),  # on the publish day
        ("kemarin", ("kemarin", "2025-04-27", "", "day")),
        ("pekan lalu", ("pekan lalu", "2025-04-21", "2025-04-27", "day")),
        ("Selasa lalu", ("Selasa lalu", "2025-04-22", "", "day")),
        ("bulan depan", ("bulan depan", "2025-05", "", "month")),
        ("dua hari lalu", ("dua hari lalu", "2025-04-26", "", "day")),
        ("awal tahun ini", ("awal tahun ini", "2025", "", "year")),
        ("periode 2014 - 2019", ("2014 - 2019", "2014", "2019", "year")),
        ("era 1960-an", ("1960-an", "1960", "1969", "year")),
        ("kuartal pertama 2008", ("kuartal pertama 2008", "2008-01", "2008-03", "month")),
    ],
)
def test_news_forms(text: str, expected: tuple[str, ...]) -> None:
    assert expected in _dates(text)


def test_bare_weekday_is_the_publish_day_or_the_one_before() -> None:
    # Published on a Monday: "Senin" is that day, "Sabtu" the Saturday before it.
    assert _dates("Pada hari Senin, Korea Utara mengonfirmasi.")[0][1] == "2025-04-28"
    assert _dates("kata dia, Sabtu.")[0][1] == "2025-04-26"


def test_clock_zone_offsets() -> None:
    [(_, value, _, _)] = _dates("Rabu (30/4/2025) pukul 08.15 WIT")
    assert value == "2025-04-30T08:15+09:00"


def test_year_inferred_from_the_text_without_a_publish_date() -> None:
    text = "Pada Selasa (29 Oktober) Lin berbicara. Pasukan dikerahkan pada Desember 2024."
    assert _dates(text, published=None)[0][1] == "2024-10-29"
    # Deictic words need the publish date: without it they stay unresolved.
    assert _dates("Senin lalu", published=None)[0][1] == ""


@pytest.mark.parametrize(
    "text",
    [
        "Pasukan berjumlah 2.000 orang.",  # an amount, not the year 2000
        "UU Nomor 31 Tahun 1999 tentang korupsi",  # a law's number
        "skor 2/1 di babak kedua",  # a score, not a date
        "dua minggu lalu",  # "minggu" is a week here, not Sunday...
    ],
)
def test_not_dates(text: str) -> None:
    found = _dates(text)
    if text.startswith("dua minggu"):
        assert found == [("dua minggu lalu", "2025-04-14", "", "day")]  # ...and the span is relative
    elif text.startswith("UU"):
        assert all(f[1] != "1999" for f in found)
    else:
        assert found == []


def test_english_forms() -> None:
    found = _dates("On Wednesday, Jan. 15, 2025, at 14:30 GMT, and again last week.", "2025-01-17", "en")
    assert ("Wednesday, Jan. 15, 2025, at 14:30 GMT", "2025-01-15T14:30+00:00", "", "time") in found
    assert ("last week", "2025-01-06", "2025-01-12", "day") in found


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        # Date-line forms of English pages (ECB+): ordinals, upper case, a comma or none before
        # the year, abbreviations with a dot after the weekday and the month.
        ("27 NOVEMBER, 2005", "27 NOVEMBER, 2005", "2005-11-27"),
        ("Published on 18th September 2013", "18th September 2013", "2013-09-18"),
        ("8: 56am Monday 10th June 2013", "Monday 10th June 2013", "2013-06-10"),
        ("May 3rd, 2013 2: 00pm EDT", "May 3rd, 2013", "2013-05-03"),
        ("on Dec 23 2012, 6: 11p", "Dec 23 2012", "2012-12-23"),
        ("Fri., May. 3, 2013 11: 45 AM PDT", "Fri., May. 3, 2013", "2013-05-03"),
        ("Published: Tuesday, Dec. 20 2005 12: 00 a. m. MST", "Tuesday, Dec. 20 2005", "2005-12-20"),
        ("Sept 18, 2013", "Sept 18, 2013", "2013-09-18"),
        ("the ruling of Dec.14, 2012", "Dec.14, 2012", "2012-12-14"),  # the dot stands for the space
    ],
)
def test_english_date_line_forms(text: str, mention: str, value: str) -> None:
    assert (mention, value) in [(m[0], m[1]) for m in _dates(text, None, "en")]


def test_neighbourhood_numbers_are_not_a_date() -> None:
    # "RT 03/02/01 RW 01": a bare numeric date needs a four-digit year (or its weekday or brackets).
    assert _dates("Kampung Lembur Tengah RT 03/02/01 RW 01, Desa Purabaya.") == []
    assert _dates("diteken 03/02/2001 di Jakarta.")[0][:2] == ("03/02/2001", "2001-02-03")


def test_weekday_with_daypart_before_the_bracketed_date_is_one_mention() -> None:
    # Real news form: "Rabu sore (18/9)" — the weekday decides the year when none is written.
    text = "Sebagai bukti pada Rabu sore ( 18 / 9 ) , KPK menetapkan tersangka."
    (mention,) = find_dates(text, "2019-09-20")
    assert text[mention.start : mention.end] == "Rabu sore ( 18 / 9 )" and mention.value == "2019-09-18"


def test_weekday_with_a_relative_word_before_the_bracketed_date_is_one_mention() -> None:
    # "Jumat kemarin (28/9)", "Senin depan (27/10)": the weekday still decides the year.
    text = "Gempa mengguncang Donggala pada Jumat kemarin ( 28 / 9 ) malam."
    (mention,) = find_dates(text, "2018-09-30")
    assert text[mention.start : mention.end] == "Jumat kemarin ( 28 / 9 ) malam" and mention.value == "2018-09-28"
    (mention,) = find_dates("Sidang digelar Senin depan (27/10).", "2025-10-22")
    assert mention.value == "2025-10-27"


def test_a_weekday_fixes_the_year_either_side_of_a_year_the_text_writes() -> None:
    # No publish date: the text's only year (a journal of 2016) is no publish day; 28 September
    # is a Friday in 2012 and 2018, and the nearer year wins.
    text = "Gempa terjadi pada Jumat (28/9). Jurnal yang terbit pada 2016 sudah memperingatkan."
    assert _dates(text, published=None)[0][1] == "2018-09-28"
    # A publish day still looks back only: news tells past days.
    assert _dates("Gempa terjadi pada Jumat (28/9).", published="2016-05-01")[0][1] == "2012-09-28"


def test_dates_outside_the_years_allowed_are_text_with_a_warning() -> None:
    from kroscek.annotate.dates import dates
    from kroscek.model import Article

    text = "Ia berkata Senin (3/1/0001) dan kemarin, lalu 3 Maret 2025 dan 1.000.000 hari lalu."
    article = dates(Article(id="x", source="x", name="x", raw=text, text=text, published="2025-03-04"))
    values = {text[d.start : d.end]: d.value for d in article.dates}
    assert values["Senin (3/1/0001)"] is None
    assert values["kemarin"] == "2025-03-03" and values["3 Maret 2025"] == "2025-03-03"
    assert [w.stage for w in article.warnings] == ["dates"] and "0001" in article.warnings[0].message
    # an out-of-range publish date is never an anchor: nothing overflows
    early = dates(Article(id="y", source="y", name="y", raw="kemarin", text="kemarin", published="0001-01-01"))
    assert early.dates[0].value is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The hour is read whole: "21.30" is not "2" and "1.30".
        ("Api padam sekitar pukul 23.15 WITA.", [("sekitar pukul 23.15 WITA", "2025-04-28T23:15+08:00", "", "time")]),
        # A clock time takes the day its sentence names, before it or after it, else the publish day.
        (
            "Pada Jumat (25/4), warga mengungsi pukul 21.30 WIT.",
            [("Jumat (25/4)", "2025-04-25", "", "day"), ("pukul 21.30 WIT", "2025-04-25T21:30+09:00", "", "time")],
        ),
        (
            "Ledakan terdengar pukul 02.10 waktu setempat di dermaga timur pada Sabtu (26/4).",
            [("pukul 02.10 waktu setempat", "2025-04-26T02:10", "", "time"), ("Sabtu (26/4)", "2025-04-26", "", "day")],
        ),
        (
            "Hujan turun Jumat (25/4). Banjir datang pukul 04.00 WIB.",
            [("Jumat (25/4)", "2025-04-25", "", "day"), ("pukul 04.00 WIB", "2025-04-28T04:00+07:00", "", "time")],
        ),
        # A period part alone names the current year or month; "X ini" is the publish day.
        (
            "Harga naik sejak awal tahun dan turun akhir bulan.",
            [("awal tahun", "2025", "", "year"), ("akhir bulan", "2025-04", "", "month")],
        ),
        ("Laga digelar malam ini.", [("malam ini", "2025-04-28", "", "day")]),
        # Two days joined by "dan" are two days, not the range between them.
        ("Sidang digelar 6 dan 8 Mei 2025.", [("6", "2025-05-06", "", "day"), ("8 Mei 2025", "2025-05-08", "", "day")]),
        ("Sidang digelar 6-8 Mei 2025.", [("6-8 Mei 2025", "2025-05-06", "2025-05-08", "day")]),
        # Two days offered as alternatives are two days too; so are two years or two months joined.
        (
            "Rapat diundur ke tanggal 12 atau 13.",
            [("tanggal 12", "2025-04-12", "", "day"), ("13", "2025-04-13", "", "day")],
        ),
        ("Pemilu digelar pada 2019 dan 2024.", [("2019", "2019", "", "year"), ("2024", "2024", "", "year")]),
        (
            "Harga naik pada Juni dan Juli 2024.",
            [("Juni", "2024-06", "", "month"), ("Juli 2024", "2024-07", "", "month")],
        ),
        ("Sidang digelar antara 6 dan 8 Mei 2025.", [("6 dan 8 Mei 2025", "2025-05-06", "2025-05-08", "day")]),
        # A past-marked month is the last one before the publish day.
        ("Proyek dimulai Agustus lalu.", [("Agustus lalu", "2024-08", "", "month")]),
    ],
)
def test_unseen_classes_of_issue_16(text: str, expected: list[tuple[str, ...]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ekonomi tumbuh 5 persen pada kuartal III-2025.", [("kuartal III-2025", "2025-07", "2025-09", "month")]),
        # A quarter with no year is of the publish year; a school's "semester I" is no date.
        ("Target itu dikejar hingga kuartal IV.", [("kuartal IV", "2025-10", "2025-12", "month")]),
        ("Nilai semester I diumumkan.", []),
        ("Laga digelar nanti malam.", [("nanti malam", "2025-04-28", "", "day")]),
    ],
)
def test_quarters_and_tonight(text: str, expected: list[tuple[str, ...]]) -> None:
    assert _dates(text) == expected


def test_a_text_that_names_its_own_today_counts_from_it() -> None:
    # Written on Sunday the 27th, published after midnight: "kemarin" is the 26th.
    text = "Rapat digelar hari ini, Minggu (27/4/2025), di Jakarta. Kemarin hujan deras."
    assert _dates(text) == [
        ("hari ini", "2025-04-27", "", "day"),
        ("Minggu (27/4/2025)", "2025-04-27", "", "day"),
        ("Kemarin", "2025-04-26", "", "day"),
    ]
    assert _dates("Rapat digelar hari ini di Jakarta. Kemarin hujan.")[1] == ("Kemarin", "2025-04-27", "", "day")


def test_a_day_of_the_month_by_its_number() -> None:
    assert _dates("Sidang digelar tanggal 23 dan 24 nanti.") == [
        ("tanggal 23", "2025-04-23", "", "day"),
        ("24", "2025-04-24", "", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # Each slips one field; the written weekday and the publish day agree on the day meant.
        ("kata dia di Jakarta, Senin (20/10/2026).", "2025-10-20", "2025-10-20"),  # the year
        ("kata dia, Selasa (7/10/2024).", "2025-10-07", "2025-10-07"),
        ("ujar dia, Senin (19/10/2025).", "2025-10-20", "2025-10-20"),  # the day, one off
        ("ujar dia, Senin (22/7/2025).", "2025-07-21", "2025-07-21"),
        ("kata dia, Senin (7/5/2025).", "2025-07-07", "2025-07-07"),  # the month
        ("said on Tuesday, March 5, 2014.", "2014-03-04", "2014-03-04"),
    ],
)
def test_a_full_date_its_weekday_contradicts_is_the_slip_the_publish_day_explains(
    text: str, published: str, value: str
) -> None:
    (mention,) = find_dates(text, published, "en" if "said" in text else "id")
    assert mention.value == value and mention.as_written not in (None, value)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Kamis (20/10/2025).", "2025-10-20"),  # the written day is the publish day: the weekday slipped
        ("Selasa (22/10/2025).", "2025-10-22"),
        ("Senin (14/10/2025).", "2025-10-18"),  # no one-field slip lies nearer the publish day
        ("Senin (19/10/2021).", "2025-10-20"),  # the Monday a day before lies years from the publish day
        ("Senin (19/10/2025).", None),  # no publish day to judge by
    ],
)
def test_a_contradicted_full_date_stays_as_written_without_a_nearer_slip(text: str, published: str | None) -> None:
    mention = find_dates(text, published)[0]
    assert mention.as_written is None and mention.value is not None and mention.value[8:10] == text.split("(")[1][:2]
