"""What each worker does with one source: read, clean, parse and extract, then hand the articles back.

Plain functions without Dask, so they run (and are tested) in any process. The pipeline, with its
spaCy model and tables, is built once per worker process and reused for every source it gets.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..config import Settings
from ..ingest import Source, read_source
from ..model import Article, Drop
from ..pipeline import INTERNAL_ERROR, Pipeline
from .sources import staged

#: Drop reason for a source whose processing failed unexpectedly (the rest of the batch goes on).
FAILED = INTERNAL_ERROR


#: Builds the steps a worker runs from its settings: :func:`dateline.api.build_pipeline` without a
#: database reader gives the local engine's steps less the known-copy filter, which runs in the writer.
BuildFn = Callable[[Settings], Pipeline]


@lru_cache(maxsize=2)
def worker_pipeline(build: BuildFn, models: tuple[str, ...], batch_size: int) -> Pipeline:
    """The pipeline ``build`` makes, parsing in this process; built once per worker and reused."""
    return build(Settings(models=models, batch_size=batch_size, processes=1))


#: A short made-up article that sends every step through its lazy set-up (model, tables, gazetteer).
WARM_UP_TEXT = (
    "Talks resume in Cairo\n\nCAIRO, May 2 - Negotiators met in Cairo on Monday, Egypt's foreign ministry "
    'said. "We are close," spokesman Ahmed Abu Zeid told reporters, as troops shelled the town of Rafah.'
)


def warm_pipeline(build: BuildFn, settings: Settings) -> Pipeline:
    """Build the worker pipeline and run it once, so that processes forked from this one start ready."""
    pipeline = worker_pipeline(build, settings.models, settings.batch_size)
    for _ in pipeline.run([Article(text=WARM_UP_TEXT)]):
        pass
    return pipeline


def process_source(
    source: Source, settings: Settings, build: BuildFn, outlet: str | None = None, published: str | None = None
) -> list[Article]:
    """All the articles of one source, analysed, without their spaCy Docs (dropped ones included).

    A URL source is fetched to a local copy first; the articles still name the URL. An unexpected
    error gives one ``failed`` drop for the source instead of its articles.
    """
    try:
        with staged(source) as local:
            pipeline = worker_pipeline(build, settings.models, settings.batch_size)
            articles = list(pipeline.run(read_source(local, outlet=outlet, published=published)))
    except Exception as exc:  # one source must never end the batch
        return [failed_source(source, exc)]
    for article in articles:
        article.source = source.path
        article.doc = None
        article.caption_docs = []
    return articles


def failed_source(source: Source, exc: BaseException) -> Article:
    """The drop that stands for a source whose processing raised ``exc``."""
    detail = f"processing the source raised {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    article = Article(text="", drop=Drop(INTERNAL_ERROR, detail), source=source.path)
    article.format = source.format or "unknown"
    article.provenance.source_sha256 = source.sha256
    return article

