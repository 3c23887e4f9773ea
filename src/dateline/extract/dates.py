"""DateStep: find date phrases and normalise them against the publication date.

Requires ``doc``; assigns ``dates``. Drops nothing.

Every phrase becomes a :class:`~dateline.model.DateRef` with the raw text, its span, an ISO value
(``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM``, ``YYYY``, or an ISO 8601 duration such as ``P10Y``), a
precision (day | week | month | year | unknown) and a kind (point | since | duration). Relative
phrases ("on Thursday", "last month") are resolved against ``article.published``; a bare weekday or
month means the most recent one on or before publication unless the verb it hangs on is in the
future tense ("will leave Saturday"), then the next one. Without a publication date they stay
unresolved with ``reason="no publication date"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from ..model import Article, DateRef, Span
from ..pipeline import Step

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

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few|many)"
_UNIT = r"(?:day|week|month|year|decade|hour)s?"
_PRE_WORDS = r"(?:late|early)\s+on|on|since|until|till|by|from|in|during|earlier|later|late|early|mid|last|next|this|coming|before|after"
_FULL_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

#: (name, pattern). A phrase may start with a preposition or modifier ("on", "since", "earlier"),
#: looked for just before the match; the longest phrase wins where several overlap.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON}),?\s+({_YEAR})\b")),
    ("md", re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*%)")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})\b")),
    ("my", re.compile(rf"\b({_MON}),?\s+({_YEAR})\b")),
    ("m", re.compile(rf"\b({_FULL_MON})(?:\s+(last|next|this)\s+year)?\b")),
    ("wd", re.compile(rf"\b({_DAY}){_PART}", re.I)),
    ("rel", re.compile(r"\b(today|tonight|yesterday|tomorrow|(?:this|last|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night))\b", re.I)),
    ("span", re.compile(r"\b(this|last|next|past|coming|previous)\s+(weekend|week|month|year)\b", re.I)),
    ("ago", re.compile(rf"\b({_NUM})\s+({_UNIT})\s+ago\b", re.I)),
    ("dur", re.compile(rf"\b(after|for|over|within|during|in)\s+(?:the\s+(?:past|last|next|coming)\s+)?({_NUM})\s+({_UNIT})\b", re.I)),
    ("past", re.compile(rf"\b(?:during|over|in|for)\s+the\s+(?:past|last|coming|next)\s+({_UNIT})\b", re.I)),
    ("old", re.compile(rf"\b({_NUM})-(day|week|month|year|hour)-(?:old|long)\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|by|until|during|from|of|before|after)\s+({_YEAR})\b(?!\s*(?:%|people|troops))")),
]
#: Patterns whose phrase may begin with one of the ``_PRE`` words, and the words looked for before
#: them; patterns that need a word the text lacks are not run at all.
PREFIXED = frozenset({"iso", "mdy", "dmy", "md", "dm", "my", "m", "wd"})
_PRE_BEFORE = re.compile(rf"(?:\b(?:{_PRE_WORDS})\s+|\bmid-)$", re.I)
_SPAN_BEFORE = re.compile(r"(?:\b(?:in|during|over|for|since|by|until|from|on|at)\s+)?(?:\bthe\s+)?$", re.I)
NEEDS = {"ago": (" ago",), "old": ("-old", "-long"), "past": ("the past", "the last", "the next", "the coming")}


@dataclass(frozen=True)
class Phrase:
    """One pattern match, with the word before it that belongs to the phrase ("on", "since")."""

    name: str
    start: int
    end: int
    raw: str
    groups: tuple[Any, ...]


_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


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


def resolve(phrase: Phrase, published: date | None, tense: str = "past") -> Resolved:
    """Normalise one phrase. ``tense`` is "past" or "future" (from the governing verb)."""
    name, raw, g = phrase.name, phrase.raw, phrase.groups
    pre = raw.split()[0].lower() if len(raw.split()) > 1 else ""
    kind = "since" if pre == "since" else "point"
    if name in ("iso", "mdy", "dmy"):
        if name == "iso":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif name == "mdy":
            y, mo, d = int(g[2]), MONTHS[g[0].lower().rstrip(".")], int(g[1])
        else:
            y, mo, d = int(g[2]), MONTHS[g[1].lower().rstrip(".")], int(g[0])
        day = _safe_date(y, mo, d)
        return Resolved(day.isoformat(), "day", kind) if day else Resolved(None, "unknown", kind, "no such day")
    if name == "my":
        return Resolved(f"{int(g[1]):04d}-{MONTHS[g[0].lower().rstrip('.')]:02d}", "month", kind)
    if name == "year":
        return Resolved(g[0], "year", kind)
    if name in ("dur", "ago", "old", "past"):
        if name == "past":
            return Resolved(None, "unknown", "duration", "vague duration")
        if name == "dur" and (g[0].lower() != "in" or tense != "future"):
            return _duration(g[1], g[2])
        if name == "old":
            return _duration(g[0], g[1])
    if published is None:
        return Resolved(None, "unknown", kind, NO_DATE)
    pub = published
    direction = _direction(pre, tense)
    if name == "dur":  # "in two weeks": a point in the future
        n, unit = _count(g[1]), g[2].lower().rstrip("s")
        if n is None:
            return Resolved(None, "unknown", "duration", "vague duration")
        return _offset(pub, n, unit, +1)
    if name == "ago":
        n, unit = _count(g[0]), g[1].lower().rstrip("s")
        if n is None:
            return Resolved(None, "unknown", kind, "vague offset")
        return _offset(pub, n, unit, -1)
    if name in ("md", "dm"):
        mon, dom = (g[0], g[1]) if name == "md" else (g[1], g[0])
        month, d = MONTHS[mon.lower().rstrip(".")], int(dom)
        day = _safe_date(pub.year, month, d)
        if day is None:
            return Resolved(None, "unknown", kind, "no such day")
        if direction == "past" and day > pub:
            day = _safe_date(pub.year - 1, month, d) or day
        elif direction == "future" and day < pub:
            day = _safe_date(pub.year + 1, month, d) or day
        return Resolved(day.isoformat(), "day", kind)
    if name == "m":
        month = MONTHS[g[0].lower().rstrip(".")]
        year = pub.year
        if g[1]:
            year += {"last": -1, "next": 1, "this": 0}[g[1].lower()]
        elif direction == "past" and month > pub.month:
            year -= 1
        elif direction == "future" and month < pub.month:
            year += 1
        return Resolved(f"{year:04d}-{month:02d}", "month", kind)
    if name == "wd":
        wd = WEEKDAYS[re.sub(r"['’]s$", "", g[0]).lower()]
        if pre == "last":
            day = _weekday(pub - timedelta(days=1), wd, "past")
        elif pre == "next":
            day = _weekday(pub + timedelta(days=1), wd, "future")
        else:
            day = _weekday(pub, wd, direction)
        return Resolved(day.isoformat(), "day", kind)
    if name == "rel":
        word = g[0].lower().split()[0]
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        if word == "last":  # "last night": the evening before publication
            shift = -1
        return Resolved((pub + timedelta(days=shift)).isoformat(), "day", kind)
    if name == "span":
        which, unit = g[-2].lower(), g[-1].lower()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "weekend":
            if step == 0:  # the weekend of the publication week; early in a week, a past one
                step = -1 if direction == "past" and pub.weekday() <= 1 else 0
            sat = _weekday(pub, 5, "future") if step >= 0 else _weekday(pub, 5, "past")
            if step == 1:
                sat += timedelta(days=7)
            return Resolved(_iso_week(sat), "week", kind)
        if unit == "week":
            return Resolved(_iso_week(pub + timedelta(days=7 * step)), "week", kind)
        if unit == "month":
            return Resolved(_shift_months(pub, step).strftime("%Y-%m"), "month", kind)
        return Resolved(str(pub.year + step), "year", kind)
    return Resolved(None, "unknown", kind, "not understood")


def _offset(pub: date, n: int, unit: str, sign: int) -> Resolved:
    if unit in ("day", "hour"):
        return Resolved((pub + timedelta(days=sign * (n if unit == "day" else 0))).isoformat(), "day")
    if unit == "week":
        return Resolved(_iso_week(pub + timedelta(days=sign * 7 * n)), "week")
    if unit == "month":
        return Resolved(_shift_months(pub, sign * n).strftime("%Y-%m"), "month")
    return Resolved(str(pub.year + sign * n * (10 if unit == "decade" else 1)), "year")


def _month_ok(name: str, m: re.Match[str], raw: str) -> bool:
    """Bare month words must be real months; "May" alone needs a preposition ("in May")."""
    if name != "m":
        return True
    word = m.group(1).lower().rstrip(".")
    if word not in MONTHS or len(word) < 3:
        return False
    return not (word in ("may", "mar", "march") and len(raw.split()) < 2)


def find_phrases(text: str) -> list[Phrase]:
    """All date phrases in ``text``, overlaps resolved in favour of the longest."""
    found = []
    lower = text.lower()
    for name, pattern in PATTERNS:
        if name in NEEDS and not any(word in lower for word in NEEDS[name]):
            continue
        for m in pattern.finditer(text):
            start = m.start()
            if name in PREFIXED or name == "span":
                before = (_PRE_BEFORE if name in PREFIXED else _SPAN_BEFORE).search(text, max(0, start - 20), start)
                start = before.start() if before else start
            raw = text[start : m.end()]
            if _month_ok(name, m, raw):
                found.append(Phrase(name, start, m.end(), raw, m.groups()))
    found.sort(key=lambda p: (-(p.end - p.start), p.start))
    kept: list[Phrase] = []
    for phrase in found:
        if all(phrase.end <= k.start or phrase.start >= k.end for k in kept):
            kept.append(phrase)
    return sorted(kept, key=lambda p: p.start)


def tense_at(doc: Any, start: int, end: int) -> str:
    """"future" when the verb governing the characters ``start:end`` is future, else "past"."""
    if doc is None:
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        tok = tok.head
    for _ in range(3):
        kids = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if kids & _FUTURE_AUX or ("going" in kids and any(c.lower_ == "to" for c in tok.children)):
            return "future"
        if tok.lemma_ in ("plan", "expect", "schedule", "due", "set") and tok.dep_ != "ROOT":
            return "future"
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
            break
        tok = tok.head
    return "past"


def _pub_date(published: date | datetime | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def extract_dates(text: str, published: date | datetime | None, doc: Any = None) -> list[DateRef]:
    """Date phrases of ``text`` (patterns plus the doc's DATE/TIME entities), normalised."""
    pub = _pub_date(published)
    out: list[DateRef] = []
    for phrase in find_phrases(text):
        r = resolve(phrase, pub, tense_at(doc, phrase.start, phrase.end))
        out.append(DateRef(phrase.raw, Span(phrase.start, phrase.end), r.value, r.precision, r.reason, r.kind))
    taken = [d.span for d in out if d.span is not None]
    for ent in getattr(doc, "ents", ()) if doc is not None else ():
        if ent.label_ not in ("DATE", "TIME"):
            continue
        span = Span(ent.start_char, ent.end_char)
        if any(span.overlaps(t) for t in taken):
            continue
        out.append(DateRef(ent.text, span, None, "unknown", "not a calendar expression"))
    return sorted(out, key=lambda d: d.span.start if d.span else 0)


class DateStep(Step):
    """Requires ``doc``; assigns ``dates`` (normalised against ``published``). Drops nothing."""

    name = "dates"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    assigns: ClassVar[frozenset[str]] = frozenset({"dates"})
    nlp_components: ClassVar[frozenset[str]] = frozenset({"parser", "ner"})

    def process(self, article: Article) -> Iterator[Article]:
        article.dates = extract_dates(article.text, article.published, article.doc)
        yield article
