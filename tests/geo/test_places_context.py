"""Places the article's words settle: US states, gulfs that are not the Persian Gulf, continents."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.places import extract_places
from dateline.model import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Wildfires spread across the state of Washington on Monday.", "Washington (state)", "USA"),
    ("Floods swept through Colorado, the governor of the US state said.", "Colorado", "USA"),
    ("Thai and Cambodian navies clashed in the Gulf of Thailand.", "Gulf of Thailand", None),
    ("Leaders from across Africa gathered for the summit.", "Africa", None),
    ("Iranian boats harassed a tanker in the Gulf.", "Persian Gulf", None),
])
def test_place_from_context(nlp: Any, text: str, name: str, country: str | None) -> None:
    article = Article(text=text)
    article.doc = nlp(text)
    places = extract_places(article)
    assert (places[0].name, places[0].country) == (name, country), places
    assert places[0].precision == 3
