"""Every bad input yields one drop with a stable reason and a clear line; the batch goes on."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import DROP_REASONS, describe, discover, read_paths, read_source
from dateline.model import Article
from paths import FIXTURES

INGEST = FIXTURES / "ingest"
GOOD_TEXT = "Port reopens\n\nDock workers returned to work on Saturday after a three-day strike.\n"


def truncated_warc() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for number in range(2):
        body = f"<html><body><article><p>Story {number}: the council met on Monday to discuss the budget.</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://council.example/{number}",
            "response",
            payload=io.BytesIO(body.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    return data[: len(data) - 30]


BAD_INPUTS: dict[str, tuple[bytes, str, str]] = {
    # name: (bytes, reason, words in the detail)
    "empty.txt": (b"", "empty_file", "0 bytes"),
    "scan.txt": (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary_file", "NUL byte"),
    "latin1.txt": (
        "Café owners in the old town said trade was slow.".encode("latin-1"),
        "bad_utf8",
        "invalid UTF-8 at byte 3",
    ),
    "crawl.warc.gz": (truncated_warc(), "truncated_warc", "record"),
    "cut.html": (b"<html><head><title>Budget vote</title></head><body><p", "malformed_html", "cut off"),
    "blank.html": (
        b"<html><head><title>Budget vote</title></head><body><nav></nav></body></html>",
        "no_text",
        "Budget vote",
    ),
    "broken.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>X',
        "malformed_feed",
        "malformed",
    ),
    "empty.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        "no_articles",
        "no entries",
    ),
    "spaces.txt": (b"   \n\n\t\n", "no_text", "whitespace"),
}


def drops_of(articles: list[Article], name: str) -> list[Article]:
    return [a for a in articles if Path(a.source).name == name and a.drop is not None]


def test_bad_inputs_in_one_batch(tmp_path: Path) -> None:
    for name, (data, _, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    missing = str(tmp_path / "not_there.txt")
    articles = list(read_paths([str(tmp_path), missing, str(INGEST / "harbour_times.atom")]))

    for name, (_, reason, words) in BAD_INPUTS.items():
        from_file = [a for a in articles if Path(a.source).name == name]
        if reason == "truncated_warc":  # the first record survives the cut
            assert [a.drop is None for a in from_file] == [True, False]
        else:
            assert len(from_file) == 1, name
        [drop] = drops_of(articles, name)
        assert drop.drop is not None and drop.drop.reason == reason, name
        assert words in drop.drop.detail, (name, drop.drop.detail)
        assert drop.text == "" and drop.drop.reason in DROP_REASONS
        line = describe(drop)
        assert line.startswith(f"{tmp_path / name}: {reason} — ") and "\n" not in line

    [gone] = [a for a in articles if a.source == missing]
    assert describe(gone) == f"{missing}: not_found — no such file or directory"
    good = [a for a in articles if a.drop is None]
    assert [Path(a.source).name for a in good] == ["crawl.warc.gz", "good.txt", "harbour_times.atom"]
    assert good[1].text == GOOD_TEXT


def test_fifty_megabyte_text_file_is_dropped_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"The committee met again on Thursday to discuss the harbour budget.\n"
    with path.open("wb") as handle:
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    [source] = discover([str(path)])
    [article] = list(read_source(source))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2_000_000  # the 50 MB were never loaded
    assert source.sha256 is None and source.format == "text"
    assert article.drop is not None and article.drop.reason == "too_large"
    assert "20,000,000 bytes" in article.drop.detail
    assert describe(article).startswith(f"{path}: too_large — the file is 50,")


def test_raised_limit_reads_a_source_discovered_with_the_default(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Budget talks continued late into the night.\n" * 1000, encoding="utf-8")
    [source] = discover([str(path)], max_bytes=1000)
    assert source.error is not None and source.error.reason == "too_large"
    [article] = list(read_source(source, max_bytes=100_000))
    assert article.drop is None and article.text.startswith("Budget talks")


def test_jsonl_with_bad_lines_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "Line one story."}\n'
        b'{"text": "Caf\xe9 story in Latin-1."}\n'
        b'["a", "list"]\n'
        b'{"title": "No text here"}\n'
        b'{"text": "Line five story."}\n'
    )
    articles = list(read_paths([str(path)]))
    summary = [(a.drop.reason if a.drop else a.text) for a in articles]
    assert summary == ["Line one story.", "bad_utf8", "bad_json_line", "no_text", "Line five story."]
    assert "line 2" in articles[1].drop.detail  # type: ignore[union-attr]
    assert "line 3 holds a JSON array" in articles[2].drop.detail  # type: ignore[union-attr]


def test_malformed_feed_with_entries_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "half.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Half Feed</title>'
        "<item><title>Dam inspection</title><description>Engineers inspected the dam on Friday.</description></item>"
        "<item><title>Second & broken</title><description>Lost",
        encoding="utf-8",
    )
    articles = list(read_paths([str(path)]))
    assert articles[0].drop is None and articles[0].text == "Engineers inspected the dam on Friday."
    assert articles[-1].drop is not None and articles[-1].drop.reason == "malformed_feed"
    assert "line 1" in articles[-1].drop.detail


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_file_is_unreadable(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    [article] = list(read_paths([str(pipe)]))
    assert article.drop is not None and article.drop.reason == "unreadable"
    assert describe(article) == f"{pipe}: unreadable — not a regular file"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', encoding="utf-8"
    )
    [article] = list(read_paths([str(path)]))
    assert article.drop is not None and article.drop.reason == "no_articles"
    assert "not an RSS or Atom feed" in article.drop.detail
