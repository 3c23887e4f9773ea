"""Opaque pagination cursors: the last row's key, base64-encoded JSON."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from .problems import Problem

MAX_LIMIT = 500


def encode(key: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key}).encode()).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    """The key a cursor carries (0 for none); a cursor not made by :func:`encode` is a 400 problem."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)["k"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise Problem(400, f"bad cursor {cursor[:40]!r}: pass the next_cursor of a previous page") from exc
    if not isinstance(key, int) or isinstance(key, bool) or key < 0:
        raise Problem(400, f"bad cursor {cursor[:40]!r}: pass the next_cursor of a previous page")
    return key


def page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """The API's list envelope. Items were fetched with ``limit + 1`` to know whether more follow."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "limit": limit, "next_cursor": encode(items[-1]["key"]) if more and items else None}
