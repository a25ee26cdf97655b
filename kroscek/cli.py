"""The ``kroscek`` command: a thin layer over :mod:`kroscek.analysis` and :mod:`kroscek.evaluate`."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO

import typer
from rich.console import Console

if TYPE_CHECKING:
    from kroscek.model import Article, Skipped, Story
    from kroscek.scale.stream import Pile
    from kroscek.settings import Settings
    from kroscek.store.sqlite import Store

# Each command imports what it uses when it runs: `kroscek --help` and a store query pay for
# neither the models nor the cross-article layer's numeric stack.

__all__ = ["EXIT_SKIPPED", "app"]

#: Exit status when some inputs were skipped (the others were analysed and written).
EXIT_SKIPPED = 3


#: Where ``kroscek eval`` finds its data from any directory: the checkout this package lives in
#: (its tests/gold and examples) and the shared data beside it, or $KROSCEK_SHARED.
_REPO = Path(__file__).resolve().parent.parent
_GOLD = _REPO / "tests" / "gold"
_SHARED = Path(os.environ.get("KROSCEK_SHARED") or _REPO.parent / "shared")

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Cross-check the news.",
    rich_markup_mode=None,  # plain help: rich's help renderer alone is 0.1 s of every start
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(no_args_is_help=True, help="Score kroscek against gold sets.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)

SettingsOption = Annotated[Path | None, typer.Option("--settings", help="TOML file overriding the default settings.")]
JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes.")]
SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="KEY=VALUE over the settings (stage.language.min_confidence=0.6); repeatable."),
]


def _settings(path: Path | None, overrides: list[str] | None) -> Settings:
    """The settings of one command: defaults, the file, then ``--set``; a bad one ends the command."""
    from kroscek.settings import SettingsError, load_settings

    try:
        return load_settings(path, overrides or [])
    except SettingsError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error


def _run(paths: list[str], settings_path: Path | None, overrides: list[str], jobs: int | None, quiet: bool) -> Pile:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kroscek.ingest import read_inputs
    from kroscek.pipeline import PipelineError
    from kroscek.scale.stream import analyze_pile

    settings = _settings(settings_path, overrides)
    show = not quiet and err.is_terminal
    try:
        if not show:
            return analyze_pile(read_inputs(paths, settings), settings, jobs=jobs)
        with Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("analyse", total=None)
            return analyze_pile(
                read_inputs(paths, settings), settings, jobs=jobs, progress=lambda _a: bar.advance(task)
            )
    except PipelineError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error


def _write_json(pile: Pile, files: list[Path], stdout: bool) -> None:
    """The pile's ``kroscek/1`` JSON written once, to the first of ``files`` (then copied to the
    others and, with ``stdout``, to standard output), else to standard output."""
    from kroscek.model import write_contract

    def write(to: BinaryIO) -> None:
        write_contract(to, pile.articles, (built.story for built in pile.stories), pile.skipped)

    if not files:
        write(sys.stdout.buffer)
        return
    with files[0].open("wb") as first:
        write(first)
    for other in files[1:]:
        shutil.copyfile(files[0], other)
    if stdout:
        with files[0].open("rb") as written:
            shutil.copyfileobj(written, sys.stdout.buffer)


@app.command("analyze")
def analyze_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    json_out: Annotated[
        str | None, typer.Option("--json", help="Write the kroscek/1 JSON here (- for stdout).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for kroscek.json and report.md.")] = None,
    jobs: JobsOption = None,
    timings: Annotated[bool, typer.Option("--timings", help="Print seconds per stage.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Clean and annotate raw articles; write JSON and a Markdown report."""
    from rich.table import Table

    from kroscek.report.files import write_report_files

    pile = _run(paths, settings, overrides or [], jobs, quiet)
    try:
        files = [Path(json_out)] if json_out and json_out != "-" else []
        if out:
            out.mkdir(parents=True, exist_ok=True)
            if not any(f.resolve() == (out / "kroscek.json").resolve() for f in files):
                files.append(out / "kroscek.json")
        _write_json(pile, files, json_out == "-" or (json_out is None and out is None))
        if out:
            stories = ((built.story, pile.members(built)) for built in pile.stories)
            write_report_files(out, len(pile.articles), pile.skipped, pile.furniture, stories, pile.articles)
        articles, skipped, timed = len(pile.articles), pile.skipped, pile.timings
    finally:
        pile.close()
    for s in skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}", highlight=False)
    if not quiet:
        where = f"; briefing: {out / 'index.html'}, report: {out / 'report.md'}" if out else ""
        err.print(f"{articles} article(s), {len(skipped)} skipped{where}")
    if timings:
        table = Table("stage", "seconds", "articles/s", title="time per stage")
        for name, seconds in timed.items():
            rate = articles / seconds if seconds else float("inf")
            table.add_row(name, f"{seconds:.3f}", f"{rate:,.0f}")
        err.print(table)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


