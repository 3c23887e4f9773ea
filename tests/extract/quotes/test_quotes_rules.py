"""The attribution rules added for broader coverage, on short hand-written news sentences.

Each test names the construction it covers; most pair a sentence the rule must catch with a
near miss it must leave alone. Needs the spaCy model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dateline.extract.quotes import QuoteStep
from dateline.model import Article, Quote

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def run(quotes_of: Run) -> Run:
    return quotes_of


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.cue, q.speaker_mention) for q in quotes]
    return quotes[0]


def content(quote: Quote, text: str) -> list[str]:
    return [s.of(text) for s in quote.content_spans]


def mention(quote: Quote) -> str | None:
    return quote.speaker_mention


# speech cues with a noun-phrase object -------------------------------------------------------


def test_speech_cue_with_the_thing_said_as_object(run: Run) -> None:
    text = "The harbour master noted the shortage of pilots in a letter to the council."
    q = only(run(text))
    assert (q.cue, q.type, mention(q)) == ("note", "indirect", "The harbour master")
    assert content(q, text)[0].startswith("the shortage of pilots")


def test_speech_cue_object_that_is_an_addressee_or_empty_is_no_content(run: Run) -> None:
    assert run("The harbour master told reporters nothing.") == []
    assert run("The harbour master said nothing more.") == []


# speakers of participles ---------------------------------------------------------------------


def test_participle_speaker_named_in_of_phrase(run: Run) -> None:
    text = (
        "The spot ends with footage of Marta Lindqvist saying during the debate, "
        "“We will not sell the port,” as the crowd cheered."
    )
    quotes = [q for q in run(text) if q.cue == "say"]
    q = only(quotes)
    assert q.type == "direct" and mention(q) == "Marta Lindqvist"
    assert content(q, text) == ["“We will not sell the port,”"]


# headlines -----------------------------------------------------------------------------------


def test_headline_with_speaker_and_colon(run: Run) -> None:
    text = "Marta Lindqvist: Port Sale Would Cost Thousands of Jobs\n\nThe vote is set for Friday."
    q = only(run(text))
    assert (q.cue, mention(q), q.type) == (":", "Marta Lindqvist", "indirect")
    assert content(q, text) == ["Port Sale Would Cost Thousands of Jobs"]


def test_headline_with_source_noun(run: Run) -> None:
    text = "Poll: Most Residents Oppose the Port Sale\n\nThe vote is set for Friday."
    q = only(run(text))
    assert (q.cue, mention(q)) == (":", "Poll")


def test_dateline_and_labels_are_not_headline_speakers(run: Run) -> None:
    assert run("OSLO: The port reopened on Monday after a week of repairs.") == []
    assert run("Update: The port reopened on Monday after a week of repairs.") == []


# colons ---------------------------------------------------------------------------------------


def test_content_does_not_reach_back_over_a_colon(run: Run) -> None:
    text = "The audit set off a row on Friday: opposition leaders said the figures were wrong."
    q = only(run(text))
    assert mention(q) == "opposition leaders"
    assert content(q, text) == ["the figures were wrong"]


def test_colon_after_a_copula_introduces_a_quotation(run: Run) -> None:
    text = "Lindqvist, speaking to reporters, was blunt: “We will not back down.”"
    q = only(run(text))
    assert (q.type, mention(q)) == ("direct", "Lindqvist")
    assert content(q, text) == ["“We will not back down.”"]


# manner-of-speaking cues ---------------------------------------------------------------------


@pytest.mark.parametrize(("verb", "lemma"), [("mused", "muse"), ("grumbled", "grumble"), ("sighed", "sigh")])
def test_manner_of_speaking_cues(run: Run, verb: str, lemma: str) -> None:
    text = f"“The tide always comes back,” the old ferryman {verb}."
    q = only(run(text))
    assert (q.type, q.cue, mention(q)) == ("direct", lemma, "the old ferryman")


# split quotations ------------------------------------------------------------------------------


def test_second_part_after_a_speaker_with_relative_clause(run: Run) -> None:
    text = (
        "“Nobody wins a strike,” said Tomas Berg, who has led the dockers since 2011 and has backed "
        "every walkout since. “But nobody wins by giving up either.”"
    )
    q = next(q for q in run(text) if q.cue == "say")
    assert mention(q) == "Tomas Berg" and q.type == "direct"
    assert content(q, text) == ["“Nobody wins a strike,”", "“But nobody wins by giving up either.”"]


# cue verbs tagged as nouns ------------------------------------------------------------------


def test_cue_verb_read_as_plural_noun(run: Run) -> None:
    text = "But Lindqvist claims that the port is safe."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("claim", "Lindqvist")
    assert content(q, text) == ["that the port is safe"]


def test_plural_noun_with_determiner_is_no_cue(run: Run) -> None:
    assert run("The claims that the port is unsafe were false.") == []


# speakers raised from passives -----------------------------------------------------------------


def test_quoted_as_saying(run: Run) -> None:
    text = "Lindqvist was quoted as saying that the port would close."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("say", "Lindqvist")
    assert content(q, text) == ["that the port would close"]


def test_said_to_have_told(run: Run) -> None:
    text = "Lindqvist is said to have told the board that the sale was dead."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("tell", "Lindqvist")


def test_passive_reached_through_an_adverbial_clause_names_nobody(run: Run) -> None:
    assert run("The port was closed after the storm, saying nothing.") == []


# continuation paragraphs -------------------------------------------------------------------------


def test_quotation_paragraph_without_cue_continues_the_speaker(run: Run) -> None:
    text = (
        "The mayor spoke at the depot on Monday. “We will not close the line,” she said.\n\n"
        "“The buses will keep running. Nobody will be left behind.”\n\n"
        "The council meets on Friday."
    )
    q = only(run(text))
    assert mention(q) == "she" and q.type == "direct"
    assert content(q, text) == [
        "“We will not close the line,”",
        "“The buses will keep running. Nobody will be left behind.”",
    ]


def test_quotation_paragraph_with_its_own_cue_keeps_its_speaker(run: Run) -> None:
    text = "“We will strike,” Berg said.\n\n“We have buses,” Mayor Ann Cole said."
    quotes = run(text)
    assert [mention(q) for q in quotes] == ["Berg", "Mayor Ann Cole"]


# passives with an agent, particles, nouns ---------------------------------------------------------


def test_passive_cue_with_agent_takes_its_subject_as_content(run: Run) -> None:
    text = "The port sale was criticized by the dockers' union."
    q = only(run(text))
    assert q.cue == "criticize" and mention(q) == "the dockers' union"
    assert content(q, text) == ["The port sale"]


@pytest.mark.parametrize(("sentence", "cue", "said"), [
    ("Berg complained about the noise from the new terminal.", "complain about", "the noise from the new terminal"),
    ("Berg warned against any delay in the talks.", "warn against", "any delay in the talks"),
])
def test_cue_with_preposition(run: Run, sentence: str, cue: str, said: str) -> None:
    q = only(run(sentence))
    assert (q.cue, mention(q)) == (cue, "Berg")
    assert content(q, sentence) == [said]


def test_noun_cue_with_possessor_and_prepositional_object(run: Run) -> None:
    text = "The mayor's criticism of the port sale surprised the council."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("criticism", "The mayor")
    assert content(q, text) == ["the port sale"]


def test_noun_cue_addressee_is_no_content(run: Run) -> None:
    assert [q for q in run("Her statements to the inspectors were brief.") if q.cue == "statement"] == []


def test_cue_with_preposition_of_time_is_not_the_particle_cue(run: Run) -> None:
    text = "The mayor spoke at the depot on Monday. “We will not close the line,” she said."
    assert [q.cue for q in run(text)] == ["say"]


# parentheticals -----------------------------------------------------------------------------------


def test_parenthetical_cue_hung_on_the_subject(run: Run) -> None:
    text = "The difference now, Berg told me on Friday, is that the dockers have savings."
    q = only(run(text))
    assert mention(q) == "Berg"
    assert content(q, text) == ["The difference now", "is that the dockers have savings"]


# objects with a reduced relative clause ---------------------------------------------------------


def test_object_keeps_the_clause_the_parser_split_off_it(run: Run) -> None:
    text = "Berg cited the report he had read as proof."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("cite", "Berg")
    assert content(q, text) == ["the report he had read as proof"]


def test_addressee_and_clause_stay_apart(run: Run) -> None:
    text = "Berg told reporters he had made a mistake."
    q = only(run(text))
    assert content(q, text) == ["he had made a mistake"]


def test_passive_with_an_agent_that_cannot_speak_is_no_attribution(run: Run) -> None:
    assert run("The depot, which stores grain, was attacked by two rockets on Sunday.") == []


# according to ---------------------------------------------------------------------------------


def test_according_to_phrase_ends_at_its_comma(run: Run) -> None:
    text = "According to veteran harbour pilot Ines Moreau, the new channel is far too narrow."
    q = only(run(text))
    assert (q.cue, mention(q)) == ("according to", "veteran harbour pilot Ines Moreau")
    assert content(q, text) == ["the new channel is far too narrow"]


def test_according_to_a_misread_noun_is_still_the_source(run: Run) -> None:
    text = "The captain ignored two warnings, according to show insiders."
    quotes = run(text)
    assert [q.cue for q in quotes] == ["according to"]
    assert content(quotes[0], text) == ["The captain ignored two warnings"]


@pytest.mark.slow
def test_name_in_apposition_wins_over_the_possessor(nlp: Any) -> None:
    text = "Clinton's spokesman, Brian Fallon, said the story was false."
    article = Article(text=text)
    article.doc = nlp(text)
    (q,) = QuoteStep().run([article]).__next__().quotes
    assert (q.type, q.speaker) == ("indirect", "Brian Fallon")
