"""Corpus-wide linking of people: the linker's decisions, and the writer applying them on a real database."""

from __future__ import annotations

import sqlite3

from dateline.corpus.linking import CorpusLinker
from dateline.model import Article
from dateline.store.connection import connect
from dateline.store.writer import Writer
from peopletools import article_with_people, person


def test_different_full_names_never_merge() -> None:
    linker = CorpusLinker()
    hillary = person("Hillary Clinton", ["Clinton", "Mrs. Clinton"])
    assert linker.match(person("Chelsea Clinton"), [hillary]) is None
    assert linker.match(person("Donald Trump Jr."), [person("Donald Trump")]) is None
    hit = linker.match(person("Hillary Clinton"), [hillary])
    assert hit is not None and hit.target is hillary and hit.rule == "exact" and hit.confidence == 1.0


def test_full_name_never_joins_a_bare_surname_and_bare_names_are_held() -> None:
    linker = CorpusLinker()
    bare = person("Clinton")
    assert linker.match(person("Chelsea Clinton"), [bare]) is None
    held = linker.match(person("Clinton"), [bare, person("Hillary Clinton")])
    assert held is not None and held.target is bare and held.rule == "held-surname"


def _people_row(pid: str, name: str, mentions: int, neighbours: dict[str, int]) -> dict[str, object]:
    from collections import Counter

    return {"id": pid, "name": name, "country": "USA", "mentions": mentions, "roles": set(),
            "neighbours": Counter(neighbours)}  # fmt: skip


def test_plan_picks_the_person_whose_context_agrees_or_holds() -> None:
    linker = CorpusLinker()
    people = [
        _people_row("hillary", "Hillary Clinton", 20, {"trump": 5, "comey": 3, "podesta": 2}),
        _people_row("chelsea", "Chelsea Clinton", 4, {"foundation": 2}),
    ]
    held = {"entity_id": "clinton", "article_id": "a1", "name": "Clinton", "roles": set(),
            "neighbours": {"trump", "comey", "kaine"}}  # fmt: skip
    (move,) = linker.plan([held], people)
    assert (move.target_id, move.rule) == ("hillary", "context")
    assert 0.5 < move.confidence <= 1.0 and "over Chelsea Clinton" in move.evidence
    unclear = dict(held, neighbours=set())
    even = [_people_row("a", "Ann Karim", 3, {}), _people_row("b", "Omar Karim", 3, {})]
    assert linker.plan([dict(unclear, name="Karim")], even) == []


def _article(text: str, names: list[tuple[str, str]]) -> Article:
    return article_with_people(text, names)


ARTICLES = [
    ("Hillary Clinton met James Comey. Clinton spoke.", [("Hillary Clinton", "Hillary Clinton"),
     ("James Comey", "James Comey"), ("Clinton", "Hillary Clinton")]),
    ("Chelsea Clinton opened a clinic.", [("Chelsea Clinton", "Chelsea Clinton")]),
    ("Clinton answered Comey on Friday.", [("Clinton", "Clinton"), ("Comey", "Comey")]),
]  # fmt: skip


def _ingest(order: list[int]) -> sqlite3.Connection:
    conn = connect(":memory:")
    writer = Writer(conn, None, link_rules=CorpusLinker())
    for i in order:
        writer.write(_article(*ARTICLES[i]), None)
    writer.relink_people()
    return conn


def _who(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute("SELECT m.text, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id")
    return sorted((r[0], r[1]) for r in rows)


def test_bare_surnames_are_placed_by_context_whatever_the_order() -> None:
    first, last = _ingest([0, 1, 2]), _ingest([2, 1, 0])
    assert _who(first) == _who(last)
    assert ("Clinton", "Hillary Clinton") in _who(first) and ("Comey", "James Comey") in _who(first)
    assert ("Clinton", "Clinton") not in _who(first)
    names = {r[0] for r in first.execute("SELECT name FROM entities")}
    assert names == {"Hillary Clinton", "Chelsea Clinton", "James Comey"}
    rule, confidence, evidence = first.execute(
        "SELECT rule, confidence, evidence FROM merges WHERE rule = 'corpus:context'"
    ).fetchone()
    assert confidence > 0.5 and "Chelsea Clinton" in evidence


def test_a_held_surname_keeps_its_reason_on_its_mentions() -> None:
    conn = connect(":memory:")
    writer = Writer(conn, None, link_rules=CorpusLinker())
    for text, names in [
        ("Ann Karim opened the session.", [("Ann Karim", "Ann Karim")]),
        ("Omar Karim closed the session.", [("Omar Karim", "Omar Karim")]),
        ("Karim spoke at length.", [("Karim", "Karim")]),
    ]:
        writer.write(_article(text, names), None)
    writer.relink_people()
    (reason,) = conn.execute(
        "SELECT m.unlinked FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Karim'"
    ).fetchone()
    assert reason.startswith("corpus: ") and len(reason) > len("corpus: ") + 5