class Engine(StrEnum):
    """Where `kroscek batch` runs."""

    local = "local"
    spark = "spark"


@app.command("batch")
def batch_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs (with --engine spark: any URL Spark reads).")
    ],
    out: Annotated[str, typer.Option("--out", help="Folder (a URL with Spark) for the Parquet tables.")],
    engine: Annotated[
        Engine, typer.Option(help="local: this machine (--jobs); spark: a Spark cluster.")
    ] = Engine.local,
    master: Annotated[
        str | None, typer.Option(help="Spark master URL (local[4], spark://host:7077, yarn); default: Spark's own.")
    ] = None,
    jobs: JobsOption = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Analyse a pile and write Parquet tables: articles, stories, events, claims, changes, skipped."""
    from kroscek.pipeline import PipelineError

    chosen = _settings(settings, overrides)
    try:
        if engine is Engine.spark:
            from kroscek.scale.spark import batch, session

            spark = session(master)
            try:
                done = batch(spark, paths, out, chosen)
            finally:
                spark.stop()
        else:
            from kroscek.ingest import read_inputs
            from kroscek.scale.local import batch_items

            done = batch_items(read_inputs(paths, chosen), Path(out), chosen, jobs=jobs)
    except PipelineError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error
    err.print(f"{done.articles} article(s), {done.stories} story(ies), {done.skipped} skipped; tables under {out}")
    if done.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("stages")
def stages_command() -> None:
    """List the stages of the default pipeline, in order, with the layers they read and write and their settings."""
    import msgspec
    from rich.table import Table

    import kroscek.analysis  # noqa: F401  (registers the stages)
    from kroscek.pipeline import registered_stages, shipped_order

    table = Table("stage", "versioned name", "reads", "writes", "settings [stage.<name>]")
    stages = registered_stages()
    for name in shipped_order():
        s = stages[name]
        settings = ", ".join(f"{k} = {v!r}" for k, v in msgspec.structs.asdict(s.config()).items()) if s.config else ""
        table.add_row(s.name, s.qualified, ", ".join(sorted(s.reads)), ", ".join(sorted(s.writes)), settings)
    Console().print(table)


@eval_app.command("clean")
def eval_clean_command(
    gold: Annotated[Path, typer.Option(help="Line labels: name, line, label (TSV).")] = _GOLD / "clean_lines.tsv",
    corpus: Annotated[Path, typer.Option(help="JSONL corpus the gold names.")] = _SHARED / "corpus-dev/articles.jsonl",
    examples: Annotated[Path, typer.Option(help="Folder of text articles the gold names.")] = _REPO / "examples",
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong line.")] = False,
) -> None:
    """Furniture removal precision/recall and story lines kept, against line-level gold."""
    from kroscek.evaluate.clean import evaluate_clean

    report = evaluate_clean(gold, corpus, examples)
    Console().print(report.render(show_errors=errors))


StoreOption = Annotated[
    str, typer.Option("--store", help="SQLite store file (created when missing) or a postgresql:// URL.")
]


@contextmanager
def _store_errors() -> Iterator[None]:
    """A store that fails (damaged, full, locked) ends the command with its message and status 1;
    what an ingest committed before stays in the store."""
    from kroscek.store import StoreError

    try:
        yield
    except StoreError as error:
        err.print(f"[red]error:[/] {error}", highlight=False)
        raise typer.Exit(1) from error


def _open(location: str) -> Store:
    from kroscek.store import StoreError, open_store

    try:
        return open_store(location)
    except StoreError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(1) from error


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    store: StoreOption = "kroscek.db",
    redo: Annotated[
        bool, typer.Option(help="Analyse records the store holds again and replace them; the stories are rebuilt.")
    ] = False,
    jobs: JobsOption = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Analyse articles and add them to a store (records it holds are not analysed again); stories are updated."""
    from kroscek.analysis import ingest

    chosen = _settings(settings, overrides)
    target = _open(store)
    with _store_errors():  # what was committed before it stays in the store
        done = ingest(target, paths, chosen, jobs=jobs, redo=redo)
    held = f", {done.held} analysed again" if redo else f", {done.held} held already (not analysed)"
    _stored(target, store, f"{done.added} article(s) ingested{held if done.held else ''}", done.skipped)


