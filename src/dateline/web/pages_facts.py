"""HTML pages: quotes, events (table, map, downloads), stories, contradictions."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.background import BackgroundTask

from ..errors import NotFoundError
from ..export import event_rows, write_events
from ..extract.events.calibration import SHOW_AT
from ..store import Reader
from ..store.browse import Filters, event_filters, quote_filters
from . import mapsvg
from .deps import choices, contradictions_of, reader
from .paging import MAX_KEY
from .problems import Problem
from .render import page, with_params
from .snapshot import snapshot

router = APIRouter(include_in_schema=False)
Rd = Annotated[Reader, Depends(reader)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[date | None, Query()]
After = Annotated[int, Query(ge=0, le=MAX_KEY)]
PER_PAGE = 50
DOWNLOADS = {"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet",
             "geojson": "application/geo+json"}
STYLES = ("dateline", "gdelt", "acled")
#: A story page lists at most this many timeline rows (the rest are counted).
TIMELINE_ROWS = 500


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _next(request: Request, rows: list[dict[str, Any]]) -> str | None:
    return with_params(request, after=rows[PER_PAGE - 1]["key"]) if len(rows) > PER_PAGE else None


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, rd: Rd, speaker: Text = None, anonymous: bool = False, type: Text = None,  # noqa: A002
           cue: Text = None, since: Day = None, until: Day = None, after: After = 0) -> HTMLResponse:
    filters = quote_filters(speaker, anonymous, type, cue, _day(since), _day(until))
    rows = rd.browse().quotes(filters, after, PER_PAGE + 1)
    return page(request, "quotes.html", rows=rows[:PER_PAGE], form=dict(request.query_params),
                next_url=_next(request, rows))


class EventQuery:
    """The events page's filters, shared by the table, the map and the downloads."""

    def __init__(self, category: Text = None, acled: Text = None, country: Text = None, modality: Text = None,
                 since: Day = None, until: Day = None, actor: Text = None, all: bool = False) -> None:  # noqa: A002
        self.filters: Filters = event_filters(category, acled, country, modality, _day(since), _day(until), actor,
                                              min_confidence=0.0 if all else SHOW_AT)


Selection = Annotated[EventQuery, Depends()]


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, rd: Rd, selection: Selection, after: After = 0) -> HTMLResponse:
    browse = rd.browse()
    rows = browse.events(selection.filters, after, PER_PAGE + 1)
    downloads = {fmt: with_params(request, f"/events/download.{fmt}", after=None) for fmt in DOWNLOADS}
    return page(request, "events.html", rows=rows[:PER_PAGE], form=dict(request.query_params),
                next_url=_next(request, rows), choices=choices(request, rd), downloads=downloads,
                points=mapsvg.points(browse.event_places(selection.filters)), grid=mapsvg.graticule(),
                land=mapsvg.land_path(),
                width=mapsvg.WIDTH, height=mapsvg.HEIGHT)


@router.get("/events/download.{fmt}")
def download(fmt: str, rd: Rd, selection: Selection,
             style: Annotated[str, Query(max_length=20)] = "dateline") -> FileResponse:
    """The selected events as a file, written by the export module to a temporary file."""
    if fmt not in DOWNLOADS:
        raise Problem(404, f"no download format {fmt!r}; use one of {', '.join(DOWNLOADS)}")
    if style not in STYLES:
        raise Problem(400, f"unknown export style {style!r}; use one of {', '.join(STYLES)}")
    folder = Path(tempfile.mkdtemp(prefix="dateline-events-"))
    target = folder / f"events.{fmt}"

    def cleanup() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    try:
        write_events(event_rows(rd.browse().event_pairs(selection.filters), style=style), fmt, target, style=style)
    except BaseException:
        cleanup()
        raise
    return FileResponse(target, media_type=DOWNLOADS[fmt], filename=f"events.{fmt}",
                        background=BackgroundTask(cleanup))


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, rd: Rd, after: After = 0) -> HTMLResponse:
    listed = snapshot(request, rd).stories
    shown = listed[after:after + PER_PAGE]
    more = len(listed) > after + PER_PAGE
    return page(request, "stories.html", stories=shown, total=len(listed), first=after + 1,
                next_url=with_params(request, after=after + PER_PAGE) if more else None)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, rd: Rd) -> HTMLResponse:
    """A story's timeline (dated events and statements, contested ones marked), its key entities
    linked to their pages, its places and its contradictions."""
    if snapshot(request, rd).by_id.get(story_id) is None:
        raise Problem(404, f"no story with id {story_id!r}")
    data = rd.story(story_id)
    timeline = data["timeline"]
    return page(request, "story.html", story=data, entities=entity_chips(rd, data.get("entities")),
                timeline=timeline[:TIMELINE_ROWS], more=max(0, len(timeline) - TIMELINE_ROWS),
                contradictions=data["contradictions"])


def entity_chips(rd: Reader, entities: Any) -> list[dict[str, str]]:
    """A link for each of a story's entities (stored by name, or as ``{id, name}``): to the entity's
    page by id, URL-encoded; a name no stored entity has links to the entity list filtered by it."""
    chips = []
    for item in entities or []:
        name = str(item.get("name") or item.get("id")) if isinstance(item, dict) else str(item)
        found = str(item["id"]) if isinstance(item, dict) and item.get("id") else _entity_id(rd, name)
        href = f"/entities/{quote(found, safe='')}" if found else f"/entities?name={quote(name, safe='')}"
        chips.append({"name": name, "href": href})
    return chips


def _entity_id(rd: Reader, name: str) -> str | None:
    try:
        return rd.find_entity(name)
    except NotFoundError:
        return None


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, rd: Rd, story: Text = None) -> HTMLResponse:
    return page(request, "contradictions.html", rows=contradictions_of(rd, story), story=story)
