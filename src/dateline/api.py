"""The public Python API. The CLI and the web app are thin shells over these functions.

>>> from dateline import api
>>> report = api.ingest(["news/"], db="news.db")          # doctest: +SKIP
>>> api.open_reader("news.db").articles()                  # doctest: +SKIP
"""

from __future__ import annotations

__all__ = [
    "IngestReport",
    "Reader",
    "Settings",
    "build_pipeline",
    "ingest",
    "open_reader",
    "process",
    "process_text",
]

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .model import DUPLICATE, Article
from .pipeline import Pipeline, Step, failed
from .store import Reader, Writer, connect
from .store.connection import writer_lock
from .store.writer import WriteCounts

if TYPE_CHECKING:
    from .ingest import Source


@dataclass
class IngestReport(WriteCounts):
    """What one ingest did: the writer's counts (articles, duplicates, entities, ...) and the run's."""

    db: str = ""
    sources: int = 0
    unchanged_sources: int = 0
    drops: Counter[str] = field(default_factory=Counter)
    drop_lines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def extraction_steps(settings: Settings) -> list[Step]:
    """Parse and extract: entities, quotes, dates, places, events."""
    from .extract.dates import DateStep
    from .extract.entities import EntityStep
    from .extract.events import EventStep
    from .extract.places import PlaceStep
    from .extract.quotes import QuoteStep
    from .nlp import ParseStep

    extract: list[Step] = [EntityStep(), QuoteStep(), DateStep(), PlaceStep(), EventStep()]
    components: set[str] = set()
    for step in extract:
        components |= step.nlp_components
    return [ParseStep(settings, frozenset(components) or None), *extract]


def build_pipeline(settings: Settings | None = None, reader: Reader | None = None) -> Pipeline:
    """The standard chain: segment, clean, identify, skip known copies, parse, extract."""
    from .clean import CleanStep, IdentityStep, LanguageStep, SegmentStep
    from .corpus.known import KnownFilter

    settings = settings or Settings()
    steps: list[Step] = [SegmentStep(), CleanStep(), LanguageStep(), IdentityStep()]
    if reader is not None:
        steps.append(KnownFilter(reader.has_article))
    steps += extraction_steps(settings)
    return Pipeline(steps)


def process(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Article]:
    """Run the full pipeline over articles in memory, storing nothing."""
    yield from build_pipeline(settings).run(articles)


def process_text(text: str, **fields: Any) -> list[Article]:
    """Clean and analyse one raw text (a dump may yield several articles)."""
    return list(process([Article(text=text, **fields)]))


ProgressFn = Callable[[int, int, str], None]
DropFn = Callable[[str], None]


def ingest(
    paths: Sequence[str],
    db: str | Path | None = None,
    *,
    outlet: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    on_progress: ProgressFn | None = None,
    on_drop: DropFn | None = None,
    on_wait: DropFn | None = None,
) -> IngestReport:
    """Read, clean, analyse and store ``paths`` (files, directories, globs) into ``db``
    (default: ``$DATELINE_DB``, else ``dateline.db``).

    Safe to rerun: unchanged sources are skipped, stored articles are not stored twice, and a run that
    was killed midway is completed. One ingest writes to a database at a time: a second one waits
    (``on_wait`` is told why) until the first is done.
    """
    settings = settings or Settings()
    target = db or settings.db_path
    with writer_lock(target, on_wait):
        return _ingest(paths, target, outlet, published, settings, on_progress, on_drop)


