"""Parse and extract in forked processes: the same facts, in the same order, as in one process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from dateline.config import processes_from
from dateline.model import Article
from dateline.pipeline import Step
from dateline.scale.pool import GC_THRESHOLDS, ProcessPoolStep, frozen


class Shout(Step):
    """Upper-cases the title; fails on an article whose text says so."""

    name = "shout"

    def process(self, article: Article) -> Iterator[Article]:
        if "FAIL" in article.text:
            raise RuntimeError("cannot shout this one")
        article.title = article.text.upper()
        yield article


def test_pool_keeps_order_and_turns_a_failure_into_a_drop() -> None:
    articles = [Article(text=f"story {i}" + (" FAIL" if i == 5 else "")) for i in range(11)]
    out = list(ProcessPoolStep([Shout()], processes=2, chunk=3).run(articles))
    assert [a.text for a in out] == [a.text for a in articles]
    assert [a.title for a in out if a.drop is None] == [f"STORY {i}" for i in range(11) if i != 5]
    assert out[5].drop is not None and out[5].drop.reason == "internal_error" and "cannot shout" in out[5].drop.detail


def test_processes_setting_reads_auto_and_numbers() -> None:
    assert processes_from("auto") >= 1 and processes_from("3") == 3
    with pytest.raises(ValueError):
        processes_from("0")


def test_frozen_collects_less_often_while_it_lasts_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with frozen():
        assert gc.get_threshold() == GC_THRESHOLDS and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
