"""Open a dateline SQLite file: WAL, foreign keys, migrations, and clear errors when it cannot be used."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from ..errors import CorruptDatabaseError, StoreError
from .schema import SCHEMA_VERSION, migrate


def read_only_uri(path: str | Path) -> str:
    """A ``file:`` URI opening ``path`` read-only; ``?``, ``#``, ``%`` and spaces in it are escaped.

    On read-only media (the folder cannot be written, so SQLite could not make the shared-memory
    file a WAL database needs) the file is opened immutable: nobody can be writing to it there.
    """
    absolute = Path(path).absolute().as_posix()
    return f"file:{quote(absolute, safe='/')}?mode=ro" + ("&immutable=1" if on_read_only_media(absolute) else "")


def on_read_only_media(path: str | Path) -> bool:
    """Whether the database at ``path`` sits in a folder that cannot be written, with no unfinished
    write-ahead log beside it (whose last writes an immutable open would not see)."""
    folder = os.path.dirname(os.path.realpath(path)) or "."
    if os.access(folder, os.W_OK):
        return False
    try:
        return os.path.getsize(os.path.realpath(path) + "-wal") == 0
    except OSError:
        return True


def lock_file(path: str | Path) -> Path:
    """The lock file of the database at ``path``: named from the real file, so every symbolic link
    (and relative or ``..`` spelling) to one database shares its one lock."""
    return Path(os.path.realpath(path) + ".lock")


@contextmanager
def writer_lock(path: str | Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the one-writer lock of the database at ``path`` (a ``<real path>.lock`` file beside the
    file that links lead to).

    A second writer waits until the first is done, after telling ``on_wait`` why. Readers never
    wait. ``":memory:"`` needs no lock.
    """
    target = str(path)
    if target == ":memory:":
        yield
        return
    lock_path = lock_file(target)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{target}: cannot create the database here ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"another ingest is writing to {target}; waiting for it to finish (Ctrl-C to stop)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def connect(path: str | Path, *, readonly: bool = False, foreign: bool = False) -> sqlite3.Connection:
    """Open (and, unless ``readonly``, create and migrate) the database at ``path``.

    ``":memory:"`` gives an in-memory database. A missing, corrupt, foreign, newer-schema or
    unwritable file raises :class:`StoreError` naming the file and the problem; an SQLite file of
    another program gets dateline's tables added only when ``foreign`` is true.
    """
    target = str(path)
    try:
        conn = _open(target, readonly)
    except OSError as exc:
        raise StoreError(f"{target}: cannot create the database here ({exc.strerror or exc})") from exc
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot open the database ({exc})") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            if target != ":memory:":
                _check_version(conn, target)
        else:
            if not foreign:
                _refuse_foreign(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except StoreError as exc:
        conn.close()
        message = str(exc.args[0]) if exc.args else str(exc)
        raise type(exc)(message if message.startswith(target) else f"{target}: {message}") from None
    except sqlite3.Error as exc:
        conn.close()
        message = _explain(exc)
        kind = CorruptDatabaseError if message.startswith("not a usable") else StoreError
        raise kind(f"{target}: {message}") from exc
    return conn


def _open(target: str, readonly: bool) -> sqlite3.Connection:
    if target == ":memory:":
        return sqlite3.connect(target, isolation_level=None, timeout=30)
    file = Path(target)
    if readonly:
        if not file.exists():
            raise StoreError(f"{target}: no such database; run 'dateline ingest' first")
        if not file.is_file():
            raise CorruptDatabaseError(f"{target}: not a database file")
        return sqlite3.connect(read_only_uri(file), uri=True, isolation_level=None, timeout=30)
    if file.exists() and not file.is_file():
        raise CorruptDatabaseError(f"{target}: not a database file")
    file.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(target, isolation_level=None, timeout=30)


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """A StoreError when the file holds another program's tables (no dateline schema version)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != 0:
        return
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 6")]
    if names:
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        raise StoreError(f"not a dateline database: it holds another program's tables ({shown}); dateline does not add "
                         "its tables to it unless asked (give a new --db file, or pass --foreign-db to ingest)")


def _check_version(conn: sqlite3.Connection, target: str) -> None:
    """Readers need the schema this dateline knows (they never migrate)."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{target}: database schema version {version} is newer than this dateline ({SCHEMA_VERSION}); "
            "upgrade dateline"
        )
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        raise CorruptDatabaseError(
            f"{target}: " + ("not a dateline database" if not tables else "schema version 0")
            + "; run 'dateline ingest' to create one"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{target}: database schema version {version} is older than this dateline ({SCHEMA_VERSION}); "
            "run 'dateline ingest' on it once to upgrade it"
        )


def _explain(exc: sqlite3.Error) -> str:
    message = str(exc)
    if "not a database" in message or "malformed" in message:
        return f"not a usable dateline database: the file is corrupt or not SQLite ({message})"
    if "full" in message or "disk I/O" in message:
        return (f"cannot write beside the database: the disk is full or cannot be written ({message}); the database "
                "is unchanged: free space and try again")
    if "readonly" in message or "read-only" in message:
        return f"the database is read-only ({message}); check the file's and its folder's permissions"
    if "unable to open" in message:
        return f"cannot open the database ({message}); check that the path and its folder exist and are readable"
    if "locked" in message or "busy" in message:
        return f"the database is busy ({message}); another program holds it, try again when it is done"
    return f"not a usable dateline database ({message})"
