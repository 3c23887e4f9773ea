"""Party and nationality words as attributes; groups typed from the table; UK countries kept apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.extract.entities import EntityStep
from dateline.extract.entities.tables import EntityTables, alias_of
from dateline.model import Article
from dateline.nlp import ParseStep

pytestmark = pytest.mark.slow

TEXT = (
    "RT, the Russian state broadcaster, said on Monday that England, Scotland and Wales would vote. "
    "Scottish ministers and British officials met. Republican Donald Trump criticised Democratic nominee "
    "Hillary Clinton. Martin Scorsese's film The Irishman opened in New York."
)


def analyse(nlp: Any, text: str, step: EntityStep | None = None) -> Article:
    return next(iter((step or EntityStep()).run(ParseStep(nlp=nlp).run([Article(text=text)]))))


def test_attributes_types_and_constituent_countries(nlp: Any) -> None:
    found = {e.name: e for e in analyse(nlp, TEXT).entities}
    assert found["Donald Trump"].affiliation == "Republican Party"
    assert found["Hillary Clinton"].affiliation == "Democratic Party"
    assert found["Republican"].affiliation and found["British"].nationality == "GBR"  # attributes, not listed
    assert (found["RT"].type, found["RT"].country) == ("ORG", "RUS")
    assert {"England", "Scotland", "Wales"} <= set(found) and "United Kingdom" not in found
    assert found["Scottish"].name != found["British"].name
    assert all(e.country is None for e in found.values() if e.type == "WORK_OF_ART")


def test_tables_can_be_given(nlp: Any, tmp_path: Path) -> None:
    groups = tmp_path / "groups.tsv"
    groups.write_text(
        "variant\tcanonical\ttype\tcountry\tkind\nZed Radio\tZed Radio\tORG\tNOR\tbroadcaster\n"
    )
    article = analyse(nlp, "Zed Radio reported the vote in Oslo.", EntityStep(EntityTables(groups=groups)))
    assert ("Zed Radio", "NOR") in {(e.name, e.country) for e in article.entities}
    analyse(nlp, "A quiet day.", EntityStep())  # back to the shipped tables
    assert alias_of("Zed Radio") is None and alias_of("RT") is not None
