"""HTML pages: home, search, article, entity."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store import Reader
from ..store.browse import MARK_CLOSE, MARK_OPEN, article_filters, quote_filters
from .api_routes import run_search
from .deps import choices, reader
from .highlight import layers, render_body, render_snippet
from .paging import MAX_KEY
from .render import page, with_params
from .snapshot import snapshot

router = APIRouter(include_in_schema=False)
Rd = Annotated[Reader, Depends(reader)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[date | None, Query()]
PER_PAGE = 20


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, rd: Rd) -> HTMLResponse:
    listed = snapshot(request, rd)
    return page(request, "home.html", stats=listed.stats, stories=listed.home, latest=listed.latest)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, rd: Rd, q: Annotated[str, Query(max_length=500)] = "", outlet: Text = None,
           language: Text = None, since: Day = None, until: Day = None, entity: Text = None,
           offset: Annotated[int, Query(ge=0, le=MAX_KEY)] = 0) -> HTMLResponse:
    results = []
    if q.strip():
        filters = article_filters(outlet, language, _day(since), _day(until), entity)
        results = run_search(rd, q, filters, offset, PER_PAGE + 1)
        for row in results:
            row["snippet_html"] = render_snippet(row["snippet"] or "", MARK_OPEN, MARK_CLOSE)
    more = len(results) > PER_PAGE
    return page(request, "search.html", q=q, results=results[:PER_PAGE], choices=choices(request, rd),
                form=dict(request.query_params),
                next_url=with_params(request, offset=offset + PER_PAGE) if more else None)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, rd: Rd) -> HTMLResponse:
    art = rd.article(article_id)
    body = render_body(art.text, layers(art))
    names = {e.id: e.name for e in art.entities}
    return page(request, "article.html", article=art, body=body, related=rd.browse().related(art.id),
                names=names, quote_text=[" … ".join(s.of(art.text) for s in q.content_spans) for q in art.quotes],
                trigger_text=[e.trigger_span.of(art.text) for e in art.events])


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, rd: Rd) -> HTMLResponse:
    ent = rd.entity(entity_id)
    browse = rd.browse()
    return page(request, "entity.html", entity=ent, quotes_by=browse.quotes(quote_filters(entity=ent.id), 0, 200),
                quotes_about=browse.quotes_about(ent.id), events=browse.entity_events(ent.id),
                timeline=browse.timeline(ent.id))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, rd: Rd, type: Text = None, name: Text = None,  # noqa: A002
             after: Annotated[int, Query(ge=0, le=MAX_KEY)] = 0) -> HTMLResponse:
    rows = rd.browse().entities(after, 51, type, name)
    next_url = with_params(request, after=rows[49]["key"]) if len(rows) > 50 else None
    return page(request, "entities.html", rows=rows[:50], form=dict(request.query_params), next_url=next_url)
