"""Person mentions repaired after NER: fragments trimmed, and short forms NER missed added back.

- 'Rep. Robert C. "Bobby' + 'Scott': a name NER cut at its quoted nickname is one PERSON mention
  again (the title stays outside);
- "the Washington Post Trump said": an organisation of the alias table glued before a name is
  split off the person;

- "Jon" + "Lamar Vell", "Aung San" + "Suu Kyi": two PERSON mentions NER split with one space
  between them are one name when the first is named nowhere else in the article;
- "Hammering Hillary Clinton", "Donna Brazile Leak": a PERSON mention holding the full name of a
  person named elsewhere in the article is cut down to that name (not "Ildefonso Guajardo
  Villarreal", a name word before two surnames);
- "the Demogorgon Trump", "Take Trump": a two-word PERSON mention whose first word is not a given
  name, standing after "the" or at a sentence start, ending in the surname of a person in the
  article, is cut down to the surname;
- the same two-word fragment tagged as something else ("Take Trump" as a title, "the Demogorgon
  Trump" as an organisation) is cut down the same way when the surname is a person's in the
  article, unless a venue word follows ("the Mirabeau Trump hotel");
- a one-word name tagged ORG is a person when a cue says so: "Mr." before it, "'s wife" or "'s
  running mate" after it, "said that he" after it; then every ORG mention of it in the article is;
- a capitalised word that is the surname (or given name) of a person named in full in the article,
  or a one-word person name tagged PERSON elsewhere in it, not tagged as something else and not part
  of a longer name ("Trump Organization"), is a PERSON mention ("Trump held a rally"; NER often
  misses a sentence-initial surname).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import dropwhile

from ...model import Mention, Span
from .headlines import Headlines, headline_spans, inside
from .names import spelling_key, suffix
from .tables import CACHED, alias_of, aliases, first_names, given_names, honorifics, name_key, titles
from .tokens import Tokens

_BEFORE_SENTENCE = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")
_BEFORE_QUOTED = re.compile(r"[\"“]$")
_DETERMINER = re.compile(r"\b(?:the|The|a|an)\s+$")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Gov|Rep)\.?\s+$")
#: Labels NER gives name fragments it misreads ("Take Trump", "the Demogorgon Trump").
_FRAGMENT_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC"})
#: Words after a name that make it a venue or a business, not a person ("the Mirabeau Trump hotel").
_VENUE = re.compile(
    r"^\s+(?:hotel|tower|towers|building|casino|resort|golf|club|winery|organi[sz]ation|foundation|"
    r"university|brand|company|store|restaurant|airport|plaza|center|centre)\b",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^(?:['’]s\s+(?:wife|husband|son|daughter|father|mother|brother|sister|children|running\s+mate)\b"
    r"|\s+(?:said|says|told\s+\w+)(?:\s+on\s+\w+)?,?\s+(?:that\s+)?(?:he|she)\b)"
)
_OTHER_TYPES = frozenset(
    {"DATE", "TIME", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
)


#: A name with a quoted nickname inside: 'Robert C. "Bobby" Scott', 'Marcia "Cia" Price'.
_NICKNAMED = re.compile(
    r"\b[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?){0,2}\s+[\"“]([A-Z][\w'’-]+)[\"”]\s+[A-Z][\w'’-]+(?:-[A-Z][\w'’-]+)?"
)


#: The quoted nickname alone, searched first: it is rare.
_QUOTED_WORD = re.compile(r"\s[\"“][A-Z][\w'’-]+[\"”]\s+[A-Z]")


def nickname_of(text: str) -> str | None:
    """The quoted nickname inside a person's name ("Bobby" in 'Robert C. "Bobby" Scott'), or None."""
    found = _NICKNAMED.fullmatch(text) if '"' in text or "“" in text else None
    return found.group(1) if found else None


def place(mention: Mention) -> tuple[int, int]:
    """Sort key of a mention: its start and end (a plain tuple compares faster than a Span)."""
    return mention.span.start, mention.span.end


def by_position(mentions: list[Mention]) -> tuple[list[Mention], list[int], int]:
    """``mentions`` sorted by start, their starts and the most characters one spans: what
    :func:`overlapping` looks mentions up in."""
    ordered = sorted(mentions, key=lambda m: m.span.start)
    return ordered, [m.span.start for m in ordered], max((m.span.end - m.span.start for m in ordered), default=0)


