"""parse_published: full dates only, times kept, nothing guessed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from dateline.ingest import parse_published

PLUS_3 = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-08-15", date(2024, 8, 15)),
        ("2024-08-15T10:30:00Z", datetime(2024, 8, 15, 10, 30, tzinfo=UTC)),
        ("2024-08-15T10:30:00+03:00", datetime(2024, 8, 15, 10, 30, tzinfo=PLUS_3)),
        ("2024-08-15 10:30", datetime(2024, 8, 15, 10, 30)),
        ("Thu, 15 Aug 2024 09:30:00 GMT", datetime(2024, 8, 15, 9, 30, tzinfo=UTC)),
        ("Wed, 14 Aug 2024 17:05:00 +0300", datetime(2024, 8, 14, 17, 5, tzinfo=PLUS_3)),
        ("15 August 2024", date(2024, 8, 15)),
        ("August 15, 2024", date(2024, 8, 15)),
        ("Thursday, 15 August, 2024 - 10:52", datetime(2024, 8, 15, 10, 52)),
        ("Published: 9 August 2024 10:15 am", datetime(2024, 8, 9, 10, 15)),
        ("15 août 2024", date(2024, 8, 15)),
        ("15/08/2024", date(2024, 8, 15)),
        ("04/04/2024", date(2024, 4, 4)),
    ],
)
def test_full_dates_are_read(raw: str, expected: date | datetime) -> None:
    value = parse_published(raw)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "raw", ["", "   ", "Aug 2024", "2024", "yesterday", "03/04/2024", "no date here", "12 May 1850"]
)
def test_partial_relative_ambiguous_or_odd_dates_give_none(raw: str) -> None:
    assert parse_published(raw) is None
