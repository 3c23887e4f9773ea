"""Corpus commands of the ``dateline`` CLI: stories, one story's timeline, contradictions, re-linking.

A thin shell over :mod:`dateline.api`; registered on the main app by :func:`register`.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import api
from .serialize import to_jsonable

out = Console()
Db = Annotated[str, typer.Option("--db", help="SQLite database file.", envvar="DATELINE_DB")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")


def _cell(value: Any, width: int = 90) -> str:
    if value is None:
        return ""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=escape(title), title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(v) for v in row])
    return table


def stories(db: Db = "dateline.db", json_out: Json = False,
            min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories with this many.")] = 1,
            ) -> None:
    """List stories: articles about the same happening, across outlets and days."""
    rows = api.open_reader(db).stories(min_articles)
    if json_out:
        return _emit_json([{k: r[k] for k in ("id", "title", "articles", "outlets", "first_seen", "last_seen",
                                              "entities")} for r in rows])
    out.print(_table(f"Stories ({len(rows)})", ["id", "first_seen", "last_seen", "articles", "outlets", "title"],
                     [[r["id"], r["first_seen"], r["last_seen"], len(r["articles"]), r["outlets"], r["title"]]
                      for r in rows]))


def story(story_id: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
          db: Db = "dateline.db", json_out: Json = False) -> None:
    """One story: its timeline of events and quotes (contradicted claims marked) and contradictions."""
    data = api.open_reader(db).story(story_id)
    if json_out:
        return _emit_json(data)
    out.print(f"[bold]{escape(data['title'] or data['id'])}[/] ({escape(data['id'])}), "
              f"{escape(str(data['first_seen']))} – {escape(str(data['last_seen']))}; "
              f"outlets: {escape(', '.join(data['outlets']))}")
    out.print(f"entities: {escape(', '.join(data['entities']))}; places: {escape(', '.join(data['places']))}")
    rows = []
    for item in data["timeline"]:
        if item["kind"] == "event":
            what = f"{item['actors'] or '?'} {item['action'] or item['category']} {item['targets'] or ''}"
            rows.append([item["date"], item["precision"], item["category"], what, item["outlet"]])
        else:
            mark = "contested: " if item["contested"] else ""
            rows.append([item["date"], item["precision"], f"{mark}{item['speaker'] or '?'}", item["content"],
                         item["outlet"]])
    out.print(_table("Timeline", ["date", "precision", "who / category", "what", "outlet"], rows))
    _print_contradictions(data["contradictions"])


def _print_contradictions(rows: list[dict[str, Any]]) -> None:
    out.print(_table(f"Contradictions ({len(rows)})", ["story", "relation", "confidence", "claim", "counter"], [
        [r["story_id"], r["relation"], r["confidence"], f"{r['claim']['speaker']}: {r['claim']['text']}",
         f"{r['counter']['speaker']}: {r['counter']['text']}"] for r in rows]))


def contradictions(db: Db = "dateline.db", json_out: Json = False,
                   story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None) -> None:
    """List contradictions: one source asserts, another denies, disputes or gives other figures."""
    rows = api.open_reader(db).contradictions(story_id)
    if json_out:
        return _emit_json(rows)
    _print_contradictions(rows)


def relink(db: Db = "dateline.db", json_out: Json = False) -> None:
    """Recompute stories, happenings and contradictions from what is stored."""
    counts = api.relink(db)
    if json_out:
        return _emit_json(counts)
    out.print(f"{counts.stories} stories, {counts.happenings} happenings, {counts.contradictions} contradictions")


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app``."""
    for command in (stories, story, contradictions, relink):
        app.command()(command)
