"""How division names are joined to the gazetteer's towns (small tables written for the test)."""

from __future__ import annotations

from typing import Any

from dateline.geo.divisions import build_divisions, is_generic, name_keys, strip_division_word
from dateline.geo.gazetteer import fold


def city(name: str, code: str, lat: float, lon: float, pop: int, gid: int, cc: str = "XA") -> dict[str, Any]:
    return {"name": name, "countrycode": cc, "admin1code": code, "latitude": lat, "longitude": lon,
            "population": pop, "geonameid": gid}


ROWS = [  # country, folded name, lat, lon, admin1, admin2
    ("XA", "northtown", 10.0, 10.0, "Northern Hills", "Upper District"),
    ("XA", "midtown", 10.5, 10.2, "Northern Hills", ""),
    ("XA", "bordertown", 10.9, 10.9, "Eastern Plains", ""),  # a neighbour's name, outvoted
    ("XA", "riverside", 5.0, 5.0, "Lake Country", "Delta District"),
    ("XA", "hamlet", 1.0, 1.0, "Empty Marches", ""),  # no gazetteer town: a division of its own
    ("XB", "northtown", 40.0, 40.0, "Other Land", ""),
]


def test_each_code_takes_the_name_most_of_its_towns_carry() -> None:
    cities = [city("Northtown", "01", 10.0, 10.0, 90_000, 1), city("Midtown", "01", 10.5, 10.2, 40_000, 2),
              city("Bordertown", "01", 10.9, 10.9, 20_000, 3), city("Riverside", "02", 5.01, 5.0, 30_000, 4),
              city("Nowhere", "03", 30.0, 30.0, 15_000, 5)]
    divisions, admin2 = build_divisions(cities, {"XA": "XAA", "XB": "XBB"}, fold, ROWS)
    by_code = {d[1]: d for d in divisions}
    assert by_code["01"][:3] == ("XAA", "01", "Northern Hills")
    assert by_code["01"][5] == 150_000 and (by_code["01"][3], by_code["01"][4]) == (10.5, 10.2)
    assert by_code["02"][2] == "Lake Country"
    assert "03" not in by_code  # no row near it and none of its name
    assert by_code["~Empty Marches"][:3] == ("XAA", "~Empty Marches", "Empty Marches")
    assert admin2 == {1: "Upper District", 4: "Delta District"}


def test_name_forms() -> None:
    assert set(name_keys("Northern Darfur", fold)) >= {"northern darfur", "north darfur"}
    assert "kirkuk" in set(name_keys("Muhafazat Kirkuk", fold))
    assert strip_division_word("Kharkiv Oblast", fold) == ("kharkiv", True)
    assert strip_division_word("the province of Helmand", fold) == ("helmand", True)
    assert strip_division_word("Borno", fold) == ("borno", False)
    assert is_generic("far north") and is_generic("central") and not is_generic("north darfur")
