"""Events of one text, through the real date, place and event extraction (for event tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateline.extract.dates import extract_dates
from dateline.extract.events.step import extract_events
from dateline.extract.places import extract_places
from dateline.model import Article, Event


def events_of(nlp: Any, text: str, published: date = date(2024, 3, 15)) -> list[Event]:
    article = Article(text=text, published=published)
    article.doc = nlp(text)
    article.dates = extract_dates(text, published, article.doc)
    article.places = extract_places(article)
    return extract_events(article)