def _ingest(
    paths: Sequence[str], db: str | Path, outlet: str | None, published: str | None,
    settings: Settings | None, on_progress: ProgressFn | None, on_drop: DropFn | None,
) -> IngestReport:
    from .corpus.dedup import NearDuplicateIndex
    from .corpus.linking import corpus_rules
    from .ingest import discover

    started = time.perf_counter()
    settings = settings or Settings()
    conn = connect(db)
    report = IngestReport(db=str(db))
    near = NearDuplicateIndex()
    near.load((r[0], r[1]) for r in conn.execute("SELECT id, signature FROM articles WHERE signature IS NOT NULL"))
    writer = Writer(conn, near, counts=report, link_rules=corpus_rules())
    reader = Reader(conn)
    sources = list(discover(paths)) if settings.engine == "local" else _scale_sources(paths, published, settings.engine)
    report.sources, done = len(sources), 0

    def todo() -> Iterator[Source]:
        nonlocal done
        for src in sources:
            if src.error is None and writer.source_done(src.path, src.sha256):
                report.unchanged_sources += 1
                done += 1
                if on_progress:
                    on_progress(done, len(sources), src.path)
                continue
            yield src

    current: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal done
        if current is not None:
            writer.finish_source(current[1])
            done += 1
            if on_progress:
                on_progress(done, len(sources), current[0])

    by_path = {s.path: s for s in sources}
    articles = _analysed(settings, reader, todo, outlet, published)
    try:
        for article in articles:
            src = by_path.get(article.source)
            sha = article.meta.get("source_sha256") or (src.sha256 if src else None)
            if current is None or current[0] != article.source:
                finish()
                current = (article.source, writer.begin_source(
                    article.source, sha, src.size if src else 0, src.format if src else article.format))
            _write_or_drop(writer, article, current[1])
            _count_drop(report, article, on_drop)
        finish()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        report.seconds = time.perf_counter() - started
        getattr(articles, "close", lambda: None)()  # stops the Dask workers, if any
        conn.close()
    return report


def _count_drop(report: IngestReport, article: Article, on_drop: DropFn | None) -> None:
    """Count a real drop (not a copy) in the report and tell ``on_drop`` its one-line description."""
    from .ingest import describe

    if article.drop is not None and article.drop.reason != DUPLICATE:
        report.drops[article.drop.reason] += 1
        line = describe(article)
        report.drop_lines.append(line)
        if on_drop:
            on_drop(line)


def _write_or_drop(writer: Writer, article: Article, source_id: int) -> None:
    """Store ``article``; if storing it raises (anything but a database failure), store an
    ``internal_error`` drop for it instead, so the batch goes on."""
    try:
        writer.write(article, source_id)
    except sqlite3.OperationalError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad article never ends a batch
        failed(article, "store", exc)
        writer.write(article, source_id)


def _analysed(
    settings: Settings, reader: Reader, todo: Callable[[], Iterator[Source]], outlet: str | None,
    published: str | None,
) -> Iterator[Article]:
    """Analysed articles in source order: here (in ``settings.processes`` forked processes for the
    parse and extraction) or, with the ``dask`` engine, from Dask workers."""
    if settings.engine == "local":
        from .ingest import read_source
        from .scale.pool import in_processes

        stream = (a for src in todo() for a in read_source(src, outlet=outlet, published=published))
        return in_processes(build_pipeline(settings, reader), settings.processes).run(stream)
    from .corpus.known import KnownFilter
    from .scale import dask_articles

    return dask_articles(todo(), settings, build_pipeline, outlet=outlet, published=published,
                         known=KnownFilter(reader.has_article))


def _scale_sources(paths: Sequence[str], published: str | None, settings_engine: str) -> list[Source]:
    """Sources for the Dask engine (paths or fsspec URLs); ``published`` is checked here, once."""
    from .ingest import read_paths
    from .scale import ENGINES, discover_sources

    if settings_engine not in ENGINES:
        raise ValueError(f"unknown engine {settings_engine!r}; use one of {', '.join(ENGINES)}")
    read_paths([], published=published)  # raises ValueError at once for an unreadable date
    return list(discover_sources(paths))


def open_reader(db: str | Path | None = None) -> Reader:
    """A read-only view of a dateline database (default: ``$DATELINE_DB``, else ``dateline.db``)."""
    return Reader(connect(db or Settings().db_path, readonly=True))
