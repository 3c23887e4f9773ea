"""Plain-JSON forms of the data model (for the store's JSON columns, ``--json`` and exports)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from .model import Actor, DateRef, Event, Place, Quote, Span

_TRANSIENT = frozenset({"doc", "caption_docs"})


_PLAIN = (str, int, float, type(None))


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The stored field names of a dataclass type (None for any other type), looked up once per type."""
    if cls not in _FIELD_NAMES:
        names = None
        if dataclasses.is_dataclass(cls):
            names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in _TRANSIENT)
        _FIELD_NAMES[cls] = names
    return _FIELD_NAMES[cls]


def to_jsonable(obj: Any) -> Any:
    """Dataclasses to dicts, spans to ``[start, end]``, dates to ISO strings, recursively."""
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    names = _field_names(type(obj))
    if names is not None:
        return {name: to_jsonable(getattr(obj, name)) for name in names}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    return obj


def span_from(value: Any) -> Span | None:
    if value is None:
        return None
    return Span(int(value[0]), int(value[1]))


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def quote_to_dict(quote: Quote, text: str) -> dict[str, Any]:
    """The public JSON shape of a quote (offsets refer to the article text)."""
    data = to_jsonable(quote)
    data["content"] = " … ".join(s.of(text) for s in quote.content_spans)
    data["cue_text"] = quote.cue_span.of(text) if quote.cue_span else None
    return data


def quote_from_dict(data: dict[str, Any]) -> Quote:
    d = _known(Quote, data)
    d["content_spans"] = [span_from(s) for s in d.get("content_spans", [])]
    d["cue_span"] = span_from(d.get("cue_span"))
    d["speaker_span"] = span_from(d.get("speaker_span"))
    return Quote(**d)


def _actor(data: dict[str, Any]) -> Actor:
    d = _known(Actor, data)
    d["span"] = span_from(d.get("span"))
    return Actor(**d)


def event_from_dict(data: dict[str, Any]) -> Event:
    d = _known(Event, data)
    d["sentence_span"] = span_from(d["sentence_span"])
    d["trigger_span"] = span_from(d["trigger_span"])
    d["actors"] = [_actor(a) for a in d.get("actors", [])]
    d["targets"] = [_actor(a) for a in d.get("targets", [])]
    if d.get("attributed_to"):
        d["attributed_to"] = _actor(d["attributed_to"])
    if d.get("place"):
        p = _known(Place, d["place"])
        p["span"] = span_from(p.get("span"))
        d["place"] = Place(**p)
    if d.get("date"):
        r = _known(DateRef, d["date"])
        r["span"] = span_from(r.get("span"))
        d["date"] = DateRef(**r)
    return Event(**d)
