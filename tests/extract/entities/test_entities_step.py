"""EntityStep on hand-written news fixtures, through the real spaCy pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.extract.entities import EntityStep
from dateline.model import Article, Drop, Entity
from dateline.nlp import ParseStep
from dateline.pipeline import Pipeline

pytestmark = pytest.mark.slow


def run(nlp: Any, text: str) -> Article:
    (article,) = list(Pipeline([ParseStep(nlp=nlp), EntityStep()]).run([Article(text=text)]))
    return article


def load(nlp: Any, fixtures_dir: Path, name: str) -> Article:
    return run(nlp, (fixtures_dir / "entities" / name).read_text(encoding="utf-8"))


def by_name(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, [e.name for e in article.entities]
    return found[0]


def rules(entity: Entity) -> list[tuple[str, str]]:
    return [(ev.mention, ev.rule) for ev in entity.evidence]


def check_consistent(article: Article) -> None:
    """Offsets point at the mention text, mentions do not overlap, every mention has its entity or a reason."""
    ids = {e.id for e in article.entities}
    for m in article.mentions:
        assert article.text[m.span.start : m.span.end] == m.text
        assert m.entity_id in ids or (m.entity_id is None and m.unlinked)
        assert not m.text.lower().startswith("the ") and not m.text.endswith(("'s", "’s"))
    for a, b in zip(article.mentions, article.mentions[1:], strict=False):
        assert a.span.end <= b.span.start
    for e in article.entities:
        assert len(e.evidence) == len(e.mentions) and e.id == Entity.make_id(e.type, e.name)


def test_people_merge_roles_and_countries(nlp: Any, fixtures_dir: Path) -> None:
    article = load(nlp, fixtures_dir, "people.txt")
    check_consistent(article)
    hussein = by_name(article, "Fouad Hussein")
    assert hussein.roles == ["Iraqi Foreign Minister"] and hussein.country == "IRQ"
    assert ("Hussein", "surname") in rules(hussein)
    blinken = by_name(article, "Antony Blinken")
    assert ("Blinken", "title+surname") in rules(blinken) and ("Blinken", "surname") in rules(blinken)
    assert "Secretary Blinken" in blinken.aliases
    sudani = by_name(article, "Mohammed Shia al-Sudani")
    assert sudani.roles == ["Prime Minister"] and ("Sudani", "surname") in rules(sudani)
    haddad = by_name(article, "Rana Haddad")
    assert haddad.roles == ["spokeswoman for the Iraqi Defense Ministry"] and haddad.country == "IRQ"
    miller = by_name(article, "Matthew Miller")
    assert miller.roles == ["US State Department spokesman"] and miller.country == "USA"
    role_of = {m.text: m.role for m in article.mentions if m.label == "PERSON" and m.role}
    assert role_of["Fouad Hussein"] == "Iraqi Foreign Minister"


def test_roles_prenominal_appositive_and_none(nlp: Any, fixtures_dir: Path) -> None:
    article = load(nlp, fixtures_dir, "roles.txt")
    check_consistent(article)
    assert by_name(article, "Joe Biden").roles == ["President"]
    netanyahu = by_name(article, "Benjamin Netanyahu")
    assert netanyahu.roles == ["Israeli Prime Minister"] and netanyahu.country == "ISR"
    hussein = by_name(article, "Fouad Hussein")
    assert hussein.roles == ["Iraq's Foreign Minister"] and hussein.country == "IRQ"
    haniyeh = by_name(article, "Ismail Haniyeh")
    assert haniyeh.roles == ["Hamas political bureau chief"] and haniyeh.country == "PSE"
    assert by_name(article, "Nadia Saleh").roles == ["analyst at the Amman Policy Institute"]
    assert by_name(article, "Omar Farouk").roles == []  # "who runs a bakery" is not a title
    trump = by_name(article, "Donald Trump")
    assert trump.roles == ["former US President"] and trump.country == "USA"


def test_organisations_merge(nlp: Any, fixtures_dir: Path) -> None:
    article = load(nlp, fixtures_dir, "organisations.txt")
    check_consistent(article)
    jordan = by_name(article, "Jordanian Ministry of Foreign Affairs")
    assert jordan.country == "JOR"
    assert rules(jordan)[1:] == [
        ("Jordanian Foreign Ministry", "ministry-variant"),
        ("ministry", "definite-description"),
    ]
    pmf = by_name(article, "Popular Mobilization Forces")
    assert ("PMF", "alias-table") in rules(pmf) and pmf.country == "IRQ"
    state = by_name(article, "US State Department")
    assert rules(state) == [("State Department", "alias-table"), ("US State Department", "exact")]
    assert state.country == "USA"
    isis = by_name(article, "Islamic State")
    assert {m.text for m in isis.mentions} == {"Islamic State group", "ISIS"}  # NER cut "Islamic" off
    assert not [e for e in article.entities if e.type == "NORP" and e.name == "Islamic"]


def test_ambiguous_names_stay_apart(nlp: Any, fixtures_dir: Path) -> None:
    article = load(nlp, fixtures_dir, "ambiguous.txt")
    check_consistent(article)
    ministries = sorted((e.name, e.country) for e in article.entities if e.type == "ORG")
    assert ministries == [
        ("Foreign Ministry", None),
        ("Lebanese Foreign Ministry", "LBN"),
        ("Syrian Foreign Ministry", "SYR"),
    ]
    people = sorted(e.name for e in article.entities if e.type == "PERSON")
    assert people == ["Ahmed Karim", "Layla Karim"]
    karim = next(m for m in article.mentions if m.text == "Karim")
    assert karim.entity_id is None and (karim.unlinked or "").startswith("ambiguous-surname")
    assert all(m.role is None for m in article.mentions)  # "official sources" is not a role


def test_article_without_names_and_dropped_articles(nlp: Any) -> None:
    article = run(nlp, "it rained all day and the roads were closed.")
    assert article.mentions == [] and article.entities == []
    dropped = Article(text="Antony Blinken", drop=Drop("empty_body"))
    unparsed = Article(text="Antony Blinken")
    out = list(EntityStep().run([dropped, unparsed]))
    assert out == [dropped, unparsed] and dropped.drop == Drop("empty_body")
    assert dropped.entities == [] and unparsed.entities == [] and unparsed.mentions == []


def test_declared_components_are_enough(nlp: Any, fixtures_dir: Path) -> None:
    """With only the components the step declares (no parser), the people fixture comes out the same."""
    from dateline.config import Settings
    from dateline.nlp import load_pipeline

    reduced = load_pipeline(Settings().models, EntityStep.nlp_components)
    assert "parser" not in [name for name, _ in reduced.pipeline]
    text = (fixtures_dir / "entities" / "people.txt").read_text(encoding="utf-8")
    full, small = run(nlp, text), run(reduced, text)

    def summary(article: Article) -> list[tuple[str, str | None, list[str], int]]:
        return [(e.name, e.country, e.roles, len(e.mentions)) for e in article.entities]

    assert summary(small) == summary(full)
