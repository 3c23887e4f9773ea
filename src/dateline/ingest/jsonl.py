"""JSON Lines: one object per line with ``text`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..model import Article, Drop, Provenance
from .common import decode_utf8, dropped, normalise_newlines
from .dates import from_timestamp, parse_published
from .source import too_large

_TEXT_FIELDS = ("title", "url", "outlet", "author")


def read_jsonl(path: str, *, max_bytes: int) -> Iterator[Article]:
    """Requires a JSONL path; yields one article per line with ``text`` and optional ``title``,
    ``url``, ``published``, ``outlet``, ``author`` (→ ``byline``) and ``id`` (→
    ``provenance.external_id``). Lines are streamed; ``max_bytes`` limits one line.

    Drops, one per bad line and naming its number: ``bad_json_line``, ``bad_utf8``, ``no_text``,
    ``too_large``. A pretty-printed JSON document (an object or a list of objects) is read whole.
    Blank lines are skipped; a file of blank lines gives one ``no_articles`` drop.
    """
    count = 0
    with open(path, "rb") as handle:
        for number, raw in _lines(handle, max_bytes):
            if isinstance(raw, Drop):
                count += 1
                yield dropped(raw.reason, raw.detail, Provenance(line=number))
                continue
            if not raw.strip():
                continue
            if count == 0 and _starts_document(raw):
                whole = _whole_document(handle, max_bytes)
                if whole is not None:
                    yield from _from_document(whole)
                    return
            count += 1
            yield _from_line(raw, number)
    if count == 0:
        yield dropped("no_articles", "the file holds only blank lines")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | Drop]]:
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes:
            size = len(line)
            while not line.endswith(b"\n") and (line := handle.readline(1 << 20)):
                size += len(line)  # skip the rest of the long line
            yield number, too_large(size, max_bytes, f"line {number}")
            continue
        yield number, line


def _from_line(raw: bytes, number: int) -> Article:
    text = decode_utf8(raw, f"line {number}")
    if isinstance(text, Drop):
        return dropped(text.reason, text.detail, Provenance(line=number))
    try:
        record = json.loads(text.strip())
    except json.JSONDecodeError as exc:
        return dropped(
            "bad_json_line", f"line {number} is not valid JSON: {exc.msg} (column {exc.colno})",
            Provenance(line=number),
        )
    article = _from_record(record, f"line {number}")
    article.provenance.line = number
    return article


def _from_record(record: Any, where: str) -> Article:
    if not isinstance(record, dict):
        kind = type(record).__name__.replace("dict", "object").replace("list", "array")
        return dropped("bad_json_line", f"{where} holds a JSON {kind}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return dropped("no_text", f'{where} has no "text" string')
    fields = {key: _string(record.get(key)) for key in _TEXT_FIELDS}
    published, published_raw = _published(record.get("published"))
    language = _string(record.get("language"))
    return Article(
        text=normalise_newlines(text),
        format="jsonl",
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        byline=fields["author"],
        published=published,
        published_raw=published_raw,
        language=language or "en",
        provenance=Provenance(external_id=record.get("id")),
    )


def _published(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or value is None:
        return None, None
    if isinstance(value, int | float):
        try:
            return from_timestamp(float(value)), str(value)
        except (OverflowError, OSError, ValueError):
            return None, str(value)
    raw = _string(value)
    return (parse_published(raw) if raw else None), raw


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _starts_document(first: bytes) -> bool:
    line = first.strip()
    return line in (b"{", b"[", b"[{") or (line.startswith(b"[") and not line.endswith(b"]"))


def _whole_document(handle: BinaryIO, max_bytes: int) -> Any:
    """The whole file as one JSON value, or ``None`` when it is not one (then lines are read)."""
    position = handle.tell()
    handle.seek(0)
    data = handle.read(max_bytes + 1)
    handle.seek(position)
    if len(data) > max_bytes:
        return None
    try:
        return json.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except (ValueError, UnicodeDecodeError):
        return None


def _from_document(document: Any) -> Iterable[Article]:
    if isinstance(document, list):
        for number, item in enumerate(document, 1):
            article = _from_record(item, f"item {number}")
            article.provenance.item = number
            yield article
        if not document:
            yield dropped("no_articles", "the file holds an empty JSON array")
    else:
        yield _from_record(document, "the document")
