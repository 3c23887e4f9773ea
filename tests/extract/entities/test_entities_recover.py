"""Person mentions repaired after NER: fragments trimmed, missed short forms added (no spaCy)."""

from __future__ import annotations

from dateline.extract.entities.mentions import _relabel
from dateline.extract.entities.recover import join_split_names, trim_fragments
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


def test_a_name_word_before_two_surnames_is_kept() -> None:
    text = (
        "Trade minister Ildefonso Marroquín Estrada flew in. Marroquín Estrada said little. "
        "Miss Universe Leonor Dávila smiled; Leonor Dávila waved."
    )
    found = [
        person(text, "Ildefonso Marroquín Estrada"), person(text, "Marroquín Estrada", 50),
        person(text, "Universe Leonor Dávila"), person(text, "Leonor Dávila", 110),
    ]  # fmt: skip
    assert [m.text for m in trim_fragments(text, found)] == [
        "Ildefonso Marroquín Estrada",
        "Marroquín Estrada",
        "Leonor Dávila",  # after "Miss", "Universe" belongs to the title
        "Leonor Dávila",
    ]


def test_a_name_split_in_two_by_ner_is_joined_when_its_first_part_stands_nowhere_else() -> None:
    text = "Police shot Dorian Lamar Whitfield on Tuesday. Whitfield's wife spoke. Trump said the Trump Clinton race was close."
    found = [
        person(text, "Dorian"), person(text, "Lamar Whitfield"), person(text, "Whitfield", 40),
        person(text, "Trump"), person(text, "Trump", 80), person(text, "Clinton"),
    ]  # fmt: skip
    joined = join_split_names(text, found)
    assert [m.text for m in joined] == ["Dorian Lamar Whitfield", "Whitfield", "Trump", "Trump", "Clinton"]
    assert joined[0].span == Span(text.index("Dorian"), text.index(" on Tuesday"))
    title = "The Harbour City Mayor Ruth Okafor spoke."
    parts = [person(title, "Harbour City Mayor"), person(title, "Ruth Okafor")]
    assert [m.text for m in join_split_names(title, parts)] == ["Harbour City Mayor", "Ruth Okafor"]


def test_a_three_word_name_tagged_org_beside_its_surname_tagged_person_is_a_person() -> None:
    text = "Darnell Ray Okoye was shot. Okoye, 43, was unarmed, said the Harbour Police Department. Okoye Travel Group closed."
    found = [
        Mention(Span(0, 17), "Darnell Ray Okoye", "ORG"), person(text, "Okoye", 20),
        Mention(Span(text.index("Harbour"), text.index(" Department") + 11), "Harbour Police Department", "ORG"),
        Mention(Span(text.index("Okoye Travel"), text.index(" closed")), "Okoye Travel Group", "ORG"),
    ]  # fmt: skip
    _relabel(text, found)
    assert [m.label for m in found] == ["PERSON", "PERSON", "ORG", "ORG"]


def test_a_given_name_tagged_a_place_beside_the_full_name_is_a_person() -> None:
    text = "Marisol Vance spoke first. Later Marisol thanked Jordan Miles, who had flown in from Jordan."
    found = [
        person(text, "Marisol Vance"), Mention(Span(33, 40), "Marisol", "GPE"), person(text, "Jordan Miles"),
        Mention(Span(text.rindex("Jordan"), len(text) - 1), "Jordan", "GPE"),
    ]  # fmt: skip
    _relabel(text, found)
    assert [(m.text, m.label) for m in found] == [
        ("Marisol Vance", "PERSON"), ("Marisol", "PERSON"), ("Jordan Miles", "PERSON"), ("Jordan", "GPE"),
    ]  # fmt: skip


def test_a_name_led_by_a_known_given_name_is_a_person_whatever_ner_said() -> None:
    text = (
        "Anchor Lester Holt asked the first question. Holt pressed on. Walter Energy shares fell and "
        "Morgan Stanley analysts left Charles Town for the Keith Foundation."
    )
    spans = ["Lester Holt", "Holt", "Walter Energy", "Morgan Stanley", "Charles Town", "Keith Foundation"]
    found = []
    for piece, after in zip(spans, [0, 40, 0, 0, 0, 0], strict=True):
        start = text.index(piece, after)
        found.append(Mention(Span(start, start + len(piece)), piece, "ORG" if piece != "Charles Town" else "GPE"))
    _relabel(text, found)
    assert [m.label for m in found] == ["PERSON", "PERSON", "ORG", "ORG", "GPE", "ORG"]


def test_blank_or_odd_person_spans_do_not_break_the_joins() -> None:
    text = "Odd \u200b Hana Ruiz spoke. [/b] Ruiz left."
    found = [Mention(Span(4, 5), " ", "PERSON"), person(text, "Hana Ruiz"), person(text, "Ruiz", 20)]
    assert [m.text for m in join_split_names(text, found)] == [" ", "Hana Ruiz", "Ruiz"]
