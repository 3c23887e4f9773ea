"""The ``dateline`` command: a thin shell over :mod:`dateline.api`."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import api, cli_corpus
from .config import Settings
from .errors import DatelineError
from .serialize import to_jsonable

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Raw news in, a sourced record out.")
export_app = typer.Typer(no_args_is_help=True, help="Export stored facts to files.")
app.add_typer(export_app, name="export")
out = Console()
err = Console(stderr=True)

Db = Annotated[str, typer.Option("--db", help="SQLite database file.", envvar="DATELINE_DB")]
FORMATS = ("csv", "jsonl", "parquet", "geojson")
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
    db: Db = "dateline.db",
    outlet: Annotated[str | None, typer.Option(help="Outlet name for sources that lack one.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for sources that lack one.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name(s), comma-separated.")] = None,
    processes: Annotated[int | None, typer.Option(help="Parse in this many processes.", min=1)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    json_out: Json = False,
) -> None:
    """Read, clean, analyse and store news files."""
    settings = Settings()
    if model:
        settings.models = tuple(m.strip() for m in model.split(",") if m.strip())
    if processes:
        settings.processes = processes
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, disable=quiet or json_out, transient=True,
    )
    with progress:
        task = progress.add_task("", total=None)

        def on_progress(done: int, total: int, path: str) -> None:
            progress.update(task, completed=done, total=total, description=path[-50:])

        report = api.ingest(
            paths, db, outlet=outlet, published=published, settings=settings,
            on_progress=on_progress, on_drop=lambda line: err.print(f"[yellow]dropped[/] {line}", highlight=False),
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


@app.command()
def articles(db: Db = "dateline.db", json_out: Json = False,
             limit: Annotated[int | None, typer.Option(help="At most this many.")] = None) -> None:
    """List stored articles."""
    rows = api.open_reader(db).articles(limit=limit)
    if json_out:
        return _emit_json(rows)
    from .render import listing

    out.print(listing(rows, ["id", "published", "outlet", "title", "credits", "copies"], f"Articles ({len(rows)})"))


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
           limit: Annotated[int, typer.Option(help="At most this many.")] = 20) -> None:
    """Full-text search over titles and bodies."""
    rows = api.open_reader(db).search(query, limit)
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
           article: Annotated[str | None, typer.Option(help="Only this article.")] = None) -> None:
    """List events: who did what to whom, when and where."""
    from .export.events import event_rows

    rows = list(event_rows(api.open_reader(db).event_rows(actor, category, article), style="dateline"))
    if json_out:
        return _emit_json(rows)
    from .render import listing

    cols = [c for c in ("category", "modality", "actors", "action", "targets", "place", "date") if not rows or c in rows[0]]
    out.print(listing(rows, cols, f"Events ({len(rows)})"))


@export_app.command("events")
def export_events(
    output: Annotated[str, typer.Option("--output", "-o", help="File to write.")],
    db: Db = "dateline.db",
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, parquet or geojson.")] = "csv",
    style: Annotated[str, typer.Option(help="dateline, gdelt or acled columns.")] = "dateline",
    per: Annotated[str, typer.Option(help="One row per report, or per happening.")] = "report",
) -> None:
    """Export events as CSV, JSONL, Parquet or GeoJSON, in our, GDELT's or ACLED's columns."""
    from .export.events import STYLES, event_rows, write_events

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if style not in STYLES:
        raise typer.BadParameter(f"{style!r} is not one of {', '.join(STYLES)}", param_hint="--style")
    if per not in ("report", "happening"):
        raise typer.BadParameter(f"{per!r} is not one of report, happening", param_hint="--per")
    reader = api.open_reader(db)
    items = reader.happening_event_rows() if per == "happening" else reader.event_rows()
    n = write_events(event_rows(items, style=style), fmt, output, style=style)
    err.print(f"wrote {n} events to {output}")


@app.command()
def log(db: Db = "dateline.db", json_out: Json = False) -> None:
    """The ingest log: each source with its counts, then every drop with its reason."""
    reader = api.open_reader(db)
    data = {"sources": reader.sources(), "drops": reader.drops()}
    if json_out:
        return _emit_json(data)
    from .render import listing

    out.print(listing(data["sources"], ["path", "format", "status", "articles", "duplicates", "drops"], "Sources"))
    out.print(listing(data["drops"], ["path", "position", "reason", "detail"], "Drops"))


cli_corpus.register(app, entities_app)


def main() -> None:
    try:
        app()
    except DatelineError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
