"""Sides of an event from the shape of its phrases: quantities, joint actions (PLOVER keeps both
sides as sources, CAMEO's dyad splits them), attacks on a place abroad, plural nationality nouns and
the partner of a multi-word trigger."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.sides import dyad
from dateline.model import Actor, Event
from eventtools import events_of

pytestmark = pytest.mark.slow


def _main(events: list[Event], category: str) -> Event:
    return next(e for e in events if e.category == category)


def _codes(actors: list[Actor]) -> list[str | None]:
    return [a.country or a.group for a in actors]


def test_a_quantity_is_no_actor_and_a_plural_nationality_has_its_country(nlp: Any) -> None:
    event = _main(events_of(nlp, "Hundreds of Georgians marched through Tbilisi on Sunday."), "PROTEST")
    assert _codes(event.actors) == ["GEO"]


def test_ethnic_plurals_keep_no_nationality(nlp: Any) -> None:
    event = _main(events_of(nlp, "Dozens of ethnic Uzbeks protested in Osh on Friday."), "PROTEST")
    assert "UZB" not in _codes(event.actors)


def test_coordinated_nationalities_are_both_sources_and_a_cameo_dyad(nlp: Any) -> None:
    event = _main(events_of(nlp, "Indian and Japanese warships began joint naval exercises on Monday."), "COOPERATE")
    assert _codes(event.actors) == ["IND", "JPN"]
    sources, targets = dyad(event.category, event.actors, event.targets)
    assert _codes(sources) == ["IND"] and _codes(targets) == ["JPN"]


def test_a_dyad_keeps_a_target_of_its_own() -> None:
    a, b, c = (Actor(x, None, country=x) for x in ("FRA", "DEU", "RUS"))
    assert dyad("CONSULT", [a, b], [c]) == ([a, b], [c])
    assert dyad("PROTEST", [a, b], []) == ([a, b], [])
    assert dyad("CONSULT", [a, b], [a]) == ([a], [b])


def test_an_attack_abroad_with_no_target_hits_the_place(nlp: Any) -> None:
    event = _main(events_of(nlp, "Turkish jets bombed targets in northern Iraq on Tuesday, the army said."), "ASSAULT")
    assert "IRQ" in _codes(event.targets)


def test_the_partner_of_a_multi_word_trigger(nlp: Any) -> None:
    event = _main(events_of(nlp, "The Kenyan police shared intelligence with Ugandan officers on Monday."),
                  "COOPERATE")
    assert _codes(event.targets) == ["UGA"]
