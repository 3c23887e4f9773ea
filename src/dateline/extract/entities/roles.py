"""Roles of people: the title or descriptor next to a name.

Two forms are read from the tokens of the Doc (no spaCy import):

- prenominal: "Treasury Department spokeswoman Dana Reyes", "Chilean Foreign Minister Tomas Vell",
  "US Secretary of Labor Mara Ortiz", "President Lena Hart";
- appositive after the name: "Omar Haddad, advisor to the Jordanian Prime Minister, said".
"""

from __future__ import annotations

from ...model import Mention
from .tables import country_word, role_fillers, role_heads, role_words, titles
from .tokens import Tokens

_ROLE_LABELS = frozenset({"ORG", "GPE", "NORP"})
_CONNECTORS = frozenset({"of", "for", "and", "-"})
_POSSESSIVE = frozenset({"'s", "’s"})
_AFTER_HEAD = frozenset({"of", "to", "for", "at", "in", "with", "on", "and", "-"})
_TERMINATORS = frozenset({",", ".", ";", ":", ")", "(", "—", "–", '"', "“", "”", "?", "!"})
_STOPS = frozenset({"who", "which", "that", "whose", "whom", "said", "says", "told", "added"})
_DETERMINERS = frozenset({"a", "an", "the"})
_NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})
_MAX_APPOSITIVE = 14


def _owners(tk: Tokens, mentions: list[Mention]) -> tuple[dict[int, Mention], dict[int, tuple[int, int]]]:
    """Token index → the mention covering it, and mention id → its token range."""
    owner: dict[int, Mention] = {}
    ranges: dict[int, tuple[int, int]] = {}
    for m in mentions:
        first, last = tk.token_range(m.span.start, m.span.end)
        ranges[id(m)] = (first, last)
        for i in range(first, last):
            owner[i] = m
    return owner, ranges


def _role_word(word: str) -> bool:
    low = word.casefold()
    return low in role_heads() or low in role_fillers() or country_word(word) is not None


def _ends_in_title(tk: Tokens, end: int) -> bool:
    """Whether the tokens right before ``end`` are a head word or a listed multi-word title."""
    if tk.words[end - 1].casefold() in role_heads():
        return True
    return any(end - size >= 0 and tk.folded(end - size, end) in titles() for size in (2, 3, 4))


def _inside_role(tk: Tokens, j: int, owner: dict[int, Mention]) -> bool:
    """Whether token ``j`` (not part of a mention) can be part of a prenominal role."""
    word = tk.words[j]
    low = word.casefold()
    if _role_word(word) or low in _CONNECTORS:
        return True
    if low in _POSSESSIVE:  # "Iraq's Foreign Minister"
        return j > 0 and owner.get(j - 1) is not None
    # an unlisted proper noun inside the role: "Shura Council member"
    return tk.tagged and tk.is_proper(j) and word[:1].isupper() and not tk.sent_starts[j]


def prenominal(
    tk: Tokens, first: int, owner: dict[int, Mention], ranges: dict[int, tuple[int, int]]
) -> str | None:
    """The role right before the name that starts at token ``first``, or None."""
    if first == 0 or not _ends_in_title(tk, first):
        return None
    j = first - 1
    start = first
    while j >= 0:
        mention = owner.get(j)
        if mention is not None:
            if mention.label not in _ROLE_LABELS:
                break
            j = ranges[id(mention)][0]
            start = j
            j -= 1
            continue
        if tk.ents[j] in _NUMERIC or not _inside_role(tk, j, owner):
            break
        start = j
        j -= 1
    while start < first and tk.words[start].casefold() in _CONNECTORS | _POSSESSIVE:
        start += 1
    if start >= first:
        return None
    role = tk.chars(start, first)
    if tk.sent_starts[start] and role_words().get(tk.words[start].casefold()) == "modifier":
        role = role[0].lower() + role[1:]  # "Former US President" at the start of a sentence
    return role


def appositive(tk: Tokens, end: int, owner: dict[int, Mention]) -> str | None:
    """The descriptor set off by a comma after the name that ends before token ``end``, or None."""
    n = len(tk)
    if end >= n or tk.words[end] != ",":
        return None
    k = end + 1
    if k < n and tk.words[k].lower() in _DETERMINERS:
        k += 1
    start = k
    head = None
    while k < n and k - start < 5:
        word = tk.words[k]
        if word.casefold() in role_heads():
            head = k
            break
        covered = owner.get(k) is not None and owner[k].label in _ROLE_LABELS
        if not (covered or word.casefold() in role_fillers() or country_word(word)):
            return None
        k += 1
    if head is None:
        return None
    if head + 1 < n:
        after = tk.words[head + 1]
        if not (after in _TERMINATORS or after.lower() in _AFTER_HEAD or after.casefold() in role_heads()):
            return None  # "official sources": the head is the next noun, not a role
    k = head + 1
    while k < n and tk.words[k] not in _TERMINATORS and tk.words[k].lower() not in _STOPS:
        if k - start >= _MAX_APPOSITIVE or (owner.get(k) is not None and owner[k].label == "PERSON"):
            return None
        k += 1
    return tk.chars(start, k)


def assign_roles(tk: Tokens, mentions: list[Mention]) -> None:
    """Set ``Mention.role`` on PERSON mentions that carry a title or descriptor."""
    owner, ranges = _owners(tk, mentions)
    for m in mentions:
        if m.label != "PERSON":
            continue
        first, end = ranges[id(m)]
        m.role = prenominal(tk, first, owner, ranges) or appositive(tk, end, owner)
