"""``dateline serve``: a local web app and JSON API over a dateline database, read-only unless
edits are allowed."""

from __future__ import annotations

from pathlib import Path

from .app import LOOPBACK, create_app

__all__ = ["create_app", "serve"]


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False) -> None:
    """Serve the database at ``db`` on ``host:port`` until interrupted.

    On 127.0.0.1 or localhost only requests addressed to one of those names are answered (no DNS
    rebinding); on any other address, any. ``allow_edits`` offers entity merge and split forms.
    """
    import uvicorn

    hosts = LOOPBACK if host in LOOPBACK else ("*",)
    uvicorn.run(create_app(db, allowed_hosts=hosts, allow_edits=allow_edits), host=host, port=port, log_level="info",
                server_header=False)
