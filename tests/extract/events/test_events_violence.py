"""Violence needs violence: sense rules (one test per row of data/events/violence.tsv), prose lines,
and the hand-written business, sports, culture and technology articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.extract.events.violence import VIOLENT_ACLED, is_prose, sense_rules
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
    assert {r.kind for r in sense_rules().rules} == {"self", "armed", "weapon", "harm", "target", "never", "context", "cause"}


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
    "Israeli aircraft struck targets in southern Lebanon overnight.",
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
