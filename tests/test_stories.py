"""The cross-article layer: copies, events and stories, claims, quote chains, timeline."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import pytest

from kroscek.analysis import analyze
from kroscek.clean.published import month_days
from kroscek.evaluate.stories import bcubed, evaluate_events
from kroscek.model import Article, DateMention, Entity, Quote, Sentence, Story, day_of
from kroscek.report.files import write_reports
from kroscek.settings import Settings
from kroscek.stories.build import build_stories
from kroscek.stories.duplicates import _proposed_twice, candidate_pairs, copy_pairs, find_duplicates
from kroscek.stories.events import FEATURES, _Event, feature_rows, group_articles, profiles, publish_hours, split_event

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus-dev"

LEAD = (
    "Banjir merendam ratusan rumah di Kabupaten Bandung sejak Senin pagi setelah hujan deras "
    "mengguyur kawasan hulu Sungai Citarum selama dua hari berturut-turut. "
)
MORE = (
    "Petugas Badan Penanggulangan Bencana Daerah mengevakuasi warga lanjut usia ke masjid dan "
    "balai desa, sementara dapur umum didirikan di halaman kantor kecamatan. "
)
OTHER = (
    "Harga cabai rawit di pasar tradisional Surabaya naik dua kali lipat menjelang akhir pekan "
    "karena pasokan dari petani di Jawa Timur berkurang akibat cuaca. "
)


def _article(name: str, text: str, **fields: object) -> Article:
    return Article(id=name, source=name, name=name, raw=text, text=text, **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed_story() -> tuple[Story, dict[str, Article]]:
    result = analyze([str(EXAMPLES)], Settings())
    assert len(result.stories) == 1
    return result.stories[0], {a.id: a for a in result.articles}


def test_copies_are_found_by_containment_not_only_jaccard() -> None:
    # A regional desk runs the lead of a long story with its own closing paragraph.
    long = LEAD + MORE + " ".join([MORE.replace("warga", f"warga kampung {i}") for i in range(6)])
    short = LEAD + MORE + "Redaksi daerah menambahkan keterangan dari camat setempat soal bantuan."
    pairs = copy_pairs([long, short, OTHER + MORE.replace("warga", "pedagang")])
    assert [(i, j) for i, j, _, _ in pairs] == [(0, 1)]
    _, _, jaccard, containment = pairs[0]
    assert jaccard < 0.5 <= containment


def test_copy_candidates_at_once_are_those_each_shingle_proposes() -> None:
    # copy_pairs counts the pairs of all sampled shingles at once; the Spark plan and a store's
    # index count them a shingle at a time (candidate_pairs): both must propose the same pairs.
    rng = random.Random(3)
    articles, crowd = 60, 5
    owners_of = {h: sorted(rng.sample(range(articles), rng.choice([1, 2, 3, 5, 6, 9, 40]))) for h in range(300)}
    proposed = Counter(pair for owners in owners_of.values() for pair in candidate_pairs(owners, crowd))
    hashes = np.array([h for h, owners in owners_of.items() for _ in owners])
    owners = np.array([o for held in owners_of.values() for o in held], dtype=np.int64)
    firsts, seconds = _proposed_twice(owners, np.flatnonzero(np.diff(hashes)) + 1, crowd, articles)
    assert list(zip(firsts, seconds, strict=True)) == sorted(pair for pair, n in proposed.items() if n >= 2)
    assert any(len(held) > crowd for held in owners_of.values()) and len(firsts) > 100


def test_copy_kinds_and_earliest_publisher() -> None:
    a = _article("a", LEAD + MORE, outlet="kompas.com", published="2025-01-02")
    b = _article("b", LEAD + MORE, outlet="kompas.com", published="2025-01-01")
    c = _article("c", LEAD + MORE + " Tambahan satu kalimat pendek.", outlet="tribunnews.com", published="2025-01-03")
    links = find_duplicates([a, b, c])
    assert {(d.a, d.b) for d in links} == {("b", "a"), ("b", "c")}  # b published first
    assert {d.b: d.kind for d in links} == {"a": "exact", "c": "syndicated"}


def test_grouping_is_incremental_and_respects_time() -> None:
    texts = [LEAD + MORE, LEAD + "Warga diminta waspada.", LEAD + MORE, OTHER]
    articles = [_article(str(i), t) for i, t in enumerate(texts)]
    days = [dt.date(2025, 1, 1), dt.date(2025, 1, 2), dt.date(2025, 6, 1), dt.date(2025, 1, 1)]
    found, _ = profiles(articles, days)
    groups = group_articles(found, order=[0, 3, 1, 2], tied={})
    # The same text five months later is another event; an unrelated text its own.
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2], [3]]


def test_publish_hours_read_a_time_of_day_and_nothing_else() -> None:
    assert publish_hours("2025-10-20T09:00+07:00") == publish_hours("2025-10-20T02:00:00+00:00")
    assert publish_hours("2025-10-20T02:00Z") == publish_hours("2025-10-20T09:00+07:00")
    assert publish_hours("2025-10-20T02:00") is None  # a time without its zone: any zone's
    assert publish_hours("2025-10-20T18:30+07:00") - publish_hours("2025-10-20T09:00+07:00") == 9.5  # type: ignore[operator]
    assert publish_hours("2025-10-20") is None and publish_hours(None) is None and publish_hours("20/10 T9") is None


def test_hours_from_an_events_publish_times_reach_the_decision_and_survive_its_store() -> None:
    """The same report published the same day 1 and 9 hours after an event's last member: the
    feature grows with the hours; a date without a time, or an event without one, gives 0 (an
    unknown hour keeps nothing apart)."""
    when = ["2025-10-20T08:00+07:00", "2025-10-20T10:00+07:00", "2025-10-20T11:00+07:00", "2025-10-20T19:00+07:00"]
    articles = [_article(str(i), LEAD + MORE, published=p) for i, p in enumerate([*when, "2025-10-20"])]
    found, _ = profiles(articles, [dt.date(2025, 10, 20)] * len(articles))
    event = _Event()
    event.add(found[0])
    event.add(found[1])
    hours = FEATURES.index("gap_hours_log")
    rows = feature_rows(found[2], [event])[:, hours], feature_rows(found[3], [event])[:, hours]
    assert rows[0][0] == pytest.approx(math.log1p(1)) and rows[1][0] == pytest.approx(math.log1p(9))
    assert feature_rows(found[4], [event])[0, hours] == 0.0  # a date alone
    undated = _Event()
    undated.add(found[4])
    assert feature_rows(found[3], [undated])[0, hours] == 0.0
    # Inside the span: 0; kept by the index's encoding; an event an older index stored has none.
    assert event.hours(found[0].stamp + 1.0) == 0.0  # type: ignore[operator]
    back = _Event.decode(event.encode())
    assert (back.first_stamp, back.last_stamp) == (found[0].stamp, found[1].stamp)
    older = msgspec.msgpack.encode(msgspec.msgpack.decode(event.encode())[:8])
    assert (_Event.decode(older).first_stamp, _Event.decode(older).last_stamp) == (None, None)
    before_occasions = msgspec.msgpack.encode(msgspec.msgpack.decode(event.encode())[:9])
    assert (_Event.decode(before_occasions).occasion, _Event.decode(before_occasions).occasion_norm2) == ({}, 0.0)


def test_an_undated_reports_yearless_days_are_placed_against_each_events_span() -> None:
    """An undated English report that writes "Dec. 11" (the ECB+ look-alikes: a December rule and
    its reversal in March, both about the same act) is months from a March event and on the day
    of a December one: its yearless days take the year nearest each event's span. A dated article,
    or one whose lead writes no day, is compared as before (the day unknown)."""
    text = (
        "The Interior Department reported Dec. 11 final changes to the Endangered Species Act. "
        "Agencies may now decide on their own whether a project harms a species. "
    )
    articles = [
        _article("dec", "Interior rule\n" + text, language="en"),
        _article("march", "Reversal\n" + text, language="en"),
        _article("december", "Rule\n" + text, language="en"),
        _article("plain", "Rule\nThe Interior Department changed the Endangered Species Act.", language="en"),
    ]
    found, _ = profiles(articles, [None, dt.date(2009, 3, 4), dt.date(2008, 12, 12), None])
    assert found[0].month_days == ((12, 11, -1),) and found[1].month_days == () and found[3].month_days == ()
    march, december = _Event(), _Event()
    march.add(found[1])
    december.add(found[2])
    gap, unknown = FEATURES.index("gap_days_log"), FEATURES.index("day_unknown")
    rows = feature_rows(found[0], [march, december])
    assert rows[0, gap] == pytest.approx(math.log1p(83)) and rows[0, unknown] == 0.0  # 2008-12-11 to 2009-03-04
    assert rows[1, gap] == pytest.approx(math.log1p(1)) and rows[1, unknown] == 0.0
    assert feature_rows(found[3], [march])[0, unknown] == 1.0
    # A weekday written with the day picks among the years whose calendar has it: "Kamis (5/9)" is
    # 5 September 2024 (a Thursday), a year before an event of 5 September 2025 (a Friday).
    banjir = [_article("kamis", f"Banjir\nBandung - Banjir merendam rumah warga pada Kamis (5/9). {MORE}")]
    events = []
    for day in (dt.date(2025, 9, 5), dt.date(2024, 9, 5)):
        dated, _ = profiles([_article(str(day), LEAD + MORE)], [day])
        events.append(_Event())
        events[-1].add(dated[0])
    undated, _ = profiles(banjir, [None])
    assert undated[0].month_days == ((9, 5, 3),)
    gaps = feature_rows(undated[0], events)[:, gap]
    assert gaps[0] == pytest.approx(math.log1p(365)) and gaps[1] == 0.0
    assert month_days("Rapat Senin (20/10). Sidang Selasa (21/10) mendatang. Lalu 5 Mei 2024.", "id") == ((10, 20, 0),)
    english = "On 12/11 they met. On Dec. 12 the rule came. It was signed 20 Sept. 2024."
    assert month_days(english, "en") == ((12, 12, -1),)


def test_an_event_chained_through_its_centroid_splits_and_a_copy_stays_with_its_original() -> None:
    texts = [LEAD + MORE, LEAD + MORE + "Warga diminta waspada.", OTHER, OTHER + "Pedagang mengeluh.", LEAD + MORE]
    articles = [_article(str(i), t) for i, t in enumerate(texts)]
    found, _ = profiles(articles, [dt.date(2025, 1, 1)] * len(texts))

    def cosine(_row: int, rows: Any) -> Any:  # the pairs' probability: their text cosine, for the test
        return rows[:, 0]

    # Two happenings in one event come apart; the order of first members stays.
    assert split_event([found[r] for r in (0, 2, 1, 3)], {}, cosine) == [[0, 1], [2, 3]]
    # A copy goes where its original goes, however unlike it the copy's text is (here it drags
    # the two parts back together at 0.15; at 0.4 its own happening goes without it).
    assert split_event([found[r] for r in (0, 2, 1, 3)], {2: 0}, cosine) == [[0, 2, 1, 3]]
    assert split_event([found[r] for r in (0, 2, 1, 3)], {2: 0}, cosine, tau=0.4) == [[0, 2, 1], [3]]
    # A pair is one decision already: never split.
    assert split_event([found[0], found[2]], {}, cosine) == [[0, 2]]


def test_the_splits_pair_rows_are_the_rows_each_pair_gives_alone(tmp_path: Path) -> None:
    """The split reads every pair of an event's members at once (matrix products); each row is what
    :func:`feature_rows` gives the member against a one-member event of the other: cosines (the
    occasion on the same day and on another), names, figures, told days, gaps in days and hours, an
    undated report's yearless days placed against each dated member, English, and the text cosine
    relative to the member's best."""
    from kroscek.stories.events import _pair_rows

    session = "Hal itu disampaikan Gubernur Ridwan Kamil di Gedung Sate, Bandung, Senin (6/1/2025)."
    records = [
        ("a", "2025-01-06T10:00+07:00", f"{LEAD}{session} {MORE} Sebanyak 1.200 warga mengungsi."),
        ("b", "2025-01-06T15:30+07:00", f"{LEAD}{session} Sebanyak 1.200 warga mengungsi. Warga diminta waspada."),
        ("c", "2025-01-13T09:00+07:00", f"{OTHER}{session.replace('6/1', '13/1')} Pedagang mengeluh."),
        ("d", "2025-01-06", f"{OTHER}Pedagang di Surabaya mengeluh, Senin (6/1/2025)."),
        ("e", None, f"Banjir\nBandung - Banjir merendam rumah warga pada Kamis (5/9). {MORE}"),
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": n, "published": p, "text": t}) for n, p, t in records), encoding="utf-8"
    )
    english = tmp_path / "en.jsonl"
    text = (
        "Rule\nThe Interior Department reported Dec. 11 final changes to the Endangered Species Act. "
        "Agencies may now decide on their own whether a project harms a species, officials said."
    )
    english.write_text(json.dumps({"id": "g", "text": text}), encoding="utf-8")
    articles = analyze([str(path), str(english)], Settings(stories=False)).articles
    found, _ = profiles(articles, [day_of(a.published) for a in articles])
    assert sum(bool(p.month_days) for p in found) == 2 and sum(p.english for p in found) == 1
    singles = []
    for profile in found:
        singles.append(_Event())
        singles[-1].add(profile)
    rows = _pair_rows(found)
    for i, profile in enumerate(found):
        others = [k for k in range(len(found)) if k != i]
        assert rows[i, others] == pytest.approx(feature_rows(profile, [singles[k] for k in others]), abs=1e-12)
    for name in ("occasion_same_day", "occasion_other_day", "people_shared", "figures_shared", "gap_hours_log"):
        assert rows[:, :, FEATURES.index(name)].max() > 0, name  # each is read somewhere here


