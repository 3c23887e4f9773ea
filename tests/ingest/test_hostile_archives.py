"""WARC first, WARC bombs bounded, NUL bytes anywhere, empty folders named."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import describe, read_paths, sniff

PAGE = (
    b"<html><head><title>Ferries resume</title></head><body><article><h1>Ferries resume</h1>"
    b"<p>Ferries to the islands resumed on Tuesday after a two-day pause, the port said.</p>"
    b"<p>Officials said more details would follow later in the week.</p></article></body></html>"
)


def _gzip_encoded_warc() -> bytes:
    """An uncompressed WARC whose HTTP payload is gzip-encoded (so the file holds NUL bytes)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1"
    )
    body = gzip.compress(PAGE)
    writer.write_record(writer.create_warc_record(
        "https://isles.example/ferry", "response", payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


def test_uncompressed_warc_with_gzip_payloads_is_read_as_warc(tmp_path: Path) -> None:
    data = _gzip_encoded_warc()
    assert b"\x00" in data
    assert sniff(data[:65536], "crawl.warc") == ("warc", None)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    (article,) = read_paths([str(path)])
    assert article.drop is None and "two-day pause" in article.text


def test_truncated_uncompressed_warc_is_truncated_not_binary(tmp_path: Path) -> None:
    data = _gzip_encoded_warc()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 40])
    reasons = [a.drop.reason for a in read_paths([str(path)]) if a.drop]
    assert reasons == ["truncated_warc"]


def test_warc_bomb_with_an_endless_header_line_is_dropped_fast(tmp_path: Path) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as out:
        out.write(packer.compress(b"WARC/1.0\r\n"))
        for _ in range(24):
            out.write(packer.compress(bytes(1 << 20)))  # 24 MB of zeros, no newline
        out.write(packer.flush())
    (article,) = read_paths([str(path)])
    assert article.drop is not None and article.drop.reason == "malformed_warc"
    assert "header line runs over 1,048,576 bytes" in article.drop.detail


def test_warc_bomb_of_blank_lines_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "blank.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n" + b"X-Pad: 1\r\n" * 50_000))
    (article,) = read_paths([str(path)])
    assert article.drop is not None and article.drop.reason == "malformed_warc"
    assert "over 10,000 header or blank lines in a row" in article.drop.detail


def test_nul_byte_is_the_same_drop_wherever_it_is(tmp_path: Path) -> None:
    story = "PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port said.\n\n" * 2000
    early, late = tmp_path / "early.txt", tmp_path / "late.txt"
    early.write_text("\x00" + story)
    late.write_text(story + "\x00")
    late_jsonl = tmp_path / "late.jsonl"
    late_jsonl.write_text('{"text": "Ferries resumed on Tuesday.\\u0000 The port said so."}\n')
    got = {Path(a.source).name: a.drop.reason if a.drop else None
           for a in read_paths([str(early), str(late), str(late_jsonl)])}
    assert got == {"early.txt": "binary_file", "late.txt": "binary_file", "late.jsonl": "binary_file"}


def test_empty_directory_says_nothing_was_found(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    empty.mkdir()
    (empty / ".hidden").write_text("x")
    (article,) = read_paths([str(empty)])
    assert article.drop is not None and article.drop.reason == "not_found"
    assert "the directory holds no news files" in describe(article)
