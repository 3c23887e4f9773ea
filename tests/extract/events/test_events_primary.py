"""The primary event of an article: its lead's happening, exactly one per article with events."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import extract_dates
from dateline.extract.events.primary import mark_primary
from dateline.extract.events.step import extract_events
from dateline.extract.places import extract_places
from dateline.model import Article, Event

pytestmark = pytest.mark.slow


def events_of(nlp: Any, text: str) -> list[Event]:
    article = Article(text=text, published=date(2024, 3, 15))
    article.doc = nlp(text)
    article.dates = extract_dates(text, article.published, article.doc)
    article.places = extract_places(article)
    return extract_events(article)


def test_the_lead_sentence_event_is_primary(nlp: Any) -> None:
    events = events_of(nlp, "Gunmen attacked a police station in Kano on Monday, killing two officers. "
                            "The governor later met community leaders. Officials said they would hold talks.")
    assert sum(e.primary for e in events) == 1
    assert next(e for e in events if e.primary).category == "ASSAULT"


def test_a_claimed_lead_still_beats_a_later_event(nlp: Any) -> None:
    events = events_of(nlp, "The two countries agreed to reopen their embassies, the foreign ministry said. "
                            "Protesters marched in the capital on Sunday.")
    assert next(e for e in events if e.primary).category == "AGREE"


def test_no_events_no_primary() -> None:
    assert mark_primary([]) is None
