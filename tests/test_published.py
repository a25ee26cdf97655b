"""The publish date and how it was obtained: page stamps, the story's own day, or nothing.

The stamp lines are the forms real pages print (ECB+, Indonesian outlets); the stories around
them are written for these tests.
"""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from kroscek.clean import clean
from kroscek.clean.published import infer_published, page_numeric_order, published, read_stamps, story_day
from kroscek.evaluate.published import evaluate_published, load_gold
from kroscek.ingest.records import text_article
from kroscek.model import Article, DateMention
from kroscek.stories.grouping import reference_day
from tests.conftest import ROOT, SHARED, need_shared

GOLD = ROOT / "tests" / "gold" / "published.tsv"

STORY_EN = (
    "The city council approved the budget for the new bridge after a long debate, officials said.\n"
    "Work is expected to start next spring, the mayor said in a statement to reporters.\n"
)
STORY_ID = (
    "Pemerintah kota menyetujui anggaran jembatan baru setelah perdebatan panjang, kata pejabat.\n"
    "Pekerjaan diperkirakan dimulai tahun depan, ujar wali kota dalam keterangannya.\n"
)


def _analysed(raw: str, language: str) -> Article:
    article = clean(text_article(raw, "test.txt"))
    return published(msgspec.structs.replace(article, language=language))


def _article(text: str, language: str = "id", **fields: object) -> Article:
    return Article(id="x", source="x", name="x", raw=text, text=text, language=language, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("May 03, 2013", "2013-05-03"),
        ("Tuesday, March 4, 2014", "2014-03-04"),
        ("Published: December 19, 2005", "2005-12-19"),
        ("TNN Nov 12, 2011, 05. 51AM IST MUMBAI:", "2011-11-12"),
        ("May 3rd, 2013 2: 00pm EDT", "2013-05-03"),
        ("Posted at 3: 21 PM ET, 01/5/2011", "2011-01-05"),  # ET: month first
        ("27 NOVEMBER, 2005", "2005-11-27"),
        ("8: 44AM BST 16 Sep 2013", "2013-09-16"),
        ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12: 46 PM/UPDATED AT 12: 48 PM", "2013-03-08"),
        ("updated 7/28/2004 3: 02: 00 PM ET", "2004-07-28"),
        ("Nov. 30, 2009", "2009-11-30"),
        ("Sept 18, 2013", "2013-09-18"),
        ("11/30/09 05: 40 PM", "2009-11-30"),  # 30 cannot be a month
        ("Last updated 13: 26 14/09/2013", "2013-09-14"),  # 14 cannot be a month
        ("published: 2012-04-04 11: 47: 35", "2012-04-04"),
        ("Published on 18th September 2013", "2013-09-18"),
        ("12: 52 p. m. EDT May 2, 2013", "2013-05-02"),
    ],
)
def test_english_stamp_lines_give_the_publish_date(stamp: str, day: str) -> None:
    article = _analysed(f"Council Approves New Bridge Budget\n{stamp}\n{STORY_EN}", "en")
    assert (article.published, article.published_source) == (day, "byline")
    assert stamp not in article.text


@pytest.mark.parametrize(
    ("stamp", "value"),
    [
        ("November 1, 2024 3:05 AM UTC", "2024-11-01T03:05+00:00"),
        ("June 13, 2013 4:59 PM EDT", "2013-06-13T16:59-04:00"),
        ("Nov 1, 2024 12:30 AM GMT", "2024-11-01T00:30+00:00"),
        ("Nov 1, 2024 12:30 PM ET", "2024-11-01"),  # a zone without a fixed offset: the day only
    ],
)
def test_english_stamps_keep_a_clock_time_with_its_zone(stamp: str, value: str) -> None:
    article = _analysed(f"Council Approves New Bridge Budget\n{stamp}\n{STORY_EN}", "en")
    assert (article.published, article.published_source) == (value, "byline")


