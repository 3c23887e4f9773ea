"""Stored rows back into model objects, shared by the reader and the browsing queries."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from ..model import Quote
from ..serialize import span_from


def published_of(value: str | None) -> date | datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def contains(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with ``%``, ``_`` and ``\\`` in it taken literally
    (use with ``ESCAPE '\\'``)."""
    literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{literal}%"


def quote_of_row(r: sqlite3.Row) -> Quote:
    return Quote(
        content_spans=[s for s in (span_from(x) for x in json.loads(r["content_spans"])) if s],
        cue=r["cue"] or "", cue_span=span_from([r["cue_start"], r["cue_end"]]) if r["cue_start"] is not None else None,
        type=r["type"], speaker=r["speaker"], speaker_mention=r["speaker_mention"],
        speaker_span=span_from([r["speaker_start"], r["speaker_end"]]) if r["speaker_start"] is not None else None,
        speaker_entity=r["speaker_entity_id"], speaker_kind=r["speaker_kind"] or "unknown",
        confidence=r["confidence"] or 0.0, anonymity_reason=r["anonymity_reason"], relay=r["relay"],
    )
