"""Points inside their areas, all US states and DC, towns placed by the state an article names."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.places import extract_places
from dateline.geo.gazetteer import Gazetteer, gazetteer
from dateline.geo.points import _distance, inside_points
from dateline.model import Article, Place


def _nearest_city_country(gaz: Gazetteer, lat: float, lon: float) -> str | None:
    cities = [c for c in gaz.every_city() if c.latitude is not None]
    best = min(cities, key=lambda c: _distance((c.latitude, c.longitude), (lat, lon)))  # type: ignore[arg-type]
    return best.country


def test_every_country_point_is_one_of_its_own_towns() -> None:
    gaz = gazetteer()
    towns: dict[str, set[tuple[float, float]]] = {}
    for c in gaz.every_city():
        if c.country and c.latitude is not None and c.longitude is not None:
            towns.setdefault(c.country, set()).add((c.latitude, c.longitude))
    assert len(gaz.centres) > 200
    for iso3, point in gaz.centres.items():
        assert point in towns[iso3], iso3


@pytest.mark.parametrize("iso3", ["CAN", "VNM", "PSE", "UZB"])
def test_a_country_whose_centre_of_gravity_lies_abroad_gets_a_point_inside(iso3: str) -> None:
    gaz = gazetteer()
    site = gaz.country(iso3)
    assert site.latitude is not None and site.longitude is not None
    assert _nearest_city_country(gaz, site.latitude, site.longitude) == iso3


def test_inside_points_takes_the_town_nearest_the_weighted_centre() -> None:
    class Town:
        def __init__(self, lat: float, lon: float, pop: int) -> None:
            self.country, self.admin1, self.latitude, self.longitude, self.population = "XXX", None, lat, lon, pop

    # a crescent: the centre of gravity (0, 5) is in the bay; the point is the town nearest it
    towns = [Town(10.0, 0.0, 100), Town(-10.0, 0.0, 100), Town(0.0, 10.0, 10), Town(0.0, 1.0, 1)]
    assert inside_points(towns, lambda t: t.country) == {"XXX": (0.0, 1.0)}


def test_all_fifty_states_and_dc_have_a_point_in_the_state() -> None:
    gaz = gazetteer()
    assert len(gaz.states) == 51 and "DC" in gaz.states
    for code, state in gaz.states.items():
        assert any(c.admin1 == code and (c.latitude, c.longitude) == (state.latitude, state.longitude)
                   for c in gaz.every_city() if c.country == "USA"), code


def test_a_town_the_gazetteer_lacks_is_placed_in_its_state() -> None:
    gaz = gazetteer()
    site = gaz.in_division("Hendersonville", "North Carolina")
    assert site is not None and site.admin1 == "NC" and site.precision == 2
    assert (site.latitude, site.longitude) == (gaz.states["NC"].latitude, gaz.states["NC"].longitude)
    vermont = gaz.in_division("Smalltownville", "Vermont")  # a state outside the shipped region list
    assert vermont is not None and vermont.admin1 == "VT" and vermont.country == "USA"


def _places(nlp: Any, text: str) -> list[Place]:
    article = Article(text=text)
    article.doc = nlp(text)
    return extract_places(article)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "country"), [
    ("Officials in Alabama said a storm damaged homes in Birmingham on Monday.", "Birmingham", "USA"),
    ("Police in Birmingham arrested two men after the match at Villa Park, England.", "Birmingham", "GBR"),
    ("Tornadoes tore through Iowa overnight, officials said.", "Iowa", "USA"),
    ("Snow closed roads in Maine on Sunday.", "Maine", "USA"),
    ("Floods swept through the state of Vermont on Monday.", "Vermont", "USA"),
])
def test_states_and_us_towns_in_a_us_story(nlp: Any, text: str, name: str, country: str) -> None:
    place = next(p for p in _places(nlp, text) if p.name == name)
    assert place.country == country, place