def test_every_article_is_in_exactly_one_event_and_story() -> None:
    articles = [_article(str(i), t) for i, t in enumerate([LEAD + MORE, OTHER, LEAD, MORE])]
    stories = build_stories(articles)
    in_stories = [a for s in stories for a in s.article_ids]
    in_events = [a for s in stories for e in s.events for a in e.article_ids]
    assert sorted(in_stories) == sorted(in_events) == ["0", "1", "2", "3"]


def test_seeds_are_one_story_with_the_april_reports_in_their_own_event(seed_story) -> None:  # type: ignore[no-untyped-def]
    story, articles = seed_story
    events = [sorted(articles[a].name[:3] for a in e.article_ids) for e in story.events]
    assert sorted(events) == [["000", "004"], ["001", "002", "003"]]


def test_seed_troop_figures_differ_and_never_conflict(seed_story) -> None:  # type: ignore[no-untyped-def]
    story, articles = seed_story
    (troops,) = [c for c in story.claims if 12000.0 in {v.value for v in c.values}]
    assert troops.status == "differ"
    # Troops sent to Russia as the sources count them; "8.000 … dari 10.000" (of the 10,000) is
    # a whole, another fact, which one article and one source give beside its part.
    assert {8000.0, 12000.0, 3000.0} <= {v.value for v in troops.values}
    sources = {v.source for v in troops.values}
    assert {"intelijen Korea Selatan", "Antony Blinken"} <= sources
    for v in troops.values:  # every value points at its own words
        assert str(int(v.value))[:1] in articles[v.article_id].text[v.start : v.end]


