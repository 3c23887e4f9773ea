"""Choose a reader by looking at the first bytes of a file; the extension is only a hint."""

from __future__ import annotations

import json
import re
import zlib

from ..model import Drop

#: How many bytes of a file the sniffer looks at.
HEAD_SIZE = 65_536

FORMATS = ("text", "html", "warc", "feed", "jsonl")

_GZIP_MAGIC = b"\x1f\x8b"
_UTF8_BOM = b"\xef\xbb\xbf"
_KNOWN_BINARY = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    rb"</?(?:p|div|span|a|br|body|head|title|meta|link|h[1-6]|article|section|header|footer|nav|main"
    rb"|script|style|li|ul|ol|table|tr|td|figure|figcaption|img|em|strong|b|i|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}
_EXTENSION_HINTS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def sniff(head: bytes, name: str = "") -> tuple[str | None, Drop | None]:
    """Return ``(format, None)`` for a readable head, or ``(None, Drop)`` when it is unusable.

    ``head`` is the first :data:`HEAD_SIZE` bytes of the file; ``name`` its path (extension hint).
    """
    if head.startswith(_GZIP_MAGIC):
        return _sniff_gzip(head)
    if head.removeprefix(_UTF8_BOM).lstrip().startswith(b"WARC/"):
        return "warc", None  # before the NUL check: WARC payloads may be gzip-encoded bytes
    for magic, what in _KNOWN_BINARY:
        if head.startswith(magic):
            return None, Drop("binary_file", f"the file is {what}, not text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Drop("bad_utf8", "the file is UTF-16 (byte-order mark at byte 0); save it as UTF-8")
    nul = head.find(b"\x00")
    if nul >= 0:
        return None, Drop("binary_file", f"NUL byte at byte {nul}; this is not a text file")
    controls = sum(1 for byte in head if byte in _CONTROL)
    if controls > max(8, len(head) // 20):
        return None, Drop("binary_file", f"{controls} control characters in the first {len(head)} bytes")
    return _sniff_text(head.removeprefix(_UTF8_BOM), _extension(name)), None


def _sniff_gzip(head: bytes) -> tuple[str | None, Drop | None]:
    try:
        inner = zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error as exc:
        return None, Drop("binary_file", f"gzip data that cannot be decompressed ({exc})")
    if inner.lstrip().startswith(b"WARC/"):
        return "warc", None
    return None, Drop("binary_file", "gzip-compressed data that is not a WARC; decompress it first")


def _sniff_text(head: bytes, hint: str | None) -> str:
    stripped = head.lstrip()
    lower = stripped[:2048].lower()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if lower.startswith(b"<?xml") or _FEED_ROOT.match(stripped):
        if _HTML_ROOT.search(lower) and not _FEED_ROOT.search(stripped[:4096]):
            return "html"  # XHTML
        return "feed"
    if _HTML_ROOT.search(lower):
        return "html"
    if _looks_like_json_object(stripped) or (hint == "jsonl" and stripped.startswith((b"{", b"["))):
        return "jsonl"  # a broken line in a .jsonl file is the JSONL reader's to report
    tags = _HTML_TAG.findall(head)
    if tags and (stripped.startswith(b"<") or hint == "html"):
        return "html"
    if len(tags) >= 10 and sum(len(t) for t in tags) * 10 >= len(stripped):
        return "html"
    if hint == "feed" and stripped.startswith(b"<"):
        return "feed"
    return "text"


def _looks_like_json_object(stripped: bytes) -> bool:
    """True when the first non-blank line is a JSON object (or the start of one)."""
    if not stripped.startswith((b"{", b"[{", b"[\n", b"[\r")):
        return False
    line, newline, _ = stripped.partition(b"\n")
    line = line.strip()
    if line in (b"{", b"[", b"[{"):
        return True  # pretty-printed JSON; the reader takes the whole document
    if not newline and len(stripped) >= HEAD_SIZE - 16:
        return line.startswith(b'{"')  # the first line is longer than the head
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _extension(name: str) -> str | None:
    lower = name.lower()
    for ext, fmt in _EXTENSION_HINTS.items():
        if lower.endswith(ext):
            return fmt
    return None
