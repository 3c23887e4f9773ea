"""Per-request dependencies: a read-only Reader, closed when the response is done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request

from ..store import Reader


def reader(request: Request) -> Iterator[Reader]:
    """A Reader on its own read-only connection (the app's ``reader_factory`` makes it)."""
    rd: Reader = request.app.state.reader_factory()
    try:
        yield rd
    finally:
        rd.conn.close()


def stories_of(rd: Reader) -> list[dict[str, Any]]:
    """The reader's stories where the store provides them, else none."""
    method = getattr(rd, "stories", None)
    return list(method()) if callable(method) else []


def contradictions_of(rd: Reader, story: str | None = None) -> list[dict[str, Any]]:
    """The reader's contradictions (of one story, or all) where the store provides them, else none."""
    method = getattr(rd, "contradictions", None)
    return list(method(story=story)) if callable(method) else []
