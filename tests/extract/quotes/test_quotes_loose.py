"""Quotations without a cue of their own: the speaker carries on from an earlier sentence, and
names, titles and scare quotes stay out (needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.model import Quote

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def run(quotes_of: Run) -> Run:
    return quotes_of


def carried(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.cue in ("“", '"', "”")]


def test_quotation_after_a_sentence_that_names_the_speaker(run: Run) -> None:
    text = (
        "Senator Paul Wexler was asked about the tariff plan at a town hall in Dayton.\n\n"
        '"It is a tax on every family in this state, and I will vote against it."'
    )
    (q,) = run(text)
    assert (q.type, q.speaker, q.cue) == ("direct", "Paul Wexler", '"')
    assert q.content_spans[0].of(text).startswith('"It is a tax')
    assert q.cue_span is not None and q.cue_span.of(text) == '"'
    assert q.confidence < 0.8


def test_speaker_noun_as_subject_of_the_sentence_before(run: Run) -> None:
    text = "The minister did not hold back.\n\n“This agreement is dead. We will not sign anything that harms our farmers.”"
    (q,) = run(text)
    assert q.type == "direct"
    assert q.speaker is not None and q.speaker.lower().endswith("minister")
    assert (q.speaker_mention, q.speaker_span) == (None, None)  # named in the paragraph before


def test_same_paragraph_after_a_verb_that_is_no_cue(run: Run) -> None:
    text = "Asked whether he would run again, Ramirez shrugged. “I haven't decided anything yet, and I won't for a while.”"
    (q,) = run(text)
    assert (q.type, q.speaker) == ("direct", "Ramirez")


def test_possessor_of_the_subject_speaks(run: Run) -> None:
    text = "Hale's response was short. “That is simply not true, and my lawyers will show it in court.”"
    (q,) = run(text)
    assert q.speaker == "Hale"
    assert q.speaker_span is not None and q.speaker_span.of(text) == "Hale"  # same paragraph: mentioned


def test_reported_speech_before_carries_its_speaker(run: Run) -> None:
    text = (
        "Police chief Tom Harding said the suspect fled on foot.\n\n"
        "“We believe he is still in the area. Residents should lock their doors tonight.”\n\n"
        "He added that more officers had been called in."
    )
    quotes = run(text)
    assert [q.type for q in quotes] == ["indirect", "direct", "indirect"]
    assert quotes[1].speaker == "Tom Harding"


def test_speaker_one_paragraph_back_but_not_two(run: Run) -> None:
    near = (
        "Ambassador Karin Holt met the foreign minister in Geneva on Monday.\n\n"
        "“We agreed to meet again before the end of the month.”"
    )
    (q,) = run(near)
    assert (q.type, q.speaker) == ("direct", "Karin Holt")
    assert q.speaker_span is None
    far = (
        "Ambassador Karin Holt met the foreign minister in Geneva on Monday.\n\n"
        "The talks lasted three hours.\n\n"
        "“We agreed to meet again before the end of the month.”"
    )
    assert run(far) == []  # a speaker two paragraphs back is too far to credit


def test_quotation_running_into_a_cue_the_parser_missed_joins_it(run: Run) -> None:
    text = (
        "The Justice Department is investigating the shooting.\n"
        "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police "
        "Chief Chuck Jordan said Monday. “I want to assure our community that we will do just that.”"
    )
    (q,) = run(text)
    assert (q.type, q.cue, q.speaker) == ("direct", "say", "Chuck Jordan")
    assert [s.of(text)[:8] for s in q.content_spans] == ["“I will ", "“I want "]


def test_quotation_after_a_title_in_the_same_paragraph(run: Run) -> None:
    text = (
        "“This is a disgrace,” Jones said on CNN’s “State of the Union.” "
        "“Nobody in this town should accept it, and I will not.”"
    )
    quotes = run(text)
    assert all(q.speaker == "Jones" for q in quotes)
    covered = " ".join(s.of(text) for q in quotes for s in q.content_spans)
    assert "Nobody in this town" in covered and "State of the Union" not in covered


def test_nobody_to_credit_leaves_the_quotation_alone(run: Run) -> None:
    text = "Q: Did you know about the payments?\nA: “No, I learned about them from the newspapers like everyone else.”"
    assert carried(run(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The film, titled “A Long Way Back From the River,” premieres on Friday.",
        "The protesters carried signs reading “Hands off our pensions” through the city center.",
        "The network licenses “The Late Hour With Dana Ross” from a studio in Ohio.",
        "She called it “a mess” and left.",
        "The party platform was rewritten, stripping a call for “providing lethal defensive weapons” to allies.",
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotes(run: Run, text: str) -> None:
    assert carried(run(text)) == []


def test_long_quotation_inside_a_sentence_needs_a_speaker_there(run: Run) -> None:
    text = (
        "The rules are strict.\n\n"
        "Proxies are allowed, but not when voting “to fill a vacancy on the national ticket at the convention,” per the bylaws."
    )
    assert carried(run(text)) == []


def test_quotations_claimed_by_cues_are_not_repeated(run: Run) -> None:
    text = (
        "“Our soldiers deserve better than this,” the general told the committee. "
        "“They deserve equipment that works.”\n\n“We will fix this,” he said."
    )
    quotes = run(text)
    assert carried(quotes) == []
    assert [q.cue for q in quotes] == ["tell", "say"]


def test_paragraph_after_reported_speech_with_a_scare_quote_is_its_own_quote(run: Run) -> None:
    text = (
        'Governor Ellen Marsh said the storm had caused "enormous damage" to the coast.\n'
        '"We have lost hundreds of homes.\n'
        '"We will rebuild every one of them."'
    )
    first, second = run(text)
    assert (first.type, first.cue) == ("mixed", "say")
    assert first.hull.of(text).endswith("to the coast")
    assert (second.type, second.speaker) == ("direct", "Ellen Marsh")
    assert [s.of(text)[:8] for s in second.content_spans] == ['"We have', '"We will']


def test_paragraphs_after_a_closing_quotation_still_carry_on(run: Run) -> None:
    text = (
        "Governor Ellen Marsh spoke to reporters at the airport.\n"
        '"We have lost hundreds of homes," she said.\n'
        '"We will rebuild every one of them. Nobody will be left behind."'
    )
    (q,) = run(text)
    assert (q.type, q.cue, q.speaker) == ("direct", "say", "Ellen Marsh")
    assert q.hull.of(text).endswith('left behind."')


def test_name_before_a_colon_speaks(run: Run) -> None:
    text = (
        "The White House pushed back hard on the report.\n"
        'Press secretary Lia Monroe: "This story is false from start to finish and the paper knows it."'
    )
    (q,) = run(text)
    assert (q.type, q.speaker) == ("direct", "Lia Monroe")


def test_quotation_opening_a_paragraph_before_a_cue_paragraph_joins_it(run: Run) -> None:
    text = (
        "The campaign made its final push on Sunday.\n"
        "“We will win this state, and we will win it big.\n"
        "“And then we will win the country,” Trump told the crowd."
    )
    (q,) = run(text)
    assert (q.type, q.cue, q.speaker) == ("direct", "tell", "Trump")
    assert [s.of(text)[:8] for s in q.content_spans] == ["“We will", "“And the"]


def test_speaker_after_the_quotation_in_its_sentence(run: Run) -> None:
    text = "“Nobody saw this coming, and nobody was ready for it,” a visibly shaken Ramirez shrugged as he left."
    (q,) = run(text)
    assert (q.type, q.speaker) == ("direct", "Ramirez")


def test_speaker_in_the_next_sentence_of_the_paragraph(run: Run) -> None:
    text = "Floods hit the valley in May.\n\n“It was the worst day of my life.” That is how Maria Keane, 54, remembers it."
    (q,) = carried(run(text))
    assert q.speaker == "Maria Keane"
    assert q.speaker_span is not None and q.speaker_span.of(text).endswith("Maria Keane")


def test_dateline_before_a_dash_is_not_part_of_the_quote(run: Run) -> None:
    text = 'WASHINGTON (AP) — "The economy is strong and getting stronger every day," the White House said Monday.'
    (q,) = run(text)
    assert q.type == "direct"
    assert [s.of(text) for s in q.content_spans] == ['"The economy is strong and getting stronger every day,"']


def test_name_signing_the_quotation_after_a_dash(run: Run) -> None:
    text = "“We are going to fix this country, believe me.” — Donald Trump, at a rally in Ohio"
    (q,) = run(text)
    assert (q.type, q.speaker) == ("direct", "Donald Trump")
    assert q.speaker_span is not None and q.speaker_span.of(text).startswith("Donald Trump")


def test_speaker_noun_wins_over_its_possessor(run: Run) -> None:
    text = (
        "Clinton's spokesman, Brian Fallon, did not hold back on Twitter.\n"
        "“This is a disgraceful smear, and the paper should retract it today.”"
    )
    (q,) = run(text)
    assert q.speaker == "Brian Fallon"
