"""Events on hand-written news sentences: categories, actors, modality, instruments, casualties."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.extract.dates import extract_dates
from dateline.extract.events.step import EventStep, extract_events, reported_category
from dateline.extract.places import extract_places
from dateline.model import Article, Event, Quote, Span
from paths import FIXTURES

pytestmark = pytest.mark.slow
PUB = date(2024, 3, 15)


def code(article: Article, quotes: list[Quote] | None = None, nlp: Any = None) -> list[Event]:
    article.doc = nlp(article.text)
    article.dates = extract_dates(article.text, article.published, article.doc)
    article.places = extract_places(article)
    article.quotes = quotes or []
    return extract_events(article)


def top(nlp: Any, text: str, quotes: list[Quote] | None = None) -> Event:
    events = code(Article(text=text, published=PUB), quotes, nlp)
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def rows(name: str) -> list[tuple[str, str, str, str, str]]:
    path = FIXTURES / "events" / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("category\t"):
            cat, modality, source, target, text = line.split("\t")
            out.append((cat, modality, source, target, text))
    return out


def codes(actors: list[Any]) -> list[str | None]:
    return [a.country or a.group for a in actors]


def check(nlp: Any, category: str, modality: str, source: str, target: str, text: str) -> None:
    """The sentence's top event has the category and modality, and the named countries ("-": any)."""
    event = top(nlp, text)
    assert (event.category, event.modality) == (category, modality)
    if source != "-":
        assert source in codes(event.actors)
    if target != "-":
        assert target in codes(event.targets)


@pytest.mark.parametrize(("category", "modality", "source", "target", "text"), rows("sentences.tsv"))
def test_one_sentence_per_category_and_modality(
    nlp: Any, category: str, modality: str, source: str, target: str, text: str
) -> None:
    check(nlp, category, modality, source, target, text)


@pytest.mark.parametrize(
    ("category", "modality", "source", "target", "text"),
    rows("sentences_more.tsv") + rows("sentences_wire.tsv") + rows("sentences_probe.tsv")
    + rows("sentences_coverage.tsv"),
)
def test_passives_nouns_pronouns_and_reported_speech(
    nlp: Any, category: str, modality: str, source: str, target: str, text: str
) -> None:
    check(nlp, category, modality, source, target, text)


def test_every_event_carries_codes_from_the_mapping(nlp: Any) -> None:
    event = top(nlp, "Turkish jets struck positions in northern Iraq before dawn.")
    assert event.cameo is not None and event.cameo.startswith(("18", "19"))
    assert event.quad_class == 4 and event.goldstein is not None and event.goldstein <= -9
    assert event.acled_event_type and event.acled_sub_event_type
    assert event.trigger_span.of("Turkish jets struck positions in northern Iraq before dawn.") == "struck"


def test_instrument_refines_the_acled_sub_event_type(nlp: Any) -> None:
    event = top(nlp, "The base was attacked by two missiles, claimed by an unknown group.")
    assert event.category == "ASSAULT"
    assert event.instrument == "two missiles"
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert [a.sector for a in event.actors] == ["REB"] and event.actors[0].country is None
    drone = top(nlp, "A drone attack hit the airport in Erbil on Tuesday.")
    assert drone.acled_sub_event_type == "Air/drone strike"


def test_casualties_and_the_attack_they_refer_to(nlp: Any) -> None:
    text = ("Militants attacked a police post near Mosul with rockets on Monday. "
            "Officials said four policemen were killed in the attack.")
    events = code(Article(text=text, published=PUB), nlp=nlp)
    attack = next(e for e in events if e.action.startswith("attack"))
    assert attack.casualties == "killed: four policemen"
    assert attack.place is not None and attack.place.country == "IRQ" and attack.place.precision == 2


def test_pronoun_subject_takes_the_reporting_subject(nlp: Any) -> None:
    event = top(nlp, "Rwanda says it is willing to withdraw its soldiers from Burundi.")
    assert event.category == "RETREAT" and event.modality == "planned"
    assert codes(event.actors) == ["RWA"]
    assert reported_category(event) == "AGREE"  # an intent, in CAMEO's reading
    assert event.cameo == "035"


def test_must_turns_a_statement_into_a_demand(nlp: Any) -> None:
    event = top(nlp, "Kenya said on Friday that Uganda must return the fishing boats.")
    assert event.category == "REQUEST"
    assert codes(event.actors) == ["KEN"] and codes(event.targets) == ["UGA"]


def test_multi_party_actors_are_kept_as_lists(nlp: Any) -> None:
    event = top(nlp, "Peru and Chile renewed negotiations on Thursday.")
    assert event.category == "CONSULT"
    assert codes(event.actors) == ["PER", "CHL"]


def test_refusal_conditional_threat_and_past_negation(nlp: Any) -> None:
    refusal = top(nlp, "Jordan says it will not accept any more asylum seekers.")
    assert refusal.modality == "negated" and reported_category(refusal) == "REJECT"
    threat = top(nlp, "Ghana said that it will withdraw its police unit from Mali unless a vote is held.")
    assert reported_category(threat) == "THREATEN"
    denial = top(nlp, "At no time did we discuss the withdrawal, the minister said.")
    assert denial.modality == "negated" and reported_category(denial) == "CONSULT"


def test_event_inside_a_quote_links_the_quote(nlp: Any) -> None:
    text = 'The minister said: "Our forces shelled the rebel positions overnight."'
    start = text.index('"') + 1
    quote = Quote([Span(start, len(text) - 1)], "say", None, "direct", speaker="the minister")
    event = top(nlp, text, [quote])
    assert event.category == "ASSAULT"
    assert event.modality == "claimed" and event.source_quote == 0


def test_denied_events_name_who_denies(nlp: Any) -> None:
    event = top(nlp, "The ministry denied that its forces had shelled the village.")
    assert event.modality == "denied"
    assert event.attributed_to is not None and event.attributed_to.sector == "GOV"


def test_dates_and_places_of_the_sentence_else_the_publication_date(nlp: Any) -> None:
    text = "Troops clashed with rebels near Aleppo on Thursday. Rebels later retreated."
    events = code(Article(text=text, published=PUB), nlp=nlp)
    clash, retreat = events[0], events[-1]
    assert clash.date is not None and clash.date.value == "2024-03-14" and clash.date.raw == "on Thursday"
    assert clash.place is not None and clash.place.country == "SYR"
    assert clash.date_source == "text"
    assert retreat.date is not None and retreat.date.value == "2024-03-15" and retreat.date_source == "publication"


def test_step_works_without_entities_quotes_or_publication_date(nlp: Any) -> None:
    text = "Police arrested 40 opposition members outside parliament."
    article = Article(text=text)
    article.doc = nlp(text)
    out = list(EventStep().run([article]))[0]
    assert [e.category for e in out.events] == ["COERCE"]
    assert out.events[0].date is None and out.events[0].acled_sub_event_type == "Arrests"
    assert out.events[0].date_source is None


def test_arrests_at_a_protest_are_a_protest_with_intervention(nlp: Any) -> None:
    events = code(Article(text="Police arrested 40 protesters outside parliament.", published=PUB), nlp=nlp)
    assert [(e.category, e.acled_sub_event_type) for e in events] == [("COERCE", "Protest with intervention")]


def test_article_without_doc_gets_no_events() -> None:
    article = Article(text="Police arrested 40 protesters.")
    assert list(EventStep().run([article]))[0].events == []
