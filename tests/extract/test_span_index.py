"""The span index answers exactly like the scans it replaces, in the items' own order."""

from __future__ import annotations

import random

from dateline.extract.span_index import SpanIndex, by_key, index_of, memo


def _span(item: tuple[int, int] | None) -> tuple[int, int] | None:
    return item


def test_at_and_within_match_scans_on_overlapping_spans() -> None:
    rng = random.Random(7)
    items: list[tuple[int, int] | None] = []
    for _ in range(300):
        start = rng.randrange(0, 2000)
        items.append(None if rng.random() < 0.1 else (start, start + rng.randrange(0, 120)))
    index = SpanIndex(items, _span)
    for offset in range(0, 2150, 3):
        assert index.at(offset) == [s for s in items if s is not None and s[0] <= offset < s[1]], offset
    for start in range(0, 2100, 37):
        for end in range(start, start + 400, 53):
            expected = [s for s in items if s is not None and start <= s[0] and s[1] <= end]
            assert index.within(start, end) == expected, (start, end)


def test_memo_follows_the_list_it_was_made_for() -> None:
    items = [(0, 5), (3, 9)]
    first = index_of(items, _span)
    assert index_of(items, _span) is first
    items.append((10, 12))
    assert index_of(items, _span) is not first and index_of(items, _span).at(11) == [(10, 12)]
    assert index_of(list(items), _span) is not index_of(items, _span)  # an equal list is another list
    assert by_key(["ab", "ac", "b"], lambda s: s[0]) == {"a": "ac", "b": "b"}
    calls: list[int] = []
    assert memo(items, "how", lambda: calls.append(1) or 1) == memo(items, "how", lambda: calls.append(1) or 2)
    assert calls == [1]