def overlapping(ordered: list[Mention], starts: list[int], longest: int, span: Span) -> list[Mention]:
    """The mentions of ``ordered`` (sorted by start; ``starts`` their starts, ``longest`` the most
    characters one spans) that overlap ``span``, found by position."""
    low, high = bisect_left(starts, span.start - longest), bisect_left(starts, span.end)
    return [m for m in ordered[low:high] if m.span.overlaps(span)]


def join_nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """One PERSON mention for a name NER cut at its quoted nickname ('Robert C. "Bobby' + 'Scott')."""
    cores = list(_QUOTED_WORD.finditer(text)) if '"' in text or "“" in text else []
    if not cores:
        return mentions
    ordered, starts, longest = by_position(mentions)
    replaced: set[int] = set()
    added: list[Mention] = []
    last = 0
    for core in cores:  # matches do not overlap: each cuts only given mentions
        window = _NICKNAMED.finditer(text, max(last, core.start() - 60), core.end() + 80)
        found = next((f for f in window if f.start() < core.start() < f.end()), None)
        if found is None:
            continue
        last = found.end()
        words = list(re.finditer(r"\S+", found.group()))[:-2]
        lead = list(dropwhile(lambda w: w.group().casefold() in titles() | honorifics(), words))
        if not lead:
            continue
        span = Span(found.start() + lead[0].start(), found.end())
        inside = overlapping(ordered, starts, longest, span)
        if not any(m.label == "PERSON" for m in inside) or any(m.span == span for m in inside):
            continue
        if any(not span.contains(m.span) for m in inside):
            continue
        replaced.update(id(m) for m in inside)
        added.append(Mention(span, text[span.start : span.end], "PERSON"))
    return sorted([m for m in mentions if id(m) not in replaced] + added, key=place)


def _full_names(mentions: list[Mention]) -> list[str]:
    return [m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) == 2]


def _cut(mention: Mention, start: int, end: int, text: str) -> Mention:
    return Mention(Span(start, end), text[start:end], "PERSON", role=mention.role, field=mention.field)


def _by_last(full: list[str]) -> dict[str, set[str]]:
    """Full names by the key of their last word."""
    out: dict[str, set[str]] = {}
    for n in full:
        out.setdefault(name_key(n.split()[-1]), set()).add(n)
    return out


def _others(by_last: dict[str, set[str]], text: str, last: str) -> bool:
    """Whether a full name other than ``text`` ends in the word ``last``."""
    return bool(by_last.get(name_key(last), set()) - {text})


def _lone_fragment(m: Mention, words: list[str], text: str, people: set[str]) -> bool:
    """A two-word name tagged as something else that is a person's surname behind a stray word."""
    if m.label not in _FRAGMENT_LABELS or name_key(words[-1]) not in people or not words[0][:1].isupper():
        return False
    head = text[max(0, m.span.start - 12) : m.span.start]
    lone = _DETERMINER.search(head) or _BEFORE_SENTENCE.search(head) or _BEFORE_QUOTED.search(head)
    after = text[m.span.end : m.span.end + 24]
    return bool(lone) and not _VENUE.match(after) and name_key(words[0]) not in given_names()


@lru_cache(maxsize=1)
def _alias_firsts() -> frozenset[str]:
    """First words of the organisations of the alias and groups tables, as written and without "The"."""
    words = (a.variant.split() for a in aliases().values() if a.type == "ORG")
    return frozenset(w[1] if w[0] in {"The", "the"} and len(w) > 1 else w[0] for w in words if w)


CACHED.append(_alias_firsts)


def _org_prefix(words: list[str]) -> int:
    """How many leading words of a mention are an organisation of the alias table that NER glued to
    a name ("the Washington Post Trump said"), or 0. The mention becomes the two."""
    if len(words) < 2 or words[0] not in _alias_firsts():
        return 0
    for size in range(len(words) - 1, 0, -1):
        alias = alias_of(" ".join(words[:size]))
        if alias is not None and alias.type == "ORG" and words[size][:1].isupper():
            return size
    return 0


