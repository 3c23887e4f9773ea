"""Places the article's words settle: US states, gulfs that are not the Persian Gulf, continents."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.places import extract_places
from dateline.model import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Wildfires spread across the state of Washington on Monday.", "Washington (state)", "USA"),
    ("Floods swept through Colorado, the governor of the US state said.", "Colorado", "USA"),
    ("Thai and Cambodian navies clashed in the Gulf of Thailand.", "Gulf of Thailand", None),
    ("Leaders from across Africa gathered for the summit.", "Africa", None),
    ("Iranian boats harassed a tanker in the Gulf.", "Persian Gulf", None),
])
def test_place_from_context(nlp: Any, text: str, name: str, country: str | None) -> None:
    article = Article(text=text)
    article.doc = nlp(text)
    places = extract_places(article)
    assert (places[0].name, places[0].country) == (name, country), places
    assert places[0].precision == 3


@pytest.mark.parametrize(("text", "name", "admin1", "precision"), [
    ("Flooding hit Hendersonville, North Carolina, on Friday.", "Hendersonville, North Carolina", None, 2),
    ("Storms hit Hendersonville, Tennessee, on Friday.", "Hendersonville", "TN", 1),
    ("Troops arrived in Paris, Texas, for an exercise.", "Paris", "TX", 1),
])
def test_a_town_with_its_state_is_in_that_state(
    nlp: Any, text: str, name: str, admin1: str | None, precision: int
) -> None:
    article = Article(text=text)
    article.doc = nlp(text)
    place = extract_places(article)[0]
    assert (place.name, place.country, place.precision) == (name, "USA", precision)
    if admin1 is not None:
        from dateline.geo.gazetteer import gazetteer

        assert gazetteer().in_division(name, text.split(", ")[1]).admin1 == admin1  # type: ignore[union-attr]
