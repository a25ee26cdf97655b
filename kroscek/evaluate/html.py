"""The HTML reader against hand gold and the Article Extraction Benchmark, beside trafilatura alone.

- id-pages (``../shared/data/html/id-pages``, gold ``tests/gold/html_meta_id.json``): front pages
  refused, and on the article pages the headline, the publish day and the authors right, and
  the body's first and last sentence inside the text read;
- aeb-dev metadata (the 30 pages of ``tests/gold/html_meta_aeb_*.json``): headline, publish day
  and authors, kroscek beside trafilatura's own metadata (``extract_metadata``);
- aeb-dev bodies (all 90 pages): the benchmark's own scorer (shingle precision, recall and F1 per
  page, averaged), run in a temporary folder on kroscek's article text (after the clean stage) and
  on trafilatura's ``extract`` with its defaults.

A headline is right when its words (case and punctuation aside) are the gold's; a publish day
when the day is; authors when the set of names is (an empty gold list is right when kroscek gives
none).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from kroscek.analysis import analyze_items
from kroscek.ingest.decode import InputError
from kroscek.ingest.html import html_article
from kroscek.model import Article
from kroscek.settings import Settings

__all__ = ["MetaScore", "body_scores", "metadata_scores"]


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", unescape(text or ""))).strip().lower()


def _span(raw: str, span: list[int]) -> str:
    return re.sub(r"<[^>]+>", "", raw[span[0] : span[1]])


@dataclass
class MetaScore:
    """Right answers over pages, per field."""

    name: str
    pages: int = 0
    articles: int = 0
    decided: int = 0  # article / not an article right
    title: int = 0
    day: int = 0
    authors: int = 0
    first: int = 0
    last: int = 0
    errors: list[str] = field(default_factory=list)


def _read(path: Path) -> tuple[bytes, str]:
    data = path.read_bytes()
    data = gzip.decompress(data) if path.suffix == ".gz" else data
    return data, data.decode("utf-8", errors="replace")


def _kroscek(pages: list[tuple[str, bytes]]) -> dict[str, Article | None]:
    """Each page read and analysed as ``kroscek analyze`` would (None: refused as no article)."""
    found: dict[str, Article | None] = {}
    for name, data in pages:
        try:
            found[name] = html_article(data, name)
        except InputError:
            found[name] = None
    done = {a.name: a for a in analyze_items([a for a in found.values() if a], Settings(stories=False)).articles}
    return {name: done.get(name) for name in found}


def _trafilatura_meta(raw: str) -> tuple[str | None, str | None, list[str]]:
    import trafilatura

    meta = trafilatura.extract_metadata(raw)
    if meta is None:
        return None, None, []
    authors = [a.strip() for a in re.split(r";|\band\b", meta.author or "") if a.strip()]
    return meta.title, meta.date, authors


def _score(
    score: MetaScore, raw: str, page: dict[str, Any], title: str | None, day: str | None, authors: list[str]
) -> None:
    key = page.get("key") or page.get("file")
    if _norm(title) == _norm(_span(raw, page["title"])):
        score.title += 1
    else:
        score.errors.append(f"{score.name} title {key}: {title!r}")
    gold_day = (page.get("published") or "")[:10]
    if (day or "")[:10] == gold_day:
        score.day += 1
    else:
        score.errors.append(f"{score.name} date {key}: {day} (gold {gold_day or 'none'})")
    gold = sorted(_norm(_span(raw, s)) for s in page.get("authors", []))
    if sorted(_norm(a) for a in authors) == gold:
        score.authors += 1
    else:
        score.errors.append(f"{score.name} authors {key}: {authors}")


def metadata_scores(shared: Path, gold_dir: Path) -> list[MetaScore]:
    """kroscek on the id-pages; kroscek and trafilatura on the aeb-dev metadata gold."""
    out = []
    id_gold = json.loads((gold_dir / "html_meta_id.json").read_text(encoding="utf-8"))
    folder = shared / "data" / "html" / "id-pages"
    read = {p["file"]: _read(folder / p["file"]) for p in id_gold["pages"]}
    got = _kroscek([(name, data) for name, (data, _) in read.items()])
    score = MetaScore("kroscek, id-pages")
    for page in id_gold["pages"]:
        raw = read[page["file"]][1]
        article = got[page["file"]]
        score.pages += 1
        score.decided += (article is not None) == page["article"]
        if not page["article"] or article is None:
            continue
        score.articles += 1
        _score(score, raw, page, article.title, article.published, list(article.authors))
        body = _norm(article.raw)
        score.first += bool(page.get("body_first")) and _norm(_span(raw, page["body_first"]))[:60] in body
        score.last += bool(page.get("body_last")) and _norm(_span(raw, page["body_last"]))[-60:] in body
    out.append(score)
    pages = [p for name in ("html_meta_aeb_1.json", "html_meta_aeb_2.json") for p in _pages(gold_dir / name)]
    folder = shared / "data" / "html" / "aeb-dev" / "html"
    read = {p["key"]: _read(folder / f"{p['key']}.html.gz") for p in pages}
    got = _kroscek([(key, data) for key, (data, _) in read.items()])
    ours, theirs = MetaScore("kroscek, aeb-dev"), MetaScore("trafilatura, aeb-dev")
    for page in pages:
        raw = read[page["key"]][1]
        for score in (ours, theirs):
            score.pages += 1
            score.articles += 1
        article = got[page["key"]]
        ours.decided += article is not None
        if article is not None:
            _score(ours, raw, page, article.title, article.published, list(article.authors))
        title, day, authors = _trafilatura_meta(raw)
        theirs.decided += 1
        _score(theirs, raw, page, title, day, authors)
    return [*out, ours, theirs]


def _pages(path: Path) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return pages


def body_scores(shared: Path, pages: bool = False) -> str:
    """The benchmark's scorer on kroscek's and trafilatura's bodies of every aeb-dev page (its printed
    table), F1 per half, and with ``pages`` kroscek's precision, recall and F1 on each page, worst first."""
    import trafilatura

    bench = shared / "data" / "html" / "aeb-dev"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    read = {key: _read(bench / "html" / f"{key}.html.gz") for key in truth}
    got = _kroscek([(key, data) for key, (data, _) in read.items()])
    ours = {key: {"articleBody": a.text if a else ""} for key, a in got.items()}
    theirs = {key: {"articleBody": trafilatura.extract(raw) or ""} for key, (_, raw) in read.items()}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "output").mkdir()
        (work / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
        (work / "evaluate.py").write_bytes((bench / "evaluate.py").read_bytes())
        (work / "output" / "kroscek.json").write_text(json.dumps(ours), encoding="utf-8")
        (work / "output" / "trafilatura.json").write_text(json.dumps(theirs), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "evaluate.py", "--n-bootstrap", "200"],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
    scorer = _scorer(bench)
    table = _page_table(scorer, truth, ours) if pages else ""
    return done.stdout + _halves(scorer, truth, ours, theirs) + table


def _half(key: str) -> str:
    """A page's half of aeb-dev: by a hash of its key, so the split never depends on the pages' order."""
    return "AB"[hashlib.sha256(key.encode()).digest()[0] % 2]


def _scorer(bench: Path) -> Any:
    """The benchmark's ``evaluate.py``, loaded as a module."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", bench / "evaluate.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def _page_table(scorer: Any, truth: dict[str, Any], predicted: dict[str, dict[str, str]]) -> str:
    """kroscek's precision, recall and F1 on each page (the scorer's shingles), the most F1 lost first."""
    rows = []
    for key in truth:
        tp, fp, fn = scorer.string_shingle_matching(
            true=truth[key].get("articleBody", ""), pred=predicted[key]["articleBody"]
        )
        precision = scorer.precision_score(tp, fp, fn)
        recall = scorer.recall_score(tp, fp, fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((f1, key, precision, recall))
    lines = [f"{'page':<10} half  {'P':>5}  {'R':>5}  {'F1':>5}  url"]
    for f1, key, precision, recall in sorted(rows):
        url = truth[key].get("url", "")
        lines.append(f"{key[:8]:<10} {_half(key):<4}  {precision:.3f}  {recall:.3f}  {f1:.3f}  {url}")
    return "\n".join(lines) + "\n"


def _halves(scorer: Any, truth: dict[str, Any], *predictions: dict[str, dict[str, str]]) -> str:
    """F1 on each half of the pages (the benchmark's per-page matching, averaged as it averages)."""
    lines = []
    for name, predicted in zip(("kroscek", "trafilatura"), predictions, strict=True):
        parts = []
        for half in "AB":
            keys = [k for k in truth if _half(k) == half]
            matched = [
                scorer.string_shingle_matching(true=truth[k].get("articleBody", ""), pred=predicted[k]["articleBody"])
                for k in keys
            ]
            parts.append(f"half {half} ({len(keys)} pages) F1 {scorer.metrics_from_tp_fp_fns(matched)['f1']:.3f}")
        lines.append(f"{name:<20} " + " · ".join(parts))
    return "\n".join(lines) + "\n"
