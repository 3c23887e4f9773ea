"""Real-news name cases, written for dateline: headline fragments, quoted nicknames, given names that
differ, and names the type table says are no people."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.corpus.linking import CorpusLinker
from dateline.extract.entities.headlines import headline_spans
from dateline.extract.entities.names import same_given
from dateline.extract.entities.step import extract_entities
from dateline.model import Entity


def _entities(nlp: Any, text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities(nlp(text))[1]}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ivana", "ivanka", False),  # two women of one family
        ("chelsea", "hillary", False),
        ("bill", "william", True),  # nicknames.tsv
        ("bobby", "robert", True),
        ("mohammed", "muhammad", True),  # one name, two spellings
        ("h", "hillary", True),  # an initial
        ("j", "hillary", False),
    ],
)
def test_given_names_that_may_name_one_person(a: str, b: str, same: bool) -> None:
    assert same_given(a, b) is same and same_given(b, a) is same


def test_corpus_never_merges_two_full_names_whose_given_names_differ() -> None:
    ivana = Entity(Entity.make_id("PERSON", "Ivana Trump"), "Ivana Trump", "PERSON")
    ivanka = Entity(Entity.make_id("PERSON", "Ivanka Trump"), "Ivanka Trump", "PERSON")
    bill = Entity(Entity.make_id("PERSON", "Bill Clinton"), "Bill Clinton", "PERSON")
    william = Entity(Entity.make_id("PERSON", "William Clinton"), "William Clinton", "PERSON")
    assert CorpusLinker().match(ivanka, [ivana]) is None
    decision = CorpusLinker().match(william, [bill])
    assert decision is None or decision.target is bill  # a nickname may join, never another name


def test_headline_and_title_case_lines() -> None:
    text = "Laws don't apply to Clinton.\n\nShe said so.\n[Video: Full Speech At Black Caucus Dinner]\nplain text"
    spans = [text[s.start : s.end] for s in headline_spans(text).spans]
    assert spans == ["Laws don't apply to Clinton.", "[Video: Full Speech At Black Caucus Dinner]"]


def test_a_headline_word_glued_to_a_name_is_cut_off(nlp: Any) -> None:
    mentions, entities = extract_entities(
        nlp(
            "Obama Says New Museum Will Tell Hard Stories\n\nWASHINGTON — President Obama opened the "
            "museum on Saturday. Mr. Obama said it would not be a cure.\n\n[Video: President Obama Speech "
            "At The Museum Opening]\n\nOne Chart Shows The Double Standard Clinton Faces\n\nHillary Clinton "
            "did not attend."
        )
    )
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert "Obama Says" not in people and "Obama Speech" not in people
    assert not any("Standard" in p for p in people)
    obama = next(e for e in entities if e.name == "Obama")
    assert [m.span.start for m in obama.mentions][0] == 0  # the headline's "Obama"


def test_a_surname_in_the_headline_is_no_cue_against_the_full_name(nlp: Any) -> None:
    found = _entities(
        nlp,
        "Laws don't apply equally to Clinton.\n\nLETTERS.\n\nI cannot fathom how Hillary Clinton has "
        "escaped charges. Clinton wanted to shield her dealings, and Secretary Clinton knew it.",
    )
    assert "Clinton" not in found
    assert [m.text for m in found["Hillary Clinton"].mentions].count("Clinton") >= 2


def test_a_quoted_nickname_is_part_of_the_name(nlp: Any) -> None:
    mentions, entities = extract_entities(
        nlp(
            'NEWPORT NEWS, Va. — Rep. Robert C. "Bobby" Scott opened his back yard for a cookout. As he '
            'welcomed guests, Scott was also starting his bid. "This is a big year for Bobby Scott!" '
            'his niece, Del. Marcia "Cia" Price, told the crowd. Scott, 69, smiled.'
        )
    )
    assert not any(m.text.strip() in {'"', "“"} for m in mentions)
    scott = next(e for e in entities if "Scott" in e.name and e.type == "PERSON")
    assert {m.text for m in scott.mentions} >= {'Robert C. "Bobby" Scott', "Bobby Scott", "Scott"}
    assert sum(m.text == "Scott" for m in scott.mentions) >= 2
    assert any(m.text == 'Marcia "Cia" Price' and m.label == "PERSON" for m in mentions)


def test_platforms_events_and_outlets_glued_to_names_are_no_people(nlp: Any) -> None:
    mentions, _ = extract_entities(
        nlp(
            "Donald Trump took to Twitter overnight to attack a former Miss Universe. Politifact rated "
            "the claim false. In a meeting with the editorial board of the Washington Post Trump said "
            "the alliance was obsolete. Markets fell after Brexit. [W]e will see, Trump said."
        )
    )
    label = {m.text: m.label for m in mentions}
    assert label.get("Twitter") == "ORG" and label.get("Politifact") == "ORG"
    assert label.get("Miss Universe") == "EVENT" and "Universe" not in label
    assert label.get("Brexit") == "EVENT"
    assert "Washington Post Trump" not in label
    assert not any("[" in m.text or "]" in m.text for m in mentions if m.label == "PERSON")


def test_a_surname_said_of_a_man_and_a_woman_stays_unlinked(nlp: Any) -> None:
    mentions, entities = extract_entities(
        nlp(
            "The White House hosted a state dinner on Tuesday. Mr. Obama toasted the guests, and Mrs. "
            "Obama chose the menu from the garden. Obama thanked the chefs."
        )
    )
    obamas = [m for m in mentions if m.text == "Obama" and m.label == "PERSON"]
    assert len(obamas) >= 2
    assert all(m.entity_id is None and m.unlinked and "ambiguous" in m.unlinked for m in obamas)
    assert not any(e.name == "Obama" for e in entities)


def test_a_short_given_name_joins_its_full_form(nlp: Any) -> None:
    found = _entities(
        nlp,
        "Vice President Joseph R. Biden spoke in Scranton on Monday. Joe Biden told the crowd he grew "
        "up a few blocks away. Biden said the race was close.",
    )
    biden = found["Joseph R. Biden"]
    assert {m.text for m in biden.mentions} >= {"Joseph R. Biden", "Joe Biden", "Biden"}
    joe = Entity(Entity.make_id("PERSON", "Joe Biden"), "Joe Biden", "PERSON")
    decision = CorpusLinker().match(joe, [biden])
    assert decision is not None and decision.target is biden and decision.rule == "nickname"


def test_long_names_ending_in_a_place_word_and_trailing_dashes(nlp: Any) -> None:
    mentions, _ = extract_entities(
        nlp(
            "Laura Bush spoke at the George W. Bush Presidential Center in Dallas on Friday. Civil rights "
            "chief Vanita Gupta - who leads the division - said the inquiry would go on."
        )
    )
    label = {m.text: m.label for m in mentions}
    assert label.get("George W. Bush Presidential Center", "ORG") != "PERSON"
    assert "Vanita Gupta -" not in label and label.get("Vanita Gupta") == "PERSON"


def test_an_abbreviation_cut_at_its_stop_is_still_the_country(nlp: Any) -> None:
    found = _entities(nlp, "Officials said the talks would go on. The envoy flew back to the U.S.")
    us = next(e for e in found.values() if e.type == "GPE")
    assert (us.name, us.country) == ("United States", "USA")
