"""Answers to repeated GET requests, kept while the database is unchanged.

Every visitor asks for the same home page, lists and first pages; each is rendered once per state
of the database (its file signature) and its bytes are answered again to the next visitor. Only
complete 200 answers without cookies, of at most :data:`MAX_BODY` bytes, are kept, at most
:data:`MAX_ENTRIES` of them, the least recently used leaving first. An app with edits enabled
caches nothing (its pages carry per-visitor tokens).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 512
MAX_BODY = 1 << 20

Entry = tuple[int, list[tuple[bytes, bytes]], bytes]  # status, headers, body


class ResponseCache:
    """ASGI middleware answering a repeated GET from memory while ``signature()`` is unchanged."""

    def __init__(self, app: ASGIApp, signature: Callable[[], tuple[int, ...]]) -> None:
        self.app = app
        self.signature = signature
        self.entries: OrderedDict[tuple[object, ...], Entry] = OrderedDict()
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if b"cookie" in headers:
            await self.app(scope, receive, send)
            return
        key = (self.signature(), scope["path"], scope.get("query_string", b""), b"text/html" in headers.get(b"accept", b""))
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None:
                self.entries.move_to_end(key)
        if hit is not None:
            await _replay(hit, send)
            return
        await self.app(scope, receive, self._recording(key, send))

    def _recording(self, key: tuple[object, ...], send: Send) -> Send:
        answer = _Answer()

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer.start(message)
            elif message["type"] == "http.response.body" and answer.keep:
                answer.add(message.get("body", b""))
                if answer.keep and not message.get("more_body", False):
                    self._store(key, (answer.status, answer.headers, bytes(answer.body)))
            await send(message)

        return record

    def _store(self, key: tuple[object, ...], entry: Entry) -> None:
        with self.lock:
            stale = [k for k in self.entries if k[0] != key[0]]
            for k in stale:  # answers of an earlier state of the database
                del self.entries[k]
            self.entries[key] = entry
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)


class _Answer:
    """An answer being sent, kept while it may still be cached."""

    def __init__(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body = bytearray()
        self.keep = True

    def start(self, message: Message) -> None:
        self.status, self.headers = message["status"], list(message.get("headers", []))
        self.keep = self.status == 200 and all(k.lower() != b"set-cookie" for k, _ in self.headers)

    def add(self, chunk: bytes) -> None:
        self.body += chunk
        if len(self.body) > MAX_BODY:
            self.keep, self.body = False, bytearray()


async def _replay(entry: Entry, send: Send) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
