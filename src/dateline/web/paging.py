"""Opaque pagination cursors: the last row's key, base64-encoded JSON."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from .problems import Problem

MAX_LIMIT = 500
#: The largest row key or offset a request may carry (SQLite integers are 64-bit; keys and offsets
#: plus a page stay far below that).
MAX_KEY = 2**53
#: The longest cursor :func:`encode` makes is far shorter; a longer one is refused unread.
MAX_CURSOR = 100


def encode(key: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key}).encode()).decode().rstrip("=")


def decode(cursor: str | None) -> int:
    """The key a cursor carries (0 for none); a cursor not made by :func:`encode` is a 400 problem."""
    if not cursor:
        return 0
    if len(cursor) > MAX_CURSOR:
        raise Problem(400, f"bad cursor {cursor[:40]!r}...: pass the next_cursor of a previous page")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)["k"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise Problem(400, f"bad cursor {cursor[:40]!r}: pass the next_cursor of a previous page") from exc
    if not isinstance(key, int) or isinstance(key, bool) or not 0 <= key <= MAX_KEY:
        raise Problem(400, f"bad cursor {cursor[:40]!r}: pass the next_cursor of a previous page")
    return key


def page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """The API's list envelope. Items were fetched with ``limit + 1`` to know whether more follow."""
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "limit": limit, "next_cursor": encode(items[-1]["key"]) if more and items else None}
