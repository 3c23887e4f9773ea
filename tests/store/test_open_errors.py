"""Databases that cannot be used give one clear line and exit 2; odd paths work; LIKE is literal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clitools import run
from dateline import api
from dateline.errors import StoreError
from dateline.model import Article, Quote, Span
from dateline.store import Writer, connect
from dateline.store.connection import read_only_uri
from dateline.store.schema import SCHEMA_VERSION


def _stored(path: Path) -> str:
    conn = connect(path)
    writer = Writer(conn)
    text = "Mayor Ana Ruiz said the quay would reopen. The 100% figure came from port_staff."
    quote = Quote([Span(0, 10)], "say", None, "indirect", speaker="Ana Ruiz", speaker_kind="person")
    writer.write(Article(text=text, id="f00d", title="Quay", quotes=[quote]), None)
    conn.close()
    return str(path)


@pytest.mark.parametrize("name", ["what?.db", "issue#8.db", "100%.db", "a b%20c.db"])
def test_readers_open_paths_with_uri_characters(tmp_path: Path, name: str) -> None:
    db = _stored(tmp_path / name)
    assert [a["id"] for a in api.open_reader(db).articles()] == ["f00d"]
    reader = api.open_reader(db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.conn.execute("DELETE FROM articles")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(name)) == []
    assert read_only_uri(tmp_path / name).endswith("?mode=ro")


def test_like_filters_take_percent_and_underscore_literally(tmp_path: Path) -> None:
    reader = api.open_reader(_stored(tmp_path / "q.db"))
    assert len(reader.quotes("Ruiz")) == 1
    assert reader.quotes("%") == [] and reader.quotes("_") == []
    assert list(reader.event_rows("%")) == []


def _newer(path: Path) -> str:
    _stored(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    return str(path)


def _corrupt(path: Path) -> str:
    path.write_bytes(b"this is not a database at all, just some words " * 200)
    return str(path)


def _foreign(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    return str(path)


def _under_a_file(path: Path) -> str:
    path.write_text("a plain file")
    return str(path / "news.db")


@pytest.mark.parametrize(("make", "message"), [
    (_newer, "is newer than this dateline"),
    (_corrupt, "file is not a database"),
    (_foreign, "not a dateline database"),
    (_under_a_file, "no such database"),
])
def test_readers_refuse_unusable_databases_with_one_line(tmp_path: Path, make: object, message: str) -> None:
    db = make(tmp_path / "x.db")  # type: ignore[operator]
    with pytest.raises(StoreError, match=message):
        api.open_reader(db)
    proc = run("articles", "--db", db, check=False)
    assert proc.returncode == 4  # StoreError's exit status
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_ingest_into_a_path_under_a_file_or_a_newer_schema_exits_4(tmp_path: Path) -> None:
    news = tmp_path / "n.txt"
    news.write_text("PORT ELLIS — Ferries resumed on Tuesday after a two-day pause, the port said.\n")
    for db, message in ((_under_a_file(tmp_path / "plain"), "cannot create the database here"),
                        (_newer(tmp_path / "new.db"), "is newer than this dateline")):
        proc = run("ingest", str(news), "--db", db, "--quiet", check=False)
        assert proc.returncode == 4, proc.stderr
        assert message in proc.stderr and "Traceback" not in proc.stderr
