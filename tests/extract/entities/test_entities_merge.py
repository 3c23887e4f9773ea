"""In-article merging from hand-built mentions (no spaCy): every merge rule, and what stays apart."""

from __future__ import annotations

from dateline.extract.entities.merge import Cluster, merge
from dateline.extract.entities.step import build_entity
from dateline.model import Entity, Mention, Span


def mentions_in(text: str, *wanted: tuple[str, str] | tuple[str, str, str]) -> list[Mention]:
    """Mentions for (substring, label[, role]) in order of appearance; repeated substrings advance."""
    out = []
    cursor = 0
    for item in wanted:
        piece, label = item[0], item[1]
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        out.append(Mention(Span(start, cursor), piece, label, role=item[2] if len(item) > 2 else None))
    return out


def entities(text: str, *wanted: tuple[str, str] | tuple[str, str, str]) -> list[Entity]:
    return [build_entity(c, text) for c in merge(mentions_in(text, *wanted), text)]


def rules(entity: Entity) -> list[tuple[str, str]]:
    return [(ev.mention, ev.rule) for ev in entity.evidence]


PEOPLE = (
    "US Secretary of State Antony Blinken arrived on Monday. Blinken met officials. "
    "Secretary Blinken then left. Prime Minister Mohammed Shia al-Sudani and Mohammed al-Sudani's aides "
    "spoke; Sudani later said nothing."
)


def test_person_surname_title_surname_and_name_variant() -> None:
    found = entities(
        PEOPLE,
        ("Antony Blinken", "PERSON", "US Secretary of State"),
        ("Blinken", "PERSON"),
        ("Blinken", "PERSON", "Secretary"),
        ("Mohammed Shia al-Sudani", "PERSON", "Prime Minister"),
        ("Mohammed al-Sudani", "PERSON"),
        ("Sudani", "PERSON"),
    )
    assert [e.name for e in found] == ["Antony Blinken", "Mohammed Shia al-Sudani"]
    blinken, sudani = found
    assert rules(blinken) == [
        ("Antony Blinken", "exact"),
        ("Blinken", "surname"),
        ("Blinken", "title+surname"),
    ]
    assert blinken.roles == ["US Secretary of State"]  # "Secretary" is inside the longer role
    assert blinken.country == "USA"
    assert "Secretary Blinken" in blinken.aliases and "Blinken" in blinken.aliases
    assert rules(sudani)[1:] == [("Mohammed al-Sudani", "name-variant"), ("Sudani", "surname")]
    assert all(m.entity_id == blinken.id for m in blinken.mentions)
    assert blinken.id == Entity.make_id("PERSON", "Antony Blinken")


def test_shared_surname_named_together_stays_unlinked_with_a_reason() -> None:
    text = "Ahmed Karim and Layla Karim attended. Karim said the talks would go on."
    found = mentions_in(text, ("Ahmed Karim", "PERSON"), ("Layla Karim", "PERSON"), ("Karim", "PERSON"))
    clusters = merge(found, text)
    assert sorted(build_entity(c, text).name for c in clusters) == ["Ahmed Karim", "Layla Karim"]
    assert found[2].entity_id is None and (found[2].unlinked or "").startswith("ambiguous-surname")


def test_shared_surname_decided_by_honorific_title_and_nearest_mention() -> None:
    text = (
        "Hillary Clinton spoke after former President Bill Clinton. Mrs. Clinton praised the crowd. "
        "Mr. Clinton recalled the 1990s. Clinton, 70, left early. Former President Clinton waved."
    )
    found = mentions_in(
        text, ("Hillary Clinton", "PERSON"), ("Bill Clinton", "PERSON", "former President"),
        ("Clinton", "PERSON"), ("Clinton", "PERSON"), ("Clinton", "PERSON"), ("Clinton", "PERSON", "Former President"),
    )  # fmt: skip
    by_name = {e.name: rules(e) for e in (build_entity(c, text) for c in merge(found, text))}
    assert by_name["Hillary Clinton"][1:] == [("Clinton", "honorific-gender")]
    assert by_name["Bill Clinton"][1:] == [
        ("Clinton", "honorific-gender"), ("Clinton", "nearest-mention"), ("Clinton", "title-cue")
    ]  # fmt: skip


