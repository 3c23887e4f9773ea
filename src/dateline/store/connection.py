"""Open a dateline SQLite file: WAL, foreign keys, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .schema import migrate


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and, unless ``readonly``, create and migrate) the database at ``path``.

    ``":memory:"`` gives an in-memory database.
    """
    target = str(path)
    if readonly and target != ":memory:":
        if not Path(target).exists():
            raise StoreError(f"{target}: no such database; run 'dateline ingest' first")
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, isolation_level=None)
    else:
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{target}: not a usable dateline database ({exc})") from exc
    return conn
