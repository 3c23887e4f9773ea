"""Sense rules added for longer wire sentences: accidents and weapon-modified hazards, event nouns
under "spark"/"trigger", no-event readings of "demand" and "decline to comment", and date phrases
that never cue an ACLED type."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.acled import words_of
from dateline.extract.events.violence import VIOLENT_ACLED
from dateline.model import Event
from eventtools import events_of

pytestmark = pytest.mark.slow


def _violent(events: list[Event]) -> bool:
    return any(e.category == "ASSAULT" or e.acled_event_type in VIOLENT_ACLED for e in events)


@pytest.mark.parametrize(("text", "violent"), [
    ("Nine passengers were killed when their minibus overturned on the coast road.", False),
    ("The ferry capsized in a storm off the island, killing at least twenty people.", False),
    ("Four people were killed when gunmen opened fire on a minibus near the market.", True),
    ("Mortar fire hit a school in the northern district, killing two pupils.", True),
    ("A fire hit a warehouse in the port on Monday, killing two guards.", False),
])
def test_accidents_and_armed_hazards(nlp: Any, text: str, violent: bool) -> None:
    assert _violent(events_of(nlp, text)) is violent, events_of(nlp, text)


def test_an_event_noun_sparked_by_its_actors_is_an_event(nlp: Any) -> None:
    events = events_of(nlp, "Troops searching the hills sparked a firefight with insurgents on Sunday.")
    assert any(e.acled_sub_event_type == "Armed clash" for e in events), events


@pytest.mark.parametrize("text", [
    "Copper prices rose on stronger demand from Asian factories, traders said.",
    "The ministry's spokesman declined to comment on the report.",
])
def test_no_event_readings(nlp: Any, text: str) -> None:
    assert events_of(nlp, text) == []


def test_a_month_name_is_no_cue(nlp: Any) -> None:
    words = words_of(nlp("The ministers met in Geneva on 3 March."))
    assert "march" not in words and "minister" in words


@pytest.mark.parametrize(("text", "category"), [
    ("The senator locked up the nomination with a win in the western primary.", None),
    ("The governor has locked up endorsements from most of the state's mayors.", None),
    ("Armed with a string of victories, the challenger turned to the general election.", None),
    ("Party leaders spent the night whipping lawmakers ahead of the budget vote.", None),
    ("The mayor captured the nomination after a long count.", None),
    ("Police locked up three protest leaders after the march.", "COERCE"),
])
def test_idioms_of_winning_and_counting_are_no_events(nlp: Any, text: str, category: str | None) -> None:
    found = {e.category for e in events_of(nlp, text) if e.action in ("lock up", "lock", "arm", "whip", "capture")}
    assert (category in found) if category else not (found & {"COERCE", "AID", "ASSAULT"}), events_of(nlp, text)
