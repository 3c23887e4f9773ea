"""Events, dates and places of the two wire stories in the seed dump.

The article bodies come from the real segment and clean steps (the ``seed_cleaned`` fixture).
Publication dates are stated, not read: 2024-08-10 for the coalition story (a Saturday after
the Thursday statements it reports) and 2024-08-16, a Friday, for the Blinken story.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import DateStep
from dateline.extract.events import EventStep
from dateline.extract.places import PlaceStep
from dateline.model import Article, Event
from dateline.nlp import ParseStep
from dateline.pipeline import Step

pytestmark = [pytest.mark.slow, pytest.mark.shared]
PUBLISHED = (date(2024, 8, 10), date(2024, 8, 16))


def _extract_steps() -> list[Step]:
    from dateline.extract.entities import EntityStep
    from dateline.extract.quotes import QuoteStep

    return [EntityStep(), QuoteStep(), DateStep(), PlaceStep(), EventStep()]


@pytest.fixture(scope="module")
def seed(seed_cleaned: list[Article], nlp: Any) -> list[Article]:
    texts = [a.text for a in seed_cleaned]
    assert len(texts) == 2
    stream: Any = [Article(text=t, published=p) for t, p in zip(texts, PUBLISHED, strict=True)]
    for step in [ParseStep(nlp=nlp), *_extract_steps()]:
        stream = step.run(stream)
    return list(stream)


def find(article: Article, action: str, category: str | None = None) -> Event:
    hits = [e for e in article.events if e.action.startswith(action) and category in (None, e.category)]
    assert hits, [(e.action, e.category) for e in article.events]
    return max(hits, key=lambda e: e.confidence)


def codes(actors: list[Any]) -> list[str | None]:
    return [a.country or a.group for a in actors]


def test_missile_attack_on_ain_al_asad(seed: list[Article]) -> None:
    event = find(seed[0], "attack", "ASSAULT")
    assert event.trigger_span.of(seed[0].text) == "attacked"
    assert event.instrument == "two missiles"
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert event.place is not None and event.place.country == "IRQ" and event.place.name == "Ain al-Asad Air Base"
    attacker = event.actors[0]
    assert (attacker.sector, attacker.country, attacker.name) == ("REB", None, "unidentified armed group")
    assert codes(event.targets) == ["IRQ"] and event.targets[0].sector == "MIL"
    assert event.casualties is not None and "injured" in event.casualties and "US soldiers" in event.casualties


def test_washington_halted_the_negotiations_say_anonymous_sources(seed: list[Article]) -> None:
    event = find(seed[0], "halt", "SANCTION")
    assert codes(event.actors) == ["USA"] and event.actors[0].sector == "GOV"
    assert event.modality == "claimed"
    assert event.attributed_to is not None and "sources" in event.attributed_to.text


def test_baghdad_postponed_the_end_of_the_coalition_mission(seed: list[Article]) -> None:
    event = find(seed[0], "postpone")
    assert codes(event.actors) == ["IRQ"] and event.actors[0].sector == "GOV"
    assert "IGO" in codes(event.targets)
    assert event.modality == "claimed"
    assert event.date is not None and (event.date.raw, event.date.value) == ("on Thursday", "2024-08-08")


def test_state_department_denial(seed: list[Article]) -> None:
    denied = [e for e in seed[0].events if e.modality == "denied"]
    assert denied
    assert all(e.attributed_to is not None and e.attributed_to.country == "USA" for e in denied)
    assert "CONSULT" in {e.category for e in denied}


def test_no_discussion_of_withdrawal_is_negated(seed: list[Article]) -> None:
    negated = [e for e in seed[0].events if e.modality == "negated"]
    assert [e.category for e in negated] == ["CONSULT"]
    assert codes(negated[0].actors) == ["USA"]


def test_iraqi_ministry_calls_us_statements_inaccurate(seed: list[Article]) -> None:
    event = find(seed[0], "inaccurate", "ACCUSE")
    assert codes(event.actors) == ["IRQ"] and codes(event.targets) == ["USA"]


def test_blinken_planned_trip_to_israel(seed: list[Article]) -> None:
    event = find(seed[1], "travel", "CONSULT")
    assert event.modality == "planned"
    assert codes(event.actors) == ["USA"] and codes(event.targets) == ["ISR"]
    assert event.place is not None and event.place.name == "Israel"
    assert event.date is not None and (event.date.raw, event.date.value) == ("this weekend", "2024-W33")
    assert event.attributed_to is not None and event.attributed_to.country == "USA"


def test_doha_talks_and_the_us_proposal(seed: list[Article]) -> None:
    # The general "proposal" line: an offer (PLOVER AGREE, CAMEO 030). A mediator's bridging
    # proposal is a third-party consultation in CAMEO (045), which no general rule reaches.
    proposal = find(seed[1], "proposal")
    assert proposal.category == "AGREE" and proposal.mode == "offer"
    assert codes(proposal.actors) == ["USA"]
    assert proposal.place is not None and proposal.place.country == "QAT"
    assert proposal.date is not None and proposal.date.value == "2024-08-16"
    talks = [e for e in seed[1].events if e.action == "talk" and e.place is not None and e.place.name == "Doha"]
    assert talks and talks[0].category == "CONSULT"


def test_seed_dates(seed: list[Article]) -> None:
    values = {d.raw: (d.value, d.kind) for d in seed[1].dates}
    assert values["Saturday"] == ("2024-08-17", "point")  # "will leave Saturday"
    assert values["earlier Friday"] == ("2024-08-16", "point")
    assert values["since October 7"] == ("2023-10-07", "since")
    first = {d.raw: (d.value, d.kind) for d in seed[0].dates}
    assert first["in January"] == ("2024-01", "point")
    assert first["After ten years"] == ("P10Y", "duration")
    assert first["On Thursday evening"] == ("2024-08-08", "point")


def test_seed_places_leave_out_washington_the_actor(seed: list[Article]) -> None:
    names = [p.span.of(seed[0].text) for p in seed[0].places if p.span is not None]
    assert "Washington" not in names and "Baghdad" not in names
    assert "Iraq" in names and "Ain al-Asad" in names