def test_seed_confirmation_dates_conflict(seed_story) -> None:  # type: ignore[no-untyped-def]
    story, articles = seed_story
    (claim,) = [c for c in story.claims if c.status == "conflict"]
    assert {(articles[v.article_id].name[:3], v.value) for v in claim.values} == {
        ("000", "2025-04-28"),
        ("004", "2025-04-27"),
    }
    assert "Korea Utara" in claim.about


def test_seed_timeline_is_dated_and_linked(seed_story) -> None:  # type: ignore[no-untyped-def]
    story, articles = seed_story
    dates = [t.date for t in story.timeline]
    assert dates == sorted(dates) and {"2025-04-26", "2025-04-27", "2025-04-28"} <= set(dates)
    for entry in story.timeline:
        for e in entry.evidence:  # each piece of evidence is a sentence that gives that day
            dates = articles[e.article_id].dates
            assert any(e.start <= d.start < e.end and (d.value or "").startswith(entry.date) for d in dates)


def test_quote_chain_names_the_first_publisher() -> None:
    words = "posisi kami terhadap krisis itu tetap konsisten dan jelas sejak awal"
    text = f'"{words}," kata Lin Jian.'
    quote = Quote(start=1, end=1 + len(words), kind="direct", speaker="Lin Jian", speaker_canonical="Lin Jian")
    early = _article("early", text, quotes=(quote,), published="2024-10-29", outlet="antaranews.com")
    late = _article(
        "late",
        text,
        quotes=(
            Quote(
                start=1,
                end=1 + len(words),
                kind="direct",
                speaker="Lin Jian",
                speaker_canonical="Lin Jian",
                cited_from="ANTARA",
            ),
        ),
        published="2024-11-01",
        outlet="detik.com",
    )
    (story,) = build_stories([late, early])
    (chain,) = story.quote_chains
    assert (chain.first_article_id, chain.first_outlet, chain.cited_from) == ("early", "antaranews.com", ("ANTARA",))


