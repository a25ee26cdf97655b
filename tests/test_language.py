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


def test_malay_is_a_folder_of_its_own_reusing_indonesian() -> None:
    # kroscek/lang/ms has a calendar of its own and reuses Indonesian's numbers, quotes, claims.
    import kroscek
    from kroscek.lang import language_module

    assert language_module("ms", "calendar").MONTHS["ogos"] == 8
    assert language_module("ms", "numbers") is language_module("id", "numbers")
    text = (
        "Kerajaan Malaysia mengumumkan pada 5 Ogos 2025 bahawa seramai 1,200 penduduk telah dipindahkan "
        "ke pusat pemindahan sementara selepas banjir melanda beberapa kampung di Kelantan pada hari Isnin."
    )
    (article,) = kroscek.analyze_texts([text]).articles
    assert article.language == "ms"
    assert "2025-08-05" in {d.value for d in article.dates}


def test_a_language_without_data_is_said_on_the_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import kroscek

    path = tmp_path / "kroscek.toml"
    path.write_text('[stage.language]\nlanguages = ["fr", "id"]\n', encoding="utf-8")
    text = "Le gouvernement a annoncé lundi que douze personnes ont été évacuées après les inondations."
    (article,) = kroscek.analyze_texts([text], kroscek.load_settings(path)).articles
    assert article.language == "fr"
    assert any(w.stage == "language" and "no language data for 'fr'" in w.message for w in article.warnings)
    assert article.sentences  # the later stages still ran, with the default language's data


def test_claim_labels_come_from_the_language_of_the_report() -> None:
    from kroscek.model import Article, Quantity, Sentence
    from kroscek.stories.build import build_stories

    def report(name: str) -> Article:
        text = "The flood in Garut killed 12 people, the disaster agency said on Monday."
        at = text.index("12")
        return Article(
            id=name,
            source=name,
            name=name,
            raw=text,
            text=text,
            language="en",
            published="2025-01-06",
            sentences=(Sentence(0, len(text)),),
            quantities=(Quantity(at, at + 9, 12.0, noun="people"),),
        )

    (story,) = build_stories([report("a"), report("b")])
    (claim,) = story.claims
    assert claim.about.startswith("figure (people)")
