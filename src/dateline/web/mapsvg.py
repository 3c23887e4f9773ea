"""A plain equirectangular projection for the events map: graticule lines and point positions.

Nothing is fetched: the map is an SVG drawn from the events' own coordinates on a lat/lon grid.
"""

from __future__ import annotations

import math
from typing import Any

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
