"""First-level divisions outside the US: named alone or with their word, a town with its division,
a town's division, and names that must not become divisions (sentences in tests/fixtures/places)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.places import extract_places
from dateline.geo.gazetteer import fold, gazetteer
from dateline.model import Article, Place
from dateline.tables import read_table
from paths import FIXTURES

pytestmark = pytest.mark.slow

CASES = read_table(FIXTURES / "places" / "divisions.tsv", header=True, width=6)


def places_of(nlp: Any, text: str) -> list[Place]:
    article = Article(text=text)
    article.doc = nlp(text)
    return extract_places(article)


@pytest.mark.parametrize(("sentence", "text", "name", "country", "admin1", "precision"), CASES,
                         ids=[row[1] for row in CASES])
def test_division_or_town_resolves_with_its_division(
    nlp: Any, sentence: str, text: str, name: str, country: str, admin1: str, precision: str
) -> None:
    found = {p.span.of(sentence): p for p in places_of(nlp, sentence) if p.span is not None}
    assert text in found, found
    place = found[text]
    assert (place.name, place.country, place.admin1, place.precision) == (name, country, admin1, int(precision))


def test_ambiguous_division_follows_the_article_countries(nlp: Any) -> None:
    india = places_of(nlp, "Indian farmers marched across Punjab on Monday, officials in New Delhi said.")
    pakistan = places_of(nlp, "Pakistani officials said floods swept through Punjab on Monday.")
    assert [(p.name, p.country) for p in india if p.name == "Punjab"] == [("Punjab", "IND")]
    assert [(p.name, p.country) for p in pakistan if p.name == "Punjab"] == [("Punjab", "PAK")]


@pytest.mark.parametrize("text", [
    "Crude prices fell in the Delta after the storm, traders said.",
    "Rivers rose across the north of the country.",
    "The Central committee met in Washington on Monday.",
    "Guerrero scored twice for the visitors in the second half.",
    "Victoria said the company would open a plant in Ohio.",
])
def test_words_and_people_are_no_divisions(nlp: Any, text: str) -> None:
    assert [p for p in places_of(nlp, text) if p.kind == "region" and p.country not in (None, "USA")] == []


def test_a_firm_division_word_lifts_the_stop_list() -> None:
    gaz = gazetteer()
    assert gaz.division("Rivers State").country == "NGA"  # type: ignore[union-attr]
    assert gaz.division("Delta State").country == "NGA"  # type: ignore[union-attr]
    assert gaz.division("the Delta region") is None and gaz.division("Rivers") is None


def test_city_named_alone_stays_the_city() -> None:
    gaz = gazetteer()
    assert gaz.division("Kharkiv") is None and gaz.division("Kharkiv Oblast") is not None
    assert gaz.division("Donetsk region").admin1 == gaz.lookup("Kramatorsk").admin1  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [row[0] for row in read_table("places/division_stop.txt")])
def test_stop_listed_names_alone_are_no_divisions(name: str) -> None:
    assert gazetteer().division(name) is None
    assert gazetteer().divisions_named(name, alone=True) == []


def test_every_renamed_division_is_found_by_each_of_its_names() -> None:
    gaz = gazetteer()
    missing = []
    for country, _data_name, name, aliases in read_table("places/divisions.tsv", header=True, width=4, strip=True):
        for form in [name, *aliases.split("|")]:
            if form and not any(d.country == country for d in gaz.divisions_named(form)):
                missing.append((country, form))
    assert missing == []
    assert fold("Northern Darfur") != fold("North Darfur")
    assert [d.name for d in gaz.divisions_named("Northern Darfur")] == ["North Darfur"]