def test_statement_dates_that_agree() -> None:
    text = "Pada hari Senin, Korea Utara mengonfirmasi pengiriman pasukan ke Rusia untuk pertama kalinya."

    def one(name: str) -> Article:
        return _article(
            name,
            text,
            published="2025-04-28",
            sentences=(Sentence(0, len(text)),),
            entities=(Entity(17, 28, "GPE", "Korea Utara"),),
            dates=(DateMention(0, 15, "2025-04-28", grain="day"),),
        )

    (story,) = build_stories([one("x"), one("y")])
    (claim,) = [c for c in story.claims if "Korea Utara" in c.about]
    assert claim.status == "agree"


def test_bcubed() -> None:
    assert bcubed([["a", "b"], ["c"]], [["a", "b"], ["c"]]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed([["a", "b", "c"]], [["a", "b"], ["c"]])
    assert p == pytest.approx(5 / 9) and r == 1.0


@pytest.fixture(scope="module")
def corpus_dev_scores() -> dict[str, Any]:
    if not (CORPUS / "gold.json").exists():
        pytest.skip("../shared/corpus-dev absent")
    articles = analyze([str(CORPUS / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    return evaluate_events(articles, CORPUS / "gold.json")


def test_corpus_dev_events(corpus_dev_scores: dict[str, Any]) -> None:
    r = corpus_dev_scores
    # The shipped model (trained with this corpus among others) on it: 0.967 since Indonesian
    # articles need probability 0.55 to join an event (0.5 before: 0.97; grouped CV 0.943 both).
    assert r["bcubed_f"] >= 0.96
    assert r["copies_r"] >= 0.95


def test_corpus_dev_hard_negatives_kept_apart(corpus_dev_scores: dict[str, Any]) -> None:
    # The fifth pair (a rule criticised in the morning, revoked the same afternoon) was merged
    # while the afternoon's reports, which reuse the morning's paragraphs, were tied to it as copies.
    r = corpus_dev_scores
    assert r["hard_negatives_apart"] == r["hard_negatives"]


def test_a_rewrite_is_placed_like_any_article_a_copy_joins_its_original() -> None:
    from kroscek.stories.build import prepare

    background = (
        "Anggota Komisi II DPR mengkritik aturan KPU yang merahasiakan dokumen calon presiden. "
        "Menurut dia, dokumen itu seharusnya bisa dibuka untuk publik karena menyangkut hak warga negara. "
        "Ia meminta KPU meninjau kembali aturan tersebut sebelum tahapan pemilu berikutnya dimulai. "
        "Kritik serupa juga disampaikan sejumlah pegiat pemilu dan akademisi di Jakarta."
    )
    news = (
        "KPU resmi membatalkan aturan kerahasiaan dokumen calon presiden pada Selasa sore. "
        "Ketua KPU menyebut keputusan itu diambil setelah rapat pleno yang digelar secara tertutup. "
    )
    morning = _article("morning", background, published="2025-09-16T10:25+07:00")
    rewrite = _article("afternoon", news + background, published="2025-09-16T15:00+07:00")
    repost = _article("repost", background + " Baca juga berita lainnya.", published="2025-09-16T11:00+07:00")
    prepared = prepare([morning, rewrite, repost])
    kinds = {(d.a, d.b): d.kind for d in prepared.duplicates}
    assert kinds == {("morning", "afternoon"): "rewrite", ("morning", "repost"): "near-duplicate"}
    assert prepared.tied == {2: 0}  # the repost is tied to its original; the rewrite is not


def test_different_facts_of_one_class_are_different_claims() -> None:
    from kroscek.model import Quantity

    def one(name: str, published: str) -> Article:
        text = (
            "Penyidik menangkap sembilan orang dalam operasi tangkap tangan di kantor kementerian. "
            "Komisi kemudian menetapkan lima orang sebagai tersangka kasus suap dana hibah."
        )
        first = text.index(".") + 1
        return _article(
            name,
            text,
            published=published,
            sentences=(Sentence(0, first), Sentence(first + 1, len(text))),
            quantities=(
                Quantity(text.index("sembilan"), text.index("sembilan") + 14, 9.0, noun="orang"),
                Quantity(text.index("lima"), text.index("lima") + 10, 5.0, noun="orang"),
            ),
        )

    (story,) = build_stories([one("a", "2019-09-18"), one("b", "2019-09-19")])
    figures = sorted((c.status, sorted({v.value for v in c.values})) for c in story.claims)
    assert figures == [("agree", [5.0]), ("agree", [9.0])]  # never "9 differs from 5"


def test_one_source_raising_its_own_figure_is_an_update() -> None:
    from kroscek.model import Quantity

    def report(name: str, day: str, dead: int) -> Article:
        text = f"Korban tewas akibat banjir bandang di Garut bertambah menjadi {dead} orang, kata BPBD Garut."
        at = text.index(str(dead))
        quote = Quote(
            start=0, end=text.index(", kata"), kind="indirect", speaker="BPBD Garut", speaker_canonical="BPBD Garut"
        )
        bpbd = text.index("BPBD Garut")
        return _article(
            name,
            text,
            published=day,
            sentences=(Sentence(0, len(text)),),
            entities=(Entity(bpbd, bpbd + 10, "ORG", "BPBD Garut"),),
            quantities=(Quantity(at, at + len(str(dead)) + 6, float(dead), noun="orang"),),
            quotes=(quote,),
        )

    (story,) = build_stories([report("a", "2025-01-01", 12), report("b", "2025-01-02", 15)])
    (claim,) = story.claims
    assert claim.status == "update" and "BPBD Garut" in (claim.reason or "")


def test_articles_without_a_word_to_compare_and_one_text_many_times() -> None:
    # "Ya." and digits only give TF-IDF no vocabulary; 25 copies of one text leave no word under max_df.
    few = [_article(n, t) for n, t in (("ya", "Ya."), ("digits", "123 456 789"), ("ok", "Ok."))]
    assert sorted(len(s.article_ids) for s in build_stories(few)) == [1, 1, 1]
    same = [_article(f"c{i}", "Harga cabai naik menjelang Lebaran di pasar Bekasi.") for i in range(25)]
    (story,) = build_stories(same)
    assert len(story.article_ids) == 25


def test_out_of_range_dates_never_reach_date_arithmetic() -> None:
    text = "Harga cabai naik menjelang Lebaran di pasar Bekasi, kata pedagang."
    odd = [
        _article("a", text, published="0001-01-01"),
        _article("b", text, dates=(DateMention(0, 5, "9999-12-31", grain="day"),)),
        _article("c", text, published="2025-03-01"),
    ]
    (story,) = build_stories(odd)
    assert len(story.article_ids) == 3


def test_claim_topic_ties_go_to_the_alphabet_not_to_set_order() -> None:
    from kroscek.stories.claims import _topic

    words = frozenset({"tentara", "intelijen", "Rusia", "@Korea Utara", "dikerahkan", "pasukan"})
    assert _topic([words, words]) == "Korea Utara, Rusia, dikerahkan"


def test_ecb_gold_gives_clusters_and_look_alike_pairs(tmp_path: Path) -> None:
    from kroscek.evaluate.stories import load_gold, score_stories

    labels = {
        "1_1ecb": ("1_ecb", "1"),
        "1_2ecb": ("1_ecb", "1"),
        "1_1ecbplus": ("1_ecbplus", "1"),
        "2_1ecb": ("2_ecb", "2"),
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({k: {"event": e, "topic": t} for k, (e, t) in labels.items()}), encoding="utf-8")
    gold = load_gold(path)
    assert sorted(map(sorted, gold.clusters)) == [["1_1ecb", "1_2ecb"], ["1_1ecbplus"], ["2_1ecb"]]
    assert sorted(gold.hard_negatives) == [("1_1ecb", "1_1ecbplus"), ("1_2ecb", "1_1ecbplus")]
    articles = [_article(n, "x") for n in labels]
    r = score_stories(articles, [["1_1ecb", "1_2ecb", "1_1ecbplus"], ["2_1ecb"]], [], gold)
    assert (r["hard_negatives_apart"], r["hard_negatives"]) == (0, 2) and r["bcubed_r"] == 1.0


# Issue 11's error classes, one corpus-dev-2 hard-negative pair or more each (ids only: the
# texts are read from ../shared at test time). The shipped model was trained on this corpus
# among others, so these are regression checks, not measurements (training/events/build.py
# measures by grouped cross-validation). A pair today's model still merges is a strict xfail
# that names the class, so a fix shows up as an XPASS.
CORPUS_2 = CORPUS.parent / "corpus-dev-2"
_MERGED = "[events] (issue 11): today's model still puts this pair in one event"
_CLASSES = [
    ("trial stages: expert-witness hearing vs the reply to the prosecutors", "gabriella2_027", "gabriella2_129", ""),
    ("one template, two cities: two stings", "gabriella2_006", "gabriella2_016", ""),
    ("one template, two cities: two riots", "faiz2_018", "faiz2_023", ""),
    ("a decree defended in the morning, revoked in the afternoon", "gabriella2_039", "gabriella2_042", ""),
    ("a running tally on different days: death tolls", "faiz2_066", "faiz2_076", ""),
    ("a running tally on different days: suspects", "faiz2_046", "faiz2_026", ""),
    ("a running tally on different days: exchange rates", "gabriella2_009", "gabriella2_010", _MERGED),
    ("a happening and its follow-up ten days later", "faiz2_002", "faiz2_066", ""),
    ("a death and the funeral the next day", "faiz2_029", "faiz2_034", ""),
]


@pytest.fixture(scope="module")
def corpus_2_events() -> dict[str, int]:
    if not (CORPUS_2 / "gold.json").exists():
        pytest.skip(f"{CORPUS_2} is absent: ../shared is not beside this checkout")
    from kroscek.stories.build import group_events

    articles = analyze([str(CORPUS_2 / "articles.jsonl")], Settings(stories=False), jobs=2).articles
    grouping = group_events(articles)
    return {articles[row].name: number for number, rows in enumerate(grouping.events) for row in rows}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(a, b, id=what, marks=[pytest.mark.xfail(reason=why, strict=True)] if why else [])
        for what, a, b, why in _CLASSES
    ],
)
def test_look_alike_happenings_of_each_error_class_stay_apart(corpus_2_events: dict[str, int], a: str, b: str) -> None:
    assert corpus_2_events[a] != corpus_2_events[b]


def test_reports_of_one_occasion_share_its_dated_sentences(tmp_path: Path) -> None:
    """Two reports of one cabinet session on different sub-topics share the sentence that says
    where and when it was said; a report of another occasion that day does not, and a report whose
    lead dates nothing has no occasion to compare. The same sentence on another day (next week's
    session, written from this one) counts as a template re-run, not as the same day's occasion.
    The occasion survives the index's encoding."""
    session = (
        "Hal itu disampaikan Presiden dalam Sidang Kabinet Paripurna di Istana Negara, Jakarta, Senin (20/10/2025)."
    )
    next_week = session.replace("20/10", "27/10")
    records = [
        ("gizi", f"Presiden menyebut program makan bergizi gratis telah menjangkau jutaan siswa. {session}"),
        ("mobil", f"Presiden meminta para menteri memakai mobil buatan dalam negeri. {session}"),
        ("banjir", "Banjir merendam ratusan rumah di Kabupaten Bandung, Senin (20/10/2025). Warga mengungsi."),
        ("tanpa", "Presiden meminta para menteri memakai mobil buatan dalam negeri. Menteri setuju."),
        ("pekan", "Presiden menyebut program makan bergizi gratis telah menjangkau jutaan siswa. " + next_week),
    ]
    path = tmp_path / "session.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": n, "published": "2025-10-27" if n == "pekan" else "2025-10-20", "text": t})
            for n, t in records
        ),
        encoding="utf-8",
    )
    articles = analyze([str(path)], Settings(stories=False)).articles
    found, _ = profiles(articles, [day_of(a.published) for a in articles])
    by = {a.name: p for a, p in zip(articles, found, strict=True)}
    events = {}
    for name in ("mobil", "banjir"):
        events[name] = _Event()
        events[name].add(by[name])
    occasion = FEATURES.index("occasion_cosine")
    same, other = feature_rows(by["gizi"], [events["mobil"], events["banjir"]])[:, occasion]
    assert same > 0.5 > other
    assert len(by["tanpa"].occasion[0]) == 0 and feature_rows(by["tanpa"], [events["mobil"]])[0, occasion] == 0.0
    back = _Event.decode(events["mobil"].encode())
    assert feature_rows(by["gizi"], [back])[0, occasion] == pytest.approx(same)
    same_day, other_day = occasion + 1, occasion + 2
    assert FEATURES[same_day : other_day + 1] == ("occasion_same_day", "occasion_other_day")
    row = feature_rows(by["gizi"], [events["mobil"]])[0]
    assert row[same_day] == pytest.approx(same) and row[other_day] == 0.0
    row = feature_rows(by["pekan"], [events["mobil"]])[0]
    assert row[occasion] > 0.5 and row[same_day] == 0.0 and row[other_day] == pytest.approx(row[occasion])


