"""Variants of one name join it: transliterations, and military, civil and religious titles (kept as roles)."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.entities import EntityStep
from dateline.model import Article, Entity
from dateline.nlp import ParseStep

pytestmark = pytest.mark.slow

TEXT = (
    "Hearing Goes On Into the Night\n\n"
    "Lt Col Andrei Petrenko testified on Tuesday. Andrei Petrenko said he was worried.\n\n"
    "President Mykola Hrushenkiy spoke by phone. Hrushenky later denied any pressure, and Hrushenkyy "
    "aides agreed.\n\n"
    "The Rev. Samuel Okafor met Sheikh Tariq bin Saleh and Gen. Lena Hartwell in Doha. Hartwell said little."
)


@pytest.fixture(scope="module")
def people(nlp: Any) -> list[Entity]:
    (article,) = EntityStep().run(ParseStep(nlp=nlp).run([Article(text=TEXT)]))
    return [e for e in article.entities if e.type == "PERSON"]


def _one(people: list[Entity], name: str) -> Entity:
    found = [e for e in people if e.name == name or name in e.aliases]
    assert len(found) == 1, [(e.name, e.aliases) for e in people]
    return found[0]


def test_titles_join_the_bare_name_and_become_roles(people: list[Entity]) -> None:
    petrenko = _one(people, "Andrei Petrenko")
    assert len(petrenko.mentions) == 2 and petrenko.roles == ["Lt Col"]
    assert _one(people, "Samuel Okafor").roles == ["Rev."]
    assert _one(people, "Lena Hartwell").roles == ["Gen."] and len(_one(people, "Lena Hartwell").mentions) == 2
    assert not [e for e in people if e.name.startswith(("Lt", "Rev", "Sheikh", "Gen"))]


def test_transliterations_of_a_surname_are_one_person(people: list[Entity]) -> None:
    person = _one(people, "Mykola Hrushenkiy")
    assert sorted(m.text for m in person.mentions) == ["Hrushenky", "Hrushenkyy", "Mykola Hrushenkiy"]
