"""Serve an app with uvicorn in a background thread of this process (browser tests, benchmarks)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def served(app: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """``app`` served by uvicorn on a free port of ``host`` in a thread; yields its base URL and
    stops the server on exit."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
