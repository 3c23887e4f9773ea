"""Each coding rule of dateline.extract.events.rules, shown on a sentence of its own."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.events.rules import ACTOR_RULES, TOKEN_RULES
from eventtools import events_of

pytestmark = pytest.mark.slow

#: rule name → (sentence, category, ACLED sub-event type or None for "any") of the event it codes.
EXAMPLES = {
    "must_demand": ("Kenya said on Friday that Uganda must return the fishing boats.", "REQUEST", None),
    "blamed_accusation": ("Iran said Israel was behind the assassination of the scientist.", "ACCUSE", None),
    "wanted_request": ("Tehran wants Washington to lift the sanctions.", "REQUEST", None),
    "stated_instrument": ("Militants attacked the base with two missiles on Friday.", "ASSAULT",
                          "Shelling/artillery/missile attack"),
    "target_sector": ("Gunmen killed five civilians in the village on Sunday.", "ASSAULT", "Attack"),
    "vowed_threat": ("The militia vowed to retaliate against the army.", "THREATEN", None),
    "labour_strike": ("Dock workers struck for a third day over pay.", "PROTEST", "Peaceful protest"),
    "street_clash": ("Protesters clashed with police in the capital on Saturday.", "PROTEST", "Violent demonstration"),
    "police_obstruction": ("Police blocked access to the main square on Friday.", "COERCE", None),
    "spoken_protest": ("The opposition protested that the vote had been rigged.", "ACCUSE", None),
    "peacekeepers_arrive": ("UN peacekeepers arrived in the town on Monday.", "AID", None),
    "military_preparation": ("The brigade prepared to resume shelling militia trenches near the river.", "MOBILIZE", None),
    "joint_exercise": ("Chilean and Peruvian navies held joint exercises off the coast.", "COOPERATE", None),
    "action_by_agent": ("Britain condemned the detention of a British journalist by Iranian authorities.",
                        "ACCUSE", None),
    "mass_expulsion": ("Soldiers forced out more than 2,000 villagers from their homes on Tuesday.", "ASSAULT", None),
}




def test_every_rule_has_an_example() -> None:
    assert {r.__name__ for r in (*TOKEN_RULES, *ACTOR_RULES)} == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_rule_codes_its_example(nlp: Any, name: str) -> None:
    text, category, sub = EXAMPLES[name]
    events = events_of(nlp, text)
    assert any(e.category == category and (sub is None or e.acled_sub_event_type == sub) for e in events), \
        [(e.category, e.acled_sub_event_type) for e in events]
