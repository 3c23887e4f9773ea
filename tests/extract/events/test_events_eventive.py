"""Triggers that name no act that took place: advice, possibility, conditions, questions, opinions,
positions in the simple present, noun modifiers; and the doer of a reported act is not its speaker."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.eventive import words
from eventtools import events_of


def test_the_word_table_has_every_kind() -> None:
    kinds = words()
    assert {"should", "might"} <= kinds["modal"] and "believe" in kinds["opinion"] and "if" in kinds["cond"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The governor should resign before the session opens.",
    "The rebels could attack the northern town next week.",
    "If the council approves the budget, the mayor will sign it.",
    "Will the president meet the union leaders?",
    "Analysts expect the opposition party to win the district.",
    "I watched the senator deliver a speech to the graduating class.",
    "The mayor supports a higher minimum wage.",
    "She said the governor backs the pipeline project.",
    "The senator agreed.",
    "The candidate built her campaign around championing lower taxes.",
])
def test_what_did_not_take_place_is_no_event(nlp: Any, text: str) -> None:
    assert [e.action for e in events_of(nlp, text)] == [], text


@pytest.mark.slow
@pytest.mark.parametrize(("text", "category"), [
    ("The governor resigned on Friday after the vote.", None),
    ("Rebels attacked the northern town on Tuesday.", "ASSAULT"),
    ("The mayor endorsed the governor's rival on Monday.", "SUPPORT"),
    ("The senator accused the governor of lying about the budget.", "ACCUSE"),
    ("The ministry said militants had ambushed a police convoy near the border.", "ASSAULT"),
    ("The president met the union leaders in Chicago on Monday.", "CONSULT"),
])
def test_acts_that_took_place_stay(nlp: Any, text: str, category: str | None) -> None:
    found = events_of(nlp, text)
    assert found, text
    if category is not None:
        assert category in {e.category for e in found}, text


@pytest.mark.slow
def test_the_speaker_is_not_the_doer_and_no_one_acts_on_themself(nlp: Any) -> None:
    found = events_of(nlp, "The ministry said militants had ambushed a police convoy near the border.")
    ambush = [e for e in found if e.category == "ASSAULT"]
    assert ambush and all("ministry" not in a.text for e in ambush for a in e.actors)
    for e in events_of(nlp, "Senator Ruth Alden told reporters that Senator Ruth Alden met Governor Tom Reyes."):
        names = {(a.name or a.text).lower() for a in e.actors}
        assert not names & {(t.name or t.text).lower() for t in e.targets}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The rebels said they might attack the capital.",
    "The envoy is expected to meet the foreign minister in Cairo on Monday.",
    "The union said it would strike next month if the talks fail.",
])
def test_stated_intentions_and_schedules_stay(nlp: Any, text: str) -> None:
    assert events_of(nlp, text), text
