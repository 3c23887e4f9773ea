"""Open a dateline database read-only for the web app, one connection per request."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import CorruptDatabaseError, StoreError
from ..store import SCHEMA_VERSION, Reader
from ..store.connection import read_only_uri


def readonly_uri(path: str | Path) -> str:
    """A ``file:`` URI opening ``path`` read-only; characters such as ``?``, ``#`` and ``%`` in the
    name are percent-encoded, so they can neither end the path nor add URI parameters. On read-only
    media the file is opened immutable (see :func:`dateline.store.connection.read_only_uri`)."""
    return read_only_uri(Path(path).resolve())


def check_database(path: str | Path) -> Path:
    """The resolved path of a readable dateline database; raises StoreError naming the problem."""
    target = Path(path)
    if not target.is_file():
        raise StoreError(f"{target}: no such database; run 'dateline ingest' first")
    reader = open_readonly(target)
    try:
        version = reader.conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(f"{target}: not a usable dateline database ({exc})") from exc
    finally:
        reader.conn.close()
    if version == 0 or version > SCHEMA_VERSION:
        raise CorruptDatabaseError(f"{target}: not a dateline database of schema 1..{SCHEMA_VERSION} (found {version})")
    return target.resolve()


def open_readonly(path: str | Path) -> Reader:
    """A Reader over a read-only connection usable from the server's worker threads."""
    conn = sqlite3.connect(readonly_uri(path), uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA mmap_size = 268435456")  # scans (facets, the map) read pages without copying
    return Reader(conn)
