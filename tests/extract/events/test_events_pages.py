"""Whole news pages and feed entries about sport, business, culture, technology and weather, full of
violent metaphors (menus, trending lists, footers included), read through the full pipeline yield
no violent event; real arrests and criticism still count."""

from __future__ import annotations

from typing import Any

import pytest

from dateline import api
from dateline.extract.events.violence import VIOLENT_ACLED
from dateline.ingest.reader import read_paths
from paths import FIXTURES

pytestmark = pytest.mark.slow
PAGES = FIXTURES / "events" / "pages"


@pytest.fixture(scope="module")
def articles(nlp: Any) -> list[Any]:
    return [a for a in api.process(read_paths([str(PAGES)])) if a.drop is None]


def test_every_page_and_feed_entry_is_read(articles: list[Any]) -> None:
    titles = {a.title for a in articles}
    assert {"Chipmaker shares soar after record quarter", "United storm back to crush Rovers",
            "Review: 'Harbour Lights' is a knockout", "Ransomware gang hits hospital software supplier",
            "Markets: Oil slumps as trade war fears return",
            "Heatwave hits southern Europe as tourists flock to beaches",
            "Chef takes aim at food critics in new memoir"} <= titles


def test_no_violence_from_metaphors(articles: list[Any]) -> None:
    violent = [(a.title, a.text[e.trigger_span.start:e.trigger_span.end]) for a in articles for e in a.events
               if e.category == "ASSAULT" or e.acled_event_type in VIOLENT_ACLED]
    assert violent == []


def test_the_arrests_and_the_criticism_remain(articles: list[Any]) -> None:
    kinds = {(e.action, e.acled_sub_event_type or e.category) for a in articles for e in a.events}
    assert any(action == "arrest" for action, _ in kinds)  # supporters arrested for throwing flares
    assert ("attack", "ACCUSE") in kinds  # "attacking a proposed export rule"
    assert not any(e.action == "attack" and e.category == "ACCUSE" for a in articles for e in a.events
                   if a.title.startswith("United"))  # "Rovers had attacked from the first whistle"
