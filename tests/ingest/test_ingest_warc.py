"""WARC and WARC.gz: HTML responses become articles; damage keeps what came before it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import describe, read_paths
from dateline.model import Article

STORIES = [
    (
        "https://coast.example/storm",
        "Storm closes coastal road",
        "Heavy rain closed the coastal road on Monday, police said.",
    ),
    (
        "https://coast.example/ferry",
        "Ferry service resumes",
        "Ferries to the islands resumed on Tuesday after a two-day pause.",
    ),
    (
        "https://coast.example/market",
        "Fish market reopens",
        "The old fish market reopened on Wednesday after a month of repairs.",
    ),
]


def page(title: str, sentence: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{sentence}</p><p>Officials said more details would follow later in the week.</p>"
        "</article></body></html>"
    ).encode()


def build_warc(gz: bool, with_image: bool = True) -> tuple[bytes, list[int]]:
    """A WARC with a warcinfo record, the three stories and an image; also the end offset of each story."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("coast.warc", {"software": "dateline tests"}))
    ends = []
    for url, title, sentence in STORIES:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(page(title, sentence)), http_headers=headers
        )
        writer.write_record(record)
        ends.append(buffer.tell())
    if with_image:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        image = writer.create_warc_record(
            "https://coast.example/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG fake"),
            http_headers=headers,
        )
        writer.write_record(image)
    return buffer.getvalue(), ends


def read(path: Path) -> list[Article]:
    return list(read_paths([str(path)]))


@pytest.mark.parametrize("gz", [False, True])
def test_every_html_response_becomes_an_article(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("coast.warc.gz" if gz else "coast.warc")
    path.write_bytes(build_warc(gz)[0])
    articles = read(path)
    assert [a.url for a in articles] == [url for url, _, _ in STORIES]
    assert [a.title for a in articles] == [title for _, title, _ in STORIES]
    assert all(a.drop is None and a.format == "warc" for a in articles)
    assert [a.position for a in articles] == [0, 1, 2]
    assert articles[1].text.startswith("Ferries to the islands resumed on Tuesday")
    assert articles[0].provenance.warc.record_id.startswith("<urn:uuid:")


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path, gz: bool) -> None:
    data, ends = build_warc(gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: ends[1] + (ends[2] - ends[1]) // 2])  # cut in the middle of the third story
    articles = read(path)
    assert [a.title for a in articles[:2]] == ["Storm closes coastal road", "Ferry service resumes"]
    assert len(articles) == 3
    drop = articles[2].drop
    assert drop is not None and drop.reason == "truncated_warc"
    assert "2 HTML record(s) before it were kept" in drop.detail
    assert describe(articles[2]).startswith(f"{path}: truncated_warc — ")


def test_warc_cut_inside_record_headers(tmp_path: Path) -> None:
    data, ends = build_warc(False)
    path = tmp_path / "headers.warc"
    path.write_bytes(data[: ends[0] + 40])  # the second story's WARC headers are incomplete
    articles = read(path)
    assert [a.drop.reason if a.drop else "ok" for a in articles] == ["ok", "truncated_warc"]


def test_warc_without_html_gives_one_drop(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "dateline tests"}))
    path = tmp_path / "empty.warc"
    path.write_bytes(buffer.getvalue())
    [article] = read(path)
    assert article.drop is not None and article.drop.reason == "no_articles"


def test_warc_record_over_the_limit_is_dropped_alone(tmp_path: Path) -> None:
    path = tmp_path / "limit.warc"
    path.write_bytes(build_warc(False)[0])
    articles = list(read_paths([str(path)], max_bytes=100))
    assert [a.drop.reason if a.drop else "ok" for a in articles] == ["too_large"] * 3
    assert "https://coast.example/storm" in articles[0].drop.detail  # type: ignore[union-attr]


def test_corrupt_bytes_in_a_gzip_warc_keep_the_records_before(tmp_path: Path) -> None:
    data, ends = build_warc(True)
    damaged = bytearray(data)
    for offset in range(ends[0] + 40, ends[0] + 60):  # inside the second story's gzip member
        damaged[offset] ^= 0x5A
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(damaged))
    articles = read(path)
    assert articles[0].drop is None and articles[0].url == "https://coast.example/storm"
    assert len(articles) == 2
    drop = articles[1].drop
    assert drop is not None and drop.reason == "truncated_warc"
    assert "1 HTML record(s) before it were kept" in drop.detail