@pytest.mark.xfail(
    reason="[events] (issue 11): a report written from one template a week later, with another figure and "
    "day in its lead, joins the first one's event (text cosine 0.99 outweighs the new day and figure)",
    strict=True,
)
def test_a_tally_of_one_count_a_week_later_is_another_event(tmp_path: Path) -> None:
    from kroscek.stories.build import group_events

    template = (
        "Polisi menetapkan {n} orang sebagai tersangka pembakaran hutan dan lahan di Riau, {day}. "
        "Kepala Bidang Humas Polda Riau mengatakan penyidik masih memeriksa para saksi di lapangan. "
        "{most} tersangka adalah petani yang membuka lahan dengan cara dibakar. "
        "Polisi juga menyelidiki empat perusahaan yang lahannya terbakar selama musim kemarau."
    )
    records = [
        ("first", "2019-09-10", template.format(n=175, day="Selasa (10/9/2019)", most="Sebagian besar")),
        ("again", "2019-09-10", template.format(n=175, day="Selasa (10/9/2019)", most="Kebanyakan")),
        ("later", "2019-09-17", template.format(n=185, day="Selasa (17/9/2019)", most="Sebagian besar")),
    ]
    path = tmp_path / "tally.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": n, "published": d, "text": t}) for n, d, t in records), encoding="utf-8"
    )
    articles = analyze([str(path)], Settings(stories=False)).articles
    event = {articles[row].name: number for number, rows in enumerate(group_events(articles).events) for row in rows}
    assert event["first"] == event["again"] != event["later"]


