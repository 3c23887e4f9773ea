"""CSRF tokens for the edit forms: an HMAC, under a key made when the server starts, of a random
session value the browser keeps in a strict same-site cookie."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from fastapi import Request, Response

COOKIE = "dateline_edit"


class Editing:
    """What the edit routes need: the database to write and the key that signs CSRF tokens."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.key = secrets.token_bytes(32)

    def token(self, session: str) -> str:
        return hmac.new(self.key, session.encode(), hashlib.sha256).hexdigest()


def edit_session(request: Request) -> tuple[str | None, str | None]:
    """The CSRF token for this browser's forms and, when the browser has no session yet, the new
    session value to set as its cookie; (None, None) when edits are off."""
    editing: Editing | None = getattr(request.app.state, "editing", None)
    if editing is None:
        return None, None
    session = request.cookies.get(COOKIE) or ""
    if len(session) == 43:  # secrets.token_urlsafe(32)
        return editing.token(session), None
    session = secrets.token_urlsafe(32)
    return editing.token(session), session


def remember(response: Response, session: str | None) -> None:
    """Set the edit session cookie made by ``edit_session`` (strict same-site, not for scripts)."""
    if session:
        response.set_cookie(COOKIE, session, httponly=True, samesite="strict", path="/")


