"""Every step of the standard pipeline changes only the article fields it declares in ``assigns``.

Runs the real steps one at a time over the bundled sample corpus, snapshotting every field of every
article before and after each step.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from dateline.api import build_pipeline
from dateline.ingest import discover, read_source
from dateline.model import Article
from dateline.pipeline import READER_FIELDS
from paths import SAMPLES

pytestmark = pytest.mark.slow

#: Fields any step may set: the drop mechanism itself.
ALWAYS = frozenset({"drop"})
#: Transient objects compared by identity.
BY_IDENTITY = frozenset({"doc", "caption_docs"})
NAMES = [f.name for f in dataclasses.fields(Article)]


def _snapshot(article: Article) -> dict[str, Any]:
    return {n: getattr(article, n) if n in BY_IDENTITY else copy.deepcopy(getattr(article, n)) for n in NAMES}


def _changed(before: dict[str, Any], after: Article) -> set[str]:
    out = set()
    for name in NAMES:
        value = getattr(after, name)
        if (value is not before[name]) if name in BY_IDENTITY else (value != before[name]):
            out.add(name)
    return out


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    sources = list(discover([str(SAMPLES / d) for d in ("dumps", "html", "feeds", "jsonl")]))
    return [a for src in sources for a in read_source(src, outlet=None, published=None)]


def test_every_step_sets_only_what_it_declares(articles: list[Article]) -> None:
    pipeline = build_pipeline()
    stream = articles
    violations: list[str] = []
    for step in pipeline.steps:
        before = {id(a): _snapshot(a) for a in stream}
        by_source = {a.source: _snapshot(a) for a in stream}
        out = list(step.run(iter(stream)))
        allowed = step.assigns | ALWAYS
        for article in out:
            if id(article) in before:
                changed = _changed(before[id(article)], article)
            else:  # a new article split from a source's text: it may carry the reader's fields
                changed = _changed(by_source[article.source], article) - READER_FIELDS - {"position"}
                changed -= {n for n in BY_IDENTITY if not getattr(article, n)}  # fresh, empty
            extra = changed - allowed
            if extra:
                violations.append(f"{step.name} sets {sorted(extra)} without declaring them")
        stream = out
    assert not sorted(set(violations)), sorted(set(violations))
    assert any(a.quotes for a in stream) and any(a.events for a in stream)


#: Fields every step may read whatever it declares: what readers and cleaning set on every article,
#: its identity and where it came from, and the drop mechanism.
READ_FREELY = READER_FIELDS | {"id", "position", "format", "language", "published_raw", "drop", "provenance",
                               "cleaned", "captions"}


class _Reads:
    """Records which Article fields are read while a step runs (set on the class for the run)."""

    seen: set[str] = set()

    @staticmethod
    def install() -> Any:
        original = Article.__getattribute__
        fields = set(NAMES)

        def spy(self: Article, name: str) -> Any:
            if name in fields:
                _Reads.seen.add(name)
            return original(self, name)

        Article.__getattribute__ = spy  # type: ignore[method-assign]
        return original


def test_every_step_reads_only_what_it_requires(articles: list[Article]) -> None:
    pipeline = build_pipeline()
    stream = [copy.copy(a) for a in articles]
    violations: list[str] = []
    for step in pipeline.steps:
        _Reads.seen = set()
        original = _Reads.install()
        try:
            out = list(step.run(iter(stream)))
        finally:
            Article.__getattribute__ = original  # type: ignore[method-assign]
        undeclared = _Reads.seen - step.requires - step.assigns - READ_FREELY
        if undeclared:
            violations.append(f"{step.name} reads {sorted(undeclared)} without requiring them")
        stream = out
    assert not violations, violations
    assert any(a.events for a in stream)
