"""Date values: a phrase's kind and words normalised to an ISO value against the publication date.

:func:`resolve` dispatches on the phrase kind (full dates, month and year, durations, offsets,
bare months, month-days, weekdays, relative days and spans). A month or day named without a year
resolves to the nearest occurrence that fits the tense: the most recent one on or before
publication, or the next one when the tense is future.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": None, "few": None, "many": None,
}  # fmt: skip
UNIT_LETTER = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "hour": "H"}
PAST_WORDS = {"last", "earlier", "past", "previous", "ago", "yesterday"}
FUTURE_WORDS = {"next", "coming", "later", "tomorrow"}
NO_DATE = "no publication date"


@dataclass(frozen=True)
class Phrase:
    """One pattern match, with the word before it that belongs to the phrase ("on", "since")."""

    name: str
    start: int
    end: int
    raw: str
    groups: tuple[Any, ...]



@dataclass
class Resolved:
    value: str | None
    precision: str
    kind: str = "point"
    reason: str | None = None


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower())


def _weekday(pub: date, wd: int, direction: str) -> date:
    if direction == "future":
        return pub + timedelta(days=(wd - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _duration(n_word: str, unit: str) -> Resolved:
    n = _count(n_word)
    unit = unit.lower().rstrip("s")
    if n is None:
        return Resolved(None, "unknown", "duration", "vague duration")
    if unit == "decade":
        n *= 10
    prefix = "PT" if unit == "hour" else "P"
    precision = {"hour": "day", "week": "week", "decade": "year"}.get(unit, unit)
    return Resolved(f"{prefix}{n}{UNIT_LETTER[unit]}", precision, "duration")


def _direction(pre: str, tense: str) -> str:
    if pre in PAST_WORDS or pre == "since":
        return "past"
    if pre in FUTURE_WORDS:
        return "future"
    return tense


@dataclass(frozen=True)
class _Ask:
    """What a resolver needs: the phrase's groups, its leading word, kind and direction, and the
    publication date (None when unknown)."""

    groups: tuple[Any, ...]
    pre: str
    kind: str
    tense: str
    pub: date | None

    @property
    def direction(self) -> str:
        return _direction(self.pre, self.tense)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _full_date(name: str, ask: _Ask) -> Resolved:
    g = ask.groups
    if name == "iso":
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
    elif name == "mdy":
        y, mo, d = int(g[2]), _month(g[0]), int(g[1])
    else:
        y, mo, d = int(g[2]), _month(g[1]), int(g[0])
    day = _safe_date(y, mo, d)
    return Resolved(day.isoformat(), "day", ask.kind) if day else Resolved(None, "unknown", ask.kind, "no such day")


def _month_year(name: str, ask: _Ask) -> Resolved:
    return Resolved(f"{int(ask.groups[1]):04d}-{_month(ask.groups[0]):02d}", "month", ask.kind)


def _year(name: str, ask: _Ask) -> Resolved:
    return Resolved(ask.groups[0], "year", ask.kind)


def _vague(name: str, ask: _Ask) -> Resolved:
    return Resolved(None, "unknown", "duration", "vague duration")


def _age(name: str, ask: _Ask) -> Resolved:
    """"a two-year-old conflict": a duration."""
    return _duration(ask.groups[0], ask.groups[1])


def _within(name: str, ask: _Ask) -> Resolved:
    """"for two weeks" is a duration; "in two weeks" (future) a point after publication."""
    g = ask.groups
    if g[0].lower() != "in" or ask.tense != "future":
        return _duration(g[1], g[2])
    if ask.pub is None:
        return Resolved(None, "unknown", ask.kind, NO_DATE)
    n = _count(g[1])
    if n is None:
        return Resolved(None, "unknown", "duration", "vague duration")
    return _offset(ask.pub, n, g[2].lower().rstrip("s"), +1)


def _ago(pub: date, ask: _Ask) -> Resolved:
    n = _count(ask.groups[0])
    if n is None:
        return Resolved(None, "unknown", ask.kind, "vague offset")
    return _offset(pub, n, ask.groups[1].lower().rstrip("s"), -1)


def _month_day(pub: date, ask: _Ask, name: str) -> Resolved:
    """"On December 27": the nearest occurrence that fits the tense (published in January, past:
    December of the year before)."""
    mon, dom = (ask.groups[0], ask.groups[1]) if name == "md" else (ask.groups[1], ask.groups[0])
    month, d = _month(mon), int(dom)
    day = _safe_date(pub.year, month, d)
    if day is None:
        return Resolved(None, "unknown", ask.kind, "no such day")
    if ask.direction == "past" and day > pub:
        day = _safe_date(pub.year - 1, month, d) or day
    elif ask.direction == "future" and day < pub:
        day = _safe_date(pub.year + 1, month, d) or day
    return Resolved(day.isoformat(), "day", ask.kind)


def _bare_month(pub: date, ask: _Ask) -> Resolved:
    """"in June": this year's June unless the tense points the other way ("the upcoming summit in June")."""
    month = _month(ask.groups[0])
    year = pub.year
    if ask.groups[1]:
        year += {"last": -1, "next": 1, "this": 0}[ask.groups[1].lower()]
    elif ask.direction == "past" and month > pub.month:
        year -= 1
    elif ask.direction == "future" and month < pub.month:
        year += 1
    return Resolved(f"{year:04d}-{month:02d}", "month", ask.kind)