@pytest.mark.parametrize(
    ("stamp", "value"),
    [
        ("Kamis, 16 Jan 2025 19:20 WIB", "2025-01-16T19:20+07:00"),
        ("Kompas.com - 12/03/2025, 14:05 WIB", "2025-03-12"),  # day first in Indonesian
        ("Diperbarui 17 Jan 2025, 08:00 WIB", "2025-01-17T08:00+07:00"),
    ],
)
def test_indonesian_stamp_lines(stamp: str, value: str) -> None:
    article = _analysed(f"Jembatan Baru Disetujui\n{stamp}\n{STORY_ID}", "id")
    assert (article.published, article.published_source) == (value, "byline")


@pytest.mark.parametrize(
    ("stamps", "day"),
    [
        (["PUBLISHED: 16: 05 GMT, 9 June 2013 | UPDATED: 06: 55 GMT, 10 June 2013"], "2013-06-09"),
        (["Updated: 12/25/11 05: 12 AM ET", "First Posted: 10/25/11 06: 44 PM ET"], "2011-10-25"),
        # An update stamp counts when the page has no other, and a later publish stamp beats it.
        (["Updated: May 24, 2005, 3: 23 PM ET"], "2005-05-24"),
        (["Updated: May 25, 2005", "Posted: May 26, 2005"], "2005-05-26"),
        (["on April 30, 2008 at 4: 31 AM, updated May 1, 2008 at 8: 33 AM"], "2008-04-30"),
        (["Diterbitkan 16/01/2025 10:00 WIB", "Diperbarui 15/01/2025 08:00 WIB"], "2025-01-16"),
    ],
)
def test_the_earliest_publication_stamp_wins(stamps: list[str], day: str) -> None:
    article = _analysed("Council Approves New Bridge Budget\n" + "\n".join(stamps) + "\n" + STORY_EN, "en")
    assert article.published is not None and article.published[:10] == day


def test_a_date_line_the_cleaner_kept_at_the_top_is_a_stamp() -> None:
    text = "Washington D. C., Jul 13, 2009/02: 00 pm (CNA)\n" + STORY_EN
    assert infer_published(_article(text, "en")) == ("2009-07-13", "byline")


def test_numeric_order_comes_from_the_page() -> None:
    assert page_numeric_order("id", ["4/9/2007"], "") == "dm"
    assert page_numeric_order("en", ["Updated 4/9/2007 6: 04 PM"], "") is None
    assert page_numeric_order("en", ["Updated 4/9/2007 6: 04 PM EDT"], "") == "md"
    assert page_numeric_order("en", ["4/9/2007 10: 00 BST"], "") == "dm"
    assert page_numeric_order("en", ["Posted 4/9/2007", "Updated 4/15/2007"], "") == "md"
    assert page_numeric_order("en", ["4/9/2007"], "The board met on May 2, 2007 and on May 30, 2007.") == "md"
    assert page_numeric_order("en", ["4/9/2007"], "The board met on 2 May 2007.") == "dm"
    # A date that reads both ways on a page that does not say stays unread.
    assert read_stamps("Updated 4/9/2007 6: 04 PM", "en", None) == []
    article = _analysed(f"Council Approves New Bridge Budget\nUpdated 4/9/2007 6: 04 PM\n{STORY_EN}", "en")
    assert (article.published, article.published_source) == (None, None)


