"""The ``dateline`` command: a thin shell over :mod:`dateline.api`."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from . import api, cli_corpus
from .config import Settings, processes_from
from .errors import DatelineError, UsageError
from .safe_text import json_safe, one_line
from .serialize import to_jsonable

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Raw news in, a sourced record out.")
export_app = typer.Typer(no_args_is_help=True, help="Export stored facts to files.")
app.add_typer(export_app, name="export")
out = Console()
err = Console(stderr=True)

#: The largest count an option takes (SQLite integers are 64-bit; no database holds more rows).
MAX_COUNT = 2**53
#: The most worker processes an ingest starts.
MAX_PROCESSES = 1024
Db = Annotated[str, typer.Option("--db", help="SQLite database file.", envvar="DATELINE_DB")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Language = Annotated[str | None, typer.Option("--language", help="Only articles in this language (ISO 639-1, e.g. de).")]


def _emit_json(data: Any) -> None:
    sys.stdout.write(json_safe(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2)) + "\n")


def _say(label: str, style: str, message: str) -> None:
    """One line on stderr: a coloured label, then ``message`` as plain text on one line."""
    err.print(Text.assemble((label, style), " ", one_line(message)), highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
    db: Db = "dateline.db",
    outlet: Annotated[str | None, typer.Option(help="Outlet name for sources that lack one.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for sources that lack one.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name(s), comma-separated.")] = None,
    processes: Annotated[str | None, typer.Option(
        help="Parse and extract in this many processes, or auto (one per core; the default).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    json_out: Json = False,
    engine: Annotated[str | None, typer.Option(help="local, or dask: spread sources over Dask workers.")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (with --engine dask).")] = None,
    workers: Annotated[int | None, typer.Option(help="Local Dask workers to start (with --engine dask).", min=1,
                                                max=1024)] = None,
    defer_corpus: Annotated[bool, typer.Option(
        "--defer-corpus", help="Leave stories, happenings and contradictions for 'dateline relink'.")] = False,
    foreign_db: Annotated[bool, typer.Option(
        "--foreign-db", help="Add dateline's tables to an SQLite file that holds another program's tables.")] = False,
) -> None:
    """Read, clean, analyse and store news files."""
    settings = Settings()
    if defer_corpus:
        settings.corpus_stages = False
    _engine_options(settings, engine, scheduler, workers)
    if model:
        settings.models = tuple(m.strip() for m in model.split(",") if m.strip())
    if processes:
        settings.processes = _processes(processes)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, disable=quiet or json_out, transient=True,
    )
    with progress:
        task = progress.add_task("", total=None)

        def on_progress(done: int, total: int, path: str) -> None:
            progress.update(task, completed=done, total=total, description=escape(one_line(path)[-50:]))

        report = api.ingest(
            paths, db, outlet=outlet, published=published, settings=settings,
            on_progress=on_progress, on_drop=lambda line: _say("dropped", "yellow", line),
            on_wait=lambda line: _say("waiting", "yellow", line), foreign_db=foreign_db,
        )
    if json_out:
        data = to_jsonable(report)
        data["articles_per_second"] = report.articles_per_second
        _emit_json(data)
    else:
        from .render import listing, summary

        out.print(summary(report))
        rows = api.open_reader(db).entities()
        out.print(listing(rows[:30], ["name", "type", "country", "roles", "mentions"],
                          f"Entities (top {min(30, len(rows))} of {len(rows)})"))
    if report.interrupted:
        err.print("[red]interrupted[/]: what was stored is kept; run the same command again to complete it")
        raise typer.Exit(130)


def _processes(value: str) -> int:
    """``--processes``: auto or a number from 1 to :data:`MAX_PROCESSES`."""
    try:
        number = processes_from(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not auto or a positive number", param_hint="--processes") from exc
    if number > MAX_PROCESSES:
        raise typer.BadParameter(f"at most {MAX_PROCESSES} processes", param_hint="--processes")
    return number


def _engine_options(settings: Settings, engine: str | None, scheduler: str | None, workers: int | None) -> None:
    engine = engine or settings.engine
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r} is not one of local, dask", param_hint="--engine")
    if engine == "local" and (scheduler or workers):
        raise typer.BadParameter("--scheduler and --workers need --engine dask", param_hint="--engine")
    if scheduler and workers:
        raise typer.BadParameter("give --scheduler or --workers, not both", param_hint="--workers")
    settings.engine, settings.scheduler, settings.workers = engine, scheduler or settings.scheduler, workers


@app.command()
def articles(db: Db = "dateline.db", json_out: Json = False,
             limit: Annotated[int | None, typer.Option(help="At most this many.", min=0, max=MAX_COUNT)] = None,
             language: Language = None) -> None:
    """List stored articles."""
    rows = api.open_reader(db).articles(limit=limit, language=language)
    if json_out:
        return _emit_json(rows)
    from .render import listing

    out.print(listing(rows, ["id", "published", "language", "outlet", "title", "credits", "copies"],
                      f"Articles ({len(rows)})"))


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
         db: Db = "dateline.db", json_out: Json = False) -> None:
    """Show one article with its entities, quotes and events highlighted."""
    article = api.open_reader(db).article(article_id)
    if json_out:
        return _emit_json(article)
    from .render import article_view

    article_view(out, article)


entities_app = typer.Typer(help="List canonical entities; correct their merges.")
app.add_typer(entities_app, name="entities")


@entities_app.callback(invoke_without_command=True)
def entities(ctx: typer.Context, db: Db = "dateline.db", json_out: Json = False,
             type_: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, ...")] = None) -> None:
    """List canonical entities with aliases, roles and countries."""
    if ctx.invoked_subcommand:
        return
    rows = api.open_reader(db).entities(type_)
    if json_out:
        return _emit_json(rows)
    from .render import listing

    out.print(listing(rows, ["name", "type", "country", "aliases", "roles", "mentions"], f"Entities ({len(rows)})"))


@app.command()
def search(query: Annotated[str, typer.Argument(help="FTS5 query: words, \"phrases\", OR, NEAR.")],
           db: Db = "dateline.db", json_out: Json = False,
           limit: Annotated[int, typer.Option(help="At most this many.", min=0, max=MAX_COUNT)] = 20,
           language: Language = None) -> None:
    """Full-text search over titles and bodies."""
    rows = api.open_reader(db).search(query, limit, language)
    if json_out:
        return _emit_json(rows)
    from .render import listing

    out.print(listing(rows, ["id", "published", "title", "snippet"], f"Search {query!r} ({len(rows)})"))


@app.command()
def quotes(db: Db = "dateline.db", json_out: Json = False,
           speaker: Annotated[str | None, typer.Option(help="Speaker name contains this.")] = None,
           anonymous: Annotated[bool, typer.Option("--anonymous", help="Only anonymous sources.")] = False,
           article: Annotated[str | None, typer.Option(help="Only this article.")] = None) -> None:
    """List attributions: who said what."""
    rows = api.open_reader(db).quotes(speaker, anonymous, article)
    if json_out:
        return _emit_json(rows)
    from .render import listing

    out.print(listing(rows, ["speaker", "speaker_kind", "type", "cue", "content"], f"Quotes ({len(rows)})"))


@app.command()
def events(db: Db = "dateline.db", json_out: Json = False,
           actor: Annotated[str | None, typer.Option(help="Actor or target name contains this.")] = None,
           category: Annotated[str | None, typer.Option(help="PLOVER category, e.g. ASSAULT.")] = None,
           article: Annotated[str | None, typer.Option(help="Only this article.")] = None,
           primary: Annotated[bool, typer.Option(help="Only each article's primary (headline) event.")] = False,
           all_: Annotated[bool, typer.Option("--all", help="Also events below the confidence threshold.")] = False,
           ) -> None:
    """List events: who did what to whom, when and where (at or above the confidence threshold)."""
    from .export.events import event_rows
    from .extract.events.calibration import SHOW_AT

    floor = 0.0 if all_ else SHOW_AT
    rows = list(event_rows(api.open_reader(db).event_rows(actor, category, article, floor), style="dateline"))
    rows = [r for r in rows if r.get("primary")] if primary else rows
    if json_out:
        return _emit_json(rows)
    from .render import listing

    cols = [c for c in ("category", "modality", "actors", "action", "targets", "place", "date") if not rows or c in rows[0]]
    out.print(listing(rows, cols, f"Events ({len(rows)})"))


Output = Annotated[str, typer.Option("--output", "-o", help="File to write.")]
Format = Annotated[str | None, typer.Option("--format", help="csv, jsonl, parquet (events also geojson).")]
Header = Annotated[bool, typer.Option("--header", help="GDELT layouts: add the column names.")]


def _export(table: str, output: str, db: str, fmt: str | None, style: str | None, header: bool,
            per: str = "report", min_confidence: float = 0.0) -> None:
    from .export.run import check, export

    try:
        check(table, style, fmt)
        if per not in ("report", "happening"):
            raise UsageError(f"--per {per!r} is not one of report, happening")
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    from .export.output import check_target
    from .export.run import database_paths

    reader = api.open_reader(db)
    try:
        replacing = check_target(Path(output), database_paths(reader))
        n = export(reader, table, output, style=style, fmt=fmt, header=header, per=per, min_confidence=min_confidence)
    except OSError as exc:
        err.print(Text(one_line(f"error: cannot write {output}: {exc.strerror or exc}")))
        raise typer.Exit(2) from exc
    noun = "lines" if style and style.startswith("quotebank") else table
    err.print(Text(one_line(f"wrote {n} {noun} to {output}" + (" (replacing the file that was there)" if replacing else ""))))


@export_app.command("events")
def export_events(output: Output, db: Db = "dateline.db", fmt: Format = None, header: Header = False,
                  style: Annotated[str | None, typer.Option(help="dateline, gdelt or acled layout.")] = None,
                  per: Annotated[str, typer.Option(help="One row per report, or per happening.")] = "report",
                  partition_by: Annotated[str | None, typer.Option(
                      "--partition-by", help="date: a Parquet dataset in OUTPUT, one folder per day.")] = None,
                  all_: Annotated[bool, typer.Option("--all", help="Also events below the confidence threshold.")] = False,
                  ) -> None:
    """Export events in our layout, GDELT 2.0's event table or ACLED's export (at or above the
    confidence threshold unless --all)."""
    from .extract.events.calibration import SHOW_AT

    if partition_by is not None:
        return _export_partitioned(db, output, fmt, style or "dateline", partition_by)
    _export("events", output, db, fmt, style, header, per, 0.0 if all_ else SHOW_AT)


@export_app.command("mentions")
def export_mentions(output: Output, db: Db = "dateline.db", fmt: Format = None, header: Header = False,
                    style: Annotated[str | None, typer.Option(help="gdelt (the only layout).")] = None) -> None:
    """Export GDELT 2.0's mentions table: one row per report of an event, with exact offsets."""
    _export("mentions", output, db, fmt, style, header)


