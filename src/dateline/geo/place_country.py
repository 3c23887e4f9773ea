"""The country a place name is in: a US state, a city or a region of the gazetteer.

Country names themselves are :mod:`dateline.geo.countries`' work; this covers what they miss
("Ohio", "Sioux Falls", "the Gaza Strip", "Donetsk Oblast").
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import fold, gazetteer
from .points import state_named

#: A city named alone gives its country only when it is this big (a small town's name is often some
#: other place's or a person's).
MIN_POPULATION = 15_000


@lru_cache(maxsize=65536)
def place_country(name: str) -> str | None:
    """ISO alpha-3 of the US state, listed region or facility, division or city ``name`` names, or None.

    A name of several cities goes with the most populous; a city under :data:`MIN_POPULATION` names none.
    """
    gaz = gazetteer()
    if state_named(name, gaz.states, fold) is not None:
        return "USA"
    site = gaz.sites.get(fold(name))
    if site is not None:
        return site.country
    cities = [c for c in gaz.cities(fold(name)) if c.population >= MIN_POPULATION]
    if cities:
        return max(cities, key=lambda c: c.population).country
    division = gaz.division(name, worded=True)
    return division.country if division is not None else None
