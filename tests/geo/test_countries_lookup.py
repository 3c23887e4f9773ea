"""Country words: names, short forms, adjectives, demonyms, capitals; codes; finding them in text."""

from __future__ import annotations

import pytest

from dateline.geo.countries import (
    country_name,
    country_of,
    country_word,
    find_countries,
    iso3_to_fips,
    iso3_to_iso2,
)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iraq", "IRQ"),
        ("Iraqi", "IRQ"),
        ("Iraqis", "IRQ"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("Baghdad", "IRQ"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Qatari", "QAT"),
        ("Doha", "QAT"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("British", "GBR"),
        ("Britain", "GBR"),
        ("Briton", "GBR"),
        ("Iraq's", "IRQ"),
        ("Iraq’s", "IRQ"),
        ("IRAQ", "IRQ"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Egyptian", "EGY"),
        ("Cairo", "EGY"),
        ("Tehran", "IRN"),
        ("Lebanese", "LBN"),
        ("Kyiv", "UKR"),
        ("Frenchmen", "FRA"),
        ("The Netherlands", "NLD"),
        ("Dutch", "NLD"),
        ("Côte d’Ivoire", "CIV"),
        ("Turkiye", "TUR"),
    ],
)
def test_country_of_known_words(text: str, iso3: str) -> None:
    assert country_of(text) == iso3


@pytest.mark.parametrize(
    "text",
    ["us", "Asharq Al-Awsat", "Kingston", "Indian Ocean", "Latin American", "", "ISIS", "Arab"],
)
def test_country_of_unknown_or_ambiguous_is_none(text: str) -> None:
    assert country_of(text) is None


def test_country_word_reports_the_kind() -> None:
    assert country_word("Iraqi") is not None and country_word("Iraqi").kind == "adjective"  # type: ignore[union-attr]
    assert country_word("Iraqis").kind == "demonym"  # type: ignore[union-attr]
    assert country_word("Doha").kind == "capital"  # type: ignore[union-attr]
    assert country_word("U.S.").kind == "name"  # type: ignore[union-attr]


def test_codes_come_from_geonames() -> None:
    assert country_name("IRQ") == "Iraq"
    assert country_name("USA") == "United States"
    assert iso3_to_fips("IRQ") == "IZ"
    assert iso3_to_fips("GBR") == "UK"
    assert iso3_to_fips("DEU") == "GM"
    assert iso3_to_iso2("USA") == "US"
    assert iso3_to_iso2("irq") == "IQ"
    assert country_name("XXX") is None and iso3_to_fips("XXX") is None and iso3_to_iso2("XXX") is None


def test_find_countries_offsets_and_longest_match() -> None:
    text = (
        "US-led forces left Baghdad, Iraqi officials said, as the U.S. envoy flew from Papua New Guinea "
        "to the Indian Ocean island and on to New Mexico; Iraq’s ministry thanked Americans."
    )
    found = find_countries(text)
    assert [(text[s:e], c) for s, e, c in found] == [
        ("US", "USA"),
        ("Baghdad", "IRQ"),
        ("Iraqi", "IRQ"),
        ("U.S.", "USA"),
        ("Papua New Guinea", "PNG"),
        ("Iraq", "IRQ"),
        ("Americans", "USA"),
    ]


def test_find_countries_ignores_lowercase_and_word_parts() -> None:
    assert find_countries("let us go, said the chad of Usbek; Iraqistan") == []
