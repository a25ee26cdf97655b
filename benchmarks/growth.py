"""Growth of every per-article stage with input size: CPU seconds at N and 10N, and their ratio.

A stage whose time grows linearly with its input shows a ratio near 10 (a little more or
less: caches, constant set-up); a ratio over 15 is flagged, since it means the stage grows
faster than the text does (quadratic work, catastrophic regex backtracking).

Each input kind builds a text of about N characters (and 10N) that is read like ingest reads a
file (:func:`kroscek.ingest.records.text_article`), then goes through the shipped stage list
in order (clean, language, published, sentences, entities, dates, quantities, quotes): every
stage is timed on what the stages before it produced. Times are CPU seconds
(``time.process_time``), the best of 3 runs (one run only when it took over 5 s): the first
run on a new text also pays for spaCy learning its strings.

Every input size runs in a forked child that has the models loaded already, under a wall-clock
limit (``--limit``); a stage still running then is shown as ``>limit`` (its ratio as a lower
bound, flagged) and the stages after it are not run. The peak memory (RSS) of each child at
10N is printed at the end; it includes the ~300 MB of models the child shares with its parent.

Run: .venv/bin/python benchmarks/growth.py [--n 10000] [--limit 120] [--only open-comment,names]
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from kroscek.analysis import build_pipeline
from kroscek.ingest.records import text_article
from kroscek.model import Article
from kroscek.pipeline import Stage
from kroscek.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: A ratio above this between 10N and N is flagged.
FLAG_RATIO = 15.0
#: Below this many CPU seconds at 10N a ratio is mostly noise; it is shown but not flagged.
NOISE_SECONDS = 0.02
REPEATS = 3
#: One run this slow is measurement enough.
ONE_RUN_SECONDS = 5.0

_FIRST = (
    *("Budi", "Andi", "Siti", "Dewi", "Agus", "Rina", "Joko", "Sri", "Hadi", "Putri", "Eko", "Wahyu", "Yusuf"),
    *("Rudi", "Nur", "Ahmad", "Bambang", "Dian", "Fajar", "Gita", "Hendra", "Indra", "Kartika", "Lukman"),
    *("Mega", "Novi", "Oki", "Pandu", "Ratna", "Sinta", "Teguh", "Umar", "Vina", "Wulan", "Yanti", "Zainal"),
)
_LAST = (
    *("Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Nugroho", "Kurniawan", "Lestari", "Setiawan"),
    *("Siregar", "Harahap", "Simanjuntak", "Purnomo", "Susanto", "Gunawan", "Halim", "Tanjung", "Nasution"),
    *("Sitompul", "Rahman", "Hakim", "Wibowo", "Permana", "Utomo", "Sembiring"),
)
_LEAD = (
    "Pemerintah daerah menyatakan bahwa situasi di wilayah itu sudah kembali normal setelah banjir surut pada "
    "Senin pagi, dan warga mulai membersihkan rumah mereka."
)


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters (whole units)."""
    return unit * max(1, size // len(unit))


def _example_sentences() -> list[str]:
    """Real sentences: the prose lines of examples/*.txt cut at sentence ends."""
    found: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.split()) >= 12:
                found.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip()) if s)
    return found


def _prose(size: int, joiner: str) -> str:
    sentences = _example_sentences()
    parts: list[str] = []
    total = 0
    while total < size:
        for s in sentences:
            parts.append(s)
            total += len(s) + len(joiner)
            if total >= size:
                break
    return joiner.join(parts)