def test_elder_and_younger_are_not_guessed() -> None:
    text = "Ahmed Karim sued his son Omar Karim. The elder Karim founded the firm."
    found = mentions_in(text, ("Ahmed Karim", "PERSON"), ("Omar Karim", "PERSON"), ("Karim", "PERSON"))
    merge(found, text)
    assert found[2].entity_id is None and "age cue" in (found[2].unlinked or "")


def test_given_name_alone_joins_the_one_full_name_with_it() -> None:
    text = "Rana Haddad spoke first. Rana then left."
    found = entities(text, ("Rana Haddad", "PERSON"), ("Rana", "PERSON"))
    assert len(found) == 1 and rules(found[0])[1] == ("Rana", "given-name")
    text = "Rana Haddad met Rana Saleh. Rana then left."
    found = entities(text, ("Rana Haddad", "PERSON"), ("Rana Saleh", "PERSON"), ("Rana", "PERSON"))
    assert len(found) == 3


def test_suffix_keeps_father_and_son_apart() -> None:
    text = "Donald Trump Jr. and Donald Trump spoke."
    found = entities(text, ("Donald Trump Jr.", "PERSON"), ("Donald Trump", "PERSON"))
    assert len(found) == 2


def test_ministry_variants_country_context_and_alias_table() -> None:
    text = (
        "The Iraqi Ministry of Foreign Affairs said the Iraqi Foreign Ministry would reply. "
        "The Foreign Ministry's statement followed a State Department statement; the US State Department "
        "and the Department of State are one office."
    )
    found = entities(
        text,
        ("Iraqi Ministry of Foreign Affairs", "ORG"),
        ("Iraqi Foreign Ministry", "ORG"),
        ("Foreign Ministry", "ORG"),
        ("State Department", "ORG"),
        ("US State Department", "ORG"),
        ("Department of State", "ORG"),
    )
    assert [e.name for e in found] == ["Iraqi Ministry of Foreign Affairs", "US State Department"]
    ministry, state = found
    assert rules(ministry) == [
        ("Iraqi Ministry of Foreign Affairs", "exact"),
        ("Iraqi Foreign Ministry", "ministry-variant"),
        ("Foreign Ministry", "country-context"),
    ]
    assert ministry.country == "IRQ"
    assert rules(state) == [
        ("State Department", "alias-table"),
        ("US State Department", "exact"),
        ("Department of State", "alias-table"),
    ]
    assert state.country == "USA"


def test_bare_ministry_with_two_countries_stays_apart() -> None:
    text = "The Lebanese Foreign Ministry and the Syrian Foreign Ministry spoke. The Foreign Ministry added more."
    found = entities(
        text,
        ("Lebanese Foreign Ministry", "ORG"),
        ("Syrian Foreign Ministry", "ORG"),
        ("Foreign Ministry", "ORG"),
    )
    assert [(e.name, e.country) for e in found] == [
        ("Lebanese Foreign Ministry", "LBN"),
        ("Syrian Foreign Ministry", "SYR"),
        ("Foreign Ministry", None),
    ]


def test_acronym_of_an_organisation_in_the_article() -> None:
    text = "The National Water Authority warned of shortages. The NWA said wells were dry."
    found = entities(text, ("National Water Authority", "ORG"), ("NWA", "ORG"))
    assert len(found) == 1
    assert rules(found[0]) == [("National Water Authority", "exact"), ("NWA", "acronym")]


def test_alias_table_acronym_and_name() -> None:
    text = "The Islamic State group claimed it. ISIS cells were hit."
    (entity,) = entities(text, ("Islamic State group", "ORG"), ("ISIS", "ORG"))
    assert entity.name == "Islamic State"
    assert rules(entity) == [("Islamic State group", "alias-table"), ("ISIS", "alias-table")]


