"""Happenings: the events of one story that describe the same thing that happened.

Needs a story's events (:class:`EventReport`). Two reports are of the same happening when they
share the PLOVER category, their dates are compatible (the same day, or one date contains the other:
"2024-08-14" lies in "2024-W33" and "2024-08"; a missing date fits any) and so are their places
(equal, or one missing), and they share an actor or target name or lack both. Reports that are only
claimed, planned or hypothetical are kept apart from those that occurred. Yields :class:`Happening`
groups with the counts GDELT gives, without counting a happening twice: ``mentions`` (reports),
``sources`` (outlets) and ``articles``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass
class EventReport:
    event_id: int
    article_id: str
    position: int
    outlet: str
    category: str
    modality: str = "occurred"
    date: str | None = None
    precision: str | None = None
    place: str | None = None
    names: frozenset[str] = frozenset()


@dataclass
class Happening:
    id: str
    category: str
    date: str | None
    precision: str | None
    place: str | None
    reports: list[EventReport]

    @property
    def mentions(self) -> int:
        return len(self.reports)

    @property
    def sources(self) -> int:
        return len({r.outlet for r in self.reports if r.outlet}) or 1

    @property
    def articles(self) -> int:
        return len({r.article_id for r in self.reports})


_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _contains(wide: str, narrow: str) -> bool:
    if narrow.startswith(wide):
        return True
    if "-W" in wide and len(narrow) == 10:
        try:
            year, week, _ = date.fromisoformat(narrow).isocalendar()
        except ValueError:
            return False
        return wide == f"{year}-W{week:02d}"
    return False


def dates_fit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a == b or _contains(a, b) or _contains(b, a)


@dataclass
class _Seen:
    """What a happening's reports hold so far: their distinct dates and all their names."""

    dates: set[str | None]
    names: set[str]


def _fits(h: Happening, seen: _Seen, r: EventReport) -> bool:
    first = h.reports[0]
    if r.category != first.category or (r.modality == "occurred") != (first.modality == "occurred"):
        return False
    if not all(dates_fit(d, r.date) for d in seen.dates):
        return False
    if h.place and r.place and h.place.lower() != r.place.lower():
        return False
    return bool(seen.names & r.names) or not seen.names or not r.names


#: A report is compared with at most this many happenings of its kind (the latest formed, in order),
#: so that a story of thousands of events costs no more than this per event.
MAX_CANDIDATES = 50


def group_events(reports: Sequence[EventReport]) -> list[Happening]:
    """Happenings over one story's reports; the precise dates and places come first."""
    order = sorted(reports, key=lambda r: (_RANK.get(r.precision or "", 9), r.date or "~", r.article_id, r.position))
    out: list[tuple[Happening, _Seen]] = []
    by_kind: dict[tuple[str, bool], list[tuple[Happening, _Seen]]] = {}
    for report in order:
        kind = by_kind.setdefault((report.category, report.modality == "occurred"), [])
        for h, seen in kind[-MAX_CANDIDATES:]:
            if _fits(h, seen, report):
                h.reports.append(report)
                h.place = h.place or report.place
                seen.dates.add(report.date)
                seen.names |= report.names
                break
        else:
            happening = Happening("", report.category, report.date, report.precision, report.place, [report])
            out.append((happening, _Seen({report.date}, set(report.names))))
            kind.append(out[-1])
    for h, _ in out:
        first = min((r.article_id, r.position) for r in h.reports)
        h.id = "h" + hashlib.sha1(f"{first[0]}:{first[1]}".encode()).hexdigest()[:9]
    return [h for h, _ in out]
