"""Name analysis used for merging: surnames, organisation shapes, acronyms.

Pure string functions, shared by the in-article merge and the corpus linker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import normalise_key
from .tables import CACHED, country_word, name_key, nicknames, strip_name

#: Organisation words that take both orders: "Ministry of Foreign Affairs" / "Foreign Ministry".
SHAPE_KINDS = frozenset(
    {
        "ministry",
        "department",
        "committee",
        "council",
        "office",
        "agency",
        "authority",
        "commission",
        "bureau",
    }
)
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|an|ash|az)[-‐]", re.IGNORECASE)
_TOPIC_SKIP = frozenset({"affairs", "the", "and", "of", "for"})
_TOPIC_SAME = {"defence": "defense", "foreign relations": "foreign"}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "al", "-"})

#: Last words of an organisation name ("the Joint Planning Committee").
ORG_KINDS = frozenset(
    {
        "Ministry", "Department", "Committee", "Council", "Agency", "Authority", "Office", "Command",
        "Commission", "Assembly", "Parliament", "Court", "Bureau", "Directorate", "Cabinet", "Forces",
        "Army", "Party", "Movement", "Brigades", "Corps", "Fund", "Bank", "Organization", "Organisation",
    }
)  # fmt: skip
#: Capitalised words that end names of events, buildings and bodies, not of people.
NOT_NAMES = frozenset(
    {
        "Forum", "Summit", "Conference", "Institute", "Foundation", "Center", "Centre", "University",
        "College", "School", "Hospital", "Airport", "Street", "Square", "Road", "Avenue", "Bridge",
        "Palace", "Tower", "Hall", "Mosque", "Church", "Stadium", "Museum", "Award", "Prize", "Day",
    }
)  # fmt: skip



def name_words(text: str) -> list[str]:
    """The words of a name with article and possessive dropped: "the Foreign Ministry's" → [Foreign, Ministry]."""
    return strip_name(text).split()


_DOUBLED = re.compile(r"(\w)\1+")
_Y_END = re.compile(r"(?:iy|yy|ii|ij)$")


@lru_cache(maxsize=65536)
def spelling_key(key: str) -> str:
    """One key for the transliterations of a name: "-iy", "-yy", "-ii" endings as "-y", "kh" as "h",
    "ou" as "u", doubled letters once ("zelenskiy", "zelenskyy" → "zelensky"; "khamenei" → "hamenei")."""
    key = _Y_END.sub("y", key).replace("kh", "h").replace("ou", "u")
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=65536)
def surname(text: str) -> str:
    """Key of the last word of a person's name without an Arabic article, one key for its
    transliterations (:func:`spelling_key`): "al-Sudani" → "sudani", "Zelenskyy" → "zelensky"."""
    words = name_words(text)
    while len(words) > 1 and normalise_key(words[-1]) in _SUFFIXES:
        words = words[:-1]
    return spelling_key(normalise_key(_PARTICLE.sub("", words[-1]))) if words else ""


_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")


@lru_cache(maxsize=65536)
def middle_initials(text: str) -> str:
    """The initials between a person's given name and surname: "George H.W. Bush" → "hw", "Paul D.
    Ryan" → "d", "Hillary Clinton" → "" (written-out middle names and titles do not count)."""
    words = name_words(text)
    while len(words) > 2 and normalise_key(words[-1]) in _SUFFIXES:
        words = words[:-1]
    letters = []
    for word in words[1:-1]:
        if _INITIAL.match(word):
            letters += [c.casefold() for c in word if c.isalpha()]
    return "".join(letters)


def other_middle(a: str, b: str) -> bool:
    """Both names carry middle initials and they differ ("George W. Bush", "George H.W. Bush")."""
    x, y = middle_initials(a), middle_initials(b)
    return bool(x and y) and x != y


def suffix(text: str) -> str:
    """The generational suffix of a name ("jr" for "Donald Trump Jr."), or ""."""
    words = name_words(text)
    last = normalise_key(words[-1]) if len(words) > 1 else ""
    return last if last in _SUFFIXES else ""


