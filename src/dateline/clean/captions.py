"""Photo captions and their credits.

A caption is recognised by what surrounds the description, never by its topic:

- a caption prefix ("FILE PHOTO:", "Photo:", "In this handout photo" ...);
- a trailing photo credit: ``REUTERS/Name/File Photo``, ``Name/AFP``, ``(AP Photo/Name)``,
  ``AFP via Getty Images``, ``Photo: Anadolu``;
- a trailing bare agency (``... in Gaza. AFP``, ``... (EPA)``);
- a trailing parenthesised source such as ``(the government media)`` on a line with no final
  full stop (weak: only trusted in the header block of a story);
- a long line with no final full stop describing a photo in the present tense (weak).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, fold
from .textlines import ends_sentence, word_count

#: Evidence trusted anywhere in a story; the other kinds only count before the body starts.
STRONG = frozenset({"prefix", "photo"})
#: Longest credit we accept, in words.
MAX_CREDIT_WORDS = 8

_PAREN_TAIL = re.compile(r"\(([^()]{2,80})\)\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+")
_CONNECTORS = frozenset(
    {"via", "by", "of", "the", "for", "and", "de", "da", "del", "van", "von", "bin", "ibn"}
)
_PUNCT_TOKENS = frozenset({"/", "|", "-", "–", "—", ":", "&"})
_CAPITALISED = re.compile(r"^[\"'(\[]?[A-Z0-9À-Þ]")


@dataclass(frozen=True)
class CaptionMatch:
    """What :func:`read_caption` found: the description, its credit and the evidence kind."""

    text: str
    credit: str | None
    evidence: str  # prefix | photo | agency | paren | described | none

    @property
    def strong(self) -> bool:
        return self.evidence in STRONG


def credit_strength(credit: str, lexicon: Lexicon) -> str | None:
    """``photo`` for a photo credit, ``agency`` for a bare agency name, else None.

    A photo credit has a slash or a photo word ("REUTERS/Jane Doe", "Photo: Anadolu",
    "AFP via Getty Images"); a bare agency is exactly a listed name ("AFP", "Anadolu Agency").
    """
    if "/" in credit or lexicon.has_photo_marker(credit):
        if lexicon.has_agency(credit) or lexicon.has_photo_marker(credit):
            return "photo"
        return None
    if lexicon.is_agency_name(credit.strip(" ()[]-–—")):
        return "agency"
    return None


def is_credit_shaped(text: str) -> bool:
    """Short, every word capitalised, a connector ("via", "by") or a separator."""
    words = text.replace("/", " / ").split()
    if not words or len(text.split()) > MAX_CREDIT_WORDS:
        return False
    for word in words:
        bare = word.strip("()[],;")
        if not bare or bare in _PUNCT_TOKENS:
            continue
        if bare.casefold() in _CONNECTORS or bare.casefold().startswith("al-"):
            continue
        if not _CAPITALISED.match(bare):
            return False
    return True


def split_credit(line: str, lexicon: Lexicon) -> tuple[str, str | None, str]:
    """Split a trailing credit off ``line``: ``(description, credit, strength)``.

    Strength is ``photo``, ``agency`` or ``paren`` (a parenthesised source with no agency in
    it); ``("line", None, "none")`` when no credit is found.
    """
    paren = _PAREN_TAIL.search(line)
    if paren:
        inner = paren.group(1).strip()
        description = line[: paren.start()].rstrip()
        strength = credit_strength(inner, lexicon)
        if strength:
            return description, inner, strength
        if word_count(inner) <= 6 and not re.search(r"\d", inner) and not ends_sentence(description):
            return description, inner, "paren"
    breaks = list(_SENTENCE_BREAK.finditer(line))
    if breaks:
        tail = line[breaks[-1].end() :].strip()
        if tail and not ends_sentence(tail) and is_credit_shaped(tail):
            strength = credit_strength(tail, lexicon)
            if strength:
                return line[: breaks[-1].end()].rstrip(), tail, strength
    glued = _glued_credit(line, lexicon)
    if glued:
        return glued
    return line, None, "none"


def _glued_credit(line: str, lexicon: Lexicon) -> tuple[str, str, str] | None:
    """A credit glued to the description without punctuation: ``... in Gaza REUTERS/Name``."""
    if ends_sentence(line):
        return None
    words = line.split()
    best: tuple[str, str, str] | None = None
    for size in range(1, min(MAX_CREDIT_WORDS, len(words) - 3) + 1):
        tail_words = words[-size:]
        first = tail_words[0]
        if not ("/" in first or lexicon.has_agency(first) or lexicon.has_photo_marker(first)):
            continue
        tail = " ".join(tail_words)
        strength = credit_strength(tail, lexicon) if is_credit_shaped(tail) else None
        if strength:
            best = (" ".join(words[:-size]), tail, strength)
    if best and "/" in best[1].split()[0] and best[1][0].isupper():
        # "... in Beirut Jack Guez/AFP": a photographer's first name goes with the credit.
        head = best[0].split()
        if len(head) > 4 and _CAPITALISED.match(head[-1]) and head[-1].casefold() not in _CONNECTORS:
            best = (" ".join(head[:-1]), head[-1] + " " + best[1], best[2])
    if best:
        return best[0].rstrip(" ,;-–—|"), best[1], best[2]
    return None


def is_credit_line(line: str, lexicon: Lexicon) -> bool:
    """The whole line is a credit: ``REUTERS/Jane Doe``, ``(AP Photo/John Roe)``, ``Photo: AFP``."""
    inner = line.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    if lexicon.caption_prefix(inner):
        inner = inner.split(":", 1)[-1].strip()
        return bool(inner) and is_credit_shaped(inner) and lexicon.has_agency(inner)
    return is_credit_shaped(inner) and credit_strength(inner, lexicon) is not None


def read_caption(line: str, lexicon: Lexicon) -> CaptionMatch:
    """Classify one line as a caption candidate; ``evidence == "none"`` when it is not."""
    description, credit, strength = split_credit(line, lexicon)
    if lexicon.caption_prefix(line):
        return CaptionMatch(description, credit, "prefix")
    if credit is None:
        return CaptionMatch(line, None, "described" if describes_photo(line, lexicon) else "none")
    if word_count(description) < 3:
        return CaptionMatch(line, None, "none")
    return CaptionMatch(description, credit, strength)


def describes_photo(line: str, lexicon: Lexicon) -> bool:
    """No final full stop, at least 8 words, with a present-tense photo verb ("waves", "is seen")."""
    if ends_sentence(line) or word_count(line) < 8:
        return False
    folded = fold(line)
    words = re.findall(r"[\w'-]+", folded)
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    return any(w in lexicon.photo_verbs for w in words) or bool(pairs & lexicon.photo_verbs)