def _named_weekday(pub: date, ask: _Ask) -> Resolved:
    wd = WEEKDAYS[re.sub(r"['’‘]s$", "", ask.groups[0].strip().lower())]
    if ask.pre == "last":
        day = _weekday(pub - timedelta(days=1), wd, "past")
    elif ask.pre == "next":
        day = _weekday(pub + timedelta(days=1), wd, "future")
    else:
        day = _weekday(pub, wd, ask.direction)
    return Resolved(day.isoformat(), "day", ask.kind)


def _relative_day(pub: date, ask: _Ask) -> Resolved:
    word = ask.groups[0].lower().split()[0]
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if word == "last":  # "last night": the evening before publication
        shift = -1
    return Resolved((pub + timedelta(days=shift)).isoformat(), "day", ask.kind)


def _span(pub: date, ask: _Ask) -> Resolved:
    """"last week", "this weekend", "next month", "the past year"."""
    which, unit = ask.groups[-2].lower(), ask.groups[-1].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "weekend":
        if step == 0:  # the weekend of the publication week; early in a week, a past one
            step = -1 if ask.direction == "past" and pub.weekday() <= 1 else 0
        sat = _weekday(pub, 5, "future") if step >= 0 else _weekday(pub, 5, "past")
        if step == 1:
            sat += timedelta(days=7)
        return Resolved(_iso_week(sat), "week", ask.kind)
    if unit == "week":
        return Resolved(_iso_week(pub + timedelta(days=7 * step)), "week", ask.kind)
    if unit == "month":
        return Resolved(_shift_months(pub, step).strftime("%Y-%m"), "month", ask.kind)
    return Resolved(str(pub.year + step), "year", ask.kind)


#: Phrase kinds that need no publication date.
_ABSOLUTE: dict[str, Callable[[str, _Ask], Resolved]] = {
    "iso": _full_date, "mdy": _full_date, "dmy": _full_date, "my": _month_year, "year": _year,
    "past": _vague, "old": _age, "dur": _within,
}
#: Phrase kinds read against the publication date.
_RELATIVE: dict[str, Callable[[date, _Ask], Resolved]] = {
    "ago": _ago, "md": lambda pub, ask: _month_day(pub, ask, "md"), "dm": lambda pub, ask: _month_day(pub, ask, "dm"),
    "m": _bare_month, "wd": _named_weekday, "rel": _relative_day, "span": _span,
}


def resolve(phrase: Phrase, published: date | None, tense: str = "past") -> Resolved:
    """Normalise one phrase. ``tense`` is "past" or "future" (from the governing verb)."""
    words = phrase.raw.split()
    pre = words[0].lower() if len(words) > 1 else ""
    ask = _Ask(phrase.groups, pre, "since" if pre == "since" else "point", tense, published)
    if phrase.name in _ABSOLUTE:
        return _ABSOLUTE[phrase.name](phrase.name, ask)
    if phrase.name not in _RELATIVE:
        return Resolved(None, "unknown", ask.kind, "not understood")
    if published is None:
        return Resolved(None, "unknown", ask.kind, NO_DATE)
    return _RELATIVE[phrase.name](published, ask)


def _offset(pub: date, n: int, unit: str, sign: int) -> Resolved:
    if unit in ("day", "hour"):
        return Resolved((pub + timedelta(days=sign * (n if unit == "day" else 0))).isoformat(), "day")
    if unit == "week":
        return Resolved(_iso_week(pub + timedelta(days=sign * 7 * n)), "week")
    if unit == "month":
        return Resolved(_shift_months(pub, sign * n).strftime("%Y-%m"), "month")
    return Resolved(str(pub.year + sign * n * (10 if unit == "decade" else 1)), "year")