@export_app.command("quotes")
def export_quotes(output: Output, db: Db = "dateline.db", fmt: Format = None,
                  style: Annotated[str | None, typer.Option(
                      help="dateline, quotebank (quote-centric) or quotebank-articles (article-centric).")] = None,
                  ) -> None:
    """Export quotes in our layout or Quotebank's JSON lines."""
    _export("quotes", output, db, fmt, style, False)


@export_app.command("entities")
def export_entities(output: Output, db: Db = "dateline.db", fmt: Format = None) -> None:
    """Export canonical entities with aliases, roles, country and counts."""
    _export("entities", output, db, fmt, None, False)


@export_app.command("articles")
def export_articles(output: Output, db: Db = "dateline.db", fmt: Format = None) -> None:
    """Export articles with their metadata and text."""
    _export("articles", output, db, fmt, None, False)


def _export_partitioned(db: str, output: str, fmt: str | None, style: str, partition_by: str) -> None:
    from .export.events import STYLES, event_rows
    from .export.partitioned import write_partitioned

    if partition_by != "date" or fmt not in (None, "parquet"):
        raise typer.BadParameter("only --partition-by date, with --format parquet", param_hint="--partition-by")
    if style not in STYLES:
        raise typer.BadParameter(f"{style!r} is not one of {', '.join(STYLES)}", param_hint="--style")
    try:
        n = write_partitioned(event_rows(api.open_reader(db).export_events(), style), output, style)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--output") from exc
    err.print(Text(one_line(f"wrote {n} events to {output}/ (one folder per day)")))


