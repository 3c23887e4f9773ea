"""Event confidence that means something: a calibration table and the default display threshold.

``data/events/calibration.tsv`` maps the coder's raw score (sentence position of the trigger,
kind of trigger, who acts, see ``step._confidence``) to the share of events of that score that were right on a labelled
development set of real news sentences (``eval/real_events.py --calibrate`` writes it). Each
event's ``confidence`` is that share, so "0.8" means "about 8 in 10 such events are right".

:data:`SHOW_AT` is the confidence at or above which the ``events`` command, the web pages and the
exports show an event by default (``--all`` shows the rest too).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from ...tables import read_table

#: Default display threshold: events below it are stored but shown only with ``--all``.
SHOW_AT = 0.6


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[float, ...], tuple[float, ...]]:
    rows = sorted((float(r[0]), float(r[1])) for r in read_table("events/calibration.tsv", header=True, width=2))
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows)


def _interpolate(x: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """``x`` read off the piecewise-linear curve through ``(xs, ys)``, flat beyond its ends."""
    n = bisect_right(xs, x)
    if n == 0:
        return ys[0]
    if n == len(xs):
        return ys[-1]
    lo, hi = xs[n - 1], xs[n]
    share = (x - lo) / (hi - lo) if hi > lo else 0.0
    return round(ys[n - 1] + share * (ys[n] - ys[n - 1]), 3)


def calibrated(raw: float) -> float:
    """The calibrated confidence of a raw score, interpolated between the table's rows (the table's
    values rise with the raw score, so the order of events by confidence is kept)."""
    bounds, values = _table()
    return _interpolate(raw, bounds, values) if bounds else raw


def raw_of(confidence: float) -> float:
    """The raw score a calibrated confidence came from (the inverse of :func:`calibrated`)."""
    bounds, values = _table()
    return _interpolate(confidence, values, bounds) if bounds else confidence
