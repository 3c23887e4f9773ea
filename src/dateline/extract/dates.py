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
from datetime import date, datetime
from typing import Any

from ..model import Article, DateRef, Span
from ..pipeline import Step
from .date_values import MONTHS, NO_DATE, NUMBERS, Phrase, Resolved, resolve

__all__ = ["MONTHS", "NO_DATE", "NUMBERS", "DateStep", "Phrase", "Resolved", "extract_dates", "find_phrases", "resolve",
           "tense_at"]

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


_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
#: Modifiers that put the thing a date hangs on in the future ("the upcoming summit in June").
UPCOMING = frozenset({"upcoming", "forthcoming", "planned", "scheduled", "proposed", "coming", "expected", "next"})


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
    """"future" when the verb governing the characters ``start:end`` is future, or the noun it hangs
    on is upcoming ("the upcoming summit in June"), else "past"."""
    if doc is None:
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        if any(c.lower_ in UPCOMING for c in tok.children if c.dep_ in ("amod", "compound", "advmod")):
            return "future"  # "the upcoming summit in June"
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
    requires: frozenset[str] = frozenset({"doc"})
    assigns: frozenset[str] = frozenset({"dates"})
    nlp_components: frozenset[str] = frozenset({"parser", "ner"})

    def process(self, article: Article) -> Iterator[Article]:
        article.dates = extract_dates(article.text, article.published, article.doc)
        yield article
