"""The web app: server-rendered pages, the JSON API, static files, security headers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import UsageError
from ..store import Reader
from . import api_routes, docs, edits, pages_facts, pages_read, problems
from .cache import ResponseCache
from .csrf import Editing
from .db import check_database, open_readonly
from .deps import file_signature

HERE = Path(__file__).resolve().parent
LOOPBACK = ("127.0.0.1", "localhost")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin"}


class SecurityHeaders:
    """Adds :data:`HEADERS` to every HTTP response (a plain ASGI middleware: no extra task per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in self.raw}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def web_url(value: object) -> bool:
    """Whether a stored URL may be a link (http or https only, so never ``javascript:``)."""
    return str(value).strip().lower().startswith(("http://", "https://"))


def create_app(db: str | Path | None = None, *, reader_factory: Callable[[], Reader] | None = None,
               allowed_hosts: Iterable[str] = LOOPBACK, allow_edits: bool = False, cache: bool = True) -> FastAPI:
    """The app over the database ``db`` (checked now, opened read-only for each request).

    ``reader_factory`` replaces how each request gets its Reader (it must give a fresh one each call);
    ``allowed_hosts`` are the Host headers answered ("*" for any), which keeps pages bound to
    127.0.0.1 out of reach of other sites' scripts through DNS rebinding. ``allow_edits`` adds the
    entity merge, split and undo forms (POST with a CSRF token), which write to ``db``. ``cache``
    answers repeated GET requests from memory while the database file is unchanged (not with edits).
    """
    path = check_database(db) if db is not None else None
    if reader_factory is None:
        if path is None:
            raise UsageError("create_app needs a database path or a reader_factory")
        found = path

        def reader_factory() -> Reader:
            return open_readonly(found)

    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="Articles, entities, quotes, events and stories of a dateline database.")
    app.state.reader_factory = reader_factory
    app.state.signature = file_signature(path) if path is not None else None
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    templates.env.filters["web_url"] = web_url
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (api_routes, pages_read, pages_facts, docs):
        app.include_router(module.router)
    app.include_router(edits.pages)
    if allow_edits:
        if path is None:
            raise UsageError("allow_edits needs a database path")
        app.state.editing = Editing(path)
        app.include_router(edits.router)
    problems.install(app)

    app.add_middleware(SecurityHeaders)
    if cache and app.state.signature is not None and not allow_edits:
        app.add_middleware(ResponseCache, signature=app.state.signature)

    hosts = list(allowed_hosts)
    if "*" not in hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    return app
