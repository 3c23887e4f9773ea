"""Bad input end to end: each bad file is one clear line and one stored drop; nothing stored is lost."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dateline import api

pytestmark = pytest.mark.slow

GOOD = ("Firefighters contained a forest fire near Split on Monday after two days, the Croatian "
        "interior ministry said. \"The situation is under control,\" a ministry spokesman told reporters.")
LATER = ("Rescue teams in Valparaiso searched for survivors on Friday after a landslide buried four homes, "
         "Chilean officials said. The regional governor said help would arrive by Saturday.")


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i in range(2):
        html = f"<html><head><title>Story {i}</title></head><body><article><p>{GOOD} Item {i}.</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[: int(len(data) * 0.75)])


def make_bad_batch(folder: Path) -> dict[str, str]:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(("Caf\xe9 owners in Lyon protested on Monday. " * 5).encode("latin-1"))
    _warc(folder / "cut.warc")
    (folder / "broken.html").write_text("<html><head><title>x</title><body><div><<<>>></div>")
    (folder / "broken.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>A')
    (folder / "huge.txt").write_bytes(b"The council met again on Monday. " * (50 * 1024 * 1024 // 33))
    (folder / "later.txt").write_text(f"Landslide Buries Homes in Valparaiso\n\n{LATER}\n")
    return {
        "empty.txt": "empty_file", "binary.dat": "binary_file", "latin1.txt": "bad_utf8",
        "cut.warc": "truncated_warc", "huge.txt": "too_large", "missing.txt": "not_found",
    }


def test_bad_inputs_are_dropped_one_line_each_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    (tmp_path / "first.txt").write_text(f"Forest Fire Contained Near Split\n\n{GOOD}\n")
    first = api.ingest([str(tmp_path / "first.txt")], db)
    assert first.articles == 1

    expected = make_bad_batch(tmp_path / "batch")
    lines: list[str] = []
    report = api.ingest([str(tmp_path / "batch"), str(tmp_path / "batch" / "missing.txt")], db, on_drop=lines.append)
    for name, reason in expected.items():
        mine = [line for line in lines if Path(line.split(":", 1)[0]).name == name]
        assert len(mine) >= 1 and reason in mine[0], (name, lines)
        assert "\n" not in mine[0]
    assert any("broken.html" in line for line in lines) and any("broken.xml" in line for line in lines)
    reader = api.open_reader(db)
    titles = [r["title"] for r in reader.articles()]
    assert "Forest Fire Contained Near Split" in titles  # stored before, still there
    assert "Landslide Buries Homes in Valparaiso" in titles  # the rest of the batch went on
    assert any(t and t.startswith("Story") for t in titles)  # the WARC records before the cut
    stored = {(Path(d["path"]).name, d["reason"]) for d in reader.drops()}
    assert {(n, r) for n, r in expected.items()} <= stored
    assert sum(report.drops.values()) == len(lines)

    again = api.ingest([str(tmp_path / "batch")], db)
    assert again.articles == 0 and len(reader.drops()) == len(api.open_reader(db).drops())
