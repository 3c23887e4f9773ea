"""Event export: rows in dateline's, GDELT's or ACLED's columns, written as CSV, JSONL, Parquet or GeoJSON.

>>> rows = event_rows(reader.export_events(), style="acled")   # doctest: +SKIP
>>> write_events(rows, "csv", "events.csv", style="acled")     # doctest: +SKIP

The GDELT and ACLED layouts themselves live in :mod:`.gdelt` and :mod:`.acled`; this module
dispatches and holds dateline's own layout.

Which code system each country column uses:

- ``dateline``: ``actor_countries``, ``target_countries``, ``attributed_country`` and
  ``place_country`` are ISO 3166 alpha-3 ("IRQ"); actors of no single country carry IGO, NGO or
  IMG in ``actor_groups`` / ``target_groups``.
- ``gdelt``: ``Actor1CountryCode`` and ``Actor2CountryCode`` are 3-letter CAMEO country codes,
  which for countries are the ISO alpha-3 codes ("IRQ"); ``Actor1Code`` is that code followed by
  the CAMEO-style sector ("IRQGOV", "IGOMIL"). ``ActionGeo_CountryCode`` is FIPS 10-4 ("IZ"), as
  in GDELT's own files.
- ``acled``: ``country`` is the country name ("Iraq"), ``iso`` the ISO 3166 numeric code (368),
  as in ACLED's files.

Dyads are made on export: dateline keeps every actor and target of an event in one row; GDELT gets
one row per (actor, target) pair; ACLED one row per event with the first actor and target as
``actor1``/``actor2`` and the others as associated actors, and only events ACLED covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import UsageError
from ..extract.events.step import reported_category
from ..model import Actor, Article, Event
from .acled import acled_rows, fatalities
from .gdelt import gdelt_event_rows
from .writers import COLUMNS, write_events

__all__ = ["COLUMNS", "STYLES", "event_rows", "fatalities", "write_events"]

STYLES = ("dateline", "gdelt", "acled")


def _actor(value: Any) -> Actor | None:
    """An Actor, also from the plain dict a stored event may hold."""
    if value is None or isinstance(value, Actor):
        return value
    if isinstance(value, dict):
        return Actor(text=value.get("text", ""), span=None, entity_id=value.get("entity_id"),
                      country=value.get("country"), sector=value.get("sector"), name=value.get("name"),
                      group=value.get("group"))
    return None


def _label(a: Actor) -> str:
    return a.name or a.text


def _join(values: Iterable[str | None]) -> str:
    return "; ".join(v for v in values if v)


def _dateline(article: Article, event: Event) -> Iterator[dict[str, Any]]:
    place, when = event.place, event.date
    by = _actor(event.attributed_to)
    text = article.text
    yield {
        "article_id": article.id, "url": article.url, "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "sentence": event.sentence_span.of(text) if text else None,
        "sentence_start": event.sentence_span.start, "sentence_end": event.sentence_span.end,
        "trigger": event.trigger_span.of(text) if text else None,
        "trigger_start": event.trigger_span.start, "trigger_end": event.trigger_span.end,
        "action": event.action, "category": event.category, "mode": event.mode,
        "reported_category": reported_category(event), "cameo": event.cameo,
        "cameo_root": event.cameo[:2] if event.cameo else None, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type, "modality": event.modality,
        "actors": _join(_label(a) for a in event.actors),
        "actor_countries": _join(a.country for a in event.actors),
        "actor_groups": _join(a.group for a in event.actors),
        "actor_sectors": _join(a.sector for a in event.actors),
        "targets": _join(_label(a) for a in event.targets),
        "target_countries": _join(a.country for a in event.targets),
        "target_groups": _join(a.group for a in event.targets),
        "target_sectors": _join(a.sector for a in event.targets),
        "attributed_to": _label(by) if by else None, "attributed_country": by.country if by else None,
        "instrument": event.instrument, "casualties": event.casualties,
        "fatalities": fatalities(event.casualties),
        "place": place.name if place else None, "place_country": place.country if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None, "place_kind": place.kind if place else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "date": when.value if when else None, "date_precision": when.precision if when else None,
        "date_raw": when.raw if when else None, "date_source": event.date_source,
        "source_quote": event.source_quote, "confidence": event.confidence, "primary": event.primary,
    }


def event_rows(items: Iterable[tuple[Any, ...]], style: str = "dateline") -> Iterator[dict[str, Any]]:
    """Export rows for ``(article, event[, happening_id[, position]])`` tuples in ``style``.

    ``style`` is "dateline", "gdelt" (GDELT 2.0 event table) or "acled"; every row has exactly the
    keys of ``COLUMNS[style]``, in that order. GDELT rows need every report of a happening, so the
    reports of one happening must come together (``Reader.export_events`` orders them so).
    """
    if style not in STYLES:
        raise UsageError(f"unknown export style {style!r}; use one of {', '.join(STYLES)}")
    columns = COLUMNS[style]
    if style == "gdelt":
        rows: Iterable[dict[str, Any]] = gdelt_event_rows(items)
    elif style == "acled":
        rows = acled_rows(items)
    else:
        rows = (row for item in items for row in _dateline(item[0], item[1]))
    for row in rows:
        yield {c: row.get(c) for c in columns}
