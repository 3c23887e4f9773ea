"""Parse publication dates given by users or found in page and feed metadata."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|^\d{8}")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?:published|updated|posted|date|last updated)\s*(?:on|at)?\s*[:\-]?\s*", re.IGNORECASE
)
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],
}
#: Languages tried for written dates (a short list: detecting among all of them is slow).
DATE_LANGUAGES = ["en", "fr", "es", "de", "it", "pt", "nl", "tr", "ar", "ru", "id"]
_FIRST_YEAR = 1900
_LAST_YEAR = 2100


def parse_published(raw: str) -> datetime | date | None:
    """A ``datetime`` when the string holds a time, a ``date`` when it holds only a day, else ``None``.

    Accepts ISO 8601, RFC 2822 (feeds), and written dates in English and other languages
    ("15 August 2024", "Thursday, 15 August, 2024 - 10:52", "15 août 2024"). Returns ``None``
    for partial dates ("Aug 2024"), relative dates ("yesterday": no reference day is known),
    ambiguous numeric days ("03/04/2024") and anything without a four-digit year.
    Timezone-aware input stays aware.
    """
    text = _LABEL.sub("", " ".join(raw.split()))
    if not _YEAR.search(text):
        return None  # no four-digit year: empty, partial or relative
    for parse in (_iso, _rfc2822, _numeric, _dateutil, _dateparser):
        try:
            value = parse(text)
        except _Ambiguous:
            return None
        except (ValueError, OverflowError, TypeError, IndexError):
            continue
        if value is not None:
            return value if _FIRST_YEAR <= value.year <= _LAST_YEAR else None
    return None


class _Ambiguous(Exception):
    """The string is a date, but it cannot be read one way only."""


def _iso(text: str) -> datetime | date | None:
    if _ISO_DAY.match(text):
        return date.fromisoformat(text)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", text):
        return datetime.fromisoformat(text)
    return None


def _rfc2822(text: str) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    return parsedate_to_datetime(text)


def _numeric(text: str) -> date | None:
    """``dd/mm/yyyy`` or ``mm/dd/yyyy``: only when one reading is impossible (or both agree)."""
    match = _NUMERIC_DAY.match(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if first > 12:
        return date(year, second, first)
    if second > 12 or first == second:
        return date(year, first, second)
    raise _Ambiguous(text)


def _dateutil(text: str) -> datetime | date | None:
    """English written dates; ``None`` unless year, month and day are all present."""
    one = dateutil_parser.parse(text, default=datetime(2001, 1, 1, 0, 0, 0))
    two = dateutil_parser.parse(text, default=datetime(2002, 2, 2, 1, 1, 1))
    if (one.year, one.month, one.day) != (two.year, two.month, two.day):
        return None
    return one if _HAS_TIME.search(text) else one.date()


def _dateparser(text: str) -> datetime | date | None:
    import dateparser  # slow to import; only needed for non-English dates

    settings: Any = _DATEPARSER_SETTINGS
    value = dateparser.parse(text, languages=DATE_LANGUAGES, settings=settings)
    if value is None:
        return None
    return value if _HAS_TIME.search(text) else value.date()


def from_timestamp(seconds: float) -> datetime:
    """A Unix timestamp (as found in some JSON exports) as an aware UTC datetime."""
    return datetime.fromtimestamp(seconds, tz=UTC)
