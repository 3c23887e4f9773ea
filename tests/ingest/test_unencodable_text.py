"""Text UTF-8 cannot hold (a JSON-escaped half of a surrogate pair, a file name that is not UTF-8)
is stored readably, and a record that still trips the reader becomes a stored drop."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from dateline import api
from dateline.ingest import reader
from dateline.safe_text import stored_path, valid_text

STORY = (
    "PORT ELLIS — Harbour director Mara Venn said on Tuesday that the northern quay would reopen "
    "after a week of repairs.\n\nShips queued overnight to unload grain, dock workers said.\n"
)


def test_lone_surrogates_become_replacement_characters() -> None:
    assert valid_text("Mara \ud800Venn") == "Mara \ufffdVenn"
    assert valid_text("caf\udce9 \U0001f600 ok") == "caf\ufffd \U0001f600 ok"
    assert valid_text("plain") == "plain"


def test_jsonl_with_escaped_lone_surrogates_is_stored(tmp_path: Path) -> None:
    odd = {
        "text": STORY.replace("grain", "grain \ud83d"),
        "title": "Quay \ud800 reopens",
        "author": "By \udfff Staff",
        "id": {"k\ud801": ["\udc00"]},
    }
    records = [json.dumps(odd), json.dumps({"text": STORY.replace("northern", "southern"), "title": "Second quay"})]
    assert "\\ud83d" in records[0]  # escaped in the file, as a crawler writes it
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    report = api.ingest([str(path)], tmp_path / "n.db")
    assert (report.articles, dict(report.drops)) == (2, {})
    conn = sqlite3.connect(tmp_path / "n.db")
    titles = sorted(r[0] for r in conn.execute("SELECT title FROM articles"))
    assert titles == ["Quay \ufffd reopens", "Second quay"]
    texts = [r[0] for r in conn.execute("SELECT text FROM articles WHERE title LIKE 'Quay%'")]
    assert "grain \ufffd" in texts[0] and "\ud83d" not in texts[0]


def test_a_file_name_that_is_not_utf8_is_read_stored_and_skipped_on_a_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    empty = os.path.join(os.fsencode(folder), b"vide\xff.txt")
    Path(os.fsdecode(odd)).write_text(STORY, encoding="utf-8")
    Path(os.fsdecode(empty)).write_bytes(b"")
    db = tmp_path / "n.db"
    drops: list[str] = []
    first = api.ingest([str(folder)], db, on_drop=drops.append)
    assert (first.articles, dict(first.drops)) == (1, {"empty_file": 1})
    assert drops == [f"{folder}/vide\\xff.txt: empty_file — the file is empty (0 bytes)"]
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT path FROM sources")) == [
        f"{folder}/caf\\xe9.txt", f"{folder}/vide\\xff.txt"
    ]
    second = api.ingest([str(folder)], db)
    assert second.articles == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert stored_path(os.fsdecode(odd)) == f"{folder}/caf\\xe9.txt"


def test_a_record_the_reader_cannot_stamp_is_a_stored_drop(tmp_path: Path, monkeypatch: Any) -> None:
    real = reader.article_id

    def fussy(text: str) -> str:
        if "southern" in text:
            raise ValueError("cannot\nhash this")
        return real(text)

    monkeypatch.setattr(reader, "article_id", fussy)
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": STORY.replace("northern", n)}) for n in ("northern", "southern", "eastern"))
        + "\n",
        encoding="utf-8",
    )
    report = api.ingest([str(path)], tmp_path / "n.db")
    assert (report.articles, dict(report.drops)) == (2, {"internal_error": 1})
    conn = sqlite3.connect(tmp_path / "n.db")
    row = conn.execute("SELECT position, detail FROM drops").fetchone()
    assert row == (1, "step 'read' raised ValueError: cannot hash this")


PIER = STORY.replace("grain", "grain &#xdbff;").replace("northern quay", "western pier").replace("Ships", "Barges")


def test_feeds_and_pages_with_references_to_surrogates_are_read(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire &#xd800;</title>'
        "<item><title>Quay &#55296; reopens</title><description>" + STORY.replace("grain", "grain &#xDFFF;")
        + "</description><pubDate>Tue, 13 Aug 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        "<html><head><title>Pier &#xd800; reopens</title></head><body><article><h1>Pier &#xd800; reopens</h1>"
        + "".join(f"<p>{p}</p>" for p in PIER.split("\n\n"))
        + "</article></body></html>",
        encoding="utf-8",
    )
    report = api.ingest([str(tmp_path)], tmp_path / "n.db")
    assert (report.articles, dict(report.drops)) == (2, {})
    conn = sqlite3.connect(tmp_path / "n.db")
    rows = sorted(conn.execute("SELECT format, title, outlet FROM articles"))
    assert rows == [("feed", "Quay \ufffd reopens", "Wire \ufffd"), ("html", "Pier \ufffd reopens", None)]