def test_a_claim_source_is_a_name_the_text_gives() -> None:
    # A speaker phrase that names no one ("Pagi" read off a sentence opener) gives no source.
    from kroscek.model import Quantity

    def report(name: str, speaker: str, day: str) -> Article:
        text = f"Korban tewas akibat banjir di Garut mencapai 12 orang, kata {speaker}. Tim SAR masih mencari."
        at = text.index("12")
        s = text.index(speaker)
        quote = Quote(
            0, text.index(", kata"), "indirect", speaker, speaker, speaker_start=s, speaker_end=s + len(speaker)
        )
        return _article(
            name,
            text,
            published=day,
            sentences=(Sentence(0, text.index(".") + 1), Sentence(text.index(".") + 2, len(text))),
            entities=(Entity(text.index("Garut"), text.index("Garut") + 5, "GPE", "Garut"),),
            quantities=(Quantity(at, at + 9, 12.0, noun="orang"),),
            quotes=(quote,),
        )

    (story,) = build_stories([report("a", "Pagi", "2025-01-01"), report("b", "Artinya", "2025-01-01")])
    (claim,) = story.claims
    assert claim.status == "agree" and {v.source for v in claim.values} == {None}


def _figure_report(name: str, text: str, published: str, figures: list[tuple[str, float, str | None]]) -> Article:
    """An article of one sentence per line with figures given as (text, value, counted noun)."""
    from kroscek.model import Quantity

    sentences, at = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(at, at + len(line)))
        at += len(line) + 1
    quantities = tuple(
        Quantity(text.index(span), text.index(span) + len(span), value, noun=noun, unit=None if noun else "IDR")
        for span, value, noun in figures
    )
    return _article(name, text, published=published, sentences=tuple(sentences), quantities=quantities)


