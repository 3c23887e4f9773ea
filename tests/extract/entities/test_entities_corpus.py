"""Corpus-level linking: blocking keys and conservative matches between articles."""

from __future__ import annotations

from dateline.extract.entities.matching import corpus_keys, match_corpus
from dateline.model import Entity


def entity(
    name: str, type_: str = "PERSON", country: str | None = None, aliases: list[str] | None = None
) -> Entity:
    return Entity(
        id=Entity.make_id(type_, name), name=name, type=type_, country=country, aliases=aliases or []
    )


BLINKEN = entity("Antony Blinken", country="USA", aliases=["Blinken", "Secretary Blinken"])
MINISTRY = entity(
    "Iraqi Ministry of Foreign Affairs", "ORG", "IRQ", ["Iraqi Foreign Ministry", "Foreign Ministry"]
)
STATE = entity("US State Department", "ORG", "USA", ["State Department"])


def test_keys_block_people_by_surname_and_full_name() -> None:
    keys = corpus_keys(BLINKEN)
    assert {"PERSON:blinken", "PERSON:antony blinken"} <= keys
    assert corpus_keys(entity("Blinken")) & keys


def test_keys_block_organisations_by_name_alias_and_initials() -> None:
    keys = corpus_keys(entity("Popular Mobilization Forces", "ORG", "IRQ"))
    assert {"ORG:popular mobilization forces", "ORG:pmf"} <= keys
    assert "ORG:us state department" in corpus_keys(entity("State Department", "ORG", "USA"))
    assert "GPE:country:USA" in corpus_keys(entity("United States", "GPE", "USA"))


def test_bare_surname_joins_the_full_name() -> None:
    bare = entity("Blinken")
    assert match_corpus(bare, [MINISTRY, BLINKEN]) == (BLINKEN, "surname")


def test_full_name_matches_exactly_or_by_variant() -> None:
    assert match_corpus(entity("Antony Blinken"), [BLINKEN]) == (BLINKEN, "exact")
    sudani = entity("Mohammed Shia al-Sudani", country="IRQ")
    assert match_corpus(entity("Mohammed al-Sudani"), [sudani]) == (sudani, "name-variant")
    assert match_corpus(entity("Anthony Blinken"), [BLINKEN]) == (BLINKEN, "fuzzy")


def test_ambiguous_or_conflicting_people_do_not_match() -> None:
    saddam = entity("Saddam Hussein", country="IRQ")
    fouad = entity("Fouad Hussein", country="IRQ")
    assert match_corpus(entity("Hussein"), [saddam, fouad]) is None
    assert match_corpus(entity("Ahmed Blinken"), [BLINKEN]) is None
    assert match_corpus(entity("Antony Blinken", country="GBR"), [BLINKEN]) is None
    assert match_corpus(entity("Blinken", "ORG"), [BLINKEN]) is None


def test_organisations_match_by_alias_and_variant_but_not_bare_names() -> None:
    assert match_corpus(entity("Iraqi Foreign Ministry", "ORG", "IRQ"), [MINISTRY]) == (MINISTRY, "alias")
    for name in ("Iraq's Ministry of Foreign Affairs", "Ministry of Foreign Affairs of Iraq"):
        assert match_corpus(entity(name, "ORG", "IRQ"), [MINISTRY]) == (MINISTRY, "ministry-variant")
    assert match_corpus(entity("Foreign Ministry", "ORG"), [MINISTRY]) is None
    assert match_corpus(entity("State Department", "ORG", "USA"), [STATE]) == (STATE, "alias")
    pmf = entity("Popular Mobilization Forces", "ORG", "IRQ")
    assert match_corpus(entity("PMF", "ORG"), [pmf]) == (pmf, "alias")
    nwa = entity("National Water Authority", "ORG")
    assert match_corpus(entity("NWA", "ORG"), [nwa]) == (nwa, "acronym")


def test_country_names_match_each_other_not_their_capitals() -> None:
    usa = entity("United States", "GPE", "USA", ["US"])
    washington = entity("Washington", "GPE", "USA")
    assert match_corpus(entity("America", "GPE", "USA"), [washington, usa]) == (usa, "country-name")
    assert match_corpus(entity("Washington", "GPE", "USA"), [usa, washington]) == (washington, "exact")
    assert match_corpus(entity("Baghdad", "GPE", "IRQ"), [usa]) is None
