"""Mentions of named things in a parsed article: spaCy's entities, cleaned, relabelled and completed.

Reads ``doc.ents`` and the tokens of the Doc it is given (no spaCy import). Offsets are character
offsets into the text the Doc was made from (``Article.text``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Any

from ...model import Mention, Span
from .given import first_name_led, given_not_town, given_surname_names
from .headlines import trim_headline_fragments
from .junk import PHRASE_WORDS, clean_mentions, drop_common_words, type_by_evidence
from .names import NOT_NAMES, ORG_KINDS, spelling_key
from .recover import (
    by_position,
    cover,
    join_nicknames,
    join_split_names,
    mark_people,
    mark_works,
    overlapping,
    place,
    recover_names,
    trim_fragments,
)
from .tables import CACHED, alias_of, aliases, country_word, honorifics, name_key, titles
from .tokens import Tokens, tokens_of

#: spaCy labels that name things (numbers, dates and times are other steps' work).
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
#: The type of a name of three or more words that ends in an organisation or place word, whatever
#: NER says.
_NOT_PERSON = {w: "ORG" for w in ORG_KINDS} | {
    w: "ORG" for w in ("Institute", "Foundation", "Center", "Centre", "University", "College", "School", "Hospital")
} | {w: "FAC" for w in ("Airport", "Street", "Square", "Road", "Avenue", "Bridge", "Palace", "Tower", "Hall")} | {
    w: "FAC" for w in ("Mosque", "Church", "Stadium", "Museum")
} | {w: "EVENT" for w in ("Forum", "Summit", "Conference", "Day", "Award", "Prize")}  # fmt: skip
_ORG_INNER = frozenset({"of", "for", "and", "on", "the"})
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TAIL = re.compile(r"(?:\s*['’]s?|[\s,.;:]+|\s+[-–—]+)$")
_EDITED = re.compile(r"[\[\]{}<>]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")
_TAIL_ENDS = frozenset("'’s,.;:-–—")  # the last characters a tail can end in, besides spaces


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without a leading "the" and a trailing possessive or punctuation."""
    piece = text[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
    if end > start and text[end - 1] not in _TAIL_ENDS and not text[end - 1].isspace():
        return start, end  # nothing to cut at the end
    while True:
        tail = _TAIL.search(text[start:end])
        if not tail or tail.start() == 0:
            break
        end = start + tail.start()
    return start, end


_PARTICLES = frozenset({"al", "el", "bin", "-"})


def _name_word(tk: Tokens, i: int) -> bool:
    """A token that can be part of a proper name: a capitalised word or a particle ("al", "-")."""
    return tk.is_upper_word(i) or tk.words[i].lower() in _PARTICLES


@lru_cache(maxsize=1)
def _title_last_words() -> frozenset[str]:
    return frozenset(t.split()[-1].split("-")[-1] for t in titles())


def _title_before(tk: Tokens, start: int) -> int:
    """Token index where a title (from the roles table) ending right before ``start`` begins, or -1."""
    if start == 0 or tk.words[start - 1].casefold() not in _title_last_words():
        return -1
    for size in (4, 3, 2, 1):
        first = start - size
        if first >= 0 and tk.words[first][:1].isupper() and tk.folded(first, start) in titles():
            return first
    return -1


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The leading word of every title and honorific: a token that is a whole word and none of these
    starts no title."""
    return frozenset(m.group() for t in (*titles(), *honorifics()) if (m := _WORD.match(t)))


def _strip_titles(tk: Tokens, first: int, last: int) -> int:
    """First token of a PERSON entity after titles and honorifics it swallowed ("Secretary Blinken")."""
    heads = _title_heads()
    while first < last - 1:
        word = tk.words[first].casefold()
        if word not in heads and _WORD.fullmatch(word):
            break  # the quick test: no title starts with this word
        for size in (3, 2, 1):
            words = tk.folded(first, first + size) if first + size < last else ""
            if words and (words in titles() or words in honorifics()):
                first += size
                break
        else:
            break
    return first


def _has_letter(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a letter (a word character that is no digit: "²" is one, so
    a hit that is no letter is checked in full)."""
    hit = _LETTER.search(text, start, end)
    return hit is not None and (hit.group().isalpha() or any(c.isalpha() for c in text[start:end]))


def _from_ents(tk: Tokens) -> list[Mention]:
    text = tk.text
    out = []
    for ent_start, ent_end, label in tk.entities:
        if label not in NAME_LABELS:
            continue
        first = _strip_titles(tk, ent_start, ent_end) if label == "PERSON" else ent_start
        start, end = trim(text, tk.starts[first], tk.end(ent_end - 1))
        if label == "PERSON" and _EDITED.search(text, start, end):
            continue  # "[W]e": a word an editor bracketed, no name
        if end > start and _has_letter(text, start, end):
            out.append(Mention(Span(start, end), text[start:end], label))
    return out


def _titled_names(tk: Tokens, covered: bytearray) -> list[Mention]:
    """PERSON mentions NER missed: a capitalised title followed by one to three name words."""
    out = []
    for i in tk.capitalised:
        if i == 0:
            continue
        title = _title_before(tk, i)
        if title < 0 or (title > 0 and tk.words[title - 1] == "-"):  # not "Commander-in-Chief Forum"
            continue
        j = i
        while j < len(tk) and _name_word(tk, j) and j - i < 4:
            j += 1
        if j - i > 3 or (j < len(tk) and _name_word(tk, j)) or tk.words[j - 1] == "-":
            continue
        words = tk.words[i:j]
        if any(w in ORG_KINDS or w in NOT_NAMES or w.casefold() in titles() for w in words):
            continue
        if any(not tk.is_proper(k) for k in range(i, j) if tk.words[k] != "-"):
            continue
        if country_word(tk.chars(i, j)) is not None:
            continue
        start, end = trim(tk.text, tk.starts[i], tk.end(j - 1))
        if end > start and covered.find(1, start, end) < 0:
            out.append(Mention(Span(start, end), tk.text[start:end], "PERSON"))
    return out


def _kind_orgs(tk: Tokens, covered: bytearray) -> list[Mention]:
    """ORG mentions NER missed: a capitalised run ending in an organisation word, or "Ministry of X"."""
    out = []
    i = 0
    n = len(tk)
    upper, words = tk.upper, tk.words
    for first in tk.capitalised:
        if first < i:
            continue
        i = j = first
        while j < n and (upper[j] or (words[j] in _ORG_INNER and j + 1 < n and upper[j + 1])):
            j += 1
        if j - i > 1:
            kinds = [k for k in range(i, j) if words[k] in ORG_KINDS]
            if kinds and (kinds[-1] == j - 1 or words[kinds[-1] + 1] == "of"):
                start, end = trim(tk.text, tk.starts[i], tk.end(j - 1))
                if end > start and covered.find(1, start, end) < 0:
                    out.append(Mention(Span(start, end), tk.text[start:end], "ORG"))
        i = max(j, i + 1)
    return out


@lru_cache(maxsize=1)
def _title_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Multi-word titles, each with its case-blind pattern."""
    return [(t, re.compile(re.escape(t), re.IGNORECASE)) for t in sorted(titles()) if " " in t]


@lru_cache(maxsize=1)
def _title_firsts() -> frozenset[str]:
    """The first words of the multi-word titles."""
    return frozenset(t.split(" ", 1)[0] for t, _ in _title_patterns())


#: Letters that match an ASCII letter without case but do not lower-case to it (Kelvin sign, long s,
#: dotted and dotless i): a text holding one is searched without the quick test.
_ODD_CASE = frozenset("\u212a\u017f\u0130\u0131")


def _within(blocked: tuple[list[int], list[int]], span: Span) -> bool:
    """Whether ``span`` lies inside one of the spans ``blocked`` holds (starts sorted, and the
    furthest end among the spans up to each)."""
    starts, reach = blocked
    i = bisect_right(starts, span.start)
    return i > 0 and reach[i - 1] >= span.end


def _title_phrases(text: str) -> tuple[list[int], list[int]]:
    """Where multi-word titles ("Secretary of State") occur (see :func:`_within`); ORG pieces inside
    them are not mentions."""
    lowered = None if any(c in text for c in _ODD_CASE) else text.lower()
    present = None if lowered is None else {w for w in _title_firsts() if w in lowered}
    spans = []
    for title, pattern in _title_patterns():
        if lowered is not None and present is not None and (title.split(" ", 1)[0] not in present or title not in lowered):
            continue  # a quick test: the title's first word, then the title, somewhere in the text
        for match in pattern.finditer(text):
            if text[match.start()].isupper():
                spans.append(Span(match.start(), match.end()))
    spans.sort(key=lambda s: s.start)
    reach = list(accumulate((s.end for s in spans), max))
    return [s.start for s in spans], reach


def _kin(mention: Mention, surnames: set[str], bare: set[str]) -> bool:
    """A two- or three-word name, not tagged PERSON, ending in the surname of a person in the article
    (``surnames``), or a three-word one ending in a one-word person's name (``bare``: "Keith Lamont
    Scott" tagged ORG beside "Scott" tagged PERSON)."""
    words = mention.text.split()
    if mention.label == "PERSON" or not 2 <= len(words) <= 3:
        return False
    if not all(w[:1].isupper() for w in words) or any(w in ORG_KINDS or w in NOT_NAMES or w in PHRASE_WORDS for w in words):
        return False
    last = name_key(words[-1])
    return spelling_key(last) in surnames or (len(words) == 3 and last in bare and all(w.isalpha() for w in words))


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    variants = sorted({a.variant for a in aliases().values() if a.variant}, key=len, reverse=True)
    if not variants:
        return re.compile(r"(?!)")  # empty tables: nothing matches
    # No look-behind in front: a pattern that starts with its alternatives lets the engine skip ahead
    # to their first letters; the character before a match is checked in :func:`_alias_matches`.
    return re.compile(r"(?:" + "|".join(re.escape(v) for v in variants) + r")(?![\w-])")


_WORDISH = re.compile(r"[\w-]")


def _alias_matches(text: str) -> Iterator[re.Match[str]]:
    r"""Matches of the alias pattern that do not start inside a word (as ``(?<![\w-])`` would)."""
    pattern = _alias_pattern()
    at = 0
    while (found := pattern.search(text, at)) is not None:
        start = found.start()
        if start and _WORDISH.match(text, start - 1):
            at = start + 1
            continue
        yield found
        at = max(found.end(), start + 1)


CACHED.extend([_title_last_words, _alias_pattern, _title_patterns, _title_firsts, _title_heads])


def _alias_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names from the alias table NER missed or cut ("Islamic" + "State group"); replaces cut pieces.

    Alias matches do not overlap one another, so each may only cut mentions it was given: they are
    looked up by position."""
    spans = {m.span for m in mentions}
    found = [m for m in _alias_matches(text) if Span(m.start(), m.end()) not in spans]  # not NER's
    if not found:
        return mentions
    ordered, starts, longest = by_position(mentions)
    replaced: set[int] = set()
    added: list[Mention] = []
    for match in found:
        span = Span(match.start(), match.end())
        inside = overlapping(ordered, starts, longest, span)
        if any(not span.contains(m.span) for m in inside):
            continue  # a longer name holds it ("US State Department")
        alias = alias_of(match.group())
        label = alias.type if alias is not None else "ORG"
        replaced.update(id(m) for m in inside)
        added.append(Mention(span, match.group(), label))
    return [m for m in mentions if id(m) not in replaced] + added


def _relabel(text: str, mentions: list[Mention]) -> None:
    """Fix labels: the alias table and country words first, person cues (:func:`mark_people`), then
    one label per name in the article (a tie between a person and an organisation: a person)."""
    keys = [name_key(m.text) for m in mentions]  # texts do not change here: each key read once
    fixed = set()  # keys whose label a table decided
    for m, key in zip(mentions, keys, strict=True):
        alias = alias_of(m.text)
        word = country_word(m.text)
        if alias is not None or word is not None:
            fixed.add(key)
        if alias is not None:
            m.label = alias.type
        elif word is not None and m.label in {"GPE", "LOC", "ORG", "PERSON", "NORP"}:
            m.label = "NORP" if word.kind in {"adjective", "demonym"} else "GPE"
        elif m.label == "PERSON" and m.text.count(" ") >= 2:  # not "Doris Day", "John Tower"
            m.label = _NOT_PERSON.get(m.text.rsplit(None, 1)[-1], "PERSON")  # "Bush Presidential Center"
    mark_people(text, mentions, fixed)
    for m, key in zip(mentions, keys, strict=True):
        if m.label != "PERSON" and key not in fixed and first_name_led(m):
            m.label = "PERSON"  # "Lester Holt" tagged ORG
    people = [(m, key, key.split()) for m, key in zip(mentions, keys, strict=True) if m.label == "PERSON"]
    surnames = {spelling_key(words[-1]) for _, _, words in people if len(words) > 1}
    givens = {words[0] for _, _, words in people if len(words) > 1}
    bare = {key for m, key, _ in people if " " not in m.text.strip()}
    votes: dict[str, dict[str, int]] = {}
    for m, key in zip(mentions, keys, strict=True):
        counts = votes.setdefault(key, {})
        counts[m.label] = counts.get(m.label, 0) + 1
    for m, key in zip(mentions, keys, strict=True):
        if key in fixed:
            continue
        if spelling_key(key) in surnames or _kin(m, surnames, bare) or (key in givens and given_not_town(m)):
            # "Blinken" tagged GPE once next to "Antony Blinken"; "Layla Karim" next to "Ahmed Karim";
            # "Melania" tagged GPE next to "Melania Trump"
            m.label = "PERSON"
            continue
        counts = votes[key]
        top = max(counts.values())
        if m.label == "ORG" and " " not in key and counts.get("PERSON", 0) == top:
            m.label = "PERSON"  # "Trump" once a person, once an organisation: a person
            continue
        if counts.get(m.label, 0) < top:
            m.label = next(label for label, n in counts.items() if n == top)


def find_mentions(doc: Any, tk: Tokens | None = None) -> list[Mention]:
    """Named-thing mentions of ``doc`` in text order, without overlaps."""
    tk = tokens_of(doc) if tk is None else tk
    mentions = join_split_names(tk.text, join_nicknames(tk.text, clean_mentions(tk.text, _from_ents(tk))))
    blocked = _title_phrases(tk.text)
    mentions = [m for m in mentions if m.label == "PERSON" or not _within(blocked, m.span)]
    covered = cover(mentions, len(tk.text))
    extra = _titled_names(tk, covered)
    covered = cover(mentions + extra, len(tk.text))
    extra += [m for m in _kind_orgs(tk, covered) if not _within(blocked, m.span)]
    covered = cover(mentions + extra, len(tk.text))
    extra += given_surname_names(tk, covered)
    mentions = sorted(_alias_mentions(tk.text, mentions + extra), key=place)
    _relabel(tk.text, mentions)
    mentions = trim_headline_fragments(tk.text, trim_fragments(tk.text, mentions))
    mark_works(tk.text, mentions)
    mentions = drop_common_words(tk, type_by_evidence(tk.text, mentions))
    return sorted(mentions + recover_names(tk, mentions), key=place)
