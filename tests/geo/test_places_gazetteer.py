"""The offline gazetteer, the facility list, metonyms and ACLED-style precision."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.places import PlaceStep, extract_places
from dateline.geo.gazetteer import fold, gazetteer
from dateline.model import Article, Mention, Span


def test_fold_drops_accents_apostrophes_and_the() -> None:
    assert fold("the Sāmarrā’") == "samarra"
    assert fold("Israel's") == "israel"


def test_facilities_come_from_our_list_with_coordinates() -> None:
    site = gazetteer().lookup("Ain al-Asad")
    assert site is not None
    assert (site.name, site.country, site.kind, site.precision) == ("Ain al-Asad Air Base", "IRQ", "facility", 1)
    assert site.latitude is not None and 33 < site.latitude < 34.5 and 42 < (site.longitude or 0) < 43
    rafah = gazetteer().lookup("Rafah crossing")
    assert rafah is not None and rafah.kind == "facility" and rafah.country == "PSE"


def test_countries_cities_and_regions() -> None:
    gaz = gazetteer()
    iraq = gaz.lookup("Iraq")
    assert iraq is not None and (iraq.kind, iraq.country, iraq.precision) == ("country", "IRQ", 3)
    assert iraq.latitude is not None and 29 < iraq.latitude < 37  # population-weighted centre
    doha = gaz.lookup("Doha")
    assert doha is not None and (doha.kind, doha.country, doha.precision) == ("city", "QAT", 1)
    gaza = gaz.lookup("the Gaza Strip")
    assert gaza is not None and (gaza.kind, gaza.country) == ("region", "PSE")
    washington = gaz.lookup("Washington")
    assert washington is not None and washington.kind == "city" and washington.country == "USA"


def test_ambiguous_city_prefers_the_article_country_then_population() -> None:
    gaz = gazetteer()
    tripoli = gaz.lookup("Tripoli")
    assert tripoli is not None and tripoli.country == "LBY"  # the more populous one
    in_lebanon = gaz.lookup("Tripoli", {"LBN"})
    assert in_lebanon is not None and in_lebanon.country == "LBN"


def test_unknown_names_are_not_places() -> None:
    assert gazetteer().lookup("Qwertyville") is None
    assert gazetteer().lookup("") is None


def test_facility_alias_found_without_any_parse() -> None:
    text = "Rockets hit the Ain al-Asad air base and the Rafah crossing was closed."
    found = [site.name for _, _, site in gazetteer().find_sites(text)]
    assert found == ["Ain al-Asad Air Base", "Rafah crossing"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places", "not_places"),
    [
        ("Washington said it would send an envoy to Baghdad.", ["Baghdad"], ["Washington"]),
        ("Baghdad decided to postpone the talks, officials in Basra said.", ["Basra"], ["Baghdad"]),
        ("Washington's decision angered officials in Amman.", ["Amman"], ["Washington"]),
        ("US soldiers were injured at a base in Iraq.", ["Iraq"], ["US"]),
        ("The mission led by the United States will end in Iraq.", ["Iraq"], ["the United States"]),
    ],
)
def test_metonyms_are_not_places(nlp: Any, text: str, places: list[str], not_places: list[str]) -> None:
    article = Article(text=text)
    article.doc = nlp(text)
    found = [p.span.of(text) for p in extract_places(article) if p.span is not None]
    for name in places:
        assert name in found
    for name in not_places:
        assert name not in found


@pytest.mark.slow
def test_precision_near_a_town_and_of_a_country(nlp: Any) -> None:
    text = "A bomb exploded near the town of Samarra. Later, troops arrived in Basra and left Iraq."
    article = Article(text=text)
    article.doc = nlp(text)
    by_text = {p.span.of(text): p for p in extract_places(article) if p.span is not None}
    assert by_text["Samarra"].country == "IRQ" and by_text["Samarra"].precision == 2
    assert by_text["Basra"].precision == 1 and by_text["Basra"].kind == "city"
    assert by_text["Iraq"].precision == 3 and by_text["Iraq"].kind == "country"


@pytest.mark.slow
def test_step_uses_entity_mentions_when_present(nlp: Any) -> None:
    text = "Talks were held in Doha on Friday."
    article = Article(text=text)
    article.doc = nlp(text)
    start = text.index("Doha")
    article.mentions = [Mention(Span(start, start + 4), "Doha", "GPE")]
    out = list(PlaceStep().run([article]))[0]
    assert [(p.name, p.country) for p in out.places] == [("Doha", "QAT")]
