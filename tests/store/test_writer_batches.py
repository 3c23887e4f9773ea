"""A writer that commits articles in batches: same facts, nothing half-written, nothing left uncommitted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_store import make_article

from dateline.model import Article, Mention, Span
from dateline.store import Writer, connect
from dateline.store.facts import diff_facts, dump_facts

TEXTS = [
    'Antony Blinken said on Thursday that "talks are close." Iraqi officials denied it in Baghdad.',
    'Antony Blinken said on Friday that "a deal is near." Officials in Baghdad said nothing.',
    'Antony Blinken said on Saturday that "work goes on." Kurdish leaders met in Erbil.',
    'Antony Blinken said on Sunday that "we are done." The talks ended in Baghdad.',
]


def _stored(path: Path) -> int:
    """Articles another connection sees, i.e. committed ones."""
    other = sqlite3.connect(path)
    try:
        return int(other.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        other.close()


def _write_all(path: Path, batch: int) -> sqlite3.Connection:
    conn = connect(path)
    writer = Writer(conn, batch=batch)
    sid = writer.begin_source("wire.jsonl", "abc", 100, "jsonl")
    for position, text in enumerate(TEXTS):
        article = make_article(text)
        article.position = position
        assert writer.write(article, sid) == "stored"
    writer.finish_source(sid)
    writer.flush()
    return conn


def test_batched_writes_store_the_same_facts(tmp_path: Path) -> None:
    one = _write_all(tmp_path / "one.db", batch=1)
    batched = _write_all(tmp_path / "batched.db", batch=3)
    facts = dump_facts(batched)
    assert diff_facts(dump_facts(one), facts) == []
    assert len(facts["articles"]) == 1 + len(TEXTS)  # a header row, then the articles
    assert len(facts["quotes"]) > 1 and len(facts["events"]) > 1


def test_articles_are_committed_per_batch_and_on_flush(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    writer = Writer(connect(path), batch=3)
    sid = writer.begin_source("wire.jsonl", "abc", 100, "jsonl")
    for position, text in enumerate(TEXTS):
        article = make_article(text)
        article.position = position
        writer.write(article, sid)
        assert _stored(path) == (3 if position >= 2 else 0)
    writer.finish_source(sid)
    writer.flush()
    assert _stored(path) == len(TEXTS)
    assert not writer.conn.in_transaction
    writer.flush()  # nothing open: no error


def test_a_failing_article_leaves_no_rows_and_keeps_the_batch(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    conn = connect(path)
    writer = Writer(conn, batch=10)
    sid = writer.begin_source("wire.jsonl", "abc", 100, "jsonl")
    first = make_article(TEXTS[0])
    assert writer.write(first, sid) == "stored"
    broken = make_article(TEXTS[1])
    broken.position = 1
    # a mention without a span fails after the article, its copy and its entities are inserted
    broken.mentions.append(Mention(Span(0, 3), "Ant", "PERSON"))
    broken.mentions[-1].span = None  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        writer.write(broken, sid)
    assert conn.in_transaction  # the first article's batch is still open
    writer.flush()
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert ids == [first.id]
    assert conn.execute("SELECT count(*) FROM copies").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (broken.id,)).fetchone()[0] == 0
    assert _stored(path) == 1


def test_a_failing_first_article_closes_its_transaction(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.db")
    writer = Writer(conn, batch=10)
    sid = writer.begin_source("wire.jsonl", "abc", 100, "jsonl")
    broken: Article = make_article(TEXTS[0])
    broken.quotes[0].content_spans = None  # type: ignore[assignment]
    with pytest.raises(TypeError):
        writer.write(broken, sid)
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert writer.write(make_article(TEXTS[1]), sid) == "stored"
    writer.relink_people()  # ends the batch before the corpus steps open their own transactions
    assert not conn.in_transaction and _stored(tmp_path / "t.db") == 1
