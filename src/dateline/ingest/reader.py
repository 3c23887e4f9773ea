"""Read checked sources into raw Articles, whatever their format."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime

from ..errors import UsageError
from ..model import Article, Drop, article_id
from ..pipeline import failed
from .common import dropped
from .dates import parse_published
from .jsonl import read_jsonl
from .source import DEFAULT_MAX_BYTES, STREAMED_FORMATS, Source, discover, inspect_path, too_large
from .text import read_text
from .unicode import valid_article

log = logging.getLogger(__name__)


def read_source(
    source: Source,
    *,
    outlet: str | None = None,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Yield the raw articles of one source: at least one, dropped ones included.

    Every article gets ``source`` (the path), ``position`` (0-based within the source),
    ``format`` and ``provenance.source_sha256``; kept articles also get ``id``. ``outlet`` and
    ``published`` fill articles that lack them; an unreadable ``published`` raises ``ValueError``
    at once. A source unusable before reading yields exactly one drop with ``text=""``.
    """
    fallback_date = _user_date(published)
    checked = _recheck(source, max_bytes)
    stream = _articles(checked, max_bytes)
    return _stamped(stream, checked, outlet, fallback_date, published)


def read_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    outlet: str | None = None,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """:func:`discover` then :func:`read_source` for every file named by ``paths``."""
    _user_date(published)
    return _read_all(paths, outlet, published, max_bytes)


def _read_all(
    paths: Sequence[str | os.PathLike[str]], outlet: str | None, published: str | None, max_bytes: int
) -> Iterator[Article]:
    for source in discover(paths, max_bytes=max_bytes):
        yield from read_source(source, outlet=outlet, published=published, max_bytes=max_bytes)


def _user_date(published: str | None) -> date | datetime | None:
    if published is None:
        return None
    value = parse_published(published)
    if value is None:
        raise UsageError(
            f"cannot read the published date {published!r}; give a full date such as "
            "2024-08-15, 2024-08-15T09:30:00+03:00 or 15 August 2024"
        )
    return value


def _recheck(source: Source, max_bytes: int) -> Source:
    """Inspect a hand-made Source, or one checked against another ``max_bytes``."""
    error = source.error
    if (error is None and source.format is None) or (
        error is not None and error.reason == "too_large" and source.size <= max_bytes
    ):
        return inspect_path(source.path, max_bytes=max_bytes)
    if error is None and source.format not in STREAMED_FORMATS and source.size > max_bytes:
        return dataclasses.replace(source, error=too_large(source.size, max_bytes))
    return source


def _articles(source: Source, max_bytes: int) -> Iterator[Article]:
    if source.error is not None:
        yield dropped(source.error.reason, source.error.detail)
        return
    path, fmt = source.path, source.format
    try:
        if fmt == "warc":
            from .warc import read_warc  # warcio pulls in fsspec and asyncio: only for WARC files

            yield from read_warc(path, max_bytes=max_bytes)
        elif fmt == "jsonl":
            yield from read_jsonl(path, max_bytes=max_bytes)
        else:
            data = _read_bytes(path, max_bytes)
            if isinstance(data, Drop):
                yield dropped(data.reason, data.detail)
            elif (nul := data.find(b"\x00")) >= 0:
                yield dropped("binary_file", f"NUL byte at byte {nul}; this is not a text file")
            elif fmt == "html":
                from .html import read_html  # lxml: only for HTML and feeds

                yield read_html(data)
            elif fmt == "feed":
                from .feed import read_feed

                yield from read_feed(data)
            else:
                yield read_text(data)
    except OSError as exc:
        yield dropped("unreadable", f"reading failed: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one bad source never ends a batch
        log.error("reading %s failed", path, exc_info=exc)
        message = " ".join(str(exc).split())[:300]
        yield dropped("internal_error", f"step 'read' raised {type(exc).__name__}: {message}")


def _read_bytes(path: str, max_bytes: int) -> bytes | Drop:
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return too_large(os.path.getsize(path), max_bytes)
    return data


def _stamped(
    articles: Iterable[Article],
    source: Source,
    outlet: str | None,
    fallback_date: date | datetime | None,
    published: str | None,
) -> Iterator[Article]:
    for position, article in enumerate(articles):
        try:
            stamped = _stamp(valid_article(article), position, source, outlet, fallback_date, published)
        except Exception as exc:  # noqa: BLE001 - one bad record never ends a batch
            article.source, article.position, article.format = source.path, position, source.format or "unknown"
            stamped = valid_article(failed(article, "read", exc))
        yield stamped


def _stamp(
    article: Article,
    position: int,
    source: Source,
    outlet: str | None,
    fallback_date: date | datetime | None,
    published: str | None,
) -> Article:
    """``article`` with its source, position, format, source hash, outlet and date filled in, and its
    id (or a ``binary_file`` drop for a NUL character in its text)."""
    article.source = source.path
    article.position = position
    article.format = source.format or "unknown"
    article.provenance.source_sha256 = source.sha256
    if outlet and not article.outlet:
        article.outlet = outlet
    if fallback_date is not None and article.published is None:
        if article.published_raw:
            article.provenance.unparsed_published_raw = article.published_raw
        article.published, article.published_raw = fallback_date, published
        article.provenance.published_source = "given"
    if article.published is not None and article.provenance.published_source is None:
        article.provenance.published_source = article.format  # the feed entry's or record's own date
    if article.drop is None and (nul := article.text.find("\x00")) >= 0:
        article.drop = Drop("binary_file", f"NUL character at character {nul} of the record's text")
    if article.drop is None:
        article.id = article_id(article.text)
    return article
