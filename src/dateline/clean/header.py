"""The metadata lines around a story's start: bylines, datelines and stated dates."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as date_parser

from .captions import is_credit_shaped
from .lexicon import Lexicon
from .textlines import ends_sentence, word_count

_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|al-\w+|bin|ibn|de|da|del|van|von|le|la)){0,4}"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME}){{0,3}}"
_BY = re.compile(
    rf"^(?i:by|written by|words by)\s*:?\s+(?P<names>{_NAMES})"
    rf"(?:\s*(?:,|\||/|\s-|–|—|\bfor\b|\bin\b)\s*(?P<org>[A-Z][^.]{{1,60}}))?$"
)
_NAME_ORG = re.compile(rf"^(?P<names>{_NAMES})\s*(?:,|\||/|\s-|–|—)\s*(?P<org>[A-Za-z][^.]{{1,60}})$")
_PLACE_NAME = re.compile(
    r"^(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s*(?::|\s[-–—])\s*(?P<names>" + _NAME + r")$"
)
_STAFF = re.compile(r"\b(?:staff|correspondent|reporter|writer|editor|bureau|contributor|special to)\b", re.I)
_LOWER_NAME_WORDS = re.compile(r"^(?:al-\w+|bin|ibn|de|da|del|van|von|le|la)$")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_DATE_LINE = re.compile(
    r"^(?:(?:first\s+)?(?:published|updated|posted|last updated|date|dated)(?:\s+on)?\s*[:\-]?\s*)?"
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>{_DATE})"
    rf"(?:\s*(?:,|-|–|—|\||at|T)?\s*(?P<time>{_TIME})(?:\s*(?P<tz>GMT|UTC|Z)(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?)?)?\.?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
    r"(?:,\s(?!" + _MONTH + r"\s\d)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?)"
    r"(?:,\s(?P<date>" + _MONTH + r"\s\d{1,2}(?:,?\s\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()]{2,40})\))?"
    r"\s*(?:--|[-–—]|:)\s+(?=[\"“‘'A-Z0-9])"
)


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline prefix such as ``BAGHDAD, Aug 16 (Reuters) -``, and where the body starts."""

    place: str
    date: str | None
    agency: str | None
    body_start: int


def read_byline(line: str, lexicon: Lexicon, outlet: str | None = None) -> tuple[str, str | None] | None:
    """``(names, organisation)`` for a byline line ("By Jane Doe", "Jane Doe, Reuters"), else None."""
    if word_count(line) > 14 or (ends_sentence(line) and not line.endswith(".")):
        return None
    text = line.rstrip(".").strip()
    by = _BY.match(text)
    if by and _names_ok(by.group("names")):
        org = (by.group("org") or "").strip() or None
        if org is None or is_credit_shaped(org) or _STAFF.search(org):
            return by.group("names").strip(), org
    named = _NAME_ORG.match(text)
    if named and _names_ok(named.group("names")):
        org = named.group("org").strip()
        known = (
            lexicon.has_agency(org) or _STAFF.search(org) or (outlet and org.casefold() == outlet.casefold())
        )
        if known and is_credit_shaped(org):
            return named.group("names").strip(), org
    return None


def read_place_byline(line: str) -> tuple[str, str] | None:
    """``(place, name)`` for a "Baghdad: Jane Doe" line (two to four name words), else None."""
    match = _PLACE_NAME.match(line.strip())
    if not match or word_count(line) > 7:
        return None
    name = match.group("names")
    if not 2 <= word_count(name) <= 4 or not _names_ok(name):
        return None
    return match.group("place"), name


def _names_ok(names: str) -> bool:
    """Every name has two or more words and none of the words is a plain lower-case word."""
    for name in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names):
        words = name.split()
        if len(words) < 2:
            return False
        if any(w[0].islower() and not _LOWER_NAME_WORDS.match(w) for w in words):
            return False
    return True


def read_dateline(paragraph: str, lexicon: Lexicon) -> DatelineMatch | None:
    """The dateline prefix of a first paragraph, when it has an agency or an upper-case place."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    agency = match.group("agency")
    head = place.split(",")[0]
    if agency is not None:
        agency = agency.strip()
        if not (lexicon.has_agency(agency) or is_credit_shaped(agency)):
            return None
    elif not (head.upper() == head and sum(c.isalpha() for c in head) >= 2) and not match.group("date"):
        return None
    if paragraph[match.end() :].strip() == "" or word_count(paragraph[match.end() :]) < 3:
        return None
    return DatelineMatch(place, match.group("date"), agency, match.end())


def read_date_line(line: str) -> date | datetime | None:
    """The date a line such as "Published: 17 August 2024 10:32 GMT" states, else None."""
    match = _DATE_LINE.match(line.strip())
    if not match:
        return None
    raw = re.sub(r"\bSept\b", "Sep", match.group("date"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) and not match.group("time"):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return None
    if match.group("time"):
        raw += " " + match.group("time") + (" " + match.group("tz") if match.group("tz") else "")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = date_parser.parse(raw)
    except (ValueError, OverflowError):
        return None
    return value if match.group("time") else value.date()
