"""Name analysis and the shipped entity tables."""

from __future__ import annotations

from dateline.extract.entities.names import (
    OrgShape,
    acronym_matches,
    initials,
    is_acronym,
    is_full_name,
    org_shape,
    surname,
)
from dateline.extract.entities.tables import alias_of, honorifics, name_key, role_heads, strip_name, titles


def test_strip_name_and_key() -> None:
    assert strip_name("the Foreign Ministry’s") == "Foreign Ministry"
    assert strip_name("The Iraqi Ministry of Foreign Affairs") == "Iraqi Ministry of Foreign Affairs"
    assert strip_name("a State Department") == "State Department"
    assert name_key("the U.S. State Department's") == "us state department"


def test_surnames_drop_arabic_article() -> None:
    assert surname("Mohammed Shia al-Sudani") == "sudani"
    assert surname("Sudani") == "sudani"
    assert surname("Antony Blinken's") == "blinken"
    assert is_full_name("Antony Blinken") and not is_full_name("Blinken")


def test_org_shapes_read_both_orders_and_the_country() -> None:
    foreign_iraq = OrgShape("IRQ", "ministry", "foreign")
    assert org_shape("the Iraqi Ministry of Foreign Affairs") == foreign_iraq
    assert org_shape("Iraqi Foreign Ministry") == foreign_iraq
    assert org_shape("Iraq's Foreign Ministry") == foreign_iraq
    assert org_shape("Ministry of Foreign Affairs of Iraq") == foreign_iraq
    assert org_shape("Foreign Ministry") == OrgShape(None, "ministry", "foreign")
    assert org_shape("US Defense Department") == org_shape("US Department of Defence")
    assert org_shape("Supreme Military Committee") == OrgShape(None, "committee", "supreme military")
    assert org_shape("Hamas") is None
    assert org_shape("Ministry") is None


def test_acronyms() -> None:
    assert is_acronym("PMF") and is_acronym("U.N.") and not is_acronym("Hamas")
    assert initials("Popular Mobilization Forces") == "PMF"
    assert acronym_matches("PMF", "Popular Mobilization Forces")
    assert acronym_matches("NSC", "US National Security Council")  # with or without the country word
    assert not acronym_matches("PMF", "Popular Front")
    assert not acronym_matches("Popular Mobilization Forces", "PMF")


def test_alias_table_rows() -> None:
    state = alias_of("the State Department")
    assert state is not None and state.canonical == "US State Department" and state.country == "USA"
    isis = alias_of("ISIS")
    assert isis is not None and isis.canonical == "Islamic State" and isis.country is None
    base = alias_of("Ain al-Asad")
    assert base is not None and base.type == "FAC" and base.country == "IRQ"
    assert alias_of("Ministry of Truth") is None


def test_role_tables() -> None:
    assert "secretary of state" in titles() and "president" in titles()
    assert {"spokesman", "advisor", "minister"} <= role_heads()
    assert "mr." in honorifics() and "mr." not in titles()
