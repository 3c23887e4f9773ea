"""The SQLite store on real databases: schema, single writer, read side, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import NotFoundError, StoreError
from dateline.model import (
    Actor,
    Article,
    Caption,
    DateRef,
    Drop,
    Entity,
    Event,
    Mention,
    MergeEvidence,
    Place,
    Quote,
    Span,
    article_id,
)
from dateline.store import SCHEMA_VERSION, Reader, Writer, connect

TEXT = 'Antony Blinken said on Thursday that "talks are close." Iraqi officials denied it in Baghdad.'


def make_article(text: str = TEXT) -> Article:
    art = Article(text=text, id=article_id(text), title="Talks", source="wire.txt", outlet="Wire",
                  captions=[Caption("Blinken at a hearing", "REUTERS/File Photo")])
    blinken = Entity(id=Entity.make_id("PERSON", "Antony Blinken"), name="Antony Blinken", type="PERSON",
                     aliases=["Blinken"], roles=["US Secretary of State"], country="USA",
                     evidence=[MergeEvidence("Antony Blinken", Span(0, 14), "exact")])
    art.mentions = [Mention(Span(0, 14), "Antony Blinken", "PERSON", blinken.id)]
    art.entities = [blinken]
    art.quotes = [Quote(content_spans=[Span(38, 54)], cue="say", cue_span=Span(15, 19), type="direct",
                        speaker="Antony Blinken", speaker_mention="Antony Blinken", speaker_span=Span(0, 14),
                        speaker_entity=blinken.id, speaker_kind="person", confidence=0.9)]
    art.events = [Event(sentence_span=Span(0, 55), trigger_span=Span(15, 19), action="say", category="CONSULT",
                        actors=[Actor("Antony Blinken", Span(0, 14), blinken.id, "USA", "GOV")],
                        place=Place("Baghdad", Span(85, 92), "IRQ", 33.34, 44.40, 1),
                        date=DateRef("on Thursday", Span(20, 31), "2024-08-15", "day"))]
    return art


@pytest.fixture()
def db(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "t.db")


def test_new_database_is_migrated_and_in_wal(tmp_path: Path) -> None:
    conn = connect(tmp_path / "x.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "sources", "drops", "entities", "mentions", "quotes", "events", "articles_fts"} <= tables
    conn.close()
    again = connect(tmp_path / "x.db")  # reopening applies nothing twice
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        connect(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        connect(path)


def test_readonly_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "missing.db", readonly=True)


def test_round_trip_of_an_article_and_its_facts(db: sqlite3.Connection) -> None:
    writer, reader = Writer(db), Reader(db)
    art = make_article()
    sid = writer.begin_source("wire.txt", "abc", 100, "text")
    assert writer.write(art, sid) == "stored"
    writer.finish_source(sid)
    back = reader.article(art.id[:6])
    assert back.text == art.text and back.title == "Talks"
    assert back.captions == art.captions
    assert [m.span for m in back.mentions] == [Span(0, 14)]
    assert back.entities[0].name == "Antony Blinken" and back.entities[0].country == "USA"
    assert back.entities[0].roles == ["US Secretary of State"]
    q = back.quotes[0]
    assert q.content_spans == [Span(38, 54)] and q.speaker == "Antony Blinken" and q.speaker_kind == "person"
    ev = back.events[0]
    assert ev.category == "CONSULT" and ev.place and ev.place.country == "IRQ"
    assert ev.date and ev.date.value == "2024-08-15" and ev.actors[0].sector == "GOV"
    listed = reader.articles()[0]
    assert listed["credits"] == ["REUTERS/File Photo"] and listed["captions"] == ["Blinken at a hearing"]
    quotes = reader.quotes(speaker="Blinken")
    assert quotes[0]["content"] == "talks are close." and quotes[0]["article_id"] == art.id
    ent = reader.entities("person")[0]
    assert ent["mentions"] == 1 and ent["evidence"][0]["rule"] == "exact"
    src = reader.sources()[0]
    assert src["status"] == "done" and src["articles"] == 1


def test_same_article_twice_is_a_duplicate_not_a_second_row(db: sqlite3.Connection) -> None:
    writer = Writer(db)
    s1 = writer.begin_source("a.txt", "1", 1, "text")
    s2 = writer.begin_source("b.txt", "2", 1, "text")
    assert writer.write(make_article(), s1) == "stored"
    assert writer.write(make_article(), s1) == "resumed"  # same source and position: a rerun
    assert writer.write(make_article(), s2) == "duplicate"
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM copies").fetchone()[0] == 2
    assert writer.counts.duplicates == 1 and writer.counts.articles == 1


def test_entities_merge_across_articles(db: sqlite3.Connection) -> None:
    writer = Writer(db)
    sid = writer.begin_source("a.txt", "1", 1, "text")
    writer.write(make_article(), sid)
    other = make_article("Antony Blinken will travel to Israel this weekend, officials said on Friday.")
    other.quotes, other.events = [], []
    writer.write(other, sid)
    assert db.execute("SELECT count(*) FROM entities").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL").fetchone()[0] == 2


def test_drops_are_stored_once_with_their_reason(db: sqlite3.Connection) -> None:
    writer = Writer(db)
    sid = writer.begin_source("bad.bin", "9", 3, None)
    bad = Article(text="", source="bad.bin", drop=Drop("binary_file", "NUL bytes at offset 0"))
    assert writer.write(bad, sid) == "dropped"
    assert writer.write(bad, sid) == "resumed"
    rows = Reader(db).drops()
    assert rows == [{"path": "bad.bin", "position": 0, "reason": "binary_file",
                     "detail": "NUL bytes at offset 0", "at": rows[0]["at"]}]


def test_search_finds_words_and_forgives_bad_syntax(db: sqlite3.Connection) -> None:
    writer, reader = Writer(db), Reader(db)
    sid = writer.begin_source("a.txt", "1", 1, "text")
    writer.write(make_article(), sid)
    hits = reader.search("baghdad")
    assert len(hits) == 1 and "[Baghdad]" in hits[0]["snippet"]
    assert reader.search("talk") and not reader.search("ceasefire")  # porter stemming
    assert reader.search('"talks') and reader.search("Iraqi-officials") and not reader.search("Kyiv-Odesa")
    assert reader.search("Iraqi officials OR nothing")


def test_unknown_article_id(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match="no article"):
        Reader(db).article("zzz")


def test_version_one_database_is_migrated_in_place(tmp_path: Path) -> None:
    from dateline.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    raw.executescript(f"BEGIN; {MIGRATIONS[0]} PRAGMA user_version = 1; COMMIT;")
    raw.execute("INSERT INTO articles (id, text) VALUES ('a1', 'An article stored by version one.')")
    raw.execute("INSERT INTO mentions (article_id, start, end, text, label) VALUES ('a1', 0, 2, 'An', 'ORG')")
    raw.commit()
    raw.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT field FROM mentions").fetchone()[0] == "text"
    assert conn.execute("SELECT text FROM articles WHERE id = 'a1'").fetchone()[0].startswith("An article")


def test_caption_mentions_keep_their_field(db: sqlite3.Connection) -> None:
    art = make_article()
    fouad = Entity(id=Entity.make_id("PERSON", "Fouad Hussein"), name="Fouad Hussein", type="PERSON",
                   roles=["Iraqi Foreign Minister"], country="IRQ")
    art.caption_mentions = [Mention(Span(0, 13), "Fouad Hussein", "PERSON", fouad.id, field="caption:0")]
    art.entities.append(fouad)
    writer = Writer(db)
    writer.write(art, writer.begin_source("a.txt", "1", 1, "text"))
    back = Reader(db).article(art.id)
    assert [m.field for m in back.caption_mentions] == ["caption:0"]
    assert all(m.field == "text" for m in back.mentions)
    assert "Fouad Hussein" in [e.name for e in back.entities]


def test_event_round_trip_keeps_nested_actors(db: sqlite3.Connection) -> None:
    art = make_article()
    art.events[0].attributed_to = Actor("Iraqi officials", Span(56, 71), country="IRQ", sector="GOV")
    writer = Writer(db)
    writer.write(art, writer.begin_source("a.txt", "1", 1, "text"))
    back = Reader(db).article(art.id).events[0]
    assert isinstance(back.attributed_to, Actor) and back.attributed_to.country == "IRQ"
    assert back == art.events[0]


def test_event_and_quote_filters(db: sqlite3.Connection) -> None:
    writer, reader = Writer(db), Reader(db)
    art = make_article()
    writer.write(art, writer.begin_source("a.txt", "1", 1, "text"))
    assert len(list(reader.event_rows(actor="Blinken"))) == 1
    assert len(list(reader.event_rows(category="consult", article=art.id[:5]))) == 1
    assert list(reader.event_rows(category="ASSAULT")) == []
    assert reader.quotes(anonymous=True) == [] and len(reader.quotes(article=art.id)) == 1
