"""Modality of plans, intentions, vows and denials."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import extract_dates
from dateline.extract.events.step import extract_events
from dateline.extract.places import extract_places
from dateline.model import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "trigger", "category", "modality"), [
    ("The two leaders made plans to meet in Geneva next month.", "meet", "CONSULT", "planned"),
    ("The rebels announced their intention to attack the city.", "attack", "ASSAULT", "planned"),
    ("The militia vowed to retaliate against the army.", "vowed", "THREATEN", "planned"),
    ("The group denied carrying out the bombing.", "carrying", "ASSAULT", "denied"),
    ("Hamas has denied that it carried out the attack.", "carried", "ASSAULT", "denied"),
    ("The government intends to hold talks with the rebels.", "hold", "CONSULT", "planned"),
])
def test_modality(nlp: Any, text: str, trigger: str, category: str, modality: str) -> None:
    article = Article(text=text, published=date(2024, 3, 15))
    article.doc = nlp(text)
    article.dates = extract_dates(text, article.published, article.doc)
    article.places = extract_places(article)
    found = {(text[e.trigger_span.start:e.trigger_span.end], e.category, e.modality) for e in extract_events(article)}
    assert (trigger, category, modality) in found, found