def _given_before(name: str, inside: str, before: str) -> bool:
    """``name`` is ``inside`` after one or two more name words, and ``inside`` starts with no known given name:
    "Rosario Ibarra Montes" holds the surnames "Ibarra Montes" (kept whole), "Hammering
    Hillary Clinton" a phrase before a name (cut). After an honorific (``before``, the text before the
    name) the first word belongs to a title ("Miss Universe Lena Hart")."""
    head = name[: -len(inside)].strip() if name.endswith(inside) else ""
    words = head.split()
    return (
        1 <= len(words) <= 2
        and all(w.isalpha() and w.istitle() for w in words)
        and head.casefold() not in titles()
        and head.casefold() not in honorifics()
        and name_key(inside.split()[0]) not in given_names()
        and not head.endswith("ing")
        and not _HONORIFIC.search(before)
    )


def join_split_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two PERSON mentions NER split with one space between them are one name ("Keith" + "Lamont
    Scott", "Aung San" + "Suu Kyi") when the first is named nowhere else in the article, on its own or
    as a surname ("Trump Clinton" stays two)."""
    pairs = [
        (a, b)
        for a, b in zip(mentions, mentions[1:], strict=False)
        if a.label == "PERSON" and b.label == "PERSON" and b.span.start == a.span.end + 1 and text[a.span.end] == " "
    ]
    if not pairs:
        return mentions
    people = [m for m in mentions if m.label == "PERSON" and m.text.split()]
    counts: dict[str, int] = {}
    for m in people:
        for key in {name_key(m.text), name_key(m.text.split()[-1])}:
            counts[key] = counts.get(key, 0) + 1
    joined: dict[int, Mention] = {}
    dropped: set[int] = set()
    for a, b in pairs:
        if id(a) in dropped:
            continue
        words = a.text.split()
        if not words or len(words) > 2 or len(words) + len(b.text.split()) > 4 or not all(w.isalpha() and w.istitle() for w in words):
            continue
        if counts.get(name_key(a.text), 0) > 1 or counts.get(name_key(words[-1]), 0) > 1:
            continue
        if any(w.casefold() in titles() or w.casefold() in honorifics() for w in words) or alias_of(a.text):
            continue
        whole = Mention(Span(a.span.start, b.span.end), text[a.span.start : b.span.end], "PERSON", role=a.role)
        joined[id(a)] = whole
        dropped.add(id(b))
    if not joined:
        return mentions
    return [joined.get(id(m), m) for m in mentions if id(m) not in dropped]


def trim_fragments(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with PERSON fragments cut down to the name they hold (see the module doc)."""
    full = sorted(set(_full_names(mentions)), key=len, reverse=True)
    by_last = _by_last(full)
    people = {name_key(n.split()[-1]) for n in full} | {
        name_key(m.text) for m in mentions if m.label == "PERSON" and len(m.text.split()) == 1
    }
    out = []
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 3:
            held = [n for n in full if n in m.text and n != m.text]
            inside = held[0] if held else None
            if inside is not None and not suffix(m.text) and not any(
                _given_before(m.text, n, text[max(0, m.span.start - 6) : m.span.start]) for n in held
            ):
                start = m.span.start + m.text.index(inside)
                out.append(_cut(m, start, start + len(inside), text))
                continue
        cut = _org_prefix(words) if m.label == "PERSON" or m.label in _FRAGMENT_LABELS else 0
        if cut and (m.label == "PERSON" or name_key(" ".join(words[cut:])) in people):
            start = m.span.end - len(" ".join(words[cut:]))
            out.append(_cut(m, start, m.span.end, text))
            org = " ".join(words[:cut])
            if text.startswith(org, m.span.start):
                out.append(Mention(Span(m.span.start, m.span.start + len(org)), org, "ORG"))
            continue
        if m.label == "PERSON" and len(words) == 2 and _others(by_last, m.text, words[-1]):
            head = text[max(0, m.span.start - 12) : m.span.start]
            lone = _DETERMINER.search(head) or _BEFORE_SENTENCE.search(head) or _BEFORE_QUOTED.search(head)
            if lone and name_key(words[0]) not in given_names() and name_key(words[0]) not in first_names():
                start = m.span.end - len(words[1])
                out.append(_cut(m, start, m.span.end, text))
                continue
        if len(words) == 2 and _lone_fragment(m, words, text, people):
            start = m.span.end - len(words[1])
            out.append(_cut(m, start, m.span.end, text))
            continue
        out.append(m)
    return out


def mark_people(text: str, mentions: list[Mention], fixed: set[str]) -> None:
    """Relabel one-word ORG names as PERSON when a cue in ``text`` says one of them is a person
    (see the module doc). ``fixed``: keys whose label a table decided."""
    people = set()
    for m in mentions:
        key = name_key(m.text)
        if m.label != "ORG" or " " in key or key in fixed or m.text.isupper():
            continue
        head = text[max(0, m.span.start - 6) : m.span.start]
        if _HONORIFIC.search(head) or _PERSON_AFTER.match(text[m.span.end : m.span.end + 40]):
            people.add(key)
    for m in mentions:
        if m.label == "ORG" and name_key(m.text) in people:
            m.label = "PERSON"


def cover(mentions: list[Mention], size: int) -> bytearray:
    """One byte per character of a text of ``size`` characters: 1 inside a mention, else 0."""
    flags = bytearray(size)
    for m in mentions:
        flags[m.span.start : m.span.end] = b"\x01" * (m.span.end - m.span.start)
    return flags


def _free(tk: Tokens, i: int, covered: bytearray, heads: Headlines) -> bool:
    """Token ``i`` is outside every mention and not part of a longer capitalised name (in a headline
    or title-case line (``heads``) every word is capitalised: only a venue word after it counts)."""
    start, end = tk.starts[i], tk.end(i)
    if covered.find(1, start, end) >= 0 or tk.ents[i] in _OTHER_TYPES:
        return False
    if inside(heads, start):
        return not (i + 1 < len(tk) and _VENUE.match(" " + tk.words[i + 1]))
    if i + 1 < len(tk) and tk.is_upper_word(i + 1):
        return False
    head = tk.text[max(0, start - 6) : start]
    before_upper = i > 0 and tk.is_upper_word(i - 1) and not tk.sent_starts[i]
    return not before_upper or bool(_HONORIFIC.search(head))


def recover_names(tk: Tokens, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for surnames and given names of people named in full that NER left out."""
    full = _full_names(mentions)
    wanted = {w for n in full for w in (n.split()[0], n.split()[-1]) if w[:1].isupper()}
    bare = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text and m.text[:1].isupper()}
    if not wanted and not bare:
        return []
    words = tk.words
    names = wanted | bare
    hits = [i for i, w in enumerate(words) if w in names]
    # a surname spelt another way ("Zelenskyy" beside "Volodymyr Zelenskiy") is that surname
    folded = {spelling_key(n.split()[-1].casefold()) for n in full if n.split()[-1][:1].isupper()}
    if folded:
        hits = sorted({*hits, *(i for i in tk.capitalised if words[i] not in names
                                and spelling_key(words[i].casefold()) in folded)})  # fmt: skip
        wanted = wanted | {words[i] for i in hits}
    # a one-word name counts when it is tagged a proper noun somewhere (not "Aides")
    bare = {words[i] for i in hits if words[i] in bare and tk.is_proper(i)}
    covered = cover(mentions, len(tk.text))
    out = []
    heads = headline_spans(tk.text)
    for i in hits:
        if (words[i] in wanted or words[i] in bare) and _free(tk, i, covered, heads):
            out.append(Mention(Span(tk.starts[i], tk.end(i)), words[i], "PERSON"))
    return out


_WORK_CUE = re.compile(
    r"\b(?:film|movie|book|novel|memoir|series|documentary|play|song|album|show)\s+(?:the\s+)?[\"“]?$",
    re.IGNORECASE,
)


def mark_works(text: str, mentions: list[Mention]) -> None:
    """Relabel a name standing after "the film", "his book" ... or inside quotes as WORK_OF_ART, and
    then every other mention of a title so found ("The Irishman" named again without a cue)."""
    works = set()
    for m in mentions:
        head = text[max(0, m.span.start - 16) : m.span.start]
        quoted = head.endswith(('"', "“")) and text[m.span.end : m.span.end + 1] in {'"', "”"}
        if m.label != "WORK_OF_ART" and (_WORK_CUE.search(head) or (quoted and m.label in {"NORP", "GPE"})):
            m.label = "WORK_OF_ART"
            works.add(name_key(m.text))
    for m in mentions:
        if m.label in {"NORP", "GPE"} and name_key(m.text) in works:
            m.label = "WORK_OF_ART"
