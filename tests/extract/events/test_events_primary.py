"""The primary event of an article: its lead's happening, exactly one per article with events."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.primary import mark_primary
from eventtools import events_of

pytestmark = pytest.mark.slow




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
