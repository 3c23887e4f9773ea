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
#: Where an article came from.
SourceFormat = Literal["text", "html", "warc", "feed", "jsonl"]

MODALITIES: tuple[str, ...] = get_args(Modality)
SPEAKER_KINDS: tuple[str, ...] = get_args(SpeakerKind)
QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
