"""Errors as RFC 9457 problem details (``application/problem+json``)."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatelineError

PROBLEM = "application/problem+json"


class Problem(Exception):
    """An error to answer with ``status``: ``detail`` says what was wrong with the request."""

    def __init__(self, status: int, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.detail, self.extra = status, detail, extra


def problem_response(request: Request, status: int, detail: str, **extra: Any) -> Response:
    """JSON problem details for the API (and non-HTML clients), a small HTML page for browsers."""
    title = HTTPStatus(status).phrase
    if not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", ""):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "title": title,
                                                                  "detail": detail}, status_code=status)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail,
            "instance": request.url.path, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def install(app: FastAPI) -> None:
    """Answer every error raised by a route (and unknown routes) with problem details."""

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return problem_response(request, exc.status, exc.detail, **exc.extra)

    async def on_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DatelineError)
        return problem_response(request, exc.http_status, exc.message, code=exc.code)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return problem_response(request, exc.status_code, str(exc.detail))

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors)
        return problem_response(request, 422, detail, errors=errors)

    async def on_overflow(request: Request, exc: Exception) -> Response:
        return problem_response(request, 400, f"a number in the request is too large ({exc})")

    app.add_exception_handler(OverflowError, on_overflow)
    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(DatelineError, on_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)

