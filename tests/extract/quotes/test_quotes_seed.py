"""Every attribution of the two seed wire stories, with its resolved speaker and kind.

The article bodies come from the real segment and clean steps (the ``seed_cleaned`` fixture).
"""

from __future__ import annotations

from typing import Any

import pytest

from dateline.extract.quotes import QuoteStep
from dateline.model import Article, Quote

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# (cue, words from the content, speaker mention, resolved speaker, kind, type)
IRAQ = [
    ("say", "recent missile attack on the Ain al-Asad base", "Iraqi officials", "Iraqi officials", "anonymous", "indirect"),
    ("tell", "Washington has halted the negotiations", "Official sources", "official sources", "anonymous", "indirect"),
    ("say", "The situation is very complicated", "The sources", "official sources", "anonymous", "direct"),
    ("say", "Baghdad decided to postpone", "The Iraqi Ministry of Foreign Affairs", "Iraqi Ministry of Foreign Affairs",
     "organization", "indirect"),
    ("say", "The announcement of the end of the military mission", "it", "Iraqi Ministry of Foreign Affairs",
     "organization", "direct"),
    ("say", "a number of US soldiers", "Washington", "US government", "organization", "indirect"),
    ("deny", "the negotiations with the Iraqis were about", "the US State Department", "US State Department",
     "organization", "indirect"),
    ("say", "Washington discussed with the Iraqi government", "US State Department spokesman Matthew Miller",
     "Matthew Miller", "person", "indirect"),
    ("note", "At no time did we discuss", "he", "Matthew Miller", "person", "direct"),
    ("point", "talks were underway on the transition", "he", "Matthew Miller", "person", "indirect"),
    ("say", "they were “inaccurate", "The Iraqi Foreign Ministry", "Iraqi Foreign Ministry", "organization", "mixed"),
    ("emphasize", "the work of the Supreme Military Committee", "the ministry", "Iraqi Foreign Ministry",
     "organization", "indirect"),
    ("add", "On this basis", "it", "Iraqi Foreign Ministry", "organization", "direct"),
    ("say", "the Foreign Ministry’s statement indicated", "Hussein Allawi", "Hussein Allawi", "person", "indirect"),
    ("remark", "After ten years", "he", "Hussein Allawi", "person", "direct"),
]
BLINKEN = [
    ("say", "will travel to Israel this weekend", "the State Department", "State Department", "organization",
     "indirect"),
    ("say", "Blinken will leave Saturday", "a State Department statement", "State Department", "organization", "mixed"),
    ("say", "we are closer than we have ever been", "President Joe Biden", "Joe Biden", "person", "mixed"),
    ("tell", "This is kind of the final stage", "a senior US official", "a senior US official", "anonymous", "direct"),
    ("say", "would achieve a ceasefire in Gaza", "The State Department statement", "State Department", "organization",
     "mixed"),
    ("say", "Secretary Blinken will underscore", "it", "State Department", "organization", "direct"),
]


def bodies(seed_cleaned: list[Article]) -> list[str]:
    return [a.text for a in seed_cleaned]


@pytest.fixture(scope="module")
def seed_quotes(nlp: Any, seed_cleaned: list[Article]) -> list[tuple[str, list[Quote]]]:
    out = []
    for text in bodies(seed_cleaned):
        article = Article(text=text)
        article.doc = nlp(text)
        (article,) = QuoteStep().run([article])
        out.append((text, article.quotes))
    return out


def test_article_bodies_are_built_without_furniture(seed_cleaned: list[Article]) -> None:
    iraq, blinken = bodies(seed_cleaned)
    assert iraq.startswith("Washington is mulling") and iraq.endswith("he remarked.")
    assert blinken.startswith("US Secretary of State Antony Blinken will travel")
    assert "TT" not in iraq.split("\n") and "FILE PHOTO" not in blinken


@pytest.mark.parametrize(("index", "expected"), [(0, IRAQ), (1, BLINKEN)])
def test_every_attribution_with_its_speaker(
    seed_quotes: list[tuple[str, list[Quote]]], index: int, expected: list[tuple[str, ...]]
) -> None:
    text, quotes = seed_quotes[index]
    found = [
        (q.cue.split()[0], " ".join(s.of(text) for s in q.content_spans), q.speaker_mention, q.speaker,
         q.speaker_kind, q.type)
        for q in quotes
    ]
    assert len(found) == len(expected), [f[0] + ": " + f[1][:40] for f in found]
    for got, want in zip(found, expected, strict=True):
        cue, words, mention, speaker, kind, kind_of_quote = want
        assert got[0] == cue and words in got[1], (got, want)
        assert got[2:] == (mention, speaker, kind, kind_of_quote), (got, want)


def test_anonymous_official_with_reason_and_relay(seed_quotes: list[tuple[str, list[Quote]]]) -> None:
    _, quotes = seed_quotes[1]
    official = next(q for q in quotes if q.speaker_kind == "anonymous")
    assert official.anonymity_reason == "on customary condition of anonymity"
    assert official.relay == "AFP"
    assert all(q.relay is None for q in quotes if q is not official)


def test_colon_introduced_quote_and_split_free_direct_quotes(seed_quotes: list[tuple[str, list[Quote]]]) -> None:
    text, quotes = seed_quotes[0]
    sources = next(q for q in quotes if q.speaker_mention == "The sources")
    assert [s.of(text) for s in sources.content_spans] == [
        "“The situation is very complicated due to the recent attack on Ain al-Asad.”"
    ]
    assert text[sources.cue_span.end : sources.cue_span.end + 1] == ":" if sources.cue_span else False
    assert not any("revolutionaries" in s.of(text) for q in quotes for s in q.content_spans)


def test_with_entities_the_ministry_and_the_department_are_one_speaker_each(nlp: Any, seed_cleaned: list[Article]) -> None:
    entities = pytest.importorskip("dateline.extract.entities.step")
    iraq = bodies(seed_cleaned)[0]
    article = Article(text=iraq)
    article.doc = nlp(iraq)
    (article,) = QuoteStep().run(entities.EntityStep().run([article]))
    ministry = [q for q in article.quotes if q.speaker_mention in ("it", "the ministry", "The Iraqi Foreign Ministry",
                                                                  "The Iraqi Ministry of Foreign Affairs")]
    assert len(ministry) == 5
    assert {q.speaker for q in ministry} == {"Iraqi Ministry of Foreign Affairs"}
    assert len({q.speaker_entity for q in ministry}) == 1 and ministry[0].speaker_entity is not None
    miller = [q for q in article.quotes if q.speaker == "Matthew Miller"]
    assert len(miller) == 3 and len({q.speaker_entity for q in miller}) == 1