def test_metadata_is_kept_as_given() -> None:
    article = _article("Senin (20/10/2025) rapat digelar.", published="2025-10-21T08:00+07:00")
    assert infer_published(article) == ("2025-10-21T08:00+07:00", "metadata")


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        # The latest date written as a news stamp: with its weekday or in brackets.
        ("Rapat digelar di Jakarta, Senin (20/10/2025). Hasilnya diumumkan Selasa (21/10).", "id", "2025-10-21"),
        ("Polisi menangkap tersangka pada Sabtu ( 14 / 9 / 2019 ) malam di Bekasi.", "id", "2019-09-14"),
        ("Police arrested the suspect on Tuesday, March 4, 2014, officials said.", "en", "2014-03-04"),
        # A date marked as future never answers: the hearing has not happened.
        ("Rapat digelar Senin (20/10/2025). Sidang berikutnya Senin (27/10/2025) mendatang.", "id", "2025-10-20"),
        # A weekday that contradicts its date (21/10/2025 is a Tuesday) is a typo: left out.
        ("Rapat digelar Senin (21/10/2025) di Jakarta.", "id", None),
        # A weekday with a relative word is one stamp, checked by its weekday: here it lands two
        # years from the text's only year (a journal of 2016), too far to trust; never 2016.
        ("Gempa Donggala terjadi Jumat kemarin ( 28 / 9 ). Jurnal pada 2016 memperingatkannya.", "id", None),
        ("Sidang digelar Senin (20/10/2025) dan berlanjut Senin depan (27/10) di Jakarta.", "id", "2025-10-20"),
        # Deictic words need the publish day that is being looked for.
        ("Rapat digelar kemarin di Jakarta, kata juru bicara.", "id", None),
        # Dates written without weekday or brackets: a birth date, a past event, a numeric stat.
        ("Habibie, yang lahir di Parepare, 25 Juni 1936, dikenang warga.", "id", None),
        ("The team rushed for 398 yards against Houston (10/1/61) in that season.", "en", None),
    ],
)
def test_story_day(text: str, language: str, day: str | None) -> None:
    assert story_day(text, language) == (date.fromisoformat(day) if day else None)


ANNIVERSARY = (
    "Hundreds gathered downtown for a memorial service marking the anniversary of the September 11, 2001 "
    "attacks, organisers said.\nThe names of the victims were read aloud by relatives.\n"
)


def test_a_far_past_mention_is_never_the_day() -> None:
    article = _analysed(f"City Remembers Victims\n{ANNIVERSARY}", "en")
    assert (article.published, article.published_source) == (None, None)
    # The dates layer reads 2001-09-11; the reference day of grouping does not take it.
    start = ANNIVERSARY.index("September 11, 2001")
    mention = DateMention(start, start + len("September 11, 2001"), "2001-09-11", grain="day")
    assert reference_day(_article(ANNIVERSARY, "en", dates=(mention,))) is None


def test_reference_day_is_the_publish_day_else_the_story_day() -> None:
    assert reference_day(_article("Rapat digelar.", published="2025-10-21T08:00+07:00")) == date(2025, 10, 21)
    assert reference_day(_article("Rapat digelar di Jakarta, Senin (20/10/2025).")) == date(2025, 10, 20)
    assert reference_day(_article("Rapat digelar di Jakarta.")) is None


def test_the_gold_is_sixty_ecbplus_articles_of_the_training_topics() -> None:
    gold = load_gold(GOLD)
    assert len(gold) == 60 and all(name.endswith("ecbplus") for name in gold)
    assert all(1 <= int(name.split("_")[0]) <= 35 for name in gold)  # never topics 36-45
    assert sum(day is None for day in gold.values()) == 3


def test_publish_dates_on_gold_and_dev_corpora() -> None:
    need_shared(SHARED / "data" / "ecbplus-train" / "articles.jsonl")
    need_shared(SHARED / "corpus-dev-2" / "articles.jsonl")
    report = evaluate_published(GOLD, SHARED)
    scores = {s.name: s for s in report.scores}
    ecb = scores["ecbplus gold"]
    assert ecb.articles == 60 and not report.missing
    assert ecb.coverage >= 0.9 and ecb.accuracy >= 0.98
    for name in ("corpus-dev", "corpus-dev-2"):
        s = scores[name]
        assert s.coverage >= 0.75, name
        assert s.near / s.valued >= 0.95, name  # within three days of the publish day
        assert s.far_rate <= 0.03, name  # further off, or worse than no day
