"""What every visitor asks for, read once per state of the database: the stories (in the store's
order, by id, and the latest ones), the contradictions, the counts and the latest articles.

Pages and API lists take a page of it instead of listing every story on every request. The
snapshot is kept until the database file or its write-ahead log changes (the app's file
signature); one request builds it while the others that need it wait, so a burst of visitors
costs one read. An app without a file signature (a custom reader factory) reads afresh each time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from ..store import Reader
from .deps import contradictions_of, stories_of

#: Stories on the home page.
HOME_STORIES = 8
_LOCK = threading.Lock()


@dataclass
class Snapshot:
    """The listings of one state of the database."""

    stories: list[dict[str, Any]]
    stats: dict[str, int]
    latest: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    home: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {str(s.get("id")): s for s in self.stories}
        self.home = sorted(self.stories, key=lambda s: str(s.get("last_seen") or ""), reverse=True)[:HOME_STORIES]

    def contradictions_of(self, story: str) -> list[dict[str, Any]]:
        """The contradictions of one story (by its full id)."""
        return [c for c in self.contradictions if str(c.get("story_id")) == story]


def _read(rd: Reader) -> Snapshot:
    stats = rd.stats() if hasattr(rd, "stats") else {}
    latest = rd.browse().latest() if hasattr(rd, "browse") else []
    return Snapshot(stories_of(rd), stats, latest, contradictions_of(rd))


def snapshot(request: Request, rd: Reader) -> Snapshot:
    """The snapshot of the database's current state (read now when it changed)."""
    state = request.app.state
    signature = getattr(state, "signature", None)
    if signature is None:
        return _read(rd)
    key = signature()
    cached = getattr(state, "snapshot", None)
    if cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    with _LOCK:
        cached = getattr(state, "snapshot", None)
        if cached is not None and cached[0] == key:
            return cached[1]  # type: ignore[no-any-return]
        built = _read(rd)
        state.snapshot = (key, built)
        return built
