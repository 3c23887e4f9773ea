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
    "correct_entities",
    "corrections",
    "ingest",
    "open_reader",
    "process",
    "process_text",
    "relink",
    "undo_correction",
]

import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import UsageError
from .model import DUPLICATE, Article
from .pipeline import PARSED_LANGUAGES, Pipeline, Step, failed
from .store import Reader, Writer, connect
from .store.connection import writer_lock
from .store.writer import INGEST_BATCH, WriteCounts, near_rank

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
    #: Stored articles in no story: the corpus stages were left for ``dateline relink``.
    without_story: int = 0
    #: Articles stored without facts because no pipeline reads their language, by language code.
    without_facts: Counter[str] = field(default_factory=Counter)

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
    """Clean and analyse one raw text (a dump may yield several articles). ``fields`` are Article
    fields; ``published`` may also be a string, read as ingest reads dates ("2024-08-15", RFC 2822...)."""
    published = fields.get("published")
    if isinstance(published, str):
        from .ingest.dates import parse_published

        fields["published"] = parse_published(published)
        if fields["published"] is None:
            raise UsageError(f"published: {published!r} is not a date")
        fields.setdefault("published_raw", published)
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
    foreign_db: bool = False,
) -> IngestReport:
    """Read, clean, analyse and store ``paths`` (files, directories, globs) into ``db``
    (default: ``$DATELINE_DB``, else ``dateline.db``).

    Safe to rerun: unchanged sources are skipped, stored articles are not stored twice, and a run that
    was killed midway is completed. One ingest writes to a database at a time: a second one waits
    (``on_wait`` is told why) until the first is done. An SQLite file of another program is refused
    (StoreError) unless ``foreign_db`` is set: then dateline's tables are added beside its own.
    """
    settings = settings or Settings()
    target = db or settings.db_path
    with writer_lock(target, on_wait):
        if foreign_db:
            connect(target, foreign=True).close()  # adds dateline's tables; later opens find them
        return _ingest(paths, target, outlet, published, settings, on_progress, on_drop)


@dataclass
class _SourceLog:
    """Which sources an ingest reads, and which one the writer is in: begun and finished in the
    ingest log, counted for progress."""

    writer: Writer
    sources: list[Source]
    report: IngestReport
    on_progress: ProgressFn | None
    done: int = 0
    current: tuple[str, int, Source | None] | None = None

    def _tick(self, path: str) -> None:
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, len(self.sources), path)

    def pending(self) -> bool:
        """True when some source is to be read (not finished by an earlier run with the same content)."""
        return any(src.error is not None or not self.writer.source_done(src.path, src.sha256) for src in self.sources)

    def todo(self) -> Iterator[Source]:
        """The sources to read: all but those finished by an earlier run with the same content."""
        for src in self.sources:
            if src.error is None and self.writer.source_done(src.path, src.sha256):
                self.report.unchanged_sources += 1
                self._tick(src.path)
                continue
            yield src

    def enter(self, article: Article) -> int:
        """The log id of ``article``'s source, finishing the previous source when it changes."""
        if self.current is None or self.current[0] != article.source:
            self.finish()
            src = next((s for s in self.sources if s.path == article.source), None)
            sha = article.provenance.source_sha256 or (src.sha256 if src else None)
            self.current = (article.source, self.writer.begin_source(
                article.source, sha, src.size if src else 0, src.format if src else article.format), src)
        return self.current[1]

    def finish(self) -> None:
        if self.current is not None:
            path, source_id, src = self.current
            self.writer.finish_source(source_id, complete=src is None or _still_as_checked(src))
            self._tick(path)
            self.current = None


