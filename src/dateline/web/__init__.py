"""``dateline serve``: a local web app and JSON API over a dateline database, read-only unless
edits are allowed."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from .app import LOOPBACK, create_app

__all__ = ["allowed_hosts", "create_app", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a bind address or name) is this machine only: localhost, 127.0.0.0/8 or ::1."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> tuple[str, ...]:
    """The Host headers answered when bound to ``host``: on a loopback address only the loopback
    names (IPv6 ones in brackets, as they appear in a Host header), so another site's page cannot
    reach the server through DNS rebinding; on any other address, any."""
    if not is_loopback(host):
        return ("*",)
    name = host.strip().strip("[]").lower()
    bound = f"[{name}]" if ":" in name else name
    return tuple(dict.fromkeys((*LOOPBACK, "[::1]", bound)))


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, allow_edits: bool = False,
          edits_from_network: bool = False) -> None:
    """Serve the database at ``db`` on ``host:port`` until interrupted.

    On a loopback address only requests addressed to a loopback name are answered (no DNS
    rebinding); on any other address, any. ``allow_edits`` offers entity merge and split forms; on a
    non-loopback address only with ``edits_from_network`` (anyone who reaches the address may then
    change the database), else ValueError.
    """
    import uvicorn

    if allow_edits and not is_loopback(host) and not edits_from_network:
        raise ValueError(f"edits on {host} would let anyone who reaches that address merge and split entities; "
                         "bind to 127.0.0.1, or pass --allow-edits-from-network to accept that")
    app = create_app(db, allowed_hosts=allowed_hosts(host), allow_edits=allow_edits)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