def _stored(target: Store, store: str, done: str, skipped: list[Skipped]) -> None:
    """Say what an ingest or a fetch skipped and what the store holds now; exit EXIT_SKIPPED if it skipped any."""
    with _store_errors():
        counts = target.counts()
    for s in skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}", highlight=False)
    err.print(f"{done}; store {store}: {counts['articles']} article(s), {counts['stories']} story(ies)")
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("fetch")
def fetch_command(
    sources: Annotated[
        list[str], typer.Argument(help="URLs of pages, RSS/Atom feeds or sitemaps; files listing URLs, one per line.")
    ],
    store: StoreOption = "kroscek.db",
    again: Annotated[
        bool, typer.Option(help="Fetch pages read before again (conditionally): a changed page is a new version.")
    ] = False,
    jobs: JobsOption = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Fetch pages, feeds and sitemaps politely (robots.txt, [fetch] settings) and add their articles to a store."""
    from kroscek.analysis import ingest_records
    from kroscek.fetch import Fetcher, known_in, remember_in

    chosen = _settings(settings, overrides)
    target = _open(store)
    with _store_errors(), Fetcher(chosen.fetch, chosen.max_input_bytes, known_in(target)) as fetcher:
        records = list(fetcher.articles(sources, again=again))
        added, skipped, _ = ingest_records(target, records, chosen, jobs)
        remember_in(target, fetcher)
    _stored(target, store, f"{len(records) - len(skipped)} page(s) fetched, {added} new article(s)", skipped)


@app.command("watch")
def watch_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Folders, files, globs to follow (JSONL files may grow); URLs of feeds, sitemaps, pages; *.urls lists."
        ),
    ],
    store: StoreOption = "kroscek.db",
    alerts: Annotated[str | None, typer.Option(help="Write each change as a JSON line here (- for stdout).")] = None,
    webhook: Annotated[str | None, typer.Option(help="POST the changes of each pass here, as a JSON list.")] = None,
    interval: Annotated[float, typer.Option(help="Seconds between passes.")] = 2.0,
    once: Annotated[bool, typer.Option(help="One pass, then exit.")] = False,
    jobs: JobsOption = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Follow folders, growing JSONL files, feeds and URL lists: ingest what is new, alert on changes (Ctrl-C stops)."""
    from kroscek.watch import Watcher

    chosen = _settings(settings, overrides)
    target = _open(store)
    sink = None
    if alerts == "-":
        sink = sys.stdout
    elif alerts:
        sink = open(alerts, "a", encoding="utf-8")  # noqa: SIM115 (open for the whole watch)
    watcher = Watcher(
        target, sources, chosen, alerts=sink, webhook=webhook, jobs=jobs, report=lambda m: err.print(m, highlight=False)
    )
    try:
        with _store_errors():
            watcher.run(interval, passes=1 if once else None)
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()


@app.command("restory")
def restory_command(
    store: StoreOption = "kroscek.db",
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Rebuild the story index and every story from the store's articles (after changing [story]
    settings, or to let stories a new article bridged merge); ids carry over, merged ones redirect."""
    from kroscek.stories.index import restory

    chosen = _settings(settings, overrides)
    target = _open(store)
    seen = target.last_change()
    with _store_errors():
        stories = restory(target, chosen.story)
        changed = len(target.changes(seen, limit=1_000_000))
    err.print(f"store {store}: {stories} story(ies) rebuilt, {changed} change(s) recorded")


@app.command("changes")
def changes_command(
    store: StoreOption = "kroscek.db",
    since: Annotated[int, typer.Option(help="Only changes after this change number (0: all).")] = 0,
    story: Annotated[str | None, typer.Option(help="Only this story's changes.")] = None,
) -> None:
    """Print what the stories' recomputations changed, one JSON line each (oldest first)."""
    import msgspec

    source = _open(store)
    with _store_errors():
        found = source.changes(since, story, limit=1_000_000)
    for change in found:
        sys.stdout.write(msgspec.json.encode(change).decode() + "\n")


@app.command("correct")
def correct_command(
    kind: Annotated[
        str,
        typer.Argument(
            help="merge-events, merge-stories, move-article, keep-apart, quote-speaker, quote-cited-from, "
            "claim-wrong, claim-not-comparable, article-published, article-outlet, article-title."
        ),
    ],
    ids: Annotated[
        list[str],
        typer.Argument(
            help="Two events or stories (ids, or an article of each); an article (move-article: and the event it "
            "goes to, none to take it out); a claim and the article whose value it is."
        ),
    ],
    by: Annotated[str, typer.Option("--by", envvar="KROSCEK_ANALYST", help="Who makes the correction.")],
    store: StoreOption = "kroscek.db",
    why: Annotated[str, typer.Option(help="Why: kept with the correction.")] = "",
    value: Annotated[
        str | None,
        typer.Option(help="The right speaker, source, date, outlet or title; for a claim, which value of the article."),
    ] = None,
    quote: Annotated[
        str | None, typer.Option(help="A piece of the quote's text (quote-speaker, quote-cited-from).")
    ] = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Correct the machine: the correction is kept in the store and obeyed by every later ingest and re-analysis."""
    import msgspec

    from kroscek.stories.corrections import resolve
    from kroscek.stories.index import correct

    chosen = _settings(settings, overrides)
    target = _open(store)
    with _store_errors():
        try:
            made = resolve(target, kind, ids, by=by, value=value, why=why, quote=quote)
        except ValueError as error:
            err.print(f"[red]error:[/] {error}", highlight=False)
            raise typer.Exit(2) from error
        kept = correct(target, made, chosen.story)
        status, reason = target.correction_status().get(kept.id, ("pending", None))
    sys.stdout.write(msgspec.json.encode({**msgspec.to_builtins(kept), "status": status, "reason": reason}).decode())
    sys.stdout.write("\n")
    err.print(f"correction #{kept.id}: {status}" + (f" ({reason})" if reason else ""), highlight=False)


@app.command("corrections")
def corrections_command(
    store: StoreOption = "kroscek.db",
    json_lines: Annotated[bool, typer.Option("--json", help="One JSON line per correction.")] = False,
) -> None:
    """List the store's corrections, oldest first, with their status: applied, or lapsed (no longer applies) and why."""
    import msgspec
    from rich.table import Table

    from kroscek.stories.corrections import listed

    source = _open(store)
    with _store_errors():
        found = listed(source)
    if json_lines:
        for record in found:
            sys.stdout.write(msgspec.json.encode(record).decode() + "\n")
        return
    table = Table("#", "kind", "by", "at", "on", "value", "status", "reason", "why")
    for r in found:
        row = (r["kind"], r["by"], r["at"], _anchors(r["target"]), r["value"] or "", r["status"], r["reason"] or "")
        table.add_row(str(r["id"]), *row, r["why"])
    Console().print(table)


def _anchors(target: dict[str, Any]) -> str:
    """What a correction is anchored on, short: its articles (the first three of a side), quote, claim."""
    parts = []
    for key in ("articles", "other", "quote", "claim"):
        value = target.get(key)
        if isinstance(value, list | tuple) and value:
            parts.append(" + ".join(value[:3]) + (" …" if len(value) > 3 else ""))
        elif value:
            parts.append(f"“{value[:40]}…”" if key == "quote" and len(value) > 40 else str(value))
    return "; ".join(parts)


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for index.html, story-N.html and report.md.")],
    store: StoreOption = "kroscek.db",
) -> None:
    """Write the HTML briefings and the Markdown report of everything in a store."""
    from collections import Counter

    from kroscek.report.files import write_report_files

    source = _open(store)
    out.mkdir(parents=True, exist_ok=True)
    with _store_errors():  # a story and a batch of articles at a time: a store of any size
        count, furniture = 0, Counter[str]()
        for article in source.each_article():
            count += 1
            furniture.update(b.reason for b in article.boilerplate)
        ids = source.story_ids()

        def stories() -> Iterator[tuple[Story, dict[str, Article]]]:
            for story_id in ids:
                if (story := source.story(story_id)) is not None:
                    yield story, {a.id: a for a in source.articles(story.article_ids)}

        write_report_files(out, count, [], furniture, stories(), source.each_article())
    err.print(f"{len(ids)} briefing(s): {out / 'index.html'}")


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for the exported files.")],
    store: StoreOption = "kroscek.db",
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Comma-separated: csv, jsonl (tables), graphml (quote chains, copies), gold (events as corrected).",
        ),
    ] = "csv,jsonl,graphml,gold",
    tables: Annotated[str, typer.Option(help="Comma-separated: articles, quotes, claims, changes, corrections.")] = (
        "articles,quotes,claims,changes,corrections"
    ),
) -> None:
    """Export a store's articles, quotes, claims, changes and corrections (CSV, JSON Lines), its quote-chain and copy
    graphs (GraphML), and its events as corrected as a gold folder `kroscek eval stories --gold` reads."""
    from kroscek.report.export import export_store

    source = _open(store)
    with _store_errors():
        try:
            written = export_store(source, out, _listed(formats), _listed(tables))
        except ValueError as error:
            err.print(f"[red]error:[/] {error}", highlight=False)
            raise typer.Exit(2) from error
    for name, count in written.items():
        err.print(f"{out / name}: {count} {'edge(s)' if name.endswith('.graphml') else 'row(s)'}", highlight=False)


