"""Person mentions repaired after NER: fragments trimmed, missed short forms added (no spaCy)."""

from __future__ import annotations

from dateline.extract.entities.recover import trim_fragments
from dateline.model import Mention, Span


def person(text: str, piece: str, after: int = 0) -> Mention:
    start = text.index(piece, after)
    return Mention(Span(start, start + len(piece)), piece, "PERSON")


def test_fragments_are_cut_to_the_name_they_hold() -> None:
    text = (
        "Donald Trump spoke. Hammering Hillary Clinton was his theme. Hillary Clinton replied. "
        "The Donna Brazile Leak story grew, said Donna Brazile. Critics called him the Demogorgon Trump."
    )
    found = [
        person(text, "Donald Trump"), person(text, "Hammering Hillary Clinton"),
        person(text, "Hillary Clinton", 40), person(text, "Donna Brazile Leak"),
        person(text, "Donna Brazile", 120), person(text, "Demogorgon Trump"),
    ]  # fmt: skip
    trimmed = [m.text for m in trim_fragments(text, found)]
    assert trimmed == [
        "Donald Trump",
        "Hillary Clinton",
        "Hillary Clinton",
        "Donna Brazile",
        "Donna Brazile",
        "Trump",
    ]
    for m in trim_fragments(text, found):
        assert text[m.span.start : m.span.end] == m.text


def test_real_names_and_suffixes_are_kept() -> None:
    text = "Donald Trump Jr. and Eric Trump joined Donald Trump."
    found = [person(text, "Donald Trump Jr."), person(text, "Eric Trump"), person(text, "Donald Trump", 30)]
    assert [m.text for m in trim_fragments(text, found)] == ["Donald Trump Jr.", "Eric Trump", "Donald Trump"]
