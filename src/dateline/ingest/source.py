"""Find input files and check each one before it is read: existence, size, format, hash."""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Drop
from .sniff import HEAD_SIZE, sniff

#: Formats read record by record; ``max_bytes`` limits one record, not the whole file.
STREAMED_FORMATS = frozenset({"warc", "jsonl"})
DEFAULT_MAX_BYTES = 20_000_000
_GLOB_CHARS = frozenset("*?[")


@dataclass
class Source:
    """One input file, checked but not yet read."""

    path: str  # as given / as found
    sha256: str | None = None  # of the file bytes (None when unreadable, missing or too large)
    size: int = 0
    format: str | None = None  # "text" | "html" | "warc" | "feed" | "jsonl" | None when unknown
    error: Drop | None = None  # set when the source is unusable before reading


def discover(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Source]:
    """Yield one :class:`Source` per file named by ``paths``.

    A path may be a file, a directory (walked recursively in sorted order, hidden entries
    skipped) or a glob pattern (``**`` allowed). A path or pattern that names nothing yields a
    Source with ``error=Drop("not_found", ...)``. A file reached twice is yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        raw = os.fspath(given)
        for path in _expand(raw):
            if path is None:
                yield Source(raw, error=_not_found(raw))
                continue
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield inspect_path(path, max_bytes=max_bytes)


def _not_found(raw: str) -> Drop:
    if os.path.isdir(raw):
        return Drop(
            "not_found", "nothing to read: the directory holds no news files (hidden files, code and docs are skipped)"
        )
    if _GLOB_CHARS & set(raw):
        return Drop("not_found", "no file matches this pattern")
    return Drop("not_found", "no such file or directory")


def _expand(raw: str) -> Iterator[str | None]:
    """Files for one given path, in order; ``None`` when it names nothing."""
    if os.path.isdir(raw):
        found = False
        for path in _walk(raw):
            found = True
            yield path
        if not found:
            yield None
        return
    if os.path.lexists(raw) or not (_GLOB_CHARS & set(raw)):
        yield raw if os.path.lexists(raw) else None
        return
    matches = sorted(glob.glob(raw, recursive=True))
    if not matches:
        yield None
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match)
        else:
            yield match


#: Files a directory walk passes over (code and docs that sit beside news files); a file named
#: explicitly is always read.
SKIPPED_IN_WALKS = frozenset({".py", ".pyc", ".md", ".rst", ".toml", ".cfg", ".ini", ".yaml", ".yml", ".sh"})
#: Database files a walk passes over too: a database kept beside its inputs (and its journal, WAL,
#: shared-memory and lock files) is not news.
SKIPPED_DATABASE_ENDINGS = (".db", ".sqlite", ".sqlite3", "-wal", "-shm", "-journal", ".lock")


def _skipped(name: str) -> bool:
    lower = name.lower()
    return (
        name.startswith(".")
        or os.path.splitext(lower)[1] in SKIPPED_IN_WALKS
        or lower.endswith(SKIPPED_DATABASE_ENDINGS)
    )


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not _skipped(name):
                yield os.path.join(dirpath, name)


def inspect_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Check one file: it exists, is readable, is not empty, binary or too large; sniff its format."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Source(path, error=Drop("not_found", "no such file or directory"))
    except OSError as exc:
        return Source(path, error=Drop("unreadable", f"cannot stat the file: {exc.strerror or exc}"))
    if not stat.S_ISREG(info.st_mode):
        return Source(path, error=Drop("unreadable", "not a regular file"))
    size = info.st_size
    if size == 0:
        return Source(
            path,
            sha256=hashlib.sha256(b"").hexdigest(),
            error=Drop("empty_file", "the file is empty (0 bytes)"),
        )
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_SIZE)
    except OSError as exc:
        return Source(
            path, size=size, error=Drop("unreadable", f"cannot open the file: {exc.strerror or exc}")
        )
    fmt, problem = sniff(head, path)
    if problem is not None:
        return Source(path, size=size, error=problem)
    if fmt not in STREAMED_FORMATS and size > max_bytes:
        return Source(path, size=size, format=fmt, error=too_large(size, max_bytes))
    try:
        digest = file_sha256(path)
    except OSError as exc:
        return Source(
            path, size=size, format=fmt, error=Drop("unreadable", f"read failed: {exc.strerror or exc}")
        )
    return Source(path, sha256=digest, size=size, format=fmt)


def too_large(size: int, max_bytes: int, what: str = "the file") -> Drop:
    return Drop(
        "too_large",
        f"{what} is {size:,} bytes ({size / 1e6:.1f} MB), over the limit of {max_bytes:,} bytes "
        f"({max_bytes / 1e6:.1f} MB); raise max_bytes to read it",
    )


def file_sha256(path: str) -> str:
    """SHA-256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
