"""Given names that share the surname after them: "Jon and Mara Vell", "Tariq and Leila Haddad".

A one-word person name right before "and" (or "&") and a full name is that given name with the full
name's surname, unless a full name of the article ends with it ("Carr and Mara Vell" beside "Ben
Carr" are Ben Carr and Mara Vell), or it is no known given name while the full name's is ("Carr and
Mara Vell" is no Carr Vell). Pure functions over mentions.
"""

from __future__ import annotations

import re

from ...model import Mention
from .names import name_words
from .tables import first_names, name_key

_AND = re.compile(r"\s+(?:and|&)\s+$")


def coordinated_names(mentions: list[Mention], text: str) -> tuple[dict[int, str], set[int]]:
    """``id(mention)`` → the full name a coordinated given name stands for, for the PERSON
    ``mentions`` (in text order) of an article; and the ids of coordinated given names that a full
    name of the article with another surname starts with ("Mara and Tom Reyes" beside "Mara
    Vell"): which person they are is not clear, and they are left unlinked."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.span.start)
    full = [w for m in people if len(w := name_words(m.text)) > 1]
    surnames = {name_key(w[-1]) for w in full}
    givens = {name_key(w[0]) for w in full}
    pairs = {(name_key(w[0]), name_key(w[-1])) for w in full}
    out: dict[int, str] = {}
    unclear: set[int] = set()
    for first, second in zip(people, people[1:], strict=False):
        word = first.text.strip()
        if " " in word or first.role or name_key(word) in surnames:
            continue
        after = name_words(second.text)
        if len(after) < 2 or not _AND.match(text[first.span.end : second.span.start] + " "):
            continue
        if name_key(word) not in first_names() and name_key(after[0]) in first_names():
            continue  # "Carr and Mara Vell": a surname beside a known given name
        if name_key(word) in givens and (name_key(word), name_key(after[-1])) not in pairs:
            unclear.add(id(first))  # "Mara and Tom Reyes" beside "Mara Vell"
            continue
        out[id(first)] = f"{word} {after[-1]}"
    return out, unclear