def _still_as_checked(src: Source) -> bool:
    """Whether the file of ``src`` is still there with the size it had when it was hashed (a file
    removed or rewritten while it was read is read again by the next run)."""
    if src.error is not None:
        return True
    try:
        return os.stat(src.path).st_size == src.size
    except OSError:
        return False


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
    near.load((r[0], r[1], near_rank(r[2])) for r in conn.execute(
        "SELECT id, signature, published FROM articles WHERE signature IS NOT NULL"))
    writer = Writer(conn, near, counts=report, link_rules=corpus_rules(), batch=INGEST_BATCH)
    sources = list(discover(paths)) if settings.engine == "local" else _scale_sources(paths, published, settings.engine)
    report.sources = len(sources)
    log = _SourceLog(writer, sources, report, on_progress)
    articles: Iterator[Article] = iter(())
    read_any = log.pending()
    if read_any:
        articles = _analysed(settings, Reader(conn), log.todo, outlet, published)
    else:  # every source is unchanged: count them, and load no model
        for _ in log.todo():
            pass
    try:
        for article in articles:
            _write_or_drop(writer, article, log.enter(article))
            _count_drop(report, article, on_drop)
            if article.drop is None and article.language and article.language not in PARSED_LANGUAGES:
                report.without_facts[article.language] += 1
        log.finish()
        writer.relink_people()
        if settings.corpus_stages and (read_any or _without_story(conn)):
            link_corpus(conn)  # not when nothing was read and every article is in a story: nothing changed
        report.without_story = _without_story(conn)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        report.seconds = time.perf_counter() - started
        getattr(articles, "close", lambda: None)()  # stops the Dask workers, if any
        _keep_written(writer)
        conn.close()
    return report


def _keep_written(writer: Writer) -> None:
    """Commit the articles of the writer's open batch (after an interrupt too); a database that
    refuses keeps what earlier batches committed, and the sources not marked done are read again."""
    try:
        writer.flush()
    except sqlite3.Error:
        writer.conn.rollback()


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


def _without_story(conn: Any) -> int:
    """Stored articles that no story holds (none after the corpus stages ran)."""
    return int(conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
    ).fetchone()[0])


def link_corpus(conn: Any) -> Any:
    """Run the corpus stages (stories, happenings, contradictions) over what ``conn`` holds."""
    from .corpus import stage

    return stage.run(conn)


def relink(db: str | Path | None = None) -> Any:
    """Recompute stories, happenings and contradictions of a database; returns their counts."""
    conn = connect(db or Settings().db_path)
    try:
        return link_corpus(conn)
    finally:
        conn.close()


def correct_entities(db: str | Path | None, action: str, entity: str, other: str, who: str = "",
                     why: str = "") -> int:
    """Store and apply an entity correction (``merge`` ``other`` into ``entity``, or ``split`` the
    mentions written ``other`` out of ``entity``); returns its id. Stories are recomputed."""
    from .store.corrections import Corrections

    conn = connect(db or Settings().db_path)
    try:
        correction = Corrections(conn).add(action, entity, other, who or os.environ.get("USER") or "unknown", why)
        link_corpus(conn)
        return correction
    finally:
        conn.close()


def undo_correction(db: str | Path | None, correction_id: int) -> None:
    """Undo a stored entity correction; stories are recomputed."""
    from .store.corrections import Corrections

    conn = connect(db or Settings().db_path)
    try:
        Corrections(conn).undo(correction_id)
        link_corpus(conn)
    finally:
        conn.close()


def corrections(db: str | Path | None = None) -> list[dict[str, Any]]:
    """Every entity correction with who made it, when and why, and when it was undone."""
    from .store.corrections import Corrections

    return Corrections(connect(db or Settings().db_path, readonly=True)).listing()


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
        raise UsageError(f"unknown engine {settings_engine!r}; use one of {', '.join(ENGINES)}")
    read_paths([], published=published)  # raises ValueError at once for an unreadable date
    return list(discover_sources(paths))


def open_reader(db: str | Path | None = None) -> Reader:
    """A read-only view of a dateline database (default: ``$DATELINE_DB``, else ``dateline.db``)."""
    return Reader(connect(db or Settings().db_path, readonly=True))