@lru_cache(maxsize=65536)
def given_name(text: str) -> str:
    words = name_words(text)
    return normalise_key(words[0]) if words else ""


def _skeleton(key: str) -> str:
    """A given name's first letter and its other consonants, doubled letters once: "mohammed" → "mmd"."""
    rest = [c for c in key[1:] if c not in "aeiouyh"]
    return key[:1] + "".join(c for i, c in enumerate(rest) if i == 0 or c != rest[i - 1])


@lru_cache(maxsize=65536)
def same_given(a: str, b: str) -> bool:
    """Whether given-name keys ``a`` and ``b`` may name one person: equal, an initial of the other, a
    nickname pair (``nicknames.tsv``) or one spelling ("Mohammed", "Muhammad"); "Ivana" and "Ivanka"
    may not."""
    if a == b or not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return (a, b) in nicknames() or _skeleton(a) == _skeleton(b)


@lru_cache(maxsize=65536)
def is_full_name(text: str) -> bool:
    """Two or more words: "Antony Blinken", not "Blinken"."""
    return len(name_key(text).split()) >= 2


@dataclass(frozen=True)
class OrgShape:
    """An organisation name read as (country, kind, topic): "Iraqi Foreign Ministry" → (IRQ, ministry, foreign)."""

    country: str | None
    kind: str
    topic: str


def _topic_key(words: list[str]) -> str:
    topic = " ".join(w for w in (normalise_key(w) for w in words) if w and w not in _TOPIC_SKIP)
    return _TOPIC_SAME.get(topic, topic)


def prefix_country(words: list[str]) -> tuple[str | None, list[str]]:
    """The country named by the first words ("US", "Iraqi", "Iraq's") and the words after it."""
    for size in (3, 2, 1):
        if len(words) > size:
            word = country_word(" ".join(words[:size]))
            if word is not None and word.kind in {"name", "adjective"}:
                return word.iso3, words[size:]
    return None, words


@lru_cache(maxsize=65536)
def org_shape(text: str) -> OrgShape | None:
    """The shape of an organisation name ending in or headed by a kind word, or None."""
    words = name_words(text)
    country, rest = prefix_country(words)
    lowered = [w.casefold() for w in rest]
    for i, word in enumerate(lowered):
        if word in SHAPE_KINDS and i + 1 < len(rest) and lowered[i + 1] == "of" and i + 2 < len(rest):
            if i > 0:
                return None  # "Supreme Ministry of X": a qualifier we cannot place
            topic_words = rest[i + 2 :]
            if country is None and len(topic_words) > 2 and topic_words[-2].casefold() == "of":
                word_after = country_word(topic_words[-1])  # "Ministry of Foreign Affairs of Iraq"
                if word_after is not None and word_after.kind == "name":
                    country, topic_words = word_after.iso3, topic_words[:-2]
            topic = _topic_key(topic_words)
            return OrgShape(country, word, topic) if topic else None
    if len(rest) >= 2 and lowered[-1] in SHAPE_KINDS:
        topic = _topic_key(rest[:-1])
        return OrgShape(country, lowered[-1], topic) if topic else None
    return None


def is_acronym(text: str) -> bool:
    word = strip_name(text).replace(".", "")
    return 2 <= len(word) <= 7 and word.isupper() and word.isalpha()


def initials(text: str) -> str:
    """Initials of the significant words: "Popular Mobilization Forces" → "PMF"."""
    words = re.split(r"[\s\-]+", strip_name(text))
    return "".join(w[0].upper() for w in words if w and w.casefold() not in _ACRONYM_SKIP and w[0].isalpha())


def acronym_matches(short: str, long: str) -> bool:
    """Whether ``short`` is the acronym of ``long`` (with or without a leading country word)."""
    if not is_acronym(short) or is_acronym(long):
        return False
    letters = strip_name(short).replace(".", "")
    if len(name_words(long)) < 2:
        return False
    if initials(long) == letters:
        return True
    _, rest = prefix_country(name_words(long))
    return len(rest) >= 2 and initials(" ".join(rest)) == letters


CACHED.append(same_given)