@app.command()
def log(db: Db = "dateline.db", json_out: Json = False) -> None:
    """The ingest log: each source with its counts, every drop with its reason, and the articles
    stored without facts because no pipeline reads their language."""
    from .pipeline import PARSED_LANGUAGES

    reader = api.open_reader(db)
    data = {"sources": reader.sources(), "drops": reader.drops(),
            "without_facts": reader.languages_without_facts(PARSED_LANGUAGES)}
    if json_out:
        return _emit_json(data)
    from .render import listing

    out.print(listing(data["sources"], ["path", "format", "status", "articles", "duplicates", "drops"], "Sources"))
    out.print(listing(data["drops"], ["path", "position", "reason", "detail"], "Drops"))
    if data["without_facts"]:
        out.print(listing(data["without_facts"], ["language", "articles"],
                          "Stored without facts (no pipeline for their language)"))


@app.command()
def serve(db: Db = "dateline.db",
          host: Annotated[str, typer.Option(help="Address to bind; other than 127.0.0.1 exposes the data.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
          allow_edits: Annotated[bool, typer.Option(
              "--allow-edits", help="Offer entity merge, split and undo in the pages (POST with a CSRF token).")] = False,
          edits_from_network: Annotated[bool, typer.Option(
              "--allow-edits-from-network",
              help="With --allow-edits on a non-loopback --host: let anyone who reaches it change the database.")] = False,
          ) -> None:
    """Browse the database in a web browser, with a JSON API under /api/v1 (read-only unless --allow-edits)."""
    from .web import is_loopback
    from .web import serve as run

    if allow_edits and not is_loopback(host) and not edits_from_network:
        raise typer.BadParameter(
            f"--allow-edits on {host} lets anyone who reaches that address merge and split entities; bind to "
            "127.0.0.1, or add --allow-edits-from-network to accept that", param_hint="--allow-edits")
    if not is_loopback(host):
        _say("warning", "yellow", f"serving on {host}: anyone who reaches this address can read the whole database"
             + (" and change its entities" if allow_edits else ""))
    run(db, host=host, port=port, allow_edits=allow_edits, edits_from_network=edits_from_network)


cli_corpus.register(app, entities_app)


def main() -> None:
    try:
        app()
    except DatelineError as exc:
        _say("error", "red", str(exc))
        sys.exit(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        _say("error", "red", database_failure(exc))
        sys.exit(2)


def database_failure(exc: sqlite3.DatabaseError) -> str:
    """What a database error means for the user: a full disk leaves the database intact."""
    message = str(exc)
    if "full" in message or "disk I/O" in message:
        return (f"cannot write to the database: the disk is full or cannot be written ({message}); the database is "
                "intact (what was committed is kept, the rest rolled back): free space and run the command again")
    return f"the database cannot be read ({message}); it may be corrupt or written by another program"


if __name__ == "__main__":
    main()
