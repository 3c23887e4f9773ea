"""The event lexicon and code tables (``data/events/*.tsv``) and the trigger matcher.

``lexicon.tsv`` maps trigger words to a PLOVER 0.8 category and mode, a CAMEO code and an ACLED
type (category ``NONE`` marks a sense that is no event: "released a statement");
``control.tsv`` lists verbs that govern an event (reporting, denial, plans); ``cameo.tsv`` gives
each CAMEO code its QuadClass and Goldstein value; ``instruments.tsv`` lists weapons. All are
plain tab-separated files users can read and extend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...tables import read_table

#: Dependencies followed when looking for the extra words of a multi-word verb trigger.
_SLOT_DEPS = frozenset({
    "prt", "dobj", "prep", "pobj", "compound", "amod", "acomp", "advmod", "npadvmod", "attr",
    "oprd", "xcomp", "dative", "nsubjpass", "det", "nmod", "pcomp", "agent", "aux", "neg",
})  # fmt: skip
_NOUN_MOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod"})


def _rows(name: str | Path) -> list[list[str]]:
    return read_table(name, header=True, width=8)


@dataclass(frozen=True)
class Entry:
    """One lexicon line. ``words[0]`` is the head slot; each slot lists its lemmas, tried in order."""

    words: tuple[frozenset[str], ...]
    pos: str  # verb | noun | adj
    category: str
    mode: str | None
    cameo: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    line: int  # order in the file (earlier wins among equally specific lines)


@dataclass(frozen=True)
class Code:
    """A CAMEO code row."""

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


@dataclass(frozen=True)
class Instrument:
    word: str
    kind: str
    acled_event_type: str
    acled_sub_event_type: str
    cameo: str


@dataclass
class TriggerLexicon:
    """The event tables: trigger lines, control verbs, CAMEO codes and instruments."""

    entries: dict[tuple[str, str], list[Entry]]  # (pos, head lemma) → entries, most specific first
    control: dict[str, str]
    codes: dict[str, Code]
    instruments: dict[str, Instrument]
    heads: frozenset[str] = frozenset()  # every head word, to skip most tokens at once
    readings: dict[tuple[str, str], str] = field(default_factory=dict)  # (intent|threat|refusal, category) → code

    @property
    def weapons(self) -> frozenset[str]:
        """Every instrument word ("missile", "drone", "bomb")."""
        return frozenset(self.instruments)

    def code(self, cameo: str | None) -> Code | None:
        """The most specific row for ``cameo`` (e.g. "1952" → "195" → "19")."""
        while cameo:
            if cameo in self.codes:
                return self.codes[cameo]
            cameo = cameo[:-1] if len(cameo) > 2 else ""
        return None


@lru_cache(maxsize=1)
def lexicon() -> TriggerLexicon:
    """The shipped tables, loaded once per process."""
    return load_lexicon()


def load_lexicon(
    triggers: str | Path = "events/lexicon.tsv",
    control: str | Path = "events/control.tsv",
    cameo: str | Path = "events/cameo.tsv",
    instruments: str | Path = "events/instruments.tsv",
) -> TriggerLexicon:
    """Event tables from the given files (paths relative to ``data/`` or a user's own files)."""
    entries: dict[tuple[str, str], list[Entry]] = {}
    for n, row in enumerate(_rows(triggers)):
        trigger, pos, category, mode, code, acled, sub = (c.strip() for c in row[:7])
        slots = [frozenset(w.split("|")) for w in trigger.split()]
        if pos == "noun":
            slots.reverse()  # the noun comes last in the phrase
        entry = Entry(tuple(slots), pos, category, mode or None, code, acled or None, sub or None, n)
        for head in slots[0]:
            entries.setdefault((pos, head), []).append(entry)
    for found in entries.values():
        found.sort(key=lambda e: (-len(e.words), e.line))
    controls = {r[0].strip(): r[1].strip() for r in _rows(control)}
    codes = {}
    readings: dict[tuple[str, str], str] = {}
    for r in _rows(cameo):
        key = r[0].strip()
        codes[key] = Code(key, r[1].strip(), int(r[2]), float(r[3]), r[4].strip() or None)
        for pair in r[5].split():
            kind, _, category = pair.partition(":")
            readings[(kind, category)] = key
    tools = {r[0].strip(): Instrument(*(c.strip() for c in r[:5])) for r in _rows(instruments)}
    heads = frozenset(head for _, head in entries)
    return TriggerLexicon(entries, controls, codes, tools, heads, readings)


def _nearby(tok: Any, depth: int = 4) -> dict[str, Any]:
    """Lemma → token for the dependents of ``tok`` reachable through phrase-internal arcs.

    A verb it governs (xcomp, infinitival advcl) counts with its "to" but is not entered: "swear to
    fight" has "to", "sent personnel to investigate a force" has no "force".
    """
    out: dict[str, Any] = {}
    frontier = [tok]
    for level in range(depth):
        nxt = []
        for t in frontier:
            for child in t.children:
                if child.dep_ in ("xcomp", "advcl"):
                    if level == 0:
                        for c in (child, *(g for g in child.children if g.dep_ == "aux")):
                            out.setdefault(c.lemma_.lower(), c)
                    continue
                if child.dep_ == "aux" or child.dep_ not in _SLOT_DEPS or _temporal(child):
                    continue
                out.setdefault(child.lemma_.lower(), child)
                out.setdefault(child.lower_, child)
                nxt.append(child)
        frontier = nxt
    return out


#: Words of time that make a prepositional phrase circumstantial ("called on Sunday").
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "today", "tonight", "weekend", "morning", "evening", "night", "afternoon"})


