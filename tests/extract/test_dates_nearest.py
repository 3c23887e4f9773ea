"""A month or day named without a year: the nearest occurrence that fits the tense."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import extract_dates

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "published", "value"), [
    ("Leaders will discuss the plan at the upcoming summit in June.", date(2024, 4, 10), "2024-06"),
    ("Leaders discussed the plan at the summit in June.", date(2024, 4, 10), "2023-06"),
    ("On December 27, gunmen attacked a village in the north.", date(2025, 1, 5), "2024-12-27"),
    ("The election will be held on January 14.", date(2024, 12, 20), "2025-01-14"),
    ("The scheduled talks in May were welcomed by both sides.", date(2024, 3, 1), "2024-05"),
])
def test_nearest_occurrence_by_tense(nlp: Any, text: str, published: date, value: str) -> None:
    found = [d for d in extract_dates(text, published, nlp(text)) if d.value is not None]
    assert [d.value for d in found] == [value]
