"""Entity corrections from the browser, only when the server runs with ``--allow-edits``.

Every edit is a POST carrying a CSRF token: the browser holds a random session value in a
``SameSite=Strict`` cookie and each form carries an HMAC of it under a key made when the server
starts, so another site can neither read the token nor make the browser send a valid one. A POST
whose ``Origin`` names another site is refused as well. Edits go through ``dateline.api`` (stored
with who, when and why, re-applied after every ingest, undoable), like ``dateline entities merge``.
"""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .. import api
from ..errors import DatelineError
from ..store import Reader
from .csrf import COOKIE, Editing
from .deps import reader
from .paging import MAX_KEY
from .problems import Problem
from .render import page

router = APIRouter(include_in_schema=False)  # the POST routes, mounted only with --allow-edits
pages = APIRouter(include_in_schema=False)
Rd = Annotated[Reader, Depends(reader)]
MAX_FORM = 8192  # bytes: a correction form is a few short fields


async def _form(request: Request) -> dict[str, str]:
    """The posted form's fields after the CSRF and origin checks; raises Problem(403) otherwise."""
    editing: Editing = request.app.state.editing
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise Problem(403, f"edits are accepted only from this site, not from {origin!r}")
    body = await request.body()
    if len(body) > MAX_FORM:
        raise Problem(413, "the form is too large")
    fields = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), max_num_fields=10).items()}
    session = request.cookies.get(COOKIE, "")
    if not session or not hmac.compare_digest(fields.get("csrf", ""), editing.token(session)):
        raise Problem(403, "missing or stale form token; reload the page and try again")
    return fields


def _field(fields: dict[str, str], name: str) -> str:
    value = fields.get(name, "").strip()
    if not value or len(value) > 300:
        raise Problem(422, f"the field {name!r} must hold 1 to 300 characters")
    return value


def _name_of(request: Request, value: str) -> str:
    """The entity's name when ``value`` is an entity id (corrections are kept by name, which
    survives a relink that renumbers ids), else ``value`` itself."""
    rd: Reader = request.app.state.reader_factory()
    try:
        row = rd.conn.execute("SELECT name FROM entities WHERE id = ?", (value,)).fetchone()
    finally:
        rd.conn.close()
    return str(row[0]) if row else value


def _correct(request: Request, action: str, entity: str, other: str, fields: dict[str, str]) -> int:
    editing: Editing = request.app.state.editing
    entity, other = _name_of(request, entity), _name_of(request, other)
    who = fields.get("who", "").strip()[:100] or "web"
    try:
        return api.correct_entities(editing.db, action, entity, other, who=who, why=fields.get("why", "")[:500])
    except DatelineError as exc:
        raise Problem(409, exc.message) from exc


@router.post("/entities/{entity_id}/merge")
async def merge(request: Request, entity_id: str) -> RedirectResponse:
    """Merge the entity named (or with the id) in the form's ``other`` into this one."""
    fields = await _form(request)
    _correct(request, "merge", entity_id, _field(fields, "other"), fields)
    return RedirectResponse(f"/entities/{entity_id}", status_code=303)


@router.post("/entities/{entity_id}/split")
async def split(request: Request, entity_id: str) -> RedirectResponse:
    """Give this entity's mentions written as the form's ``alias`` an entity of their own."""
    fields = await _form(request)
    correction = _correct(request, "split", entity_id, _field(fields, "alias"), fields)
    return RedirectResponse(f"/corrections#c{correction}", status_code=303)


@router.post("/corrections/{correction_id}/undo")
async def undo(request: Request, correction_id: Annotated[int, Path(ge=1, le=MAX_KEY)]) -> RedirectResponse:
    """Undo a stored correction."""
    await _form(request)
    editing: Editing = request.app.state.editing
    try:
        api.undo_correction(editing.db, correction_id)
    except DatelineError as exc:
        raise Problem(409, exc.message) from exc
    return RedirectResponse(f"/corrections#c{correction_id}", status_code=303)


@pages.get("/corrections", response_class=HTMLResponse)
def corrections(request: Request, rd: Rd) -> HTMLResponse:
    """Every entity correction with who made it, when and why (and undo buttons when edits are on)."""
    rows = [dict(r) for r in rd.conn.execute(
        "SELECT id, action, entity_a, entity_b, who, at, why, undone_at FROM entity_corrections ORDER BY id DESC")]
    return page(request, "corrections.html", corrections=rows)
