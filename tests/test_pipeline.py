"""Steps and the pipeline: order checks, drops passing through, generator streaming."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import pytest

from dateline.errors import PipelineOrderError
from dateline.model import Article
from dateline.pipeline import Pipeline, Step


@dataclass
class Noted(Article):
    """An article with one more field, set by a step."""

    shout: str | None = None


class Upper(Step):
    name = "upper"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"shout"})
    nlp_components: ClassVar[frozenset[str]] = frozenset({"ner"})

    def process(self, article: Article) -> Iterator[Article]:
        assert isinstance(article, Noted)
        article.shout = article.text.upper()
        yield article


class NeedsShout(Step):
    name = "needs-shout"
    requires: ClassVar[frozenset[str]] = frozenset({"shout"})
    nlp_components: ClassVar[frozenset[str]] = frozenset({"parser"})

    def process(self, article: Article) -> Iterator[Article]:
        if len(article.text) < 5:
            yield self.dropped(article, "too_short", "fewer than 5 characters")
            return
        yield article


class Split(Step):
    name = "split"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})

    def process(self, article: Article) -> Iterator[Article]:
        for i, part in enumerate(article.text.split("|")):
            yield Noted(text=part, source=article.source, position=i)


def test_order_is_checked_before_anything_runs() -> None:
    with pytest.raises(PipelineOrderError, match="needs-shout.*shout"):
        Pipeline([NeedsShout(), Upper()])
    pipe = Pipeline([Upper(), NeedsShout()])
    assert "shout" in pipe.assigned
    assert pipe.nlp_components == {"ner", "parser"}


def test_drops_pass_through_later_steps_with_their_reason() -> None:
    out = list(Pipeline([Split(), Upper(), NeedsShout()]).run([Noted(text="hi|hello there", source="x")]))
    assert [a.text for a in out] == ["hi", "hello there"]
    assert out[0].drop is not None and out[0].drop.reason == "too_short"
    assert out[1].drop is None and isinstance(out[1], Noted) and out[1].shout == "HELLO THERE"


def test_steps_stream_lazily() -> None:
    consumed: list[int] = []

    def source() -> Iterator[Article]:
        for i in range(1000):
            consumed.append(i)
            yield Noted(text=f"article number {i}")

    stream = Pipeline([Upper()]).run(source())
    first = next(iter(stream))
    assert isinstance(first, Noted) and first.shout == "ARTICLE NUMBER 0" and len(consumed) == 1


def test_the_standard_pipeline_is_in_a_valid_order() -> None:
    from dateline.api import build_pipeline

    pipe = build_pipeline()
    names = [s.name for s in pipe.steps]
    assert names.index("parse") < names.index("entities") < names.index("quotes") < names.index("events")
    assert {"quotes", "events", "entities", "mentions", "dates", "places"} <= pipe.assigned