def _names(size: int) -> str:
    """A list of distinct people, the way a roll of victims or candidates is printed."""
    names: list[str] = []
    total = 0
    index = 0
    while total < size:
        first = _FIRST[index % len(_FIRST)]
        last = _LAST[(index // len(_FIRST)) % len(_LAST)]
        middle = _FIRST[(index // (len(_FIRST) * len(_LAST))) % len(_FIRST)]
        name = f"{first} {last}" if index < len(_FIRST) * len(_LAST) else f"{first} {middle} {last}"
        names.append(name)
        total += len(name) + 2
        index += 1
    # Partial names of some of them later on, as a story refers back to people.
    partial = " ".join(f"Menurut {n.split()[-1]}, hal itu benar." for n in names[:: max(1, len(names) // 50)])
    return "Daftar korban yang dirawat antara lain " + ", ".join(names) + ".\n\n" + partial


def _story(payload: str) -> str:
    """``payload`` as the second paragraph of a story, so the cleaner keeps it as text."""
    return f"{_LEAD}\n\n{payload}\n\n{_LEAD}"


def _in_sentence(run: str) -> str:
    """``run`` inside one sentence of a story paragraph."""
    return _story(f"Warga berkata {run} lalu pergi ke sana setiap hari bersama anak-anak mereka.")


def _alternating(line: str, size: int) -> str:
    """Story paragraphs with ``line`` (furniture) between every two of them."""
    return _story(_fill(f"{_LEAD}\n{line}\n", size))


#: Input kinds: a name and a builder from a size in characters to a raw text.
INPUTS: dict[str, Callable[[int], str]] = {
    # Realistic text.
    "prose-lines": lambda n: _prose(n, "\n\n"),
    "prose-1line": lambda n: _prose(n, " "),
    # Repros of issue 10.
    "open-comment": lambda n: _story(_fill("<!-- x ", n)),
    "open-script": lambda n: _story(_fill("<script>a ", n)),
    "escaped-tags": lambda n: _story(_fill("Kata &lt;script&gt;alert(1)&lt;/script&gt; dan &amp; &quot;ok&quot; ", n)),
    "ke-ke-ke": lambda n: _in_sentence(_fill("ke-", n)),
    "names": _names,
    # Other adversarial shapes.
    "tags": lambda n: _story(_fill("<b>kata</b> <a href='x'>", n)),
    "open-tags": lambda n: _story(_fill("<a x ", n)),
    "long-word": lambda n: _in_sentence("A" * n),
    "dash-run": lambda n: _in_sentence("-" * n),
    "dots": lambda n: _in_sentence("Kata" + "." * n),
    "quote-marks": lambda n: _story(_fill('“Kata " dia. ', n)),
    "brackets": lambda n: _story(_fill("(Kata ", n)),
    "title-case": lambda n: _story(_fill("Kata Besar Menteri ", n)),
    "baca-juga": lambda n: _alternating("Baca juga: Judul Berita Lain Di Sini", n),
    "short-lines": lambda n: _alternating("Jakarta", n),
    "initials": lambda n: _story(_fill("B. J. ", n)),
    "capitals": lambda n: _story(_fill("Beijing mengatakan hal itu. ", n)),
    "numbers": lambda n: _story(_fill("sekitar 12.000 tentara, 3,5 persen dan Rp 1,2 triliun, ", n)),
    "dates": lambda n: _story(_fill("Senin (28/4/2025) dan Selasa, 29 Oktober 2024 pukul 10.00 WIB, ", n)),
    "spaces": lambda n: _in_sentence("kata" + " " * n + "kata"),
}


def _time(stage: Stage, article: Article) -> tuple[float, Article]:
    """CPU seconds of the stage on the article (best of the runs), and what it returned."""
    best = float("inf")
    result = article
    for _ in range(REPEATS):
        began = time.process_time()
        result = stage.call(article)
        spent = time.process_time() - began
        best = min(best, spent)
        if spent > ONE_RUN_SECONDS:
            break
    return best, result


def _chain(text: str, stages: tuple[Stage, ...], conn: Connection) -> None:
    """In the child: every stage in order on one text; send (stage, seconds) as each ends."""
    article = text_article(text, "growth.txt")
    for s in stages:
        seconds, article = _time(s, article)
        conn.send((s.name, seconds))
    conn.send(("rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    conn.close()


def _measure(text: str, stages: tuple[Stage, ...], limit: float) -> dict[str, float | None]:
    """Seconds per stage (None: still running at the limit); with 'rss_mb' when it finished."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_chain, args=(text, stages, child))
    process.start()
    child.close()
    found: dict[str, float | None] = {}
    deadline = time.monotonic() + limit
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            break
        try:
            name, seconds = parent.recv()
        except EOFError:
            break
        found[name] = seconds
        if name == "rss_mb":
            break
    if process.is_alive():
        process.kill()
    process.join()
    for s in stages:
        if s.name not in found:
            found[s.name] = None
            break
    return found


def _cell(value: float | None, limit: float, ran: bool) -> str:
    if value is None:
        return f">{limit:.0f}" if ran else "-"
    return f"{value:.4f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="characters at size N (default 10000)")
    parser.add_argument("--limit", type=float, default=120.0, help="wall seconds per input and size")
    parser.add_argument("--only", default="", help="comma-separated input kinds (default: all)")
    args = parser.parse_args()
    kinds = [k for k in args.only.split(",") if k] or list(INPUTS)
    unknown = [k for k in kinds if k not in INPUTS]
    if unknown:
        parser.error(f"unknown input kind(s) {unknown}; known: {', '.join(INPUTS)}")

    stages = build_pipeline(Settings()).stages
    # Load the models and compile the patterns once, before the children fork.
    article = text_article(_prose(3000, "\n\n"), "warm.txt")
    for s in stages:
        article = s.call(article)

    n = args.n
    print(f"CPU seconds, best of {REPEATS}; N = {n:,} characters, 10N = {10 * n:,}; flag: ratio > {FLAG_RATIO:.0f}")
    header = f"{'stage':<11} {'input':<13} {'N':>9} {'10N':>9} {'ratio':>7}  flag"
    print(header)
    print("-" * len(header))
    flagged: list[str] = []
    memory: list[str] = []
    began = time.monotonic()
    for kind in kinds:
        small = _measure(INPUTS[kind](n), stages, args.limit)
        large = _measure(INPUTS[kind](10 * n), stages, args.limit)
        for s in stages:
            a, b = small.get(s.name), large.get(s.name)
            ratio = ""
            flag = ""
            if a is not None and b is not None:
                r = b / a if a > 0 else float("inf")
                ratio = f"{r:.1f}"
                if r > FLAG_RATIO:
                    flag = "FLAG" if b >= NOISE_SECONDS else "(noise)"
            elif a is not None and s.name in large:  # timed out at 10N
                ratio = f">{args.limit / a:.0f}" if a > 0 else "inf"
                flag = "FLAG (timed out)"
            if flag.startswith("FLAG"):
                flagged.append(f"{s.name} × {kind}")
            print(
                f"{s.name:<11} {kind:<13} {_cell(a, args.limit, s.name in small):>9} "
                f"{_cell(b, args.limit, s.name in large):>9} {ratio:>7}  {flag}"
            )
        rss = large.get("rss_mb")
        memory.append(f"{kind} {rss:.0f} MB" if rss is not None else f"{kind} -")
        sys.stdout.flush()
    print()
    print("peak RSS of the child at 10N: " + ", ".join(memory))
    print(f"flagged: {', '.join(flagged) if flagged else 'none'}")
    print(f"wall time: {time.monotonic() - began:.0f} s")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
