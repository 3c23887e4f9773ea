"""Named vocabularies: the closed sets of values that facts and drops carry.

They are ``Literal`` types, so mypy checks every value written in code, and plain strings in the
database and in JSON.
"""

from __future__ import annotations

from typing import Literal, get_args

#: How an event is asserted in the text.
Modality = Literal["occurred", "planned", "claimed", "denied", "negated", "hypothetical"]
#: Who a quote's speaker is.
SpeakerKind = Literal["person", "organization", "anonymous", "unknown"]
#: How a quote is given: in quotation marks, paraphrased, or both.
QuoteType = Literal["direct", "indirect", "mixed"]
#: How precise a date is.
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
#: What a date phrase denotes.
DateKind = Literal["point", "since", "duration"]
#: What a gazetteer place is.
PlaceKind = Literal["city", "country", "region", "facility"]
#: Why an input or an article was not stored as an article (``duplicate`` is a copy, stored as a sighting).
DropReason = Literal[
    "bad_json_line", "bad_utf8", "binary_file", "duplicate", "empty_body", "empty_file", "internal_error",
    "malformed_feed", "malformed_html", "malformed_warc", "no_articles", "no_text", "not_an_article",
    "not_found", "too_large", "too_long", "too_short", "truncated_warc", "unreadable",
]
#: An actor's sector (CAMEO-style role codes).
Sector = Literal[
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "IGO", "NGO", "IMG", "BUS",
    "MED", "EDU", "HLH", "REL", "LAB", "AGR", "CRM", "REF", "ELI", "DEV", "ENV", "SPT", "UAF",
]
#: Where an article came from.
SourceFormat = Literal["text", "html", "warc", "feed", "jsonl"]

MODALITIES: tuple[str, ...] = get_args(Modality)
SPEAKER_KINDS: tuple[str, ...] = get_args(SpeakerKind)
QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
DROP_REASONS: tuple[str, ...] = get_args(DropReason)
SECTORS: tuple[str, ...] = get_args(Sector)


def as_sector(code: str | None) -> Sector | None:
    """``code`` as a sector, or ``None`` when it is not one (a table may hold codes we do not know)."""
    return code if code in SECTORS else None  # type: ignore[return-value]
