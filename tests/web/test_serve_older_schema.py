"""An older database is brought to the current schema before it is served, so no page answers 500
for a table it lacks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.store.connection import connect
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION
from dateline.web import create_app


def test_an_older_schema_is_upgraded_before_serving(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for number, script in enumerate(MIGRATIONS[:5]):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number + 1};\nCOMMIT;")
    conn.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        assert client.get("/api/v1/events", params={"actor": "Nobody"}).status_code == 200
        assert client.get("/entities").status_code == 200
    check = connect(str(db), readonly=True)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert check.execute("SELECT count(*) FROM event_entities").fetchone()[0] == 0
