"""Cross-article linking never bridges two people: given names, titles, middle initials, weak evidence."""

from __future__ import annotations

import sqlite3
from collections import Counter

from dateline.corpus.linking import CorpusLinker
from dateline.model import Article, Entity, Mention, MergeEvidence, Span, article_id
from dateline.store.connection import connect
from dateline.store.writer import Writer


def _person(pid: str, name: str, mentions: int, neighbours: dict[str, int] | None = None) -> dict[str, object]:
    return {"id": pid, "name": name, "country": None, "mentions": mentions, "roles": set(),
            "neighbours": Counter(neighbours or {})}  # fmt: skip


def _held(name: str, roles: set[str] | None = None, neighbours: set[str] | None = None) -> dict[str, object]:
    return {"entity_id": name.lower(), "article_id": "a1", "name": name, "roles": roles or set(),
            "neighbours": neighbours or set()}  # fmt: skip


def test_a_titled_one_word_name_never_joins_someone_with_that_given_name() -> None:
    linker = CorpusLinker()
    people = [_person("lamrani", "Omar Lamrani", 3, {"stratfor": 1})]
    assert linker.plan([_held("Omar", roles={"Rep."})], people) == []
    assert linker.held and "surname" in linker.held[0][2]


def test_a_given_name_needs_its_article_to_point_at_the_person() -> None:
    linker = CorpusLinker()
    people = [_person("lamrani", "Omar Lamrani", 3, {"stratfor": 2})]
    assert linker.plan([_held("Omar", neighbours={"congress"})], people) == []
    (move,) = linker.plan([_held("Omar", neighbours={"stratfor"})], people)
    assert (move.target_id, move.rule) == ("lamrani", "given-name") and "Omar Lamrani" in move.evidence


def test_a_surname_of_two_known_people_stays_held_with_the_reason() -> None:
    linker = CorpusLinker()
    people = [_person("a", "Ann Karim", 3), _person("b", "Omar Karim", 4)]
    assert linker.plan([_held("Karim")], people) == []
    (reason,) = [r for _, _, r in linker.held]
    assert "Ann Karim and Omar Karim" in reason


def test_a_move_without_evidence_from_its_article_is_uncertain() -> None:
    linker = CorpusLinker()
    (move,) = linker.plan([_held("Volker")], [_person("kv", "Kurt Volker", 5)])
    assert move.rule == "uncertain-surname" and move.confidence <= 0.6
    (sure,) = linker.plan([_held("Volker", neighbours={"trump"})], [_person("kv", "Kurt Volker", 5, {"trump": 3})])
    assert sure.rule == "surname" and sure.confidence > 0.8


def _entity(name: str, aliases: list[str] | None = None) -> Entity:
    return Entity(Entity.make_id("PERSON", name), name, "PERSON", aliases=aliases or [])


def test_different_middle_initials_are_different_people() -> None:
    linker = CorpusLinker()
    assert linker.match(_entity("George H.W. Bush"), [_entity("George W. Bush")]) is None
    hit = linker.match(_entity("Paul D. Ryan"), [_entity("Paul Ryan", ["Sen. Paul Ryan"])])
    assert hit is not None and hit.target.name == "Paul Ryan"


def test_transliterations_of_a_surname_are_one_person() -> None:
    hit = CorpusLinker().match(_entity("Volodymyr Zelenskyy"), [_entity("Volodymyr Zelensky")])
    assert hit is not None and hit.rule == "name-variant"


def _article(text: str, name: str, country: str | None, kind: str = "GPE") -> Article:
    art = Article(text=text, id=article_id(text))
    start = text.index(name)
    ent = Entity(Entity.make_id(kind, name), name, kind, country=country)
    mention = Mention(Span(start, start + len(name)), name, kind, entity_id=ent.id)
    ent.mentions.append(mention)
    ent.evidence.append(MergeEvidence(name, mention.span, "exact"))
    art.mentions, art.entities = [mention], [ent]
    return art


def _countries(order: list[Article]) -> list[tuple[str, str | None]]:
    conn = connect(":memory:")
    writer = Writer(conn, None, link_rules=CorpusLinker())
    for art in order:
        writer.write(art, None)
    rows = sorted((r[0], r[1]) for r in conn.execute("SELECT name, country FROM entities"))
    conn.close()
    return rows


def test_an_entity_country_does_not_depend_on_the_order_of_articles() -> None:
    one = _article("Protests spread across Georgia on Monday.", "Georgia", "USA")
    two = _article("Tbilisi said Georgia would not bow.", "Georgia", "GEO")
    assert _countries([one, two]) == _countries([two, one]) == [("Georgia", "GEO")]


def test_the_writer_records_uncertain_moves() -> None:
    conn: sqlite3.Connection = connect(":memory:")
    writer = Writer(conn, None, link_rules=CorpusLinker())
    writer.write(_article("Kurt Volker testified on Tuesday.", "Kurt Volker", None, "PERSON"), None)
    writer.write(_article("Volker resigned.", "Volker", None, "PERSON"), None)
    writer.relink_people()
    rules = {r[0] for r in conn.execute("SELECT rule FROM merges WHERE rule LIKE 'corpus:%'")}
    assert rules == {"corpus:uncertain-surname"}
    assert {r[0] for r in conn.execute("SELECT name FROM entities")} == {"Kurt Volker"}


def test_an_entity_name_does_not_depend_on_the_order_of_articles() -> None:
    one = _article("Jon Q. Vell spoke on Monday.", "Jon Q. Vell", None, "PERSON")
    two = _article("Jon Vell left on Tuesday.", "Jon Vell", None, "PERSON")
    first, last = _countries([one, two]), _countries([two, one])
    assert [n for n, _ in first] == [n for n, _ in last] == ["Jon Q. Vell"]
