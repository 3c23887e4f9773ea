"""Template rendering and links that keep the current filters."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from .csrf import edit_session, remember


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    """Render ``template`` with ``context`` (autoescaped); with edits on, ``csrf`` is the token
    the page's forms carry."""
    templates = request.app.state.templates
    csrf, session = edit_session(request)
    response: HTMLResponse = templates.TemplateResponse(request, template, {**context, "csrf": csrf})
    remember(response, session)
    return response


def with_params(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current URL's query string with ``changes`` applied (None removes a parameter)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return (path or request.url.path) + (f"?{query}" if query else "")
