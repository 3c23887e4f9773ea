"""Names told by a listed given name: a person NER missed, and what stays no person (no spaCy)."""

from __future__ import annotations

import re

from dateline.extract.entities.given import given_surname_names
from dateline.extract.entities.recover import cover
from dateline.extract.entities.tokens import Tokens
from dateline.model import Mention, Span


def tokens(text: str, common: set[str] = frozenset()) -> Tokens:
    """Whitespace and punctuation tokens; capitalised words are proper nouns unless in ``common``."""
    found = list(re.finditer(r"[A-Z]\.|\w+(?:['’-]\w+)*|[^\w\s]", text))
    words = [m.group() for m in found]
    upper = [w[0].isupper() for w in words]
    proper = [u and w not in common for w, u in zip(words, upper, strict=True)]
    starts = [True] + [words[i - 1] in {".", "!", "?"} for i in range(1, len(words))]  # "A." ends none
    return Tokens(
        text, words, [m.start() for m in found], proper, [""] * len(words), starts, True, upper, [],
        [i for i, u in enumerate(upper) if u],
    )  # fmt: skip


def test_a_given_name_and_surname_ner_missed_is_a_person() -> None:
    text = "The rule was cited by Ivanka Trump in an interview. Later Marisol Okafor spoke."
    tk = tokens(text, {"The", "Later"})
    assert [m.text for m in given_surname_names(tk, cover([], len(text)))] == ["Ivanka Trump", "Marisol Okafor"]


def test_runs_companies_towns_and_covered_names_are_left_alone() -> None:
    text = (
        "He met A. Philip Randolph there. Shares of Walter Energy fell. She drove to Charles Town. "
        "Ruth Okafor Foundation staff came. Keith Moreno spoke."
    )
    tk = tokens(text, {"He", "Shares", "She"})
    keith = text.index("Keith Moreno")
    covered = cover([Mention(Span(keith, keith + 12), "Keith Moreno", "PERSON")], len(text))
    assert given_surname_names(tk, covered) == []
