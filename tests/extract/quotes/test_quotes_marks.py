"""Quotation marks: pairing, straight and doubled marks, quotations running over paragraphs."""

from __future__ import annotations

from dateline.extract.quotes.marks import find_quotations, paragraphs


def spans(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quotations(text)]


def test_curly_and_straight_marks_are_paired_in_order() -> None:
    text = '“We will win,” she said, "and soon." A “scare” word.'
    assert spans(text) == ["“We will win,”", '"and soon."', "“scare”"]


def test_doubled_apostrophes_and_backticks_count_as_marks() -> None:
    text = "''It is over,'' he said. ``Not yet,'' she replied."
    assert spans(text) == ["''It is over,''", "``Not yet,''"]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The union's leader didn't say it."
    assert find_quotations(text) == []


def test_quotation_running_over_paragraphs_is_chained() -> None:
    text = "He said: “The port is closed.\n\n“It will stay closed until Friday,” he added.\n\nNo quote here."
    marks = find_quotations(text)
    assert [m.closed for m in marks] == [False, True]
    assert [m.continues for m in marks] == [False, True]
    assert text[marks[0].start : marks[0].end] == "“The port is closed."
    assert [m.paragraph for m in marks] == [0, 1]


def test_unclosed_quotation_ends_at_its_paragraph() -> None:
    text = "She said “this never ends\n\nNext paragraph."
    (mark,) = find_quotations(text)
    assert not mark.closed and not mark.continues
    assert text[mark.start : mark.end] == "“this never ends"


def test_second_opening_mark_closes_a_broken_quotation() -> None:
    text = "“One thing “another thing” here."
    marks = find_quotations(text)
    assert [text[m.start : m.end] for m in marks] == ["“One thing", "“another thing”"]
    assert marks[0].closed is False


def test_words_and_inner_text() -> None:
    text = 'He said "two words."'
    (mark,) = find_quotations(text)
    assert mark.words == 2
    assert mark.inner(text) == "two words."


def test_paragraphs_skip_blank_lines() -> None:
    text = "one\n\n  \ntwo"
    assert [text[s:e] for s, e in paragraphs(text)] == ["one", "two"]


def test_closing_mark_that_opens_a_paragraph_opens_a_quotation() -> None:
    text = "The senator spoke after the vote.\n”We did what the voters asked,” she said."
    assert spans(text) == ["”We did what the voters asked,”"]


def test_opening_mark_typed_after_a_word_closes_the_quotation() -> None:
    text = "“The jobless rate is far too high,“ the report said. “Not for long.”"
    assert spans(text) == ["“The jobless rate is far too high,“", "“Not for long.”"]


def test_straight_mark_right_after_a_colon_opens_a_quotation() -> None:
    text = 'The mayor said:"We will rebuild," and left.'
    assert spans(text) == ['"We will rebuild,"']
