"""Datasette defaults for a dateline database: labels, full-text search, facets, column notes.

``python -m dateline.web.datasette [DB]`` prints the ``metadata.json`` for the database file
``DB`` (Datasette keys settings by the file's name without extension; default ``dateline.db``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

#: table: (label column, facets, sort, description)
TABLES: dict[str, tuple[str | None, list[str], str | None, str]] = {
    "articles": ("title", ["outlet", "language", "format"], "published",
                 "One row per distinct article text; copies are in copies, near-duplicates point to the first."),
    "sources": ("path", ["format", "status"], None, "Files and URLs read, with what each yielded."),
    "copies": (None, ["source_id"], None, "Every place an article's text was found."),
    "captions": ("text", ["credit"], None, "Image captions and their credits."),
    "drops": ("detail", ["reason"], None, "What was not stored, and why."),
    "entities": ("name", ["type", "country"], None, "Canonical people, organisations and places."),
    "entity_aliases": ("alias", [], None, "Other names of an entity."),
    "entity_roles": ("role", [], None, "Roles an entity was described with."),
    "mentions": ("text", ["label", "field"], None, "Entity mentions with character offsets into the text."),
    "merges": ("mention", ["rule"], None, "Why a mention was merged into an entity."),
    "quotes": ("content", ["type", "speaker_kind", "cue"], None, "Quotes with cue and speaker; offsets into the text."),
    "events": ("action", ["category", "modality", "acled_event_type", "country"], "date",
               "Events: who did what to whom, where and when (PLOVER, CAMEO, ACLED)."),
    "dates": ("raw", ["precision"], None, "Date expressions resolved against the publication date."),
    "places": ("name", ["country", "kind"], None, "Places with coordinates from the gazetteer."),
}
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"published": "ISO 8601 publication date or time", "near_duplicate_of": "id of the article this nearly repeats"},
    "mentions": {"start": "character offset where the mention starts in the text", "end": "offset just after it"},
    "quotes": {"content_spans": "JSON list of [start, end] offsets of the quoted words",
               "speaker_kind": "person, organization, anonymous or unknown"},
    "events": {"data": "the whole event as JSON", "modality": "occurred, planned, claimed, denied, negated or hypothetical",
               "goldstein": "Goldstein scale, -10 (conflict) to +10 (cooperation)"},
}  # fmt: skip
HIDDEN = ["articles_fts", "articles_fts_config", "articles_fts_data", "articles_fts_docsize", "articles_fts_idx",
          "entity_keys"]


def metadata(db_name: str = "dateline") -> dict[str, Any]:
    """The Datasette metadata for a database opened under the name ``db_name``."""
    tables: dict[str, Any] = {}
    for table, (label, facets, sort, description) in TABLES.items():
        entry: dict[str, Any] = {"description": description, "facets": facets}
        if label:
            entry["label_column"] = label
        if sort:
            entry["sort_desc"] = sort
        if table in COLUMNS:
            entry["columns"] = COLUMNS[table]
        tables[table] = entry
    tables["articles"].update(fts_table="articles_fts", fts_pk="rowid")
    tables.update({name: {"hidden": True} for name in HIDDEN})
    return {
        "title": "dateline",
        "description": "Articles, entities, quotes and events with character offsets, from dateline ingest.",
        "databases": {db_name: {"tables": tables}},
    }


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    name = Path(args[0]).stem if args else "dateline"
    sys.stdout.write(json.dumps(metadata(name), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
