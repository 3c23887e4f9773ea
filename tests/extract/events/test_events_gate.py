"""What counts as an event, legal steps, people's sides, places and calibrated confidence."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.article import article_country
from dateline.extract.events.calibration import calibrated, raw_of
from dateline.extract.events.gate import is_event, political
from dateline.extract.events.people import read_person
from dateline.extract.events.where import dateline_place, pick_place
from dateline.model import Actor, Article, Entity, Place, Span
from eventtools import events_of


def _actor(text: str, country: str | None = None, sector: str | None = None, entity: str | None = None) -> Actor:
    return Actor(text, None, entity, country, sector)  # type: ignore[arg-type]


def test_a_political_side_makes_an_event() -> None:
    assert political(_actor("the ministry", sector="GOV")) and political(_actor("Peru", "PER"))
    assert not political(_actor("the bank", "USA", "BUS")) and not political(_actor("the lawyer"))
    assert is_event("ACCUSE", [_actor("the senator", sector="LEG")], [])
    assert is_event("ACCUSE", [_actor("a trader", sector="BUS")], [_actor("the state", "CHL", "GOV")])
    assert not is_event("ACCUSE", [_actor("the pundit")], [])
    assert not is_event("CONSULT", [_actor("the envoy", sector="GOV")], [], bare=True)  # "the envoy sat down"
    assert is_event("ASSAULT", [], [])  # "a bomb exploded at the station" (its violent sense is checked apart)
    assert not is_event("AGREE", [], [])


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The lawyer sat down.",
    "The figures demonstrated that the policy works.",
    "The bank is charging customers higher fees.",
    "The company rallied its supporters with a new slogan.",
])
def test_sentences_with_no_political_event_store_none(nlp: Any, text: str) -> None:
    assert events_of(nlp, text) == [], text


@pytest.mark.slow
@pytest.mark.parametrize(("text", "category", "cameo"), [
    ("The senator pleaded guilty to bribery on Monday.", "CONCEDE", "015"),
    ("A federal jury convicted the former governor of fraud.", "ACCUSE", "116"),
    ("The judge sentenced the former mayor to ten years in prison.", "COERCE", "173"),
    ("The court acquitted the opposition leader on Monday.", "CONCEDE", "084"),
    ("Prosecutors charged the former minister with corruption.", "ACCUSE", "112"),
])
def test_legal_steps_have_their_own_codes(nlp: Any, text: str, category: str, cameo: str) -> None:
    events = events_of(nlp, text)
    assert [(e.category, e.cameo) for e in events][:1] == [(category, cameo)], text


def test_a_person_is_read_from_the_words_that_qualify_them() -> None:
    assert read_person(["Republican", "nominee"], ["Republican nominee"]) == ("USA", "GOV")
    assert read_person(["Senator"], ["Chilean Senator"]) == ("CHL", "LEG")
    assert read_person(["Gov."], ["Florida Gov."])[0] == "USA"
    assert read_person(["poet"], ["poet"]) == (None, None)


def test_the_article_home_country_needs_a_clear_majority() -> None:
    places = [Place("Lima", Span(0, 4), "PER"), Place("Cusco", Span(10, 15), "PER"), Place("Quito", Span(20, 25), "ECU")]
    article = Article(text="x" * 40, places=places[:2])
    article.entities = [Entity("e1", "Congress of Peru", "ORG", country="PER")]
    assert article_country(article) == "PER"
    mixed = Article(text="x" * 40, places=[places[0], places[2]])
    assert article_country(mixed) is None


def test_the_wire_dateline_places_a_story_with_no_place_of_its_own() -> None:
    text = "LIMA (Reuters) — The cabinet approved the budget on Monday."
    lima = Place("Lima", Span(0, 4), "PER")
    article = Article(text=text, places=[lima])
    assert dateline_place(article) is lima
    assert pick_place(article, Span(17, len(text)), 30, dateline_place(article)) is lima
    assert dateline_place(Article(text="The cabinet met in Lima.", places=[Place("Lima", Span(19, 23), "PER")])) is None


@pytest.mark.slow
def test_a_place_merely_named_is_not_the_place(nlp: Any) -> None:
    events = events_of(nlp, "Chile and Peru pressed both sides on a US-backed plan during talks in Lima on Sunday.")
    assert events and all(e.place is None or e.place.country == "PER" for e in events)


def test_confidence_is_calibrated_and_keeps_the_order() -> None:
    raws = [0.05, 0.3, 0.5, 0.7, 0.9]
    values = [calibrated(r) for r in raws]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(abs(raw_of(calibrated(r)) - r) < 0.01 for r in raws)
