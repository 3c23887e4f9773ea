"""Format sniffing: content decides, the extension only breaks ties."""

from __future__ import annotations

import gzip

import pytest

from dateline.ingest import sniff

ARTICLE_HTML = b"<!DOCTYPE html><html><head><title>Port strike</title></head><body><p>Dock workers walked out.</p></body></html>"


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "crawl.bin", "warc"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), "crawl.warc.gz", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed.txt", "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "x", "feed"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "x", "feed"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n<html xmlns="http://www.w3.org/1999/xhtml">',
            "page.xml",
            "html",
        ),
        (ARTICLE_HTML, "page.txt", "html"),
        (b"\xef\xbb\xbf  <html lang='en'><body>", "x", "html"),
        (b"<div class='story'><p>One.</p><p>Two.</p></div>", "fragment", "html"),
        (b'{"text": "Rain fell.", "title": "Weather"}\n{"text": "More rain."}\n', "rows.data", "jsonl"),
        (b'{\n  "text": "A pretty-printed story"\n}\n', "story.json", "jsonl"),
        (b"Ceasefire talks resume\n\nNegotiators met in Cairo on Thursday.\n", "dump.html", "text"),
        (b"Readers asked why the <b> tag shows up in the old archive pages.\n", "notes.txt", "text"),
    ],
)
def test_sniff_picks_format_by_content(head: bytes, name: str, expected: str) -> None:
    assert sniff(head, name) == (expected, None)


def test_extension_breaks_a_tie_for_text_with_a_few_tags() -> None:
    head = b"Intro line of the page\n<b>Breaking:</b> the port reopened.\n"
    assert sniff(head, "saved.html")[0] == "html"
    assert sniff(head, "saved.txt")[0] == "text"


@pytest.mark.parametrize(
    ("head", "reason", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary_file", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary_file", "PDF document"),
        (b"Some text\x00with a NUL", "binary_file", "NUL byte at byte 9"),
        (bytes(range(1, 9)) * 40, "binary_file", "control characters"),
        (gzip.compress(b"plain text, compressed"), "binary_file", "not a WARC"),
        (b"\xff\xfeH\x00i\x00", "bad_utf8", "UTF-16"),
    ],
)
def test_sniff_rejects_binary_heads(head: bytes, reason: str, words: str) -> None:
    fmt, drop = sniff(head, "upload.txt")
    assert fmt is None
    assert drop is not None
    assert drop.reason == reason
    assert words in drop.detail
