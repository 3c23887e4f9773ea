"""Per-request dependencies: a read-only Reader, closed when the response is done."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from fastapi import Request

from ..store import Reader


async def reader(request: Request) -> AsyncIterator[Reader]:
    """A Reader on a read-only connection of its own for this request: lent by the app's pool of
    connections when it has one, else made by its ``reader_factory`` and closed afterwards.

    Taking and giving back take microseconds, so this runs on the event loop: a request's only
    trip to a worker thread is its endpoint."""
    pool = getattr(request.app.state, "readers", None)
    rd: Reader = pool.take() if pool is not None else request.app.state.reader_factory()
    try:
        yield rd
    finally:
        if pool is not None:
            pool.give_back(rd)
        else:
            rd.conn.close()


def stories_of(rd: Reader) -> list[dict[str, Any]]:
    """The reader's stories where the store provides them, else none."""
    method = getattr(rd, "stories", None)
    return list(method()) if callable(method) else []


def contradictions_of(rd: Reader, story: str | None = None) -> list[dict[str, Any]]:
    """The reader's contradictions (of one story, or all) where the store provides them, else none."""
    method = getattr(rd, "contradictions", None)
    return list(method(story=story)) if callable(method) else []


def file_signature(path: Path) -> Callable[[], tuple[int, ...]]:
    """A function telling whether the database file (or its write-ahead log) changed."""
    files = [path, path.with_name(path.name + "-wal")]

    def signature() -> tuple[int, ...]:
        out: list[int] = []
        for f in files:
            try:
                st = f.stat()
            except OSError:
                out += [0, 0]
            else:
                out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    return signature


def choices(request: Request, rd: Reader) -> dict[str, list[str]]:
    """Filter menu values, remembered until the database file changes (they need full scans)."""
    state = request.app.state
    signature = getattr(state, "signature", None)
    key = signature() if signature else None
    cached = getattr(state, "choices", None)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    values = rd.browse().choices()
    state.choices = (key, values)
    return values
