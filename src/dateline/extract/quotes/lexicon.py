"""The word lists behind quote attribution, read from ``dateline/data/quotes`` (users may extend them).

- ``cues.tsv``: cue lemmas with the kind of content they take (see the file header).
- ``sources.tsv``: speaker head nouns (anonymous, person role, institution, document).
- ``metonyms.tsv``: place names that stand for a government ("Washington").
- ``outlets.txt``: news outlets credited as relays ("AFP reported").
- ``anonymity.txt``: patterns that give the reason a source is unnamed.
- ``occasions.txt``: nouns of occasions and channels ("rally", "interview"): where, not what.
- ``entities/given_names.tsv`` (shared with the entity step): the gender a given name usually marks.
- ``lemmas.tsv``: word forms the lemmatizer gets wrong for cue verbs ("hoping" read as "hop").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import UsageError
from ...tables import read_table

if TYPE_CHECKING:
    from ...nlp.types import Token

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "quotes"

#: Cue kinds, from narrowest to broadest content they accept.
CUE_KINDS = ("speech", "clausal", "intent", "act", "source", "noun", "adjective")

#: ORG names ending in one of these words are news outlets.
_OUTLET_SUFFIX = re.compile(
    r"\b(?:News|Times|Post|Journal|Agency|Press|Tribune|Herald|Gazette|Telegraph|Television|TV|Radio)$"
)


_TRAILING_CUE = re.compile(r"\s+(?:said|says|told|tells|added|adds|noted|wrote|warned|insisted)\b.*$", re.DOTALL)


@dataclass(frozen=True)
class Cue:
    """One cue of the lexicon: ``lemma`` (+ ``particle``) taking content of ``kind``."""

    lemma: str
    kind: str
    particle: str = ""


@dataclass
class CueLexicon:
    """Everything the quote extractor looks words up in."""

    #: verb lemma -> {particle ("" for none) -> Cue}
    cues: dict[str, dict[str, Cue]] = field(default_factory=dict)
    #: noun lemma -> Cue of kind ``noun``
    noun_cues: dict[str, Cue] = field(default_factory=dict)
    #: adjective (lower case) -> {word opening its content: Cue of kind ``adjective``}
    adjective_cues: dict[str, dict[str, Cue]] = field(default_factory=dict)
    #: noun lemma -> anonymous | person | institution | document
    nouns: dict[str, str] = field(default_factory=dict)
    #: lower-cased place name -> what it stands for
    metonyms: dict[str, str] = field(default_factory=dict)
    outlets: frozenset[str] = frozenset()
    anonymity: tuple[re.Pattern[str], ...] = ()
    #: lower-cased given name -> "male" | "female" (``entities/given_names.tsv``)
    given_genders: dict[str, str] = field(default_factory=dict)
    #: nouns of occasions and channels, never content ("spoke at a rally")
    occasions: frozenset[str] = frozenset()
    #: lower-cased word form -> the lemma a cue lookup should use
    lemma_fixes: dict[str, str] = field(default_factory=dict)

    def lemma(self, tok: Token) -> str:
        """The lower-cased lemma of ``tok`` for cue lookups, with the lemmatizer's known slips fixed."""
        return self.lemma_fixes.get(tok.lower_) or tok.lemma_.lower()

    def cue(self, lemma: str, particle: str = "") -> Cue | None:
        by_particle = self.cues.get(lemma)
        if not by_particle:
            return None
        return by_particle.get(particle)

    def is_outlet(self, name: str) -> bool:
        clean = name.strip()
        if clean.lower().startswith("the "):
            clean = clean[4:]
        return clean.lower() in self.outlets or bool(_OUTLET_SUFFIX.search(clean))

    def anonymity_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` states a reason for anonymity, in order; a trailing cue verb is cut off
        ("who was not authorized to discuss the talks said" ends before "said")."""
        out = []
        for pattern in self.anonymity:
            for m in pattern.finditer(text):
                tail = _TRAILING_CUE.search(m.group())
                end = m.start() + tail.start() if tail else m.end()
                out.append((m.start(), end))
        return sorted(out)

    def anonymity_reason(self, text: str) -> str | None:
        """The first reason for anonymity stated in ``text``, if any."""
        spans = self.anonymity_spans(text)
        return text[spans[0][0] : spans[0][1]].strip() if spans else None


def _lines(name: str, data_dir: Path) -> list[list[str]]:
    return read_table(data_dir / name, strip=True)


def read_lexicon(data_dir: Path = DATA_DIR) -> CueLexicon:
    """Read the seven lists from ``data_dir``; a bad cue kind raises ``ValueError`` naming the line."""
    lex = CueLexicon()
    for row in _lines("cues.tsv", data_dir):
        if len(row) < 2 or row[1] not in CUE_KINDS:
            raise UsageError(f"cues.tsv: bad line {row!r}; expected LEMMA<tab>KIND with KIND in {CUE_KINDS}")
        particle = row[2].lower() if len(row) > 2 else ""
        cue = Cue(row[0].lower(), row[1], particle)
        if cue.kind == "noun":
            lex.noun_cues[cue.lemma] = cue
        elif cue.kind == "adjective":
            lex.adjective_cues.setdefault(cue.lemma, {})[particle] = cue
        else:
            lex.cues.setdefault(cue.lemma, {})[particle] = cue
    lex.nouns = {row[0].lower(): row[1] for row in _lines("sources.tsv", data_dir) if len(row) > 1}
    lex.metonyms = {row[0].lower(): row[1] for row in _lines("metonyms.tsv", data_dir) if len(row) > 1}
    lex.outlets = frozenset(row[0].lower() for row in _lines("outlets.txt", data_dir))
    genders = {"m": "male", "f": "female"}
    lex.given_genders = {
        row[0].lower(): genders[row[1]] for row in read_table("entities/given_names.tsv", header=True) if len(row) > 1 and row[1] in genders
    }
    lex.occasions = frozenset(row[0].lower() for row in _lines("occasions.txt", data_dir))
    lex.lemma_fixes = {row[0].lower(): row[1].lower() for row in _lines("lemmas.tsv", data_dir) if len(row) > 1}
    lex.anonymity = tuple(re.compile(row[0], re.IGNORECASE) for row in _lines("anonymity.txt", data_dir))
    return lex


@lru_cache(maxsize=4)
def default_lexicon(data_dir: Path = DATA_DIR) -> CueLexicon:
    """The lexicon read once per process."""
    return read_lexicon(data_dir)