def test_figures_sharing_only_function_words_are_not_one_fact() -> None:
    # "Berdasarkan", "demikian", "atas", "banyak" sit beside every kind of figure: two sums that
    # share only them (and "permintaan") are two things, never a `differ`.
    lead = "Berdasarkan hal tersebut, demikian pula atas banyak permintaan, "
    a = _figure_report("a", lead + "sumbangan Rp 400 juta.", "2025-01-01", [("Rp 400 juta", 4e8, None)])
    b = _figure_report("b", lead + "tunggakan Rp 900 juta.", "2025-01-01", [("Rp 900 juta", 9e8, None)])
    claims = [c for s in build_stories([a, b]) for c in s.claims]
    assert not [c for c in claims if c.status != "agree"]


def test_a_day_the_outlet_read_a_release_is_no_conflict() -> None:
    # Two outlets quote one survey release on the days they read it; a remark dated differently
    # by two reports of one forum stays a conflict.
    def report(name: str, day: str, cue: str) -> Article:
        d = dt.date.fromisoformat(day)
        date = f"({d.day}/{d.month}/{d.year})"
        text = f"Skor kinerja kementerian tercantum dalam rilis hasil survei IndoStrategi {cue}, Senin {date}."
        at = text.index(date)
        return _article(
            name,
            text,
            published=day,
            sentences=(Sentence(0, len(text)),),
            dates=(DateMention(at, at + len(date), day, grain="day"),),
        )

    read = [report("a", "2025-10-18", "yang dikutip"), report("b", "2025-10-20", "yang dikutip")]
    assert not [c for s in build_stories(read) for c in s.claims if c.status == "conflict"]
    said = [report("a", "2025-10-19", "di Jakarta"), report("b", "2025-10-20", "di Jakarta")]
    assert [c.status for s in build_stories(said) for c in s.claims] == ["conflict"]


def test_a_limit_is_never_set_against_a_measured_figure(tmp_path: Path) -> None:
    # "kept under the 3 percent ceiling" and "this year's deficit, 2.78 percent"; a fine of "at most
    # Rp 1 billion" and the Rp 400 million a court imposed: a bound and a value, not two accounts.
    from kroscek.model import Quantity

    def report(name: str, text: str, span: str, value: float, unit: str, hedge: str | None = None) -> Article:
        at = text.index(span)
        return _article(
            name,
            text,
            published="2025-10-20",
            sentences=(Sentence(0, len(text)),),
            quantities=(Quantity(at, at + len(span), value, unit=unit, hedge=hedge),),
        )

    ceiling = report("a", "Defisit APBN tahun ini dijaga batas 3 persen dari PDB.", "3 persen", 3.0, "%")
    outlook = report("b", "Defisit APBN tahun ini tercatat 2,78 persen dari PDB.", "2,78 persen", 2.78, "%")
    most = "Terdakwa kasus penipuan daring itu diancam denda paling banyak Rp 1 miliar."
    fine = report("c", most, "Rp 1 miliar", 1e9, "IDR", hedge="paling banyak")
    given = report("d", "Terdakwa kasus penipuan daring itu diancam denda Rp 400 juta.", "Rp 400 juta", 4e8, "IDR")
    for pile in ([ceiling, outlook], [fine, given]):
        (story,) = build_stories(pile)
        assert not [c for c in story.claims if c.status != "agree"]
        # ... and the reader is told what was not compared, and why.
        (aside,) = story.set_aside
        assert "limit" in aside.reason and {v.article_id for v in aside.values} == {a.id for a in pile}
    write_reports(tmp_path, [fine, given], [], [story])
    for page in ("report.md", "story-1.html"):
        shown = (tmp_path / page).read_text(encoding="utf-8")
        assert "Not compared" in shown and aside.reason in shown, page


def test_positions_agree_and_are_never_set_against_each_other() -> None:
    # "urutan ke-119", "tangkap tangan ketiga", "lantai empat": a position two reports give alike
    # is a fact they agree on; two positions are two rows of a list, never a `differ`.
    def report(name: str, text: str) -> Article:
        return _article(name, text, published="2025-10-22", sentences=(Sentence(0, len(text)),))

    one = "Sebabnya, Indonesia ada di urutan ke-119 saat babak keempat kualifikasi dimulai."
    same = "Indonesia berada di urutan ke-119 saat babak keempat kualifikasi dimulai, kata Pastoor."
    other = "Indonesia ada di urutan ke-123 saat babak keempat kualifikasi dimulai."
    (story,) = build_stories([report("a", one), report("b", same), report("c", other)])
    (rank,) = [c for c in story.claims if 119.0 in {v.value for v in c.values}]
    assert rank.status == "agree" and {v.article_id for v in rank.values} == {"a", "b"}
    assert rank.about.startswith("urutan (urutan)")
    assert not [c for c in story.claims if c.status != "agree"]
    # Offsets hold where lower-casing lengthens a letter ("İ" -> "i̇").
    from kroscek.lang.id import claims as data
    from kroscek.stories.claims import _positions

    text = "İstanbul menempati urutan kelima, lantai 4."
    assert [(text[s:e], noun, n) for s, e, noun, n in _positions(text, data)] == [
        ("kelima", "urutan", 5),
        ("4", "lantai", 4),
    ]


