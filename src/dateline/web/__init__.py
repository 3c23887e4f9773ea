"""``dateline serve``: a local web app and JSON API over a dateline database, read-only."""

from __future__ import annotations

from pathlib import Path

from .app import LOOPBACK, create_app

__all__ = ["create_app", "serve"]


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the database at ``db`` on ``host:port`` until interrupted.

    On 127.0.0.1 or localhost only requests addressed to one of those names are answered (no DNS
    rebinding); on any other address, any.
    """
    import uvicorn

    hosts = LOOPBACK if host in LOOPBACK else ("*",)
    uvicorn.run(create_app(db, allowed_hosts=hosts), host=host, port=port, log_level="info",
                server_header=False)
