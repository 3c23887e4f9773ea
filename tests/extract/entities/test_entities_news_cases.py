"""News-style cases from real 2016 coverage, written for dateline: what one article's entities are."""

from __future__ import annotations

from typing import Any

from dateline.extract.entities.step import extract_entities
from dateline.model import Entity


def _entities(nlp: Any, text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities(nlp(text))[1]}


def test_forms_of_the_united_states_are_one_entity(nlp: Any) -> None:
    found = _entities(
        nlp,
        "WASHINGTON — The U.S. said on Monday it would send more aid. U.S officials said the United "
        "States had no choice. The US embassy stayed open. America will not back down, she said.",
    )
    us = found["United States"]
    assert us.type == "GPE" and us.country == "USA"
    assert {m.text for m in us.mentions} >= {"U.S", "US", "United States", "America"}


def test_the_post_is_the_washington_post_named_before(nlp: Any) -> None:
    found = _entities(
        nlp,
        "The Washington Post reported on Sunday that the FBI had reopened the inquiry. The Post said two "
        "officials confirmed the account.",
    )
    assert "Post" not in found
    post = found["Washington Post"]
    assert [m.text for m in post.mentions] == ["Washington Post", "Post"]
    assert any(ev.rule == "short-form" for ev in post.evidence)


def test_broadcaster_and_film_are_not_places_or_nationalities(nlp: Any) -> None:
    rt = _entities(nlp, "RT, the Russian state broadcaster, aired the interview. Julian Assange told RT that.")
    assert (rt["RT"].type, rt["RT"].country) == ("ORG", "RUS")
    film = _entities(
        nlp,
        "Martin Scorsese's film The Irishman opened the festival on Friday. Robert De Niro stars in "
        "The Irishman, which Netflix paid $160 million to make.",
    )
    assert "Irish" not in film
    work = film["Irishman"]
    assert work.type == "WORK_OF_ART" and work.country is None and len(work.mentions) == 2


def test_constituent_countries_stay_apart_from_the_united_kingdom(nlp: Any) -> None:
    found = _entities(
        nlp,
        "LONDON — Voters in England and Wales backed leaving the European Union, while Scotland voted "
        "to remain. The United Kingdom will leave, and Britain must now negotiate.",
    )
    assert {"England", "Wales", "Scotland", "United Kingdom"} <= set(found)
    assert {m.text for m in found["United Kingdom"].mentions} == {"United Kingdom", "Britain"}


def test_names_inside_organisations_and_laws_stay_apart_from_the_person(nlp: Any) -> None:
    found = _entities(
        nlp,
        "Donald Trump attacked the Clinton Foundation on Monday. Hillary Clinton said the Trump "
        "Organization had hidden its debts. Trump promised to repeal Obamacare.",
    )
    people = {m.text for e in found.values() if e.type == "PERSON" for m in e.mentions}
    assert people == {"Donald Trump", "Hillary Clinton", "Trump"}
    assert found["Clinton Foundation"].type == "ORG" and found["Trump Organization"].type == "ORG"


def test_capitals_possessives_and_titles_inside_names(nlp: Any) -> None:
    found = _entities(
        nlp,
        "WASHINGTON — HILLARY CLINTON told reporters on Monday that she was ready. Clinton's campaign "
        "said so. Democratic National Committee Chairperson Donna Brazile agreed. Brazile spoke later.",
    )
    hillary = found["Hillary Clinton"]
    assert {m.text for m in hillary.mentions} == {"HILLARY CLINTON", "Clinton"}
    brazile = found["Donna Brazile"]
    assert brazile.roles == ["Democratic National Committee Chairperson"] and len(brazile.mentions) == 2


def test_fragments_are_cut_to_the_person_but_a_hotel_is_not(nlp: Any) -> None:
    mentions, _ = extract_entities(
        nlp(
            "Trump told thousands of supporters on Monday that he would win. Some wore shirts reading "
            '"Take Trump to the White House." Hosts lampooned him as the Demogorgon Trump, a monster from '
            "a television series. Trump will stay at the Mirabeau Trump hotel downtown."
        )
    )
    people = [m.text for m in mentions if m.label == "PERSON"]
    assert people == ["Trump"] * len(people) and len(people) >= 3
    assert not any(m.text in {"Take Trump", "Demogorgon Trump"} for m in mentions)
    assert any(m.text == "Mirabeau Trump" and m.label != "PERSON" for m in mentions)


def test_a_bare_name_with_a_person_cue_is_a_person(nlp: Any) -> None:
    mentions, _ = extract_entities(
        nlp(
            "Trump said on Thursday that he would accept the outcome. Trump's running mate, Indiana "
            "Governor Mike Pence, agreed. Senator Lindsey Graham said Trump was doing damage."
        )
    )
    assert {m.label for m in mentions if m.text == "Trump"} == {"PERSON"}
