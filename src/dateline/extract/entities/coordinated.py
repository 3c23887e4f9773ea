"""Given names that share the surname after them: "Bill and Hillary Clinton", "Khizr and Ghazala Khan".

A one-word person name right before "and" (or "&") and a full name is that given name with the full
name's surname, when no full name of the article ends in it ("Carson and Donald Trump" is Ben
Carson and Donald Trump) and it is a known given name or the full name's given name is unknown
too ("Trump and Hillary Clinton" is no Trump Clinton). Pure functions over mentions.
"""

from __future__ import annotations

import re

from ...model import Mention
from .names import name_words
from .tables import first_names, name_key

_AND = re.compile(r"\s+(?:and|&)\s+$")


def coordinated_names(mentions: list[Mention], text: str) -> dict[int, str]:
    """``id(mention)`` → the full name a coordinated given name stands for, for the PERSON
    ``mentions`` (in text order) of an article."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.span.start)
    surnames = {name_key(w[-1]) for m in people if len(w := name_words(m.text)) > 1}
    out: dict[int, str] = {}
    for first, second in zip(people, people[1:], strict=False):
        word = first.text.strip()
        if " " in word or first.role or name_key(word) in surnames:
            continue
        after = name_words(second.text)
        if len(after) < 2 or not _AND.match(text[first.span.end : second.span.start] + " "):
            continue
        if name_key(word) not in first_names() and name_key(after[0]) in first_names():
            continue  # "Trump and Hillary Clinton": a surname beside a known given name
        out[id(first)] = f"{word} {after[-1]}"
    return out
