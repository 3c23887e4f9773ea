"""What is the writer's and not a source's: bare-person objects, other phrasal verbs, the
writer's "we", dash asides, negations, and speakers behind descriptions and organisations.

Hand-written sentences; each rule is paired with a near miss it must leave alone. Needs the
spaCy model.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.model import Quote

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Quote]]


def texts(quote: Quote, text: str) -> list[str]:
    return [s.of(text) for s in quote.content_spans]


def cues(quotes: list[Quote]) -> list[str]:
    return [q.cue for q in quotes]


def test_a_person_as_object_is_no_content(quotes_of: Run) -> None:
    text = "Several unions that have backed her said they expect the governor to sign the bill."
    quotes = quotes_of(text)
    assert cues(quotes) == ["say"]
    assert texts(quotes[0], text) == ["they expect the governor to sign the bill"]
    near = "The mayor praised the budget at the dinner on Friday."
    assert [texts(q, near)[0] for q in quotes_of(near)] == ["the budget"]


def test_a_different_phrasal_verb_is_no_cue(quotes_of: Run) -> None:
    assert quotes_of("By calling out the governor on the cost of the plan, Ms. Ortiz took a familiar role.") == []
    near = "Ms. Ortiz called on the governor to cut the cost of the plan."
    assert cues(quotes_of(near)) == ["call on"]
    spoke = "Critics spoke out against the plan on Friday."
    assert cues(quotes_of(spoke)) == ["speak against"]


def test_a_cue_in_an_infinitive_on_a_noun_is_the_writers(quotes_of: Run) -> None:
    assert quotes_of("If the bill fails, the governor may have his own allies to blame for the defeat.") == []
    assert quotes_of("After the loss, the coach had only his own players to blame for the result.") == []
    near = "The governor blamed his own allies for the defeat."
    assert cues(quotes_of(near)) == ["blame"]


def test_the_writers_we_is_no_speaker(quotes_of: Run) -> None:
    assert quotes_of("We believe that the council acted far too late on the flooding.") == []
    near = '"We believe that the council acted far too late," the mayor said.'
    quote = next(q for q in quotes_of(near) if q.cue == "say")
    assert quote.speaker_mention == "the mayor"


def test_a_dash_aside_of_the_writer_is_cut_from_the_content(quotes_of: Run) -> None:
    text = "The minister said that the report was never shown to her - a claim that two aides have disputed."
    (quote,) = quotes_of(text)
    assert texts(quote, text) == ["that the report was never shown to her"]
    near = "The coach said the team was ready - and that the fans would see it on Sunday."
    (kept,) = quotes_of(near)
    assert texts(kept, near)[-1].endswith("the fans would see it on Sunday")


def test_a_negated_cue_keeps_its_negation_in_the_content(quotes_of: Run) -> None:
    text = "The teachers' union did not want to discuss the offer on Tuesday."
    (quote,) = quotes_of(text)
    assert texts(quote, text) == ["not", "to discuss the offer on Tuesday"]
    never = "The senator never said that the plan would cost jobs."
    (said,) = quotes_of(never)
    assert texts(said, never)[0] == "never"
    plain = "The senator said that the plan would cost jobs."
    (ok,) = quotes_of(plain)
    assert texts(ok, plain) == ["that the plan would cost jobs"]


def test_who_after_a_description_goes_to_the_name_it_describes(quotes_of: Run) -> None:
    text = (
        "One of them is Maria Lopez, a nurse who was a union steward and a young organizer "
        "who felt the hospital ignored her complaints."
    )
    quote = next(q for q in quotes_of(text) if q.cue == "feel")
    assert (quote.speaker_mention, quote.speaker, quote.speaker_kind) == ("who", "Maria Lopez", "person")


def test_an_organisation_named_after_a_person_is_the_speaker(quotes_of: Run) -> None:
    text = "The Harris campaign said on Friday that it would appeal the ruling."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.speaker_kind) == ("Harris campaign", "organization")
    near = "Sen. Kamala Harris said on Friday that she would appeal the ruling."
    (person,) = quotes_of(near)
    assert (person.speaker, person.speaker_kind) == ("Kamala Harris", "person")
