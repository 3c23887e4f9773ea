"""WARC and WARC.gz: every HTML response record goes through the HTML reader."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from ..model import Article, Provenance, WarcRecord
from .common import dropped
from .html import read_html
from .source import too_large

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_TYPES = ("response", "resource")


#: Longest header line accepted, most header lines in a row, and the least decompressed bytes
#: allowed (the budget is this or DECOMPRESSION_RATIO times the file size, whichever is larger).
LINE_LIMIT = 1 << 20
HEADER_LINES = 10_000
MIN_BUDGET = 256 << 20
DECOMPRESSION_RATIO = 100


class _Truncated(Exception):
    """A record ends before its declared length."""


class _Hostile(Exception):
    """The archive breaks a bound: a header line, a run of header lines, or decompressed bytes."""


def _bound(reader: Any, budget: int) -> dict[str, int]:
    """Make warcio's buffered reader raise :class:`_Hostile` past :data:`LINE_LIMIT`,
    :data:`HEADER_LINES` lines in a row, or ``budget`` decompressed bytes, so a hostile archive costs
    seconds and little memory. Returns the counters (set ``"lines"`` to 0 at each record)."""
    readline, read = reader.readline, reader.read
    state = {"left": budget, "lines": 0, "partial": 0}  # partial: bytes of the line read so far in pieces

    def spend(size: int) -> None:
        state["left"] -= size
        if state["left"] < 0:
            raise _Hostile(f"it decompresses to over {budget:,} bytes")

    def bounded_readline(length: int | None = None) -> bytes:
        cap = LINE_LIMIT + 1 if not length or length > LINE_LIMIT + 1 else length
        line: bytes = readline(cap)
        spend(len(line))
        # the reader may hand one long line over in pieces: their lengths add up
        state["partial"] = 0 if line.endswith(b"\n") else state["partial"] + len(line)
        if state["partial"] > LINE_LIMIT or (len(line) > LINE_LIMIT and not line.endswith(b"\n")):
            raise _Hostile(f"a header line runs over {LINE_LIMIT:,} bytes")
        state["lines"] += 1
        if state["lines"] > HEADER_LINES:
            raise _Hostile(f"over {HEADER_LINES:,} header or blank lines in a row")
        return line

    def bounded_read(length: int | None = None) -> bytes:
        data: bytes = read(length)
        spend(len(data))
        state["lines"] = state["partial"] = 0
        return data

    reader.readline, reader.read = bounded_readline, bounded_read
    return state


def read_warc(path: str, *, max_bytes: int) -> Iterator[Article]:
    """Requires a WARC path; yields one article per HTML ``response`` (or ``resource``) record,
    ``url`` = WARC-Target-URI and ``format="warc"``. Records are streamed, so ``max_bytes``
    limits one record's payload (larger ones become a ``too_large`` drop).

    Drops: ``truncated_warc`` (once, after the records read before the damage; reading stops
    there) and ``no_articles`` when the archive holds no HTML response.
    """
    complete = 0  # records read to their end
    kept = 0  # HTML records turned into articles
    end = 0  # byte offset just past the last complete record
    with open(path, "rb") as handle:
        archive = ArchiveIterator(handle)
        bounds = _bound(archive.reader, max(MIN_BUDGET, DECOMPRESSION_RATIO * os.fstat(handle.fileno()).st_size))
        while True:
            try:
                record = next(archive)
                html = _is_html(record)
                payload = _payload(record, max_bytes if html else 0)
                end = archive.get_record_offset() + archive.get_record_length()
            except StopIteration:
                break
            except _Truncated as exc:
                yield dropped("truncated_warc", f"record {complete + 1}{exc}; {_kept(kept)}")
                return
            except _Hostile as exc:
                yield dropped(
                    "malformed_warc", f"reading stopped at record {complete + 1}: {exc}; {_kept(kept)}"
                )
                return
            except Exception as exc:  # warcio raises many kinds of error on damaged input
                yield dropped(
                    "truncated_warc",
                    f"the archive is damaged after record {complete} ({_short(exc)}); {_kept(kept)}",
                )
                return
            complete += 1
            bounds["lines"] = 0
            if html:
                kept += 1
                yield _to_article(record, payload, max_bytes)
        leftover = _leftover(handle, end)
    if leftover:
        yield dropped(
            "truncated_warc",
            f"the archive ends with an incomplete record after record {complete} (from byte {end:,}); {_kept(kept)}",
        )
    elif kept == 0:
        yield dropped("no_articles", f"the archive holds {complete} record(s) but no HTML response")


def _kept(count: int) -> str:
    if count == 0:
        return "no HTML record came before the damage"
    return f"the {count} HTML record(s) before it were kept"


def _leftover(handle: Any, end: int) -> bool:
    """True when bytes other than blank lines follow the last complete record."""
    handle.seek(end)
    while block := handle.read(1 << 16):
        if block.strip():
            return True
    return False


def _is_html(record: Any) -> bool:
    if record.rec_type not in _RECORD_TYPES:
        return False
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _payload(record: Any, max_bytes: int) -> bytes:
    """The record's HTTP body (at most ``max_bytes + 1`` bytes); raises ``_Truncated`` when cut off."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    named = f" ({uri})" if uri else ""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit():
        raise _Truncated(f"{named} has no valid Content-Length: its headers are cut off or damaged")
    payload: bytes = record.content_stream().read(max_bytes + 1) if max_bytes else b""
    while record.raw_stream.read(1 << 16):
        pass  # drain, so a short record shows up
    raw = record.raw_stream
    if isinstance(raw, LimitReader) and raw.limit > 0:
        raise _Truncated(f"{named} is cut off ({raw.limit:,} declared bytes missing)")
    return payload


def _to_article(record: Any, payload: bytes, max_bytes: int) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    warc = WarcRecord(
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
        crawled=record.rec_headers.get_header("WARC-Date"),
    )
    if len(payload) > max_bytes:
        detail = too_large(len(payload), max_bytes, f"the record for {uri}").detail
        return dropped("too_large", detail, Provenance(warc=warc))
    article = read_html(payload, url=uri, charset=_charset(record))
    article.format = "warc"
    article.url = article.url or uri
    article.provenance.warc = warc
    return article


def _charset(record: Any) -> str | None:
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers is not None else None) or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _short(exc: BaseException) -> str:
    message = str(exc).split(", first line:")[0]  # warcio quotes the damaged bytes after this
    printable = "".join(c if c.isprintable() and c.isascii() else "?" for c in message)
    text = " ".join(printable.split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
