"""Cue and frame families, speaker tracking and narration, on hand-written news sentences (needs spaCy)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.extract.quotes.lexicon import default_lexicon
from dateline.model import Quote

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Quote]]


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.cue, q.speaker) for q in quotes]
    return quotes[0]


def parts(quote: Quote, text: str) -> list[str]:
    return [s.of(text) for s in quote.content_spans]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("The harbour master believes the new pier will open in spring.", "believe", "The harbour master", "the new pier will open in spring"),
        ("Farmers in the valley fear that the drought will last another year.", "fear", "Farmers in the valley", "that the drought will last another year"),
        ("The council treasurer doubts the budget can be balanced by June.", "doubt", "The council treasurer", "the budget can be balanced by June"),
        ("Residents hope the bypass will ease traffic on the high street.", "hope", "Residents", "the bypass will ease traffic on the high street"),
    ],
)
def test_stance_and_belief(quotes_of: Run, text: str, cue: str, speaker: str, content: str) -> None:
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention, q.type) == (cue, speaker, "indirect")
    assert parts(q, text) == [content]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("The audit suggests the agency lost track of 40 vehicles.", "suggest", "The audit", "the agency lost track of 40 vehicles"),
        ("Early returns indicate that turnout was lower than in 2019.", "indicate", "Early returns", "that turnout was lower than in 2019"),
        ("A report by the state auditor found that the agency had overspent by $3 million.", "find", "A report", "that the agency had overspent by $3 million"),
        ("A poll released on Sunday showed the governor trailing her rival by six points.", "show", "A poll", "the governor trailing her rival by six points"),
    ],
)
def test_evidence_and_documents_as_sources(quotes_of: Run, text: str, cue: str, speaker: str, content: str) -> None:
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == (cue, speaker)
    assert parts(q, text) == [content]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("A reporter asked whether the mayor would resign.", "ask", "A reporter", "whether the mayor would resign"),
        ("Environmental groups urged the ministry to halt the drilling.", "urge", "Environmental groups", "the ministry to halt the drilling"),
        ("The opposition leader called on the prime minister to resign.", "call on", "The opposition leader", "the prime minister to resign"),
    ],
)
def test_asking_and_urging(quotes_of: Run, text: str, cue: str, speaker: str, content: str) -> None:
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == (cue, speaker)
    assert parts(q, text) == [content]


def test_nominal_cues_take_the_possessor_as_speaker(quotes_of: Run) -> None:
    text = "Mr. Dorsey's claim that the plant is safe was rejected by inspectors."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker) == ("claim", "Dorsey")
    assert parts(q, text) == ["that the plant is safe"]
    text = "The minister made clear her view that the treaty must be renegotiated."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == ("view", "her")


def test_in_a_statement_is_no_content(quotes_of: Run) -> None:
    text = "In a statement, the ministry said the border would stay closed."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == ("say", "the ministry")
    assert parts(q, text) == ["the border would stay closed"]


def test_according_to_at_the_end_and_in_the_middle(quotes_of: Run) -> None:
    text = "The border will stay closed until March, according to the interior ministry."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == ("according to", "the interior ministry")
    assert parts(q, text) == ["The border will stay closed until March"]
    text = "Ticket prices, according to the organisers, will rise by a tenth next year."
    q = only(quotes_of(text))
    assert q.speaker_mention == "the organisers"
    assert parts(q, text) == ["Ticket prices", "will rise by a tenth next year"]


def test_colon_frames_held_by_a_cue_noun(quotes_of: Run) -> None:
    text = "The mayor's answer: the budget cannot be cut further."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == ("answer", "The mayor")
    assert parts(q, text) == ["the budget cannot be cut further"]
    text = "His message: the party must change or it will lose."
    assert parts(only(quotes_of(text)), text) == ["the party must change or it will lose"]


def test_a_speaker_named_in_one_paragraph_and_quoted_in_the_next(quotes_of: Run) -> None:
    text = "Rosa Lindqvist, the mayor, spoke to reporters on Monday.\n\nThe bridge will reopen next week, she said."
    q = only(quotes_of(text))
    assert (q.speaker, q.speaker_mention) == ("Rosa Lindqvist", "she")


def test_the_pronoun_skips_the_nearer_candidate_of_the_wrong_gender(quotes_of: Run) -> None:
    text = 'Maria Okonkwo defended the plan.\n\n"That is simply untrue," said Peter Hale.\n\n"The numbers speak for themselves," she said.'
    quotes = quotes_of(text)
    assert [(q.speaker, q.speaker_mention) for q in quotes if q.type == "direct"] == [
        ("Peter Hale", "Peter Hale"),
        ("Maria Okonkwo", "she"),
    ]


def test_he_added_and_she_continued_keep_the_speaker(quotes_of: Run) -> None:
    text = '"We will appeal," said Anna Berg, the club\'s lawyer. She added that the ruling ignored the evidence.'
    assert [q.speaker for q in quotes_of(text)] == ["Anna Berg", "Anna Berg"]
    text = 'Maria Okonkwo left the room.\n\n"Nobody told us," she continued, "and nobody asked."'
    q = only(quotes_of(text))
    assert (q.cue, q.speaker, q.type) == ("continue", "Maria Okonkwo", "direct")
    assert len(q.content_spans) == 2


def test_confidence_falls_when_two_candidates_compete(quotes_of: Run) -> None:
    clear = 'Maria Okonkwo met the press.\n\n"We are ready," she said.'
    rivals = 'Maria Okonkwo met Laura Diaz.\n\n"We are ready," she said.'
    sure, unsure = only(quotes_of(clear)), only(quotes_of(rivals))
    assert sure.speaker == "Maria Okonkwo"
    assert unsure.confidence < sure.confidence


@pytest.mark.parametrize(
    "text",
    [
        "Officials in the capital may still believe the sanctions will work.",
        "Voters might want a change of direction after a decade of one party.",
        "The patient was admitted after blood work, which showed a severe infection.",
    ],
)
def test_narration_is_not_attribution(quotes_of: Run, text: str) -> None:
    assert quotes_of(text) == []


def test_lexicon_repairs_lemmas_and_reads_given_name_genders() -> None:
    lex = default_lexicon()
    assert lex.lemma_fixes["hoping"] == "hope"
    assert lex.given_genders["maria"] == "female" and lex.given_genders["peter"] == "male"
    assert "rally" in lex.occasions
    assert lex.cue("refer", "to") is not None and lex.noun_cues["message"].kind == "noun"


def test_a_name_right_before_the_colon_speaks(quotes_of: Run) -> None:
    text = "The timing of the surge does not surprise Republican pollster Dan Shaw: “Lesser-known candidates often do well in early contests.”"
    q = only(quotes_of(text))
    assert (q.type, q.speaker, q.cue) == ("direct", "Dan Shaw", ":")
    text = "Turnout figures matter here - Mark Ellis: “The partisanship of the state is only a starting point for the forecast.”"
    assert only(quotes_of(text)).speaker == "Mark Ellis"


def test_a_time_stamp_over_a_paragraph_break_is_no_part_of_the_speaker(quotes_of: Run) -> None:
    text = "10:10 a.m.\n\nJeb Bush says he is excited about where the campaign stands."
    q = only(quotes_of(text))
    assert (q.speaker_mention, q.speaker) == ("Jeb Bush", "Jeb Bush")


def test_call_for_with_a_for_to_clause(quotes_of: Run) -> None:
    text = "She also called for all candidates to lay out the cost of their plans."
    calls = [q for q in quotes_of(text) if q.cue == "call for"]
    assert len(calls) == 1 and calls[0].speaker_mention == "She"
    assert parts(calls[0], text) == ["all candidates to lay out the cost of their plans"]


def test_a_passive_cue_with_a_group_as_agent(quotes_of: Run) -> None:
    text = "The plan was sharply criticized by economists and by several union leaders."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention, q.speaker_kind) == ("criticize", "economists", "anonymous")
    assert parts(q, text) == ["The plan"]


def test_headlines_in_title_case(quotes_of: Run) -> None:
    text = "Conservative Leader Morton Blackwell Endorses Senator Ted Cruz\n\nThe endorsement came on Monday."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker) == ("endorse", "Morton Blackwell")
    assert parts(q, text) == ["Senator Ted Cruz"]
    text = "Sanders: Clinton Email Story Has Moved\n\nBernie Sanders spoke on Sunday about the emails."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == (":", "Sanders")
    assert parts(q, text) == ["Clinton Email Story Has Moved"]


def test_a_headline_that_only_names_a_person_is_no_attribution(quotes_of: Run) -> None:
    assert quotes_of("Maria Okonkwo, Finance Minister\n\nThe budget was published on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("The union has been critical of the new rota.", "critical of", "The union", "the new rota"),
        ("The minister was eager to close the deal before the vote.", "eager to", "The minister", "to close the deal before the vote"),
        ("Organisers are confident that the stadium will be full.", "confident that", "Organisers", "that the stadium will be full"),
    ],
)
def test_adjective_cues(quotes_of: Run, text: str, cue: str, speaker: str, content: str) -> None:
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == (cue, speaker)
    assert parts(q, text) == [content]


def test_the_one_asked_is_not_what_is_asked_about(quotes_of: Run) -> None:
    text = "The reporter asked the mayor about the tweet."
    q = only(quotes_of(text))
    assert (q.cue, q.speaker_mention) == ("ask about", "The reporter")
    assert parts(q, text) == ["about the tweet"]
    text = "The senator asked for an investigation into the contract."
    q = only(quotes_of(text))
    assert q.cue == "ask for" and parts(q, text) == ["an investigation into the contract"]


def test_one_word_answers(quotes_of: Run) -> None:
    text = '"Sorry," Sanders said.'
    q = only(quotes_of(text))
    assert (q.type, q.speaker_mention) == ("direct", "Sanders")
    text = "Last month, 26 percent of voters said the same."
    q = only(quotes_of(text))
    assert parts(q, text) == ["the same"]
