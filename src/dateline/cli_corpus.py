"""Corpus commands of the ``dateline`` CLI: stories, one story's timeline, contradictions, re-linking.

A thin shell over :mod:`dateline.api`; registered on the main app by :func:`register`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table

from . import api
from .safe_text import json_safe, visible
from .serialize import to_jsonable

out = Console()
Db = Annotated[str, typer.Option("--db", help="SQLite database file.", envvar="DATELINE_DB")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def escape(text: str) -> str:
    """User text for Rich markup: brackets escaped, control characters shown as escapes."""
    return escape_markup(visible(text))


def _emit_json(data: Any) -> None:
    sys.stdout.write(json_safe(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2)) + "\n")


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
            min_articles: Annotated[int, typer.Option("--min-articles", help="Only stories with this many.", min=0, max=2**53)] = 1,
            ) -> None:
    """List stories: articles about the same happening, across outlets and days."""
    rows = api.open_reader(db).stories(min_articles)
    if json_out:
        return _emit_json(rows)
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
                   story_id: Annotated[str | None, typer.Option("--story", help="Only this story.")] = None,
                   everything: Annotated[bool, typer.Option(
                       "--all", help="Also the pairs under the confidence shown by default.")] = False) -> None:
    """List contradictions: one source asserts, another denies, disputes or gives other figures."""
    rows = api.open_reader(db).contradictions(story_id, everything)
    if json_out:
        return _emit_json(rows)
    _print_contradictions(rows)


def relink(db: Db = "dateline.db", json_out: Json = False) -> None:
    """Recompute stories, happenings and contradictions from what is stored."""
    counts = api.relink(db)
    if json_out:
        return _emit_json(counts)
    out.print(f"{counts.stories} stories, {counts.happenings} happenings, {counts.contradictions} contradictions")


def entity(name: Annotated[str, typer.Argument(help="Entity name or alias.")],
           db: Db = "dateline.db", json_out: Json = False) -> None:
    """An entity's profile: aliases, roles over time, what it said and did, its stories and company."""
    data = api.open_reader(db).entity_profile(name)
    if json_out:
        return _emit_json(data)
    out.print(f"[bold]{escape(data['name'])}[/] ({escape(data['type'])}, {escape(str(data['country'] or '-'))}); "
              f"aliases: {escape(', '.join(data['aliases']))}")
    out.print(_table("Roles", ["role", "first_seen", "last_seen", "articles"],
                     [[r["role"], r["first_seen"], r["last_seen"], r["articles"]] for r in data["roles"]]))
    out.print(_table("Timeline", ["date", "precision", "what"], [
        [x["date"], x["precision"], f"said: {x['content']}" if x["kind"] == "quote"
         else f"{x['as']}: {x['actors']} {x['action'] or x['category']} {x['targets']}"] for x in data["timeline"]]))
    out.print(_table("Said about it", ["speaker", "content"], [[q["speaker"], q["content"]] for q in data["said_about"]]))
    out.print(_table("Stories", ["id", "title", "articles"], [[s["id"], s["title"], s["articles"]] for s in data["stories"]]))
    out.print(_table("Appears with", ["name", "type", "articles"], [[w["name"], w["type"], w["articles"]]
                                                                     for w in data["with"]]))


Who = Annotated[str, typer.Option("--who", help="Who makes the correction.", envvar="USER")]
Why = Annotated[str, typer.Option("--why", help="Why the correction is made.")]


def merge(entity_name: Annotated[str, typer.Argument(help="The entity to keep.")],
          other: Annotated[str, typer.Argument(help="The entity that is the same as it.")],
          db: Db = "dateline.db", who: Who = "", why: Why = "") -> None:
    """Merge OTHER into ENTITY; stored with who, when and why, kept across ingests, undoable."""
    number = api.correct_entities(db, "merge", entity_name, other, who, why)
    out.print(f"correction {number}: merged {escape(other)} into {escape(entity_name)}")


def split(entity_name: Annotated[str, typer.Argument(help="The entity to split.")],
          alias: Annotated[str, typer.Argument(help="The alias whose mentions become an entity of their own.")],
          db: Db = "dateline.db", who: Who = "", why: Why = "") -> None:
    """Split the mentions written ALIAS out of ENTITY; stored, kept across ingests, undoable."""
    number = api.correct_entities(db, "split", entity_name, alias, who, why)
    out.print(f"correction {number}: split {escape(alias)} out of {escape(entity_name)}")


def corrections(db: Db = "dateline.db", json_out: Json = False) -> None:
    """Entity corrections: what, who, when, why, and when undone."""
    rows = api.corrections(db)
    if json_out:
        return _emit_json(rows)
    cols = ["id", "action", "entity_a", "entity_b", "who", "at", "why", "undone_at"]
    out.print(_table(f"Corrections ({len(rows)})", cols, [[r[c] for c in cols] for r in rows]))


def undo(correction_id: Annotated[int, typer.Argument(help="Correction number.")], db: Db = "dateline.db") -> None:
    """Undo an entity correction."""
    api.undo_correction(db, correction_id)
    out.print(f"correction {correction_id} undone")


def register(app: typer.Typer, entities_app: typer.Typer) -> None:
    """Add the corpus commands to ``app`` and the correction commands to ``entities_app``."""
    main: list[Callable[..., None]] = [stories, story, contradictions, relink, entity]
    fixes: list[Callable[..., None]] = [merge, split, corrections, undo]
    for command in main:
        app.command()(command)
    for command in fixes:
        entities_app.command()(command)
