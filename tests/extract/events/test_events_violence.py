"""Violence needs violence: sense rules (one test per row of data/events/violence.tsv), prose lines,
and the hand-written business, sports, culture and technology articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.extract.events.violence import KINDS, VIOLENT_ACLED, is_prose, sense_rules
from dateline.model import Event
from eventtools import events_of
from paths import FIXTURES

pytestmark = pytest.mark.slow
NON_CONFLICT = FIXTURES / "events" / "non_conflict" / "articles.jsonl"




def violent(event: Event) -> bool:
    return event.category == "ASSAULT" or event.acled_event_type in VIOLENT_ACLED


RULES = [r for r in sense_rules().rules if r.example]


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.kind}:{'|'.join(sorted(r.triggers))[:20]}" for r in RULES])
def test_each_sense_rule_decides_its_example(nlp: Any, rule: Any) -> None:
    found = [e for e in events_of(nlp, rule.example) if violent(e)]
    assert bool(found) == rule.violent, (rule.example, found)


def test_every_sense_rule_has_an_example() -> None:
    assert all(r.example and r.words for r in sense_rules().rules)
    assert {r.kind for r in sense_rules().rules} == set(KINDS)


def test_a_rule_table_with_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "senses.tsv"
    table.write_text("kind\ttrigger\twords\texample\tviolent\nmaybe\t-\tgun\tA gun.\tyes\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"senses\.tsv.*maybe"):
        sense_rules(table)


@pytest.mark.parametrize("text", [
    "Free Sign Up.",
    "Menu",
    "Subscribe to our newsletter and beat the rush.",
    "Meta Outage Hits Facebook Users Worldwide",
    "Rebels Attack Army Base In North",
])
def test_lines_that_are_not_prose_yield_no_events(nlp: Any, text: str) -> None:
    assert not is_prose(list(nlp(text)))
    assert events_of(nlp, text) == []


def test_prose_sentences_are_prose(nlp: Any) -> None:
    assert is_prose(list(nlp("Rebels attacked an army base in the north on Sunday.")))
    assert is_prose(list(nlp("Police fired tear gas to disperse the crowd")))


@pytest.mark.parametrize("text", [
    "Turkish jets struck positions in northern Iraq before dawn.",
    "Gunmen shot dead three villagers near Kaduna on Monday.",
    "Iraq attacked Iranian oil installations on the Gulf coast.",
    "Heavy fighting broke out in Kosovo on Sunday.",
    "Police beat protesters outside the parliament.",
])
def test_conflict_sentences_stay_violent(nlp: Any, text: str) -> None:
    assert any(violent(e) for e in events_of(nlp, text)), text


def test_non_conflict_articles_have_at_most_one_violent_event_per_hundred(nlp: Any) -> None:
    records = [json.loads(line) for line in NON_CONFLICT.read_text(encoding="utf-8").splitlines() if line]
    assert len(records) >= 40
    assert {r["topic"] for r in records} == {"business", "sports", "culture", "technology"}
    found = []
    for record in records:
        events = events_of(nlp, record["text"], date.fromisoformat(record["date"]))
        found += [(record["id"], record["text"][e.trigger_span.start:e.trigger_span.end]) for e in events if violent(e)]
    assert len(found) * 100 <= len(records), found


@pytest.mark.parametrize("text", [
    "Ahmed Salim attacked a guard with a knife outside the ministry, wounding him.",
    "Gunmen loyal to Khalid Haftar attacked the town, killing four civilians.",
])
def test_a_person_with_a_weapon_or_harm_is_still_violence(nlp: Any, text: str) -> None:
    assert any(violent(e) for e in events_of(nlp, text)), text


@pytest.mark.parametrize("text", [
    "Senator Ana Ortiz attacked the governor for his backing of military action in Yemen.",
    "The senator attacked the police chief in a statement on Monday.",
])
def test_words_not_blows_are_criticism(nlp: Any, text: str) -> None:
    events = events_of(nlp, text)
    assert [(e.action.split()[0], e.category, e.cameo) for e in events] == [("attack", "ACCUSE", "111")], text


@pytest.mark.parametrize("text", [
    "The festival is a day of feasting, during which households will kill and roast goats.",
    "Lobbyists are spending heavily to decide who will occupy the governor's mansion and control the assembly.",
    "Opposition lawmakers seized on the army chief's remarks about the border.",
    "The mayor attacked the governor in late-night posts about the veterans.",
])
def test_political_and_everyday_senses_are_no_violence(nlp: Any, text: str) -> None:
    assert not any(violent(e) for e in events_of(nlp, text)), text