def test_country_names_and_demonyms_merge_by_country() -> None:
    text = "The US and the United States and Washington; Iraqi and Iraqis."
    found = entities(
        text,
        ("US", "GPE"),
        ("United States", "GPE"),
        ("Washington", "GPE"),
        ("Iraqi", "NORP"),
        ("Iraqis", "NORP"),
    )
    assert [(e.name, e.type, e.country) for e in found] == [
        ("United States", "GPE", "USA"),
        ("Washington", "GPE", "USA"),
        ("Iraqi", "NORP", "IRQ"),
    ]
    assert rules(found[0]) == [("US", "country-name"), ("United States", "exact")]
    assert rules(found[2]) == [("Iraqi", "exact"), ("Iraqis", "demonym")]


def test_person_country_from_role_words_and_institutions() -> None:
    text = "Iraqi Foreign Minister Fouad Hussein met State Department spokesman Matthew Miller and Joe Biden."
    found = entities(
        text,
        ("Fouad Hussein", "PERSON", "Iraqi Foreign Minister"),
        ("Matthew Miller", "PERSON", "State Department spokesman"),
        ("Joe Biden", "PERSON"),
    )
    assert [(e.name, e.country) for e in found] == [
        ("Fouad Hussein", "IRQ"),
        ("Matthew Miller", "USA"),
        ("Joe Biden", None),
    ]


def test_merge_keeps_labels_apart() -> None:
    text = "Jordan the person and Jordan the country."
    clusters: list[Cluster] = merge(mentions_in(text, ("Jordan", "PERSON"), ("Jordan", "GPE")))
    assert sorted(c.label for c in clusters) == ["GPE", "PERSON"]


def test_surname_used_before_the_full_name_stays_apart() -> None:
    text = "President Obama spoke first. Later the first lady, Michelle Obama, spoke, and Obama left."
    found = entities(
        text, ("Obama", "PERSON", "President"), ("Michelle Obama", "PERSON"), ("Obama", "PERSON")
    )
    assert [(e.name, len(e.mentions)) for e in found] == [("Obama", 2), ("Michelle Obama", 1)]


def test_step_declares_what_it_needs_and_gives() -> None:
    import pytest

    from dateline.errors import PipelineOrderError
    from dateline.extract.entities import EntityStep
    from dateline.pipeline import Pipeline

    step = EntityStep()
    assert step.requires == {"doc", "caption_docs"} and step.assigns == {"mentions", "entities", "caption_mentions"}
    assert "ner" in step.nlp_components
    with pytest.raises(PipelineOrderError):
        Pipeline([step])


def test_all_caps_names_are_normalised() -> None:
    text = "HILLARY CLINTON WINS. Hillary Clinton thanked voters."
    (found,) = entities(text, ("HILLARY CLINTON", "PERSON"), ("Hillary Clinton", "PERSON"))
    assert found.name == "Hillary Clinton"
    (caps,) = entities("DONNA BRAZILE RESIGNS", ("DONNA BRAZILE", "PERSON"))
    assert caps.name == "Donna Brazile"


def test_a_longer_name_takes_its_last_two_words_said_alone() -> None:
    text = "Daw Khin Mya Thu arrived. Mya Thu spoke first. Ana Ruiz Ortega met Ruiz Ortega's aides."
    found = entities(
        text,
        ("Daw Khin Mya Thu", "PERSON"), ("Mya Thu", "PERSON"), ("Ana Ruiz Ortega", "PERSON"), ("Ruiz Ortega", "PERSON"),
    )  # fmt: skip
    assert [(e.name, len(e.mentions)) for e in found] == [("Daw Khin Mya Thu", 2), ("Ana Ruiz Ortega", 2)]
    text = "George W. Bush met Laura Bush. Hillary Clinton and Chelsea Clinton spoke."
    found = entities(
        text, ("George W. Bush", "PERSON"), ("Laura Bush", "PERSON"), ("Hillary Clinton", "PERSON"),
        ("Chelsea Clinton", "PERSON"),
    )  # fmt: skip
    assert len(found) == 4
