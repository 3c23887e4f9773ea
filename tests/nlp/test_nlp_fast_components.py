"""The precomputed attribute rules and memoised lemmas give the stock pipeline's annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from dateline.config import Settings
from dateline.nlp import load_pipeline
from dateline.nlp.attributes import TagAttributes, compile_rules
from dateline.nlp.fast import speed_up
from paths import SAMPLES

#: Made-up sentences that reach the ruler's several-token and dependency exceptions.
EXCEPTIONS = (
    "There is no deal yet, and there were talks in Cairo. Let's wait, they said; we're gonna see.\n"
    "\"Y'all ain't seen nothing,\" the mayor said, and c'mon, there's gotta be a vote."
)


def _texts(seed: Path) -> list[str]:
    texts = [seed.read_text(encoding="utf-8"), EXCEPTIONS]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "dumps").glob("*.txt"))]
    for line in (SAMPLES / "jsonl" / "syndication.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


@pytest.mark.slow
def test_fast_pipeline_annotates_real_text_like_the_stock_one(nlp: Any, seed_dump: Path) -> None:
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "TagAttributes"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "MemoLemmas"
    stock = load_pipeline(Settings().models, None, fast=False)
    assert type(stock.get_pipe("lemmatizer")).__name__ != "MemoLemmas"
    texts = _texts(seed_dump)
    tokens = 0
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        fast, plain = _annotations(fast_doc), _annotations(stock_doc)
        for ours, theirs in zip(fast, plain, strict=True):
            assert ours == theirs
        tokens += len(fast)
    assert tokens > 5000
    gonna = nlp(EXCEPTIONS)
    assert [t.lemma_ for t in gonna if t.text in ("gon", "na", "ai")] == ["go", "to", "be"]


def test_rules_with_operators_keep_the_stock_ruler() -> None:
    blank = spacy.blank("en")
    ruler = AttributeRuler(blank.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "intensified"})
    assert compile_rules(ruler) is None
    blank.add_pipe("attribute_ruler").add([[{"LOWER": "x", "OP": "?"}]], {"LEMMA": "y"})
    assert speed_up(blank) == []
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_later_rules_win_and_two_token_rules_hit_their_target() -> None:
    blank = spacy.blank("en")
    ruler = AttributeRuler(blank.vocab)
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["talks", "talk"]}}]], {"LEMMA": "talk"})
    ruler.add([[{"LOWER": "peace"}, {"LOWER": {"REGEX": "^talks?$"}}]], {"LEMMA": "negotiation"}, index=1)
    rules = compile_rules(ruler)
    assert rules is not None
    doc = TagAttributes(blank.vocab, rules)(blank("Peace talks and talks"))
    assert [t.lemma_ for t in doc] == ["", "negotiation", "", "talk"]
