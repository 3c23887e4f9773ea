"""Whole hand-written news stories: every attribution, its speaker, kind and type; and the step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.errors import PipelineOrderError
from dateline.extract.quotes import QuoteStep
from dateline.model import Article, Quote
from dateline.nlp import ParseStep
from dateline.pipeline import Pipeline

# (cue, speaker mention, resolved speaker, kind, type) for every attribution, in text order
EXPECTED = {
    "port_strike.txt": [
        ("say", "Irena Kovac", "Irena Kovac", "person", "direct"),
        ("say", "The Valdora Port Authority", "Valdora Port Authority", "organization", "indirect"),
        ("add", "it", "Valdora Port Authority", "organization", "direct"),
        ("according to", "two shipping agents", "two shipping agents", "anonymous", "indirect"),
        ("tell", "Transport Minister Daniel Okafor", "Daniel Okafor", "person", "indirect"),
        ("note", "He", "Daniel Okafor", "person", "indirect"),
        ("warn", "He", "Daniel Okafor", "person", "mixed"),
        ("say", "A senior union official", "a senior union official", "anonymous", "indirect"),
        ("deny", "The company", "company", "organization", "indirect"),
        ("insist", "Its chief executive, Marta Lindqvist", "Marta Lindqvist", "person", "mixed"),
        ("say", "she", "Marta Lindqvist", "person", "direct"),
        ("say", "Officials in the capital", "officials in the capital", "anonymous", "indirect"),
    ],
    "council_vote.txt": [
        ("say", "Critics", "critics", "anonymous", "indirect"),
        ("defend", "Mayor Alan Fitch", "Alan Fitch", "person", "indirect"),
        ("say", "he", "Alan Fitch", "person", "direct"),
        ("estimate", "The council’s finance committee", "council’s finance committee", "organization", "indirect"),
        ("accuse", "One of them", "one of them", "unknown", "mixed"),
        ("say", "she", "Grace Oduya", "person", "indirect"),
        ("urge", "the regional education board", "regional education board", "organization", "indirect"),
        ("say", "The board", "regional education board", "organization", "indirect"),
        ("reply", "Fitch", "Alan Fitch", "person", "direct"),
        ("call", "Brennock First", "Brennock First", "organization", "mixed"),
        ("announce", "Brennock First", "Brennock First", "organization", "indirect"),
    ],
    "ministry_talks.txt": [
        ("say", "Moscow", "Russian government", "organization", "indirect"),
        ("say", "The Foreign Ministry", "Foreign Ministry", "organization", "mixed"),
        ("add", "It", "Foreign Ministry", "organization", "indirect"),
        ("tell", "Western diplomats", "western diplomats", "anonymous", "indirect"),
        ("say", "The diplomats", "western diplomats", "anonymous", "indirect"),
        ("say", "Swiss Foreign Minister Lena Brunner", "Lena Brunner", "person", "direct"),
        ("say", "Brunner", "Lena Brunner", "person", "indirect"),
        ("stress", "She", "Lena Brunner", "person", "indirect"),
        ("say", "Diplomatic sources", "diplomatic sources", "anonymous", "indirect"),
    ],
}


def quotes_of(nlp: Any, path: Path, entities: bool = False) -> tuple[str, list[Quote]]:
    text = path.read_text(encoding="utf-8")
    article = Article(text=text)
    article.doc = nlp(text)
    if entities:
        from dateline.extract.entities import EntityStep

        (article,) = EntityStep().run([article])
    (article,) = QuoteStep().run([article])
    return text, article.quotes


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_attribution_of_a_story(nlp: Any, fixtures_dir: Path, name: str) -> None:
    text, quotes = quotes_of(nlp, fixtures_dir / "quotes" / name)
    found = [(q.cue, q.speaker_mention, q.speaker, q.speaker_kind, q.type) for q in quotes]
    assert found == EXPECTED[name]
    for q in quotes:  # spans point into the text and the mention is what the span covers
        assert q.speaker_span is not None and q.speaker_span.of(text) == q.speaker_mention
        assert q.cue_span is not None and 1 <= len(q.cue_span.of(text).split()) <= 2
        assert all(0 <= s.start < s.end <= len(text) for s in q.content_spans)
        assert 0.0 < q.confidence < 1.0


@pytest.mark.slow
def test_reasons_and_relays_in_the_stories(nlp: Any, fixtures_dir: Path) -> None:
    _, strike = quotes_of(nlp, fixtures_dir / "quotes" / "port_strike.txt")
    official = next(q for q in strike if q.speaker == "a senior union official")
    assert official.anonymity_reason == (
        "speaking on condition of anonymity because he was not authorized to discuss the negotiations"
    )
    assert next(q for q in strike if q.speaker == "officials in the capital").relay == "Reuters"
    _, talks = quotes_of(nlp, fixtures_dir / "quotes" / "ministry_talks.txt")
    sources = next(q for q in talks if q.speaker == "diplomatic sources")
    assert sources.anonymity_reason == "who requested anonymity to discuss closed meetings"
    assert all(q.relay is None for q in talks)


@pytest.mark.slow
def test_split_quote_keeps_both_parts(nlp: Any, fixtures_dir: Path) -> None:
    text, quotes = quotes_of(nlp, fixtures_dir / "quotes" / "council_vote.txt")
    mayor = next(q for q in quotes if q.speaker_mention == "he")
    assert [s.of(text) for s in mayor.content_spans] == [
        "“We cannot keep every building open and still pay our teachers,”",
        "“so we chose to protect the schools.”",
    ]


@pytest.mark.slow
def test_speakers_link_to_entities_when_the_entity_step_ran(nlp: Any, fixtures_dir: Path) -> None:
    pytest.importorskip("dateline.extract.entities.step")
    _, quotes = quotes_of(nlp, fixtures_dir / "quotes" / "ministry_talks.txt", entities=True)
    brunner = [q for q in quotes if q.speaker == "Lena Brunner"]
    assert len(brunner) == 3
    ids = {q.speaker_entity for q in brunner}
    assert len(ids) == 1 and None not in ids
    assert all(q.speaker_entity is None for q in quotes if q.speaker_kind == "anonymous")


def test_step_declarations_and_order() -> None:
    step = QuoteStep()
    assert step.requires == frozenset({"doc", "mentions", "entities"})
    assert step.assigns == frozenset({"quotes"})
    assert {"parser", "lemmatizer", "ner"} <= step.nlp_components
    with pytest.raises(PipelineOrderError):
        Pipeline([ParseStep(nlp=object()), QuoteStep()])


def test_unparsed_and_dropped_articles_pass_through() -> None:
    unparsed = Article(text="“Hello,” she said.")
    dropped = QuoteStep.dropped(Article(text="x"), "empty_file")
    out = list(QuoteStep().run([unparsed, dropped]))
    assert out == [unparsed, dropped]
    assert unparsed.quotes == [] and dropped.quotes == []
