"""Read-only connections kept between requests, so a request does not open, set up and close its own.

Opening a connection costs more than a detail page's queries: the file is opened, the schema is
read and parsed, the memory map is set up, and closing undoes it all. The pool hands each request
a connection of its own (never two requests one connection) and takes it back when the request is
done. A connection is kept only while the database file is the one it was opened on (the app's file
signature: the file and its write-ahead log unchanged); after a write or a replaced file the next
request opens afresh, so a pooled connection never answers from a file that is gone. A connection
given back while still inside a transaction is closed, not kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..store import Reader
from .db import open_readonly

#: Idle connections kept at most (more requests at once open more, closed when given back).
MAX_IDLE = 16


class ReaderPool:
    """Readers on one database, each lent to one request at a time."""

    def __init__(self, path: Path, signature: Callable[[], tuple[int, ...]], max_idle: int = MAX_IDLE) -> None:
        self.path = path
        self.signature = signature
        self.max_idle = max_idle
        self.idle: list[tuple[tuple[int, ...], Reader]] = []
        self.lent: dict[int, tuple[int, ...]] = {}
        self.lock = threading.Lock()

    def take(self) -> Reader:
        """A reader of the database as it is now: an idle one opened on this state, or a new one."""
        key = self.signature()
        stale: list[Reader] = []
        found: Reader | None = None
        with self.lock:
            while self.idle and found is None:
                stamp, rd = self.idle.pop()
                if stamp == key:
                    found = rd
                else:
                    stale.append(rd)
        for rd in stale:
            rd.conn.close()
        if found is None:
            found = open_readonly(self.path)
        with self.lock:
            self.lent[id(found)] = key
        return found

    def give_back(self, rd: Reader) -> None:
        """Keep ``rd`` for the next request, or close it (state changed, pool full, mid-transaction)."""
        now = self.signature()
        with self.lock:
            stamp = self.lent.pop(id(rd), None)
            keep = (stamp is not None and stamp == now and not rd.conn.in_transaction
                    and len(self.idle) < self.max_idle)
            if keep and stamp is not None:
                self.idle.append((stamp, rd))
        if not keep:
            rd.conn.close()

    def close(self) -> None:
        """Close every idle connection (lent ones are closed when given back)."""
        with self.lock:
            idle, self.idle = self.idle, []
            self.max_idle = 0
        for _, rd in idle:
            rd.conn.close()
