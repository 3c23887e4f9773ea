"""Each reader on a well-formed input, and the fields every article gets."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dateline.ingest import describe, discover, read_paths, read_source
from dateline.model import Article, article_id
from paths import FIXTURES

INGEST = FIXTURES / "ingest"


def read(path: Path | str, **kw: object) -> list[Article]:
    return list(read_paths([str(path)], **kw))  # type: ignore[arg-type]


def test_seed_dump_is_one_text_article(seed_dump: Path) -> None:
    [article] = read(seed_dump)
    raw = seed_dump.read_bytes()
    assert article.drop is None
    assert article.format == "text"
    assert article.text == raw.decode("utf-8").replace("\r\n", "\n")
    assert article.text.startswith("Two Missiles Delay International Coalition Withdrawal from Iraq")
    assert article.source == str(seed_dump)
    assert article.position == 0
    assert article.provenance.source_sha256 == hashlib.sha256(raw).hexdigest()
    assert article.id == article_id(article.text)


def test_text_dump_normalises_newlines_and_strips_bom(tmp_path: Path) -> None:
    path = tmp_path / "harbour_dump.txt"
    path.write_bytes(
        b"\xef\xbb\xbfPort reopens\r\n\r\nDock workers returned on Saturday.\r\nThe union agreed.\rEnd\n"
    )
    [article] = read(path)
    assert article.text == "Port reopens\n\nDock workers returned on Saturday.\nThe union agreed.\nEnd\n"


def test_html_page_gives_text_and_metadata() -> None:
    [article] = read(INGEST / "gulf_wire_rockets.html")
    assert article.drop is None
    assert article.format == "html"
    assert article.title == "Rockets strike air base in western Iraq"
    assert article.byline == "Sara Haddad"
    assert article.outlet == "Gulf Wire"
    assert article.url == "https://gulfwire.example/2024/08/09/rockets-strike-air-base"
    assert article.published == datetime(2024, 8, 9, 10, 15, tzinfo=timezone(timedelta(hours=3)))
    assert article.published_raw == "2024-08-09T10:15:00+03:00"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Two rockets struck the Ain al-Asad air base")
    assert (
        paragraphs[-1]
        == "No group has claimed responsibility for the attack, the second on the base this month."
    )
    assert "A spokesman declined" in paragraphs[2] and "\nA spokesman" in paragraphs[2]  # <br> kept as a line
    for furniture in ("Home", "Copyright 2024", "Privacy", "REUTERS/Ahmed Saad", "By Sara Haddad"):
        assert furniture not in article.text
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Smoke rises over the Ain al-Asad air base on Friday.", "REUTERS/Ahmed Saad"),
        ("Foreign Minister Fouad Hussein speaks in Baghdad.", "Photo: Mariam Talib"),
    ]


def test_short_html_page_falls_back_to_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text("<html><body><p>Schools reopened on Tuesday.</p></body></html>", encoding="utf-8")
    [article] = read(path)
    assert article.text == "Schools reopened on Tuesday."


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    body = '<html><head><meta charset="windows-1252"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 on the corniche reopened on Monday after repairs, its owner said.</p></body></html>'
    path.write_bytes(body.encode("cp1252"))
    [article] = read(path)
    assert article.drop is None
    assert "café on the corniche" in article.text


def test_rss_feed_entries() -> None:
    articles = read(INGEST / "levant_ledger.rss")
    assert [a.position for a in articles] == [0, 1, 2]
    first, second, empty = articles
    assert first.format == "feed"
    assert first.title == "Ceasefire talks resume in Cairo"
    assert first.url == "https://ledger.example/2024/08/15/ceasefire-talks"
    assert first.byline == "Omar Khalil"
    assert first.outlet == "Levant Ledger"
    assert first.published == datetime(2024, 8, 15, 9, 30, tzinfo=UTC)
    assert first.text == (
        "Negotiators returned to Cairo on Thursday for a new round of ceasefire talks, Egyptian officials said."
        '\n\n"We are closer than we have been in weeks," one mediator told reporters.\nHe did not give details.'
    )
    assert first.provenance.feed_entry_id == "ledger-1001"
    assert second.text.endswith("the UN said.\n\nIt was the first delivery in a month.")  # from the summary
    assert empty.drop is not None and empty.drop.reason == "no_text"
    assert "Photo gallery" in describe(empty)


def test_atom_feed_entry() -> None:
    [article] = read(INGEST / "harbour_times.atom")
    assert article.outlet == "Harbour Times"
    assert article.byline == "Lena Park"
    assert article.url == "https://harbour.example/news/port-strike-ends"
    assert article.published == datetime(2024, 8, 10, 11, 0, tzinfo=timezone(timedelta(hours=2)))
    assert article.text.split("\n\n")[1] == "The union said members had accepted a 6 percent rise."


def test_jsonl_lines_and_one_broken_line() -> None:
    articles = read(INGEST / "wire_stories.jsonl")
    assert [a.position for a in articles] == [0, 1, 2, 3]
    first, second, broken, last = articles
    assert first.title == "Flooding closes coastal road"
    assert first.url == "https://wire.example/77"
    assert first.outlet == "Coastal Wire"
    assert first.byline == "Dana Ruiz"
    assert first.published == date(2024, 8, 12)
    assert first.provenance.external_id == "wire-77"
    assert (
        first.text
        == "Heavy rain closed the coastal road on Monday, police said.\n\nTraffic was diverted inland."
    )
    assert second.published == datetime(2024, 8, 12, 16, 40)
    assert broken.drop is not None and broken.drop.reason == "bad_json_line"
    assert "line 3" in broken.drop.detail and broken.text == ""
    assert last.provenance.external_id == 80 and last.provenance.line == 5
    assert all(a.format == "jsonl" for a in articles)


def test_pretty_printed_json_document(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    stories = [{"title": "Bridge opens", "text": "The new bridge opened on Sunday."}, {"title": "No body"}]
    path.write_text(json.dumps(stories, indent=2), encoding="utf-8")
    good, bad = read(path)
    assert good.title == "Bridge opens" and good.text == "The new bridge opened on Sunday."
    assert bad.drop is not None and bad.drop.reason == "no_text" and "item 2" in bad.drop.detail


def test_mislabelled_files_are_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved_page.txt"
    page.write_bytes((INGEST / "gulf_wire_rockets.html").read_bytes())
    rows = tmp_path / "export.data"
    rows.write_text(
        '{"text": "Fishermen returned to port early as the storm closed in."}\n', encoding="utf-8"
    )
    sources = {Path(s.path).name: s.format for s in discover([str(page), str(rows)])}
    assert sources == {"saved_page.txt": "html", "export.data": "jsonl"}
    [html_article] = read(page)
    assert html_article.format == "html" and html_article.title == "Rockets strike air base in western Iraq"
    [row] = read(rows)
    assert row.format == "jsonl" and row.text.startswith("Fishermen")


def test_user_outlet_and_published_fill_only_missing_fields(seed_dump: Path) -> None:
    [dump] = read(seed_dump, outlet="Asharq Al-Awsat", published="9 August 2024")
    assert dump.outlet == "Asharq Al-Awsat"
    assert dump.published == date(2024, 8, 9) and dump.published_raw == "9 August 2024"
    [page] = read(INGEST / "gulf_wire_rockets.html", outlet="Someone Else", published="2020-01-01")
    assert page.outlet == "Gulf Wire"
    assert page.published_date == date(2024, 8, 9)


def test_unreadable_user_date_raises_at_once() -> None:
    with pytest.raises(ValueError, match="cannot read the published date 'last week'"):
        read_paths(["anything.txt"], published="last week")


def test_read_source_accepts_a_hand_made_source() -> None:
    from dateline.ingest import Source

    [article] = list(read_source(Source(str(INGEST / "harbour_times.atom"))))
    assert article.format == "feed" and article.provenance.source_sha256 is not None