def test_an_article_and_its_copy_never_diverge() -> None:
    # A re-run of one report with one figure changed (a typo, a late edit) is one report: no
    # `differ` between them; a third report of its own still differs from both.
    from kroscek.model import Quantity

    def report(name: str, dead: int, body: str) -> Article:
        text = f"Korban tewas akibat banjir bandang di Garut mencapai {dead} orang. {body}"
        at = text.index(str(dead))
        return _article(
            name,
            text,
            published="2025-01-02",
            outlet=name,
            sentences=(Sentence(0, text.index(".") + 1), Sentence(text.index(".") + 2, len(text))),
            quantities=(Quantity(at, at + len(str(dead)) + 6, float(dead), noun="orang"),),
        )

    body = LEAD + MORE
    original, copy = report("a", 12, body), report("b", 13, body)
    (story,) = build_stories([original, copy])
    assert [d.kind for d in story.duplicates] == ["syndicated"]
    assert not [c for c in story.claims if c.status != "agree"]
    other = report("c", 15, OTHER.replace("Harga cabai", "Warga") + MORE.replace("Petugas", "Relawan"))
    (story,) = build_stories([original, copy, other])
    (claim,) = story.claims
    assert claim.status == "differ" and claim.reason == "3 figures from unattributed reports as of 2025-01-02"


def test_gold_events_cut_where_dated_members_lie_more_than_a_week_apart() -> None:
    # ECB+ joins a conviction and the sentencing weeks later in one event; corpus-dev-2's
    # definition (one happening and its coverage within days) cuts it, the undated stay with the
    # larger part.
    from kroscek.evaluate.events import cut_at_gaps, labelled
    from kroscek.evaluate.stories import Gold

    days = {"a": "2007-03-20", "b": "2007-03-22", "c": "2007-05-02", "d": None, "e": "2007-03-21"}
    articles = [
        _article(name, f"Laporan {name} tentang sidang di pengadilan negeri.", published=day)
        for name, day in days.items()
    ]
    s = labelled("t", articles, Gold([["a", "b", "c", "d"]], [], []))
    cut = cut_at_gaps(s)
    by_name = dict(zip(days, cut.gold, strict=True))
    assert by_name["a"] == by_name["b"] == by_name["d"] != by_name["c"]
    assert by_name["e"] == s.gold[4] and cut.fold == s.fold


def test_folds_are_dealt_whole_events_with_their_look_alikes_and_deal_zero_is_fixed() -> None:
    from kroscek.evaluate.events import FOLDS, deal

    labels = [f"event:{n // 3}" for n in range(30)] + [f"single:{n}" for n in range(12)]
    negatives = [(0, 3), (6, 40)]  # event:0 with event:1, event:2 with a lone article
    dealt = {seed: deal(labels, negatives, seed) for seed in range(6)}
    assert dealt[0] == deal(labels, negatives) == deal(labels, negatives, 0)
    assert len({tuple(d) for d in dealt.values()}) > 1  # other seeds deal otherwise
    for folds in dealt.values():
        assert set(folds) == set(range(FOLDS))
        for label in set(labels):  # a whole event in one fold
            assert len({f for f, lab in zip(folds, labels, strict=True) if lab == label}) == 1
        assert folds[0] == folds[3] and folds[6] == folds[40]
        sizes = [folds.count(k) for k in range(FOLDS)]
        assert max(sizes) - min(sizes) <= 6  # the largest units first, each to the least loaded fold


def test_training_pairs_meet_every_event_the_index_proposes_and_the_decision_its_strongest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kroscek.evaluate.events import TRAINING_CANDIDATES, labelled, pairs
    from kroscek.evaluate.stories import Gold
    from kroscek.stories.events import CANDIDATES, candidates_and_features

    rng = random.Random(3)

    def word() -> str:
        return "".join(rng.choice("bcdfghjklmnprstvwyz") + rng.choice("aiueo") for _ in range(4))

    # 24 reports of other happenings, each sharing two of the last report's 20 words: each word's
    # list holds a few of them, all of them together more than the decision scores.
    shared = [word() for _ in range(20)]
    texts = [" ".join([shared[k % 20], shared[(k + 1) % 20], *(word() for _ in range(12))]) + "." for k in range(24)]
    articles = [_article(str(i), t, published="2025-01-01") for i, t in enumerate(texts)]
    articles.append(_article("24", " ".join(shared) + ".", published="2025-01-02"))  # placed last
    found, _ = profiles(articles, [dt.date(2025, 1, 1)] * 24 + [dt.date(2025, 1, 2)])
    scored: dict[int | None, int] = {}
    for limit in (CANDIDATES, None):

        def decide(row: int, _firsts: list[int], rows: np.ndarray, limit: int | None = limit) -> int | None:
            if row == 24:
                scored[limit] = len(rows)
            return None

        candidates_and_features(found, list(range(len(found))), {}, decide, limit=limit)
    assert scored == {CANDIDATES: CANDIDATES, None: 24}
    assert TRAINING_CANDIDATES is None
    gold = Gold([[a.name] for a in articles], [], [])
    _, y, who = pairs(labelled("synthetic", articles, gold))
    assert int((who == 24).sum()) == 24 and not y.any()  # the training pairs: every proposed event
    assert int((pairs(labelled("synthetic", articles, gold), limit=CANDIDATES)[2] == 24).sum()) == CANDIDATES
    monkeypatch.setattr("kroscek.evaluate.events.TRAINING_CANDIDATES", CANDIDATES)  # the setting as it is now
    assert int((pairs(labelled("synthetic", articles, gold))[2] == 24).sum()) == CANDIDATES
