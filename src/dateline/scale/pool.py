"""Parse and extract in several local processes; everything before and after stays in this one.

:class:`ProcessPoolStep` wraps the parse and extraction steps. It runs them once here on a short
article (so the model and tables are loaded), then forks ``processes`` workers that share them, and
sends articles in small chunks, at most a few chunks ahead, taking results back in order. The writer
in this process therefore sees the same stream, in the same order, as with one process.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any

from ..model import Article
from ..pipeline import Pipeline, Step, failed
from .worker import WARM_UP_TEXT

#: The steps the forked workers run (set before forking; each worker inherits its own copy).
_STEPS: list[Step] = []
#: Garbage collector thresholds while the run lasts (Python's are 700, 10, 10): about half the time
#: the workers spent in collections goes, for a few thousand more young objects held at a time.
GC_THRESHOLDS = (20_000, 20, 20)


@contextmanager
def frozen() -> Iterator[None]:
    """What is loaded now (model, tables) is left out of the garbage collections while the block runs:
    a full collection no longer walks it (a sixth of the entity step's time went to them), and
    processes forked inside the block do not copy the pages it sits on. Collections also come less
    often (:data:`GC_THRESHOLDS`): an article's objects mostly die by reference counting first, and
    with the loaded objects frozen a full collection followed nearly every older one."""
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _run_steps(steps: Sequence[Step], articles: list[Article]) -> list[Article]:
    stream: Iterable[Article] = articles
    for step in steps:
        stream = step.run(stream)
    out = list(stream)
    for article in out:
        article.doc, article.caption_docs = None, []
    return out


def _work(chunk: list[Article]) -> list[Article]:
    """Run the inherited steps over one chunk; an article that makes them fail becomes a drop."""
    try:
        return _run_steps(_STEPS, chunk)
    except Exception:
        out = []
        for article in chunk:
            try:
                out += _run_steps(_STEPS, [article])
            except Exception as exc:  # one article must never end the batch
                article.caption_docs = []
                out.append(failed(article, "processes", exc))
        return out


class ProcessPoolStep(Step):
    """Runs ``steps`` (parse and extract) in ``processes`` forked workers, in order.

    Requires ``text`` and what the wrapped steps require; assigns what they assign. With one process,
    or where fork is unavailable, the steps run here. Either way the steps are warmed up first and
    what they loaded is frozen out of the garbage collections while the run lasts.
    """

    name = "processes"
    requires: frozenset[str] = frozenset({"text"})

    def __init__(self, steps: Sequence[Step], processes: int, chunk: int = 4) -> None:
        self.steps = list(steps)
        self.processes = processes
        self.chunk = chunk
        self.requires = frozenset({"text"}).union(*(
            s.requires.difference(*(earlier.assigns for earlier in self.steps[:i])) for i, s in enumerate(self.steps)))
        self.assigns = frozenset().union(*(s.assigns for s in self.steps))
        self.nlp_components = frozenset().union(*(s.nlp_components for s in self.steps))

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        _run_steps(self.steps, [Article(text=WARM_UP_TEXT)])  # the model and tables loaded once, here
        with frozen():
            if self.processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
                stream: Iterable[Article] = articles
                for step in self.steps:
                    stream = step.run(stream)
                yield from stream
                return
            _STEPS[:] = self.steps
            with multiprocessing.get_context("fork").Pool(self.processes) as pool:
                yield from self._ordered(pool, iter(articles))
                pool.close()
                pool.join()

    def _ordered(self, pool: Any, articles: Iterator[Article]) -> Iterator[Article]:
        pending: deque[Any] = deque()
        while True:
            while len(pending) < 2 * self.processes:
                chunk = list(islice(articles, self.chunk))
                if not chunk:
                    break
                pending.append(pool.apply_async(_work, (chunk,)))
            if not pending:
                return
            yield from pending.popleft().get()


def in_processes(pipeline: Pipeline, processes: int, first: str = "parse") -> Pipeline:
    """``pipeline`` with its steps from ``first`` on run in ``processes`` forked workers (1: here, with
    what they load kept out of the garbage collections)."""
    names = [step.name for step in pipeline.steps]
    if first not in names:
        return pipeline
    at = names.index(first)
    return Pipeline([*pipeline.steps[:at], ProcessPoolStep(pipeline.steps[at:], processes)])
