"""ACLED and GDELT rows take the country tables they are given; the shipped ones are read once."""

from __future__ import annotations

from test_export_events import sample

from dateline.export.acled import SHIPPED_ISO_NUMERIC, CountryTables, acled_rows
from dateline.export.acled_regions import SHIPPED_REGIONS, region_of
from dateline.export.gdelt import SHIPPED_ADMIN1, gdelt_event_rows
from dateline.model import Place


def test_acled_rows_use_the_countries_given() -> None:
    own = CountryTables(iso_numeric={"IRQ": 999}, regions={"IRQ": "Mesopotamia"})
    row = next(acled_rows(sample(), own))
    assert (row["iso"], row["region"]) == (999, "Mesopotamia")
    shipped = next(acled_rows(sample()))
    assert (shipped["iso"], shipped["region"]) == (368, "Middle East")
    assert SHIPPED_ISO_NUMERIC.get() is SHIPPED_ISO_NUMERIC.get() and SHIPPED_REGIONS.get()["JOR"] == "Middle East"
    assert region_of("IRQ", {}) == "" and region_of(None) == ""


def test_gdelt_rows_use_the_admin1_codes_given() -> None:
    article, attack = sample()[0]
    attack.place = Place("Haditha", None, "IRQ", 34.14, 42.38, 1, "city", geonameid=97990)
    own = next(gdelt_event_rows([(article, attack)], admin1={97990: "07"}))
    assert own["ActionGeo_ADM1Code"] == "IZ07" and own["ActionGeo_FeatureID"] == "97990"
    none = next(gdelt_event_rows([(article, attack)], admin1={}))
    assert none["ActionGeo_ADM1Code"] == "IZ"
    assert isinstance(SHIPPED_ADMIN1.get(), dict)


def test_acled_admin1_names_a_us_towns_state() -> None:
    from dateline.export.acled import SHIPPED_US_TOWN_STATES
    from dateline.geo.gazetteer import fold, gazetteer

    town = max((c for c in gazetteer().cities(fold("Des Moines")) if c.country == "USA"), key=lambda c: c.population)
    article, protest = sample()[0]
    protest.place = Place("Des Moines", None, "USA", town.latitude, town.longitude, 1, "city", geonameid=town.geonameid)
    row = next(acled_rows([(article, protest)]))
    assert (row["admin1"], row["location"], row["country"]) == ("Iowa", "Des Moines", "United States")
    assert SHIPPED_US_TOWN_STATES.get()[town.geonameid] == "Iowa"
    protest.place = Place("Haditha", None, "IRQ", 34.14, 42.38, 1, "city", geonameid=97990)
    assert next(acled_rows([(article, protest)]))["admin1"] == ""  # no offline names for Iraq's provinces
    protest.place = Place("Vermont", None, "USA", 44.26, -72.58, 3, "region")
    assert next(acled_rows([(article, protest)]))["admin1"] == "Vermont"