def _listed(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@app.command("serve")
def serve_command(
    store: StoreOption = "kroscek.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="KROSCEK_TOKEN", help="Bearer token for POST /api/articles and /api/corrections (off without one)."
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Server processes (default: one per core, at most 4).")
    ] = None,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Serve search, story briefings and articles (and their JSON twins) from a store."""
    import uvicorn

    from kroscek.web.app import SERVE_ENVIRONMENT, create_app, serve_environment

    chosen = _settings(settings, overrides)
    _open(store).close()
    processes = workers or min(os.cpu_count() or 1, 4)
    if processes == 1:
        uvicorn.run(create_app(store, token=token, settings=chosen), host=host, port=port, log_level="warning")
        return
    # Each worker builds its own app from the environment (uvicorn needs an import string for that).
    os.environ[SERVE_ENVIRONMENT] = serve_environment(store, chosen)
    if token:
        os.environ["KROSCEK_TOKEN"] = token
    uvicorn.run(
        "kroscek.web.app:from_environment", factory=True, workers=processes, host=host, port=port, log_level="warning"
    )


@eval_app.command("html")
def eval_html_command(
    shared: Annotated[Path, typer.Option(help="The shared folder holding data/html.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong field.")] = False,
    bodies: Annotated[bool, typer.Option("--bodies/--no-bodies", help="Also score the aeb-dev bodies.")] = True,
    pages: Annotated[
        bool, typer.Option("--pages", help="Also list kroscek's body P/R/F1 on each aeb-dev page, worst first.")
    ] = False,
) -> None:
    """The HTML reader: front pages, headline, date, authors and body boundaries on hand gold, and
    aeb-dev body F1 with the benchmark's scorer, beside trafilatura alone."""
    from rich.table import Table

    from kroscek.evaluate.html import body_scores, metadata_scores

    if not (shared / "data" / "html").exists():
        err.print(f"[red]error:[/] {shared / 'data' / 'html'} is absent")
        raise typer.Exit(1)
    table = Table("reader, pages", "pages", "article or not right", "headline", "publish day", "authors", "body ends")
    scores = metadata_scores(shared, _GOLD)
    for s in scores:
        ends = f"{s.first} · {s.last} / {s.articles}" if s.name.endswith("id-pages") else "—"
        table.add_row(
            s.name,
            str(s.pages),
            f"{s.decided}/{s.pages}",
            f"{s.title}/{s.articles}",
            f"{s.day}/{s.articles}",
            f"{s.authors}/{s.articles}",
            ends,
        )
    Console().print(table)
    if errors:
        for s in scores:
            for line in s.errors:
                Console().print(line, highlight=False)
    if bodies:
        Console().print("aeb-dev bodies, the benchmark's scorer (mean over 90 pages ± bootstrap):")
        Console().print(body_scores(shared, pages=pages), highlight=False)


@eval_app.command("dates")
def eval_dates_command(
    gold: Annotated[Path, typer.Option(help="Gold values (TSV).")] = _GOLD / "dates.tsv",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong value.")] = False,
) -> None:
    """Accuracy of normalised date values, per written form."""
    from kroscek.evaluate.normalise import evaluate_dates

    Console().print(evaluate_dates(gold, shared, _REPO).render(show_errors=errors))


@eval_app.command("published")
def eval_published_command(
    gold: Annotated[Path, typer.Option(help="ECB+ publish-date gold (TSV).")] = _GOLD / "published.tsv",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong day.")] = False,
) -> None:
    """Publish dates inferred without metadata: coverage, accuracy and wrong days, per set."""
    from kroscek.evaluate.published import evaluate_published

    Console().print(evaluate_published(gold, shared).render(show_errors=errors))


@eval_app.command("claims")
def eval_claims_command(
    gold: Annotated[Path, typer.Option(help="Claims gold (JSON).")] = _GOLD / "claims.json",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    jobs: Annotated[int, typer.Option(help="Worker processes for the per-article stages.")] = 2,
    errors: Annotated[bool, typer.Option("--errors", help="List every false divergence.")] = False,
) -> None:
    """Fact recall, status accuracy and divergence precision of the claims, on hand gold."""
    from kroscek.analysis import analyze
    from kroscek.evaluate.claims import load_gold, render, score_claims
    from kroscek.settings import Settings

    facts, pairs = load_gold(gold)
    scores = []
    for corpus in sorted({f.corpus for f in facts}):
        path = shared / corpus / "articles.jsonl"
        if not path.exists():
            err.print(f"{path} is absent: {corpus} skipped")
            continue
        result = analyze([str(path)], Settings(), jobs=jobs)
        mine = [f for f in facts if f.corpus == corpus]
        look_alike = [(a, b) for c, a, b, _ in pairs if c == corpus]
        scores.append(score_claims(corpus, result.articles, result.stories, mine, look_alike))
    if not scores:
        err.print(f"[red]error:[/] no corpus of {gold} is under {shared}")
        raise typer.Exit(1)
    Console().print(render(scores, show_errors=errors))


@eval_app.command("quantities")
def eval_quantities_command(
    gold: Annotated[Path, typer.Option(help="Gold values (TSV).")] = _GOLD / "quantities.tsv",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every wrong value.")] = False,
) -> None:
    """Accuracy of quantity values and units, per written form."""
    from kroscek.evaluate.normalise import evaluate_quantities

    Console().print(evaluate_quantities(gold, shared, _REPO).render(show_errors=errors))


@eval_app.command("quotes")
def eval_quotes_command(
    gold: Annotated[Path, typer.Option(help="Gold quotes (TSV).")] = _GOLD / "quotes.tsv",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every error.")] = False,
) -> None:
    """Quote detection P/R/F1, speaker, kind and cited_from accuracy on Indonesian hand gold."""
    from kroscek.evaluate.quotes import evaluate_quotes

    Console().print(evaluate_quotes(gold, shared, _REPO).render(show_errors=errors))


@eval_app.command("confidence")
def eval_confidence_command(
    quotes: Annotated[Path, typer.Option(help="Gold quotes (TSV).")] = _GOLD / "quotes.tsv",
    claims: Annotated[Path, typer.Option(help="Claims gold (JSON).")] = _GOLD / "claims.json",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    jobs: Annotated[int, typer.Option(help="Worker processes for the per-article stages.")] = 2,
) -> None:
    """Reliability of the quote speaker and claim status confidences, out of fold (events: make train-events)."""
    from kroscek.evaluate.confidence import blind_speakers, measure_claims, measure_quotes, render_reliability

    console = Console()
    console.print(measure_quotes(quotes, shared, _REPO).render())
    if (shared / "corpus-blind" / "articles.jsonl").exists():
        held_out = blind_speakers(_GOLD / "blind", shared)
        console.print(render_reliability("quote speakers: held out, the blind gold (as shipped)", held_out))
    console.print(measure_claims(claims, shared, jobs).render())


@eval_app.command("blind")
def eval_blind_command(
    gold: Annotated[Path, typer.Option(help="The blind gold folder (TSV parts).")] = _GOLD / "blind",
    shared: Annotated[Path, typer.Option(help="The shared folder holding corpus-blind.")] = _SHARED,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and every extra.")] = False,
    only: Annotated[
        str, typer.Option(help="Only the articles whose id matches these comma-separated patterns (blind_00[1-9]).")
    ] = "",
) -> None:
    """Dates, quantities, quotes and speakers: P/R/F1 over distinct mentions on the blind articles."""
    from kroscek.evaluate.blind import evaluate_blind, render_blind

    if not (shared / "corpus-blind" / "articles.jsonl").exists():
        err.print(f"[red]error:[/] {shared / 'corpus-blind' / 'articles.jsonl'} is absent")
        raise typer.Exit(1)
    patterns = [p.strip() for p in only.split(",") if p.strip()]
    Console().print(render_blind(evaluate_blind(gold, shared, patterns), show_errors=errors))


@eval_app.command("polnear")
def eval_polnear_command(
    split: Annotated[str, typer.Option(help="train or dev; test only with --final.")] = "dev",
    reader: Annotated[
        str,
        typer.Option(help="tagger (its spans), layer (the English quotes layer) or rules (the rule readers alone)."),
    ] = "tagger",
    final: Annotated[
        bool, typer.Option("--final", help="Allow --split test: read once, when development is over.")
    ] = False,
    shared: Annotated[Path, typer.Option(help="The shared folder.")] = _SHARED,
) -> None:
    """English source/cue/content span P/R/F1 on PolNeAR: the attribution tagger, the quotes layer, the rules."""
    from kroscek.evaluate.polnear import READERS, evaluate_polnear

    root = shared / "data" / "polnear"
    if not root.exists():
        err.print(f"[red]error:[/] {root} not found")
        raise typer.Exit(1)
    if split == "test" and not final:
        err.print("[red]error:[/] PolNeAR test stays unread while developing; --final reads it (once, at the end)")
        raise typer.Exit(1)
    if reader not in READERS:
        err.print(f"[red]error:[/] --reader is one of {', '.join(READERS)}")
        raise typer.Exit(1)
    score = evaluate_polnear(root, split, READERS[reader], final=final)
    Console().print(score.table(split, reader))


@eval_app.command("crosslingual")
def eval_crosslingual_command(
    folds: Annotated[int, typer.Option(help="Cross-validation folds, grouped by document.")] = 5,
    pile: Annotated[
        bool, typer.Option(help="Also analyse the NTREX documents and their translations as one pile (a minute).")
    ] = True,
    shared: Annotated[Path, typer.Option(help="The shared folder.")] = _SHARED,
) -> None:
    """Indonesian quotes linked to the English quotes they translate (NTREX en-id): P/R beside a baseline;
    what the translation check flags on faithful pairs and catches on changed figures; and, with --pile,
    the documents and their translations analysed as articles, end to end."""
    from kroscek.evaluate.crosslingual import (
        evaluate_crosslingual,
        evaluate_pile,
        evaluate_shifts,
        render,
        render_pile,
        render_shifts,
    )

    root = shared / "data" / "ntrex-en-id"
    if not root.exists():
        err.print(f"[red]error:[/] {root} not found")
        raise typer.Exit(1)
    Console().print(render(evaluate_crosslingual(root, folds), folds))
    Console().print(render_shifts(evaluate_shifts(root)))
    if pile:
        Console().print(render_pile(evaluate_pile(root)))


@eval_app.command("ner")
def eval_ner_command(
    model: Annotated[
        str, typer.Option(help="Model under kroscek/models: ner-id-xs ships; sm/md come from make train-ner-frontier.")
    ] = "ner-id-xs",
    shared: Annotated[Path, typer.Option(help="The shared folder.")] = _SHARED,
) -> None:
    """Entity P/R/F1 (PER, LOC, ORG) on each Indonesian NER test set, and tokens/s."""
    from rich.table import Table

    from kroscek.evaluate.ner import evaluate_ner

    results = evaluate_ner(shared / "data", model)
    table = Table("test set", "P", "R", "F1", "PER", "LOC", "ORG", title=f"{model}: entity-level exact span")
    for name, r in results.items():
        if name == "speed":
            continue
        types = r["per_type"]
        table.add_row(
            name,
            *(f"{r[k]:.3f}" for k in ("p", "r", "f")),
            *(f"{types.get(t, 0.0):.3f}" for t in ("PER", "LOC", "ORG")),
        )
    Console().print(table)
    Console().print(f"tokens/s (NER alone, one process): {results['speed']['tokens_per_s']:,.0f}")


@eval_app.command("entities-en")
def eval_entities_en_command(
    gold: Annotated[Path, typer.Option(help="English entity gold (TSV).")] = _GOLD / "entities_en.tsv",
    shared: Annotated[Path, typer.Option(help="The shared folder the gold points into.")] = _SHARED,
    language: Annotated[
        str, typer.Option(help="Read the articles as this language: en (the English model) or id (the Indonesian one).")
    ] = "en",
    errors: Annotated[bool, typer.Option("--errors", help="List every missed and extra mention.")] = False,
) -> None:
    """English PER/ORG/LOC/GPE mention P/R/F1 (exact and overlap) on hand gold over ECB+ train, and articles/s."""
    from kroscek.evaluate.entities_en import evaluate_entities_en

    articles = shared / "data" / "ecbplus-train" / "articles.jsonl"
    if not articles.exists():
        err.print(f"[red]error:[/] {articles} not found")
        raise typer.Exit(1)
    score = evaluate_entities_en(gold, articles, language)
    Console().print(score.table(f"ECB+ train, {score.articles} articles, read as '{language}'"))
    Console().print(f"articles/s (entities stage, one process): {score.articles_per_second:,.1f}")
    if errors:
        for name, kind, label, surface in score.errors:
            Console().print(f"{name}\t{kind}\t{label}\t{surface}", markup=False)


@eval_app.command("mentions")
def eval_mentions_command(
    split: Annotated[str, typer.Option(help="NER UGM fold-01 split: train, dev or test.")] = "test",
    shared: Annotated[Path, typer.Option(help="The shared folder.")] = _SHARED,
) -> None:
    """Date (TIME) and quantity (QUANTITY) mention detection on NER UGM: P/R/F1, exact and overlap."""
    from kroscek.evaluate.mentions import span_table
    from kroscek.evaluate.normalise import evaluate_mentions

    path = shared / "data" / "indolem_ner" / "nerugm" / f"{split}.01.tsv"
    if not path.exists():
        err.print(f"[red]error:[/] {path} not found")
        raise typer.Exit(1)
    title = f"NER UGM {split}.01 (tokens joined by spaces, token offsets)"
    table = span_table(title, "label", evaluate_mentions(path))
    Console().print(table)


def main() -> None:
    app()


@eval_app.command("stories")
def eval_stories_command(
    gold: Annotated[
        Path,
        typer.Option(
            help="Folder with articles.jsonl and gold.json: corpus-dev's format (corpus-dev, corpus-dev-2) or ECB+'s."
        ),
    ] = _SHARED / "corpus-dev",
    jobs: Annotated[int, typer.Option(help="Worker processes for the per-article stages.")] = 2,
    settings: SettingsOption = None,
    overrides: SetOption = None,
) -> None:
    """Events (B-cubed), hard negatives kept apart and copies (P/R) against an event gold.

    The shipped same-event model was trained on corpus-dev, corpus-dev-2 and ecbplus-train: on those
    sets this is an in-sample score. Cross-validated scores come from `make train-events`.
    """
    import msgspec
    from rich.table import Table

    from kroscek.analysis import analyze
    from kroscek.evaluate.stories import evaluate_events

    if not (gold / "gold.json").exists() or not (gold / "articles.jsonl").exists():
        err.print(f"[red]error:[/] {gold} holds no gold.json and articles.jsonl")
        raise typer.Exit(1)
    chosen = _settings(settings, overrides)
    articles = analyze(
        [str(gold / "articles.jsonl")], msgspec.structs.replace(chosen, stories=False), jobs=jobs
    ).articles
    r = evaluate_events(articles, gold / "gold.json", chosen.story)
    table = Table("measure", "value", title=f"{gold}: {r['articles']} articles, {r['gold_events']} gold events")
    table.add_row("events found", str(r["events"]))
    table.add_row("B-cubed P / R / F1", f"{r['bcubed_p']:.3f} / {r['bcubed_r']:.3f} / {r['bcubed_f']:.3f}")
    table.add_row("hard negatives kept apart", f"{r['hard_negatives_apart']} / {r['hard_negatives']}")
    if r["gold_copy_pairs"]:
        table.add_row("copy pairs P / R (silver gold)", f"{r['copies_p']:.3f} / {r['copies_r']:.3f}")
    table.add_row("cross-article layer", f"{r['seconds']:.2f} s")
    Console().print(table)
