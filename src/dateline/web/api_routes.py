"""The JSON API under /api/v1: lists with ``limit`` and a ``cursor``, details with every fact and span."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..extract.events.calibration import SHOW_AT
from ..serialize import to_jsonable
from ..store import Reader
from ..store.browse import MARK_CLOSE, MARK_OPEN, article_filters, event_filters, quote_filters
from . import paging
from .deps import contradictions_of, reader
from .filters import check_entity_type, check_events, check_quote_type
from .problems import Problem
from .snapshot import snapshot

router = APIRouter(prefix="/api/v1", tags=["api"])
Rd = Annotated[Reader, Depends(reader)]
Limit = Annotated[int, Query(ge=1, le=paging.MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page.")]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@router.get("/articles", summary="Articles, oldest stored first")
def articles(rd: Rd, limit: Limit = 50, cursor: Cursor = None, outlet: Text = None, language: Text = None,
             since: Day = None, until: Day = None, entity: Text = None) -> dict[str, Any]:
    filters = article_filters(outlet, language, _day(since), _day(until), entity)
    return paging.page(rd.browse().articles(filters, paging.decode(cursor), limit + 1), limit)


@router.get("/articles/{article_id}", summary="One article with every fact and its spans")
def article(article_id: str, rd: Rd) -> dict[str, Any]:
    art = rd.article(article_id)
    data: dict[str, Any] = to_jsonable(art)
    data.update(rd.browse().related(art.id))
    return data


@router.get("/entities", summary="Canonical entities")
def entities(rd: Rd, limit: Limit = 50, cursor: Cursor = None,
             type: Text = None, name: Text = None) -> dict[str, Any]:  # noqa: A002 - the CLI's option name
    check_entity_type(type)
    return paging.page(rd.browse().entities(paging.decode(cursor), limit + 1, type, name), limit)


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles, quotes, events, timeline")
def entity(entity_id: str, rd: Rd) -> dict[str, Any]:
    ent = rd.entity(entity_id)
    browse = rd.browse()
    return {
        **to_jsonable(ent),
        "quotes_by": browse.quotes(quote_filters(entity=ent.id), 0, 200),
        "quotes_about": browse.quotes_about(ent.id),
        "events": browse.entity_events(ent.id),
        "timeline": browse.timeline(ent.id),
    }


@router.get("/quotes", summary="Quotes with speakers")
def quotes(rd: Rd, limit: Limit = 50, cursor: Cursor = None, speaker: Text = None, anonymous: bool = False,
           type: Text = None, cue: Text = None, since: Day = None, until: Day = None,  # noqa: A002
           article: Text = None, entity: Text = None) -> dict[str, Any]:
    check_quote_type(type)
    filters = quote_filters(speaker, anonymous, type, cue, _day(since), _day(until), article, entity)
    return paging.page(rd.browse().quotes(filters, paging.decode(cursor), limit + 1), limit)


@router.get("/events", summary="Events with actors, place and date")
def events(request: Request, rd: Rd, limit: Limit = 50, cursor: Cursor = None, category: Text = None,
           acled: Text = None, country: Text = None, modality: Text = None, since: Day = None, until: Day = None,
           actor: Text = None, article: Text = None, all: bool = False) -> dict[str, Any]:  # noqa: A002
    check_events(request, rd, category, acled, country, modality)
    filters = event_filters(category, acled, country, modality, _day(since), _day(until), actor, article,
                            0.0 if all else SHOW_AT)
    return paging.page(rd.browse().events(filters, paging.decode(cursor), limit + 1), limit)


def _offset_page(items: list[dict[str, Any]], cursor: str | None, limit: int) -> dict[str, Any]:
    start = paging.decode(cursor)
    chunk = [{**item, "key": start + i + 1} for i, item in enumerate(items[start:start + limit + 1])]
    return paging.page(chunk, limit)


@router.get("/stories", summary="Stories: articles grouped by what they report")
def stories(request: Request, rd: Rd, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    return _offset_page(snapshot(request, rd).stories, cursor, limit)


@router.get("/contradictions", summary="Claims and counter-claims within a story")
def contradictions(request: Request, rd: Rd, limit: Limit = 50, cursor: Cursor = None,
                   story: Text = None) -> dict[str, Any]:
    if story:  # resolves a prefix, or answers 404
        return _offset_page(contradictions_of(rd, story), cursor, limit)
    return _offset_page(snapshot(request, rd).contradictions, cursor, limit)


@router.get("/search", summary="Full-text search (FTS5) with snippets")
def search(rd: Rd, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20,
           cursor: Cursor = None, outlet: Text = None, language: Text = None, since: Day = None,
           until: Day = None, entity: Text = None) -> dict[str, Any]:
    offset = paging.decode(cursor)
    rows = run_search(rd, q, article_filters(outlet, language, _day(since), _day(until), entity), offset, limit + 1)
    for i, row in enumerate(rows):
        row["key"] = offset + i + 1
        row["snippet"] = row["snippet"].replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
    return paging.page(rows, limit)


def run_search(rd: Reader, q: str, filters: Any, offset: int, limit: int) -> list[dict[str, Any]]:
    """FTS5 search; a query that is not valid FTS5 syntax is retried as quoted words."""
    import sqlite3

    browse = rd.browse()
    try:
        return browse.search(q, filters, offset, limit)
    except sqlite3.OperationalError:
        literal = " ".join('"' + word.replace('"', '""') + '"' for word in q.split())
        try:
            return browse.search(literal, filters, offset, limit)
        except sqlite3.OperationalError as exc:
            raise Problem(400, f"bad search query {q!r}: {exc}") from exc
