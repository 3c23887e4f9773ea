"""Event actors and targets follow their entity: relinking a bare surname, merge, split and undo move
an entity's events with its mentions, and every read side (profile, events --actor, API, web page)
finds them under the entity that holds them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dateline.corpus.linking import CorpusLinker
from dateline.model import Actor, Article, Event, Span
from dateline.store.browse import Browse, event_filters
from dateline.store.connection import connect
from dateline.store.corrections import Corrections
from dateline.store.reader import Reader
from dateline.store.writer import Writer
from peopletools import article_with_people


def _article(text: str, names: list[tuple[str, str]], actor: str, target: str | None = None) -> Article:
    """An article with the given (mention, entity name) pairs and one event: ``actor`` (a mention
    text) accuses ``target``."""
    art = article_with_people(text, names, title=text[:20], outlet="Test Wire")

    def side(piece: str) -> Actor:
        m = next(m for m in art.mentions if m.text == piece)
        return Actor(piece, m.span, entity_id=m.entity_id, country="USA", name=piece)

    start = text.index(actor)
    art.events = [Event(Span(0, len(text)), Span(start, start + len(actor)), "accuse", "ACCUSE", cameo="11", confidence=0.9,
                        actors=[side(actor)], targets=[side(target)] if target else [])]
    return art


ARTICLES = [
    ("Hillary Clinton met James Comey. Clinton spoke.", [("Hillary Clinton", "Hillary Clinton"),
     ("James Comey", "James Comey"), ("Clinton", "Hillary Clinton")], "Hillary Clinton", "James Comey"),
    ("Chelsea Clinton opened a clinic.", [("Chelsea Clinton", "Chelsea Clinton")], "Chelsea Clinton", None),
    ("Clinton accused Comey on Friday.", [("Clinton", "Clinton"), ("Comey", "Comey")], "Clinton", "Comey"),
]  # fmt: skip


def _ingest(path: Path) -> sqlite3.Connection:
    conn = connect(str(path))
    writer = Writer(conn, None, link_rules=CorpusLinker())
    for text, names, actor, target in ARTICLES:
        writer.write(_article(text, names, actor, target), None)
    writer.relink_people()
    return conn


def _id(conn: sqlite3.Connection, name: str) -> str:
    return str(conn.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchone()[0])


def _dangling(conn: sqlite3.Connection) -> int:
    """Event actors or targets whose entity does not exist, in the table or in the event data."""
    ids = {r[0] for r in conn.execute("SELECT id FROM entities")}
    loose = 0
    for (data,) in conn.execute("SELECT data FROM events"):
        event = json.loads(data)
        loose += sum(1 for x in (*event["actors"], *event["targets"]) if x.get("entity_id") not in (None, *ids))
    return loose + conn.execute("PRAGMA foreign_key_check(event_entities)").fetchall().__len__()


def test_relinked_surname_keeps_its_events(tmp_path: Path) -> None:
    conn = _ingest(tmp_path / "relink.db")
    hillary = _id(conn, "Hillary Clinton")
    assert not conn.execute("SELECT 1 FROM entities WHERE name = 'Clinton'").fetchone()  # the bare name was moved
    assert _dangling(conn) == 0
    browse = Browse(conn)
    listed = browse.entity_events(hillary)
    assert [e["actors"] for e in listed] == ["Hillary Clinton", "Clinton"] and {e["as"] for e in listed} == {"actor"}
    reader = Reader(conn)
    profile = reader.entity_profile("Hillary Clinton")
    assert len(profile["as_actor"]) == 2 and profile["as_target"] == []
    by_actor = [e.actors[0].entity_id for _, e in reader.event_rows(actor="Hillary Clinton")]
    assert by_actor == [hillary, hillary]  # the bare "Clinton" event is found by the full name
    assert len(browse.events(event_filters(actor="Hillary Clinton"), 0, 10)) == 2
    comey = _id(conn, "James Comey")
    assert [e["as"] for e in browse.entity_events(comey)] == ["target", "target"]


def test_merge_split_undo_round_trip_moves_events(tmp_path: Path) -> None:
    conn = _ingest(tmp_path / "fix.db")
    corrections = Corrections(conn)
    hillary, chelsea = _id(conn, "Hillary Clinton"), _id(conn, "Chelsea Clinton")
    browse = Browse(conn)
    number = corrections.add("merge", "Hillary Clinton", "Chelsea Clinton", "desk", "test")
    assert len(browse.entity_events(hillary)) == 3 and _dangling(conn) == 0
    corrections.undo(number)
    assert _dangling(conn) == 0
    back = _id(conn, "Chelsea Clinton")
    assert [e["actors"] for e in browse.entity_events(back)] == ["Chelsea Clinton"]
    assert len(browse.entity_events(hillary)) == 2 and back != hillary or chelsea

    split = corrections.add("split", "Hillary Clinton", "Clinton", "desk", "two people")
    bare = _id(conn, "Clinton")
    assert [e["actors"] for e in browse.entity_events(bare)] == ["Clinton"]
    assert [e["actors"] for e in browse.entity_events(hillary)] == ["Hillary Clinton"]
    assert _dangling(conn) == 0
    corrections.undo(split)
    assert len(browse.entity_events(hillary)) == 2 and _dangling(conn) == 0


def test_api_and_page_list_the_relinked_events(tmp_path: Path) -> None:
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    db = tmp_path / "web.db"
    _ingest(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        hillary = client.get("/api/v1/entities", params={"name": "Hillary Clinton"}).json()["items"][0]["id"]
        shown = client.get(f"/api/v1/entities/{hillary}").json()["events"]
        assert len(shown) == 2 and {e["as"] for e in shown} == {"actor"}
        listed = client.get("/api/v1/events", params={"actor": "Hillary Clinton"}).json()["items"]
        assert len(listed) == 2
        page = client.get(f"/entities/{hillary}").text
        assert "Clinton accused Comey" in page or page.count("ACCUSE") >= 2
