"""The events map draws country outlines read from the pinned Natural Earth wheel, on the same
projection as the points."""

from __future__ import annotations

import re
from typing import Any

from dateline.web import mapsvg


def test_outlines_are_read_from_the_shipped_wheel_and_cover_the_land() -> None:
    path = mapsvg.land_path()
    rings = re.findall(r"M(\d+) (\d+)l", path)
    assert len(rings) > 150  # every country, islands included
    starts = [(int(x), int(y)) for x, y in rings]
    assert all(0 <= x <= mapsvg.WIDTH and 0 <= y <= mapsvg.HEIGHT for x, y in starts)
    assert path.count("z") == len(rings)


def test_a_ring_comes_back_where_it_started() -> None:
    square = [(10.0, 10.0), (20.0, 10.0), (20.0, 20.0), (10.0, 20.0), (10.0, 10.0)]
    drawn = mapsvg._ring_path(square)
    x, y = mapsvg.project(10.0, 10.0)
    assert drawn.startswith(f"M{round(x)} {round(y)}l")
    moves = [int(n) for n in drawn[drawn.index("l") + 1 : -1].split()]
    assert sum(moves[0::2]) == 0 and sum(moves[1::2]) == 0  # closed: the steps add up to nothing
    assert len(moves) == 8  # four straight sides, each one step
    assert mapsvg._ring_path([(0.0, 0.0), (0.1, 0.1), (0.2, 0.0), (0.0, 0.0)]) == ""  # too small to see


def test_the_events_page_draws_the_outlines_under_the_points(client: Any) -> None:
    page = client.get("/events").text
    assert page.index('<path class="land"') < page.index('<circle class="point"')
    assert '<path class="land" d="M' in page
    assert "Natural Earth" in page
