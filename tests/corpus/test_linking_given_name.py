"""The surname plan: a bare surname goes to the person a lone given name in the same article names."""

from __future__ import annotations

from collections import Counter

from dateline.corpus.linking import CorpusLinker


def _person(pid: str, name: str, mentions: int) -> dict[str, object]:
    return {"id": pid, "name": name, "country": "USA", "mentions": mentions, "roles": set(),
            "neighbours": Counter({"trump": 2})}  # fmt: skip


def _held(entity_id: str, name: str, neighbours: set[str]) -> dict[str, object]:
    return {"entity_id": entity_id, "article_id": "a1", "name": name, "roles": set(), "neighbours": neighbours}


PEOPLE = [_person("hillary", "Hillary Clinton", 6), _person("bill", "Bill Clinton", 5)]


def test_surname_follows_the_given_name_placed_in_the_same_article() -> None:
    held = [_held("clinton", "Clinton", {"given", "trump"}), _held("given", "Hillary", {"clinton", "trump"})]
    moves = {m.source_id: m for m in CorpusLinker().plan(held, PEOPLE)}
    assert moves["given"].target_id == "hillary"
    assert (moves["clinton"].target_id, moves["clinton"].rule) == ("hillary", "given-name-in-article")
    assert "Hillary Clinton" in moves["clinton"].evidence


def test_without_the_given_name_a_close_call_stays_held() -> None:
    held = [_held("clinton", "Clinton", {"trump"})]
    assert CorpusLinker().plan(held, PEOPLE) == []