def _temporal(tok: Any) -> bool:
    """A preposition whose object is a date or time ("on Sunday", "for Monday"): not a particle of the verb."""
    if tok.dep_ != "prep":
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in _TIME_WORDS)


def _pos_of(tok: Any) -> str | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
        return "verb"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr", "oprd", "ROOT", "conj"):
        return "adj"
    if tok.tag_ == "VBN" or tok.tag_ == "VBG":
        return "verb"
    return None


def lemmas(tok: Any) -> list[str]:
    """The token's lemma, its lower-case form and, for verbs, stems by rule ("staged" → "stage")."""
    out = [tok.lemma_.lower(), tok.lower_]
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        word = tok.lower_
        for suffix in ("ied", "ed", "d", "ing", "es", "s"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                out += [stem + "y"] if suffix == "ied" else [stem, stem + "e"]
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "shipped" → "ship"
    return list(dict.fromkeys(out))


def match(tok: Any, lex: TriggerLexicon | None = None) -> tuple[Entry, list[Any]] | None:
    """The lexicon entry the token ``tok`` triggers, with the tokens of the extra words."""
    lex = lex or lexicon()
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "in March", "last May": a date, not a march
    if tok.lemma_.lower() not in lex.heads and tok.lower_ not in lex.heads and not tok.tag_.startswith("VB"):
        return None
    pos = _pos_of(tok)
    if pos is None:
        return None
    mods: dict[str, Any] | None = None  # the dependents, read once per token
    for lemma in lemmas(tok) if pos == "verb" else dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for entry in lex.entries.get((pos, lemma), ()):
            if len(entry.words) == 1:
                return entry, []
            if mods is None and pos == "noun":
                mods = {c.lemma_.lower(): c for c in tok.children if c.dep_ in _NOUN_MOD_DEPS}
                mods |= {c.lower_: c for c in tok.children if c.dep_ in _NOUN_MOD_DEPS}
            elif mods is None:
                mods = _nearby(tok)
            # the nearest word of each slot (a slot is a set: its order must not decide)
            found = [min((mods[w] for w in slot if w in mods), key=lambda t: (abs(t.i - tok.i), t.i), default=None)
                     for slot in entry.words[1:]]
            if all(f is not None for f in found):
                return entry, [f for f in found if f is not None]
    return None
