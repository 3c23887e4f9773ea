"""The Datasette metadata names only real tables and columns, and the shipped file is current."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.store import connect
from dateline.web.datasette import main, metadata

SHIPPED = Path(__file__).resolve().parent.parent.parent / "docs" / "datasette" / "metadata.json"


def test_metadata_matches_the_schema() -> None:
    conn = connect(":memory:")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    meta = metadata("news")["databases"]["news"]["tables"]
    assert set(meta) <= tables
    for name, entry in meta.items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        named = set(entry.get("facets", [])) | set(entry.get("columns", {}))
        named |= {entry[k] for k in ("label_column", "sort_desc") if k in entry}
        assert named <= columns, (name, named - columns)
    assert meta["articles"]["fts_table"] == "articles_fts" and meta["articles_fts"] == {"hidden": True}


def test_shipped_file_is_generated(capsys: object) -> None:
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == metadata("dateline")
    main(["/data/news.db"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert list(json.loads(out)["databases"]) == ["news"]
