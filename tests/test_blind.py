"""`kroscek eval blind`: one-to-one scoring of dates, amounts and quotes against offsets into raw records."""

from __future__ import annotations

import json
from pathlib import Path

from kroscek.evaluate.blind import evaluate_blind

TEXT = (
    "Banjir bandang merendam 120 rumah di Kabupaten Garut pada Senin (6/1/2025) malam.\n\n"
    '"Kami mengevakuasi 45 warga lanjut usia ke masjid," kata Kepala BPBD Garut Satria Budi.\n\n'
    "Bantuan senilai Rp 2,5 miliar tiba kemarin."
)
HEADERS = {
    "dates": "name start end anchor value end_value grain furniture",
    "quantities": "name start end value end_value unit noun_start noun_end furniture",
    "quotes": "name start end kind speaker_start speaker_end cue_start cue_end furniture",
}


def span(words: str) -> tuple[int, int]:
    at = TEXT.index(words)
    return at, at + len(words)


def write(folder: Path, kind: str, rows: list[tuple[object, ...]]) -> None:
    lines = [HEADERS[kind].replace(" ", "\t"), *("\t".join(map(str, r)) for r in rows)]
    (folder / f"part_{kind}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_mentions_match_one_to_one_on_span_and_value(tmp_path: Path) -> None:
    shared, gold = tmp_path / "shared", tmp_path / "gold"
    (shared / "corpus-blind").mkdir(parents=True)
    gold.mkdir()
    record = {"id": "t1", "url": "https://contoh.id/a", "published": "2025-01-08T10:00+07:00", "text": TEXT}
    (shared / "corpus-blind" / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    write(
        gold,
        "dates",
        [
            ("t1", *span("Senin (6/1/2025)"), "2025-01-08", "2025-01-06", "", "day", "0"),
            ("t1", *span("kemarin"), "2025-01-08", "2025-01-05", "", "day", "0"),  # a wrong value: no match
        ],
    )
    write(
        gold,
        "quantities",  # "45 warga" left out: kroscek's mention of it is an extra
        [
            ("t1", *span("120 rumah"), "120", "", "", *span("rumah"), "0"),
            ("t1", *span("Rp 2,5 miliar"), "2500000000", "", "IDR", "", "", "0"),
        ],
    )
    quote = (TEXT.index("Kami"), TEXT.index(',"'))
    write(gold, "quotes", [("t1", *quote, "direct", *span("Satria Budi"), *span("kata"), "0")])
    dates, amounts, quotes, speakers = evaluate_blind(gold, shared)
    assert (dates.gold, dates.found, dates.matched) == (2, 2, 1) and dates.f1 == 0.5
    assert (amounts.gold, amounts.found, amounts.matched) == (2, 3, 2) and amounts.recall == 1.0
    assert round(amounts.precision, 3) == 0.667 and amounts.extra["counted noun right"] == (1, 1)
    assert quotes.f1 == 1.0 and (speakers.matched, speakers.gold) == (1, 1)
    assert ("t1", "kemarin", "2025-01-05", "2025-01-07") in dates.errors


def test_a_gold_week_is_its_monday_to_sunday() -> None:
    from kroscek.evaluate.blind import _week_as_days

    assert _week_as_days("2025-W42", "") == ("2025-10-13", "2025-10-19")
    assert _week_as_days("2025-10-13", "") == ("2025-10-13", "")
