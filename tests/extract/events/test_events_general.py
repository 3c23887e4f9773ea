"""Events on hand-written sentences the rules were not tuned on, and the general rules behind them.

``fixtures/events/sentences_general.tsv`` holds one sentence a line with the category a CAMEO-style
coder reports for it (:func:`reported_category`: a planned visit is an intent to meet, AGREE) and,
where checked, the countries of the top event's source and target.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import extract_dates
from dateline.extract.events.codes import cameo_reading
from dateline.extract.events.lexicon import lexicon, match
from dateline.extract.events.step import extract_events, reported_category
from dateline.extract.places import extract_places
from dateline.model import Article, Event
from paths import FIXTURES

PUB = date(2024, 3, 15)


def rows() -> list[tuple[str, str, str, str]]:
    path = FIXTURES / "events" / "sentences_general.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("reported\t"):
            reported, source, target, text = line.split("\t")
            out.append((reported, source, target, text))
    return out


def events(nlp: Any, text: str) -> list[Event]:
    article = Article(text=text, published=PUB)
    article.doc = nlp(text)
    article.dates = extract_dates(text, PUB, article.doc)
    article.places = extract_places(article)
    return extract_events(article)


def top(nlp: Any, text: str) -> Event:
    found = events(nlp, text)
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


def codes(event: Event, side: str) -> list[str | None]:
    actors = event.actors if side == "source" else event.targets
    return [a.country or a.group for a in actors]


@pytest.mark.slow
@pytest.mark.parametrize(("reported", "source", "target", "text"), rows())
def test_reported_category_and_countries_of_the_main_event(
    nlp: Any, reported: str, source: str, target: str, text: str
) -> None:
    event = top(nlp, text)
    assert reported_category(event) == reported, (event.category, event.modality, event.action)
    if source != "-":
        assert source in codes(event, "source"), event.actors
    if target != "-":
        assert target in codes(event, "target"), event.targets


def test_light_verb_and_particle_lines_are_in_the_lexicon() -> None:
    entries = lexicon().entries
    heads = {(pos, head) for pos, head in entries}
    for pos, head in [("verb", "gun"), ("verb", "broker"), ("verb", "laud"), ("verb", "airdrop"),
                      ("noun", "extradition"), ("verb", "slap"), ("noun", "incursion"), ("verb", "arraign")]:
        assert (pos, head) in heads, head
    assert any(len(e.words) == 3 for e in entries[("verb", "take")])  # "take to the streets"


def test_a_negated_agreement_is_a_refusal_in_any_tense() -> None:
    assert cameo_reading("AGREE", "negated", "030") == "120"  # "has not accepted the proposal"
    assert cameo_reading("CONCEDE", "negated", "084") == "124"
    assert cameo_reading("CONSULT", "negated", "040") == "040"  # "did not discuss": a denial of the past


@pytest.mark.slow
def test_a_round_of_talks_is_the_talks(nlp: Any) -> None:
    event = top(nlp, "Envoys from both countries sat down for a second round of negotiations in Geneva.")
    assert event.category == "CONSULT"
    doc = nlp("The report was about the threat of an invasion.")
    assert [t.lemma_ for t in doc if match(t) is not None]  # a topic noun still matches the lexicon
    assert not events(nlp, "The report was about the threat of an invasion.")


@pytest.mark.slow
def test_going_back_is_not_handing_back(nlp: Any) -> None:
    event = top(nlp, "French and Indian negotiators returned to Vienna on Tuesday for talks on reactor fuel.")
    assert event.category == "CONSULT" and "FRA" in codes(event, "source")
    assert top(nlp, "Iraq returned the remains of 12 Kuwaiti prisoners of war.").category == "CONCEDE"


@pytest.mark.slow
def test_an_ordered_action_named_by_a_noun_is_the_event(nlp: Any) -> None:
    assert top(nlp, "The prime minister ordered an investigation into the shooting.").category == "ACCUSE"
    assert top(nlp, "The court ordered the arrest of the former defence minister.").category == "COERCE"


@pytest.mark.slow
def test_wanting_someone_to_act_is_a_request(nlp: Any) -> None:
    event = top(nlp, "Libya wants Italy to pay compensation for the colonial period.")
    assert event.category == "REQUEST" and event.modality == "occurred"
    assert codes(event, "source") == ["LBY"] and codes(event, "target") == ["ITA"]


@pytest.mark.slow
def test_saying_someone_was_behind_an_attack_is_an_accusation(nlp: Any) -> None:
    event = top(nlp, "Iran said Israel was behind the assassination of its nuclear scientist.")
    assert event.category == "ACCUSE"
    assert codes(event, "source") == ["IRN"] and codes(event, "target") == ["ISR"]


@pytest.mark.slow
def test_obstruction_by_the_state_is_coercion_and_by_citizens_a_protest(nlp: Any) -> None:
    assert top(nlp, "The Chinese authorities blocked access to several foreign news websites.").category == "COERCE"
    assert top(nlp, "Supporters of the former president blocked roads in the capital.").category == "PROTEST"


@pytest.mark.slow
def test_an_ethnic_group_belongs_to_the_country_it_lives_in(nlp: Any) -> None:
    event = top(nlp, "Hundreds of ethnic Albanians in Serbia demonstrated on Friday against police raids.")
    assert codes(event, "source") == ["SRB"]
    event = top(nlp, "Ethnic Hungarians rallied on Sunday to demand language rights.")
    assert "HUN" not in codes(event, "source")


NO_EVENT = [
    "The central bank released its inflation forecast on Monday.",
    "The government says it will meet the budget deficit target this year.",
    "Firefighters battled the blaze for six hours.",
    "The ruling party beat its rivals in the regional elections.",
    "The president struck a conciliatory tone in his address.",
    "The president gave a speech to the nation on Friday.",
    "The minister fired the head of the state oil company.",
    "Qatar hosted the World Cup in 2022.",
    "Elections are due in March.",
    "A good deal of the aid never reached the villages.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NO_EVENT)
def test_a_trigger_word_in_a_sense_that_is_no_event(nlp: Any, text: str) -> None:
    assert [(e.action, e.category) for e in events(nlp, text)] == []


def test_lines_of_no_event_are_in_the_lexicon() -> None:
    entries = lexicon().entries
    assert any(e.category == "NONE" for e in entries[("verb", "release")])
    assert entries[("verb", "release")][0].category == "NONE"  # the longer line comes first
    assert all(e.category != "NONE" for e in entries[("verb", "kill")])
