"""What a claim says, for comparing claims: its argument words, its polarity and its figures.

Needs a claim's text only. :func:`analyse` yields a :class:`Proposition` (cached per text): the
content words that carry its arguments and predicate (stop words, cue words and negations out), the
index keys through which an equivalent word of another claim finds it (:mod:`.lexicon`: the same
stem, a shared WordNet sense, or a sense one level more general), whether it is negated, and its
figures (:class:`Figure`: a number, the thing it counts, the words around it, its bound).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .words import cue_words, stem, stopwords

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d[\d,.]*\d|\d")
_SENTENCES = re.compile(r"[,;:.!?]|\b(?:but|and|while|whereas)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:]|\b(?:but|and|while|whereas)\b", re.IGNORECASE)
NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_LOWER = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than")
_UPPER = ("up to", "at most", "fewer than", "less than", "under", "no more than", "as many as")
_ABOUT = ("about", "around", "nearly", "roughly", "some", "almost", "approximately", "an estimated")
MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"])
_TIME_WORDS = MONTHS | {"year", "month", "week", "yesterday", "today", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "annual", "decade"}
_DEICTIC = ("this", "last", "next", "previous", "same")


@dataclass(frozen=True)
class Figure:
    """A number and what it counts. ``low``/``high``: the values it allows ("at least 30": 30..inf)."""

    value: float
    unit: str
    low: float
    high: float
    context: frozenset[str]
    names: frozenset[str]
    times: frozenset[str]


@dataclass(frozen=True)
class Proposition:
    words: tuple[str, ...]
    negated: bool
    figures: tuple[Figure, ...]


def _tokens(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def _is_negation(word: str) -> bool:
    return word in cue_words("negation") or word.endswith("n't")


@lru_cache(maxsize=200_000)
def is_content(word: str) -> bool:
    """Whether a lower-cased token carries meaning: not a stop word, cue word, number or short word."""
    if len(word) < 3 or not word[0].isalpha() or word in stopwords() or _is_negation(word) or word in NUMBER_WORDS:
        return False
    return not any(word in cue_words(kind) for kind in ("deny", "dispute", "verdict", "statement"))


_OPENING = re.compile(r"(?:^|[.!?:;\"“‘(\n])[\s\"“‘(]*$")


def _is_name(text: str, start: int, raw: str) -> bool:
    """Whether a token is a name: capitalised where a sentence does not begin ("the United States",
    "Ondo state" is not one)."""
    return raw[0].isupper() and not _OPENING.search(text[max(0, start - 4): start])


@lru_cache(maxsize=65536)
def content(text: str) -> tuple[str, ...]:
    """The distinct content words of ``text``, in order: lower-cased, except names, which keep their
    capital ("States" in "the United States" is no "state" and has no synonyms)."""
    seen: dict[str, None] = {}
    for m in _WORD.finditer(text):
        raw = m.group().replace("’", "'")
        word = raw.lower().removesuffix("'s")
        if is_content(word):
            seen.setdefault(word.capitalize() if _is_name(text, m.start(), raw) else word, None)
    return tuple(seen)


def is_name(word: str) -> bool:
    """Whether a content word is a name (see :func:`content`)."""
    return word[:1].isupper()


@lru_cache(maxsize=200_000)
def index_keys(word: str) -> frozenset[str]:
    """The keys a claim holding ``word`` is indexed under (a name: only itself)."""
    if is_name(word):
        return frozenset({"w:" + stem(word.lower())})
    own, up = lexicon.keys(word)
    return frozenset({"w:" + stem(word), *("k:" + k for k in own), *("u:" + k for k in up)})


@lru_cache(maxsize=200_000)
def query_keys(word: str) -> frozenset[str]:
    """The keys that find the claims holding a word equivalent to ``word``."""
    if is_name(word):
        return frozenset({"w:" + stem(word.lower())})
    own, up = lexicon.keys(word)
    return frozenset({"w:" + stem(word), *("k:" + k for k in own), *("u:" + k for k in own),
                      *("k:" + k for k in up)})


@lru_cache(maxsize=500_000)
def matches(a: str, b: str) -> bool:
    """Whether two content words restate each other: the same stem, or (neither a name) equivalent words."""
    if is_name(a) or is_name(b):
        return stem(a.lower()) == stem(b.lower())
    return stem(a) == stem(b) or lexicon.equivalent(a, b)


def _negates(low: list[str], i: int) -> bool:
    """Whether token ``i`` negates what follows: a negation word not before an infinitive ("urged them
    not to ...": a request, not a denial), or a verb of refusal ("refused to answer")."""
    if low[i] in cue_words("refusal"):
        return True
    return _is_negation(low[i]) and (i + 1 >= len(low) or low[i + 1] != "to")


def negated(text: str) -> bool:
    """Whether ``text`` negates a predicate (see :func:`_negates`)."""
    low = [w.lower() for w in _tokens(text)]
    return any(_negates(low, i) for i in range(len(low))) or "at no time" in text.lower()


def asks(text: str, cue: str = "") -> bool:
    """Whether a statement is a question, which asserts nothing ("asked whether ...", "... ?")."""
    low = {w.lower() for w in _tokens(text)}
    return cue.lower() in cue_words("question") or bool(low & cue_words("question")) or text.rstrip(" \"”’").endswith("?")


#: How many content words after a negation ("did not", "has never", "at no time did we"), within its
#: clause, it bears on.
NEG_REACH = 3


@lru_cache(maxsize=65536)
def negated_runs(text: str) -> tuple[tuple[str, ...], ...]:
    """For each negation in ``text``, the content words it bears on, in order: the next
    :data:`NEG_REACH` of its clause ("was not started deliberately" -> started, deliberately; "at no
    time did we discuss the withdrawal" -> discuss, withdrawal)."""
    out = []
    for clause in _CLAUSE.split(text):
        low = [w.lower().removesuffix("'s") for w in _tokens(clause or "")]
        for i in range(len(low)):
            if _negates(low, i):
                after = low[i + 2:] if low[i + 1: i + 2] == ["time"] else low[i + 1:]
                out.append(tuple([w for w in after if is_content(w)][:NEG_REACH]))
    return tuple(out)


@lru_cache(maxsize=65536)
def negated_words(text: str) -> frozenset[str]:
    """The content words the negations of ``text`` bear on (see :func:`negated_runs`)."""
    return frozenset(w for run in negated_runs(text) for w in run)


@lru_cache(maxsize=65536)
def negated_part(text: str) -> str:
    """The clauses of ``text`` that carry a negation ("No one was killed, but ..." -> "No one was killed")."""
    return " ".join(part for part in _CLAUSE.split(text) if part and negated(part))


#: Nouns in the stop list that still name what a number counts.
_COUNTED = frozenset(["people", "day", "days", "week", "year", "officials", "time", "sources"])


def _is_unit(word: str) -> bool:
    return word in _COUNTED or is_content(word)


def _bounds(value: float, before: str) -> tuple[float, float]:
    if before.endswith(_LOWER):
        return value, float("inf")
    if before.endswith(_UPPER):
        return 0.0, value
    if before.endswith(_ABOUT):
        return value * 0.85, value * 1.15
    return value, value


def _number(raw: str) -> float | None:
    low = raw.lower()
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _time(low: list[str], j: int) -> str:
    """A time word with the word that places it ("last year", "this year")."""
    return f"{low[j - 1]} {low[j]}" if j and low[j - 1] in _DEICTIC else low[j]


def figures(text: str) -> list[Figure]:
    """Numbers with the thing they count and the words around them: "at least 30 people died" ->
    30 people (30..inf), context {"died"}. Years, dates, clock times and "two of three" are skipped."""
    raw = _tokens(text)
    low = [w.lower() for w in raw]
    times = frozenset(_time(low, j) for j in range(len(low))
                      if low[j] in _TIME_WORDS or (raw[j].isdigit() and len(raw[j]) == 4))
    out = []
    for i in range(len(low)):
        value = _number(raw[i])
        if value is None or i + 1 >= len(low):
            continue
        unit_at = next((j for j in range(i + 1, min(i + 4, len(low))) if _is_unit(low[j])), None)
        if unit_at is None or low[i + 1] in ("of", "am", "pm") or (i and low[i - 1] == "of"):
            continue
        if (1900 <= value <= 2100 and raw[i].isdigit()) or low[unit_at] in MONTHS or (i and low[i - 1] in MONTHS):
            continue
        if any(_number(raw[j]) is not None for j in range(i + 1, unit_at)):
            continue
        window = range(max(0, i - 6), min(len(low), unit_at + 7))
        before = " ".join(low[max(0, i - 4): i])
        lo, hi = _bounds(value, before)
        out.append(Figure(
            value, stem(low[unit_at]), lo, hi,
            frozenset(low[j] for j in window if j != unit_at and is_content(low[j]) and low[j] not in _TIME_WORDS),
            frozenset(low[j] for j in window if raw[j][0].isupper() and j not in (0, i) and is_content(low[j])),
            times,
        ))
    return out


@lru_cache(maxsize=65536)
def analyse(text: str) -> Proposition:
    return Proposition(content(text), negated(text), tuple(figures(text)))


#: Words that measure rather than name what is counted ("15 percent", "6 million"): two figures in
#: them are the same quantity only when more of the words around them agree.
MEASURES = frozenset(["percent", "per", "million", "billion", "trillion", "thousand", "hundred", "dollar",
                      "point", "time", "year", "day", "month", "week", "hour", "minute"])


def _past(times: frozenset[str]) -> bool:
    """Whether a figure's times place it in an earlier period: a year, "last ...", "previous ..."."""
    return any(t.isdigit() or t.startswith(("last ", "previous ")) for t in times)


#: Units that count people of any kind: "31 people died" and "14 passengers died" count the same dead.
PEOPLE = frozenset(["people", "person"])


def counts_alike(a: str, b: str) -> bool:
    """Whether two units count the same things: the same unit, or people and a kind of person."""
    return a == b or (a in PEOPLE and lexicon.is_person(b)) or (b in PEOPLE and lexicon.is_person(a))


def unit_keys(unit: str) -> tuple[str, ...]:
    """The units a figure is compared under: its own, and people for a kind of person."""
    return (unit, "people") if unit not in PEOPLE and lexicon.is_person(unit) else ("people",) if unit in PEOPLE \
        else (unit,)


def incompatible(a: Figure, b: Figure) -> bool:
    """Whether two figures count the same thing and cannot both be true."""
    if not counts_alike(a.unit, b.unit) or (a.names and b.names and not a.names & b.names):
        return False
    if (a.times and b.times and not a.times & b.times) or _past(a.times) != _past(b.times):
        return False  # another time, or one figure placed in the past ("last year, 98") and one not
    if a.high < b.low or b.high < a.low:
        shared = [x for x in a.context if any(matches(x, y) for y in b.context)]
        if a.unit != b.unit and not any(map(lexicon.verbal, shared)):
            return False  # people against a kind of person: the same deed ("died") must be counted
        return len(shared) >= (3 if a.unit in MEASURES else 1)
    return False


#: Restated words a negation must bear on, one of them a verb: the predicate itself is negated.
NEGATED_RESTATED = 2
#: Share of a counter's own words that must restate the claim.
COUNTER_SHARE = 0.3


def negates_predicate(said: set[str]) -> Callable[[tuple[str, ...]], bool]:
    """A test of one negation's words: the first is restated ("would not be eligible for the paid
    leave" negates eligibility, not the leave), one is a restated verb, and the word after that verb,
    when there is one, is restated too ("did not cause the fire"; "nor her campaign helped a former Miss
    Universe" negates helping someone the claim does not name)."""
    def test(run: tuple[str, ...]) -> bool:
        at = next((i for i, w in enumerate(run) if w in said and lexicon.verbal(w)), None)
        return at is not None and run[0] in said and (at + 1 == len(run) or run[at + 1] in said)
    return test


def restates_negated(text: str, bears_on: frozenset[str], restated: list[str], whole: int) -> bool:
    """Whether a negated restatement negates the claim: the negation bears on :data:`NEGATED_RESTATED`
    restated words, a verb among them ("did not cause the fire"; "cannot be left without
    consequences" bears on one); the restatement is no small part of the quote; and the quote does
    not also assert those words ("I don't believe it ... of course I believe it")."""
    said = {w.lower() for w in restated}
    hit = said & bears_on
    if len(hit) < NEGATED_RESTATED or not any(map(negates_predicate(said), negated_runs(text))) \
            or len(restated) < COUNTER_SHARE * whole:
        return False
    rest = " ".join(part for part in _SENTENCES.split(text) if part and not negated(part))
    return len(hit & {w.lower() for w in content(rest)}) < NEGATED_RESTATED


#: A clause of a claim counts for its coverage when it holds this many argument words.
CLAUSE_WORDS = 3


def coverage(claim: str, words: tuple[str, ...]) -> float:
    """The share of a claim's argument words that ``words`` restate: over the whole claim, or over its
    best restated clause of :data:`CLAUSE_WORDS` words or more ("During the offensive on 19 June,
    soldiers burned 40 homes in Ilala": the burning is denied, not the offensive)."""
    best = 0.0
    for part in (claim, *_CLAUSE.split(claim)):
        own = content(part or "")
        if own and (part is claim or len(own) >= CLAUSE_WORDS):
            best = max(best, sum(any(matches(w, x) for x in words) for w in own) / len(own))
    return best


#: How near the start of a quote its own verb of denial stands ("The police deny any role in ...").
INNER_REACH = 5


@lru_cache(maxsize=65536)
def inner_denial(text: str) -> tuple[str, str] | None:
    """A quote that is itself a denial: its verb of denial among its first :data:`INNER_REACH` words,
    with no negation or modal before it ("We deny ...", "The police deny any role in demolishing
    houses"; not "you could dismiss ..."); returns the verb and what it denies. Verbs of dispute
    ("contest", "challenge") are nouns or acts too often to count here."""
    denying = cue_words("deny")
    for n, m in enumerate(_WORD.finditer(text)):
        word = m.group().lower()
        if n >= INNER_REACH or _is_negation(word) or word in cue_words("modal"):
            return None
        if word in denying:
            return word, text[m.end():]
    return None


def denies_itself(text: str) -> bool:
    """Whether a statement is itself a denial or dispute ("strongly disputing accusations that ...",
    "in rejecting the challenge"): set against another denial, it agrees."""
    # "contest" and "challenge" are too often other words ("content", "a challenging year") to count
    roots = tuple({w[:5] for w in cue_words("deny") if len(w) >= 5} | {"deny", "disput"})
    return any(w.lower().startswith(roots) for w in _tokens(text))


#: How near the start of what a denial rejects a counterclaim noun stands ("both objections").
COUNTERCLAIM_REACH = 3


def rejects_counterclaim(text: str) -> bool:
    """Whether what a denial rejects is itself a challenge ("rejected both objections", "a similar
    challenge to his eligibility"): the denial sides with what was challenged."""
    return any(w in cue_words("counterclaim") for w in [t.lower() for t in _tokens(text)][:COUNTERCLAIM_REACH + 1])
