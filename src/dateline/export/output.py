"""Where an export may write: a regular file or a new name, never a database, a device, a FIFO,
a symbolic link (or what it points to) or a folder.

The rows are written to a temporary file created exclusively, under a random name, in the
target's folder, and moved over the target only when complete; the target is checked again just
before the move, so a link or device put there meanwhile is not replaced either.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files that belong to a database beside it (its write-ahead log, shared memory, writer lock, journal).
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def check_target(target: Path, protected: Iterable[str] = ()) -> bool:
    """Raise :class:`OutputError` when ``target`` must not be replaced; return whether a regular file
    is there (it will be replaced). ``protected`` are database paths the export reads from."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(f"{target}: cannot check the output path ({exc.strerror or exc})") from exc
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"{target}: is a symbolic link; export does not replace a link or the file it points to "
                          "(give the path of a regular file or a new name)")
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target}: is a folder; give a file name, such as {target / 'export.csv'}")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{target}: is a {_kind(info.st_mode)}, not a regular file; export writes only to "
                          "regular files (give a new file name)")
    if _is_database(target, protected):
        raise OutputError(f"{target}: is a database; export never replaces a database (give another file name)")
    return True


def temporary_beside(target: Path) -> Path:
    """A new empty file in ``target``'s folder, created exclusively under a random name, with the
    permissions a new file gets (the process's umask applies)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
    finally:
        os.close(fd)
    return Path(name)


def move_into_place(written: Path, target: Path, protected: Iterable[str] = ()) -> None:
    """Move the complete file ``written`` over ``target`` (checked again first)."""
    try:
        check_target(target, protected)
    except OutputError:
        written.unlink(missing_ok=True)
        raise
    os.replace(written, target)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _is_database(target: Path, protected: Iterable[str]) -> bool:
    real = os.path.realpath(target)
    if any(real == os.path.realpath(db + end) for db in protected for end in DATABASE_COMPANIONS):
        return True
    try:
        with open(target, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
