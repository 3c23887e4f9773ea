"""Each attribution construction on short hand-written news sentences (needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.model import Quote

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def run(quotes_of: Run) -> Run:
    return quotes_of


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.cue for q in quotes]
    return quotes[0]


def content(quote: Quote, text: str) -> list[str]:
    return [s.of(text) for s in quote.content_spans]


def test_direct_with_speaker_after(run: Run) -> None:
    text = "“The bridge will reopen next week,” said Transport Minister Daniel Okafor."
    q = only(run(text))
    assert (q.type, q.cue, q.speaker, q.speaker_kind) == ("direct", "say", "Daniel Okafor", "person")
    assert content(q, text) == ["“The bridge will reopen next week,”"]
    assert q.speaker_span is not None and q.speaker_span.of(text) == "Transport Minister Daniel Okafor"
    assert q.cue_span is not None and q.cue_span.of(text) == "said"


def test_direct_introduced_by_a_colon(run: Run) -> None:
    text = "Daniel Okafor told reporters: “The bridge will reopen next week.”"
    q = only(run(text))
    assert (q.type, q.cue, q.speaker) == ("direct", "tell", "Daniel Okafor")
    assert content(q, text) == ["“The bridge will reopen next week.”"]


def test_direct_split_by_the_cue_is_one_quote_with_two_parts(run: Run) -> None:
    text = "“The bridge will reopen next week,” Daniel Okafor said, “but only for buses.”"
    q = only(run(text))
    assert q.type == "direct" and q.speaker == "Daniel Okafor"
    assert content(q, text) == ["“The bridge will reopen next week,”", "“but only for buses.”"]


def test_direct_over_several_sentences(run: Run) -> None:
    text = "“We warned them. Nobody listened,” the mayor said."
    q = only(run(text))
    assert content(q, text) == ["“We warned them. Nobody listened,”"]
    assert q.speaker_mention == "the mayor" and q.speaker_kind == "person"


def test_direct_over_several_paragraphs(run: Run) -> None:
    text = (
        "Union leader Irena Kovac said: “The ships can wait in the bay.\n\n"
        "“We have waited eleven months already.”\n\nThe company did not comment."
    )
    q = only(run(text))
    assert q.type == "direct" and q.speaker == "Irena Kovac"
    assert content(q, text) == ["“The ships can wait in the bay.", "“We have waited eleven months already.”"]


def test_continuation_with_its_own_cue_is_its_own_quote(run: Run) -> None:
    text = "Irena Kovac said: “The ships can wait in the bay.\n\n“We have waited eleven months,” she added."
    said, added = run(text)
    assert content(said, text) == ["“The ships can wait in the bay."]
    assert content(added, text) == ["“We have waited eleven months,”"] and added.speaker == "Irena Kovac"


def test_indirect_said_that(run: Run) -> None:
    text = "The Interior Ministry said that the border would stay closed."
    q = only(run(text))
    assert (q.type, q.cue, q.speaker_kind) == ("indirect", "say", "organization")
    assert q.speaker == "Interior Ministry"
    assert content(q, text) == ["that the border would stay closed"]


def test_indirect_told_someone_that(run: Run) -> None:
    text = "Officials told the agency that the talks had stalled."
    q = only(run(text))
    assert (q.cue, q.speaker_kind, q.speaker) == ("tell", "anonymous", "officials")
    assert content(q, text) == ["that the talks had stalled"]


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "body"),
    [
        ("According to the police, three people were arrested.", "police", "organization", "three people were arrested"),
        ("Three people were arrested, according to witnesses.", "witnesses", "anonymous", "Three people were arrested"),
    ],
)
def test_according_to_before_and_after(run: Run, text: str, speaker: str, kind: str, body: str) -> None:
    q = only(run(text))
    assert (q.cue, q.speaker, q.speaker_kind, q.type) == ("according to", speaker, kind, "indirect")
    assert content(q, text) == [body]


def test_denial_and_emphasis(run: Run) -> None:
    text = "The company denied that it had broken the law. The regulator emphasized that the fine was final."
    denied, emphasized = run(text)
    assert (denied.cue, denied.speaker_kind) == ("deny", "organization")
    assert content(denied, text) == ["that it had broken the law"]
    assert (emphasized.cue, emphasized.speaker) == ("emphasize", "regulator")


def test_mixed_partial_quote_in_reported_speech(run: Run) -> None:
    text = "The Interior Ministry dismissed the reports, saying they were “baseless.”"
    saying = next(q for q in run(text) if q.cue == "say")
    assert saying.type == "mixed" and saying.speaker == "Interior Ministry"
    assert content(saying, text) == ["they were “baseless.”"]


def test_speaker_in_the_middle_of_reported_speech(run: Run) -> None:
    text = "The talks, the envoy said, would resume on Monday."
    q = only(run(text))
    assert q.type == "indirect" and q.speaker_mention == "the envoy"
    assert content(q, text) == ["The talks", "would resume on Monday"]


def test_statements_attributed_to_documents(run: Run) -> None:
    text = (
        "A statement from the Foreign Ministry said the ambassador had been recalled. "
        "In a press statement, the ministry added that the embassy would stay open."
    )
    statement, added = run(text)
    assert statement.speaker == "Foreign Ministry" and statement.speaker_kind == "organization"
    assert statement.speaker_mention == "A statement from the Foreign Ministry"
    assert added.speaker == "Foreign Ministry" and added.speaker_mention == "the ministry"


def test_cue_verbs_beyond_say(run: Run) -> None:
    text = (
        "Prime Minister Sara Lind pointed out that exports had doubled. She noted that imports were flat. "
        "Lind remarked that the figures were early. She stressed that nothing was decided. "
        "Lind warned that prices could rise. She insisted that wages would keep pace. "
        "Lind claimed that the opposition had no plan. Asked about the strike, she replied that talks went on. "
        "The government announced that it would cut fuel taxes. The treasury confirmed that the cut was costly."
    )
    quotes = run(text)
    assert [q.cue for q in quotes] == [
        "point out", "note", "remark", "stress", "warn", "insist", "claim", "reply", "announce", "confirm"
    ]
    assert {q.speaker for q in quotes[:8]} == {"Sara Lind"}
    assert all(q.type == "indirect" for q in quotes)


def test_pronouns_resolve_to_people_and_organizations(run: Run) -> None:
    text = (
        "Government spokesman Omar Haddad said the cabinet would meet on Sunday. "
        "“No date has been set,” he added. The Energy Ministry said output had fallen. "
        "“We expect a recovery in spring,” it said. Residents said they heard explosions. "
        "They said the power was cut."
    )
    quotes = run(text)
    by_mention = {(q.speaker_mention, q.cue): q for q in quotes}
    assert by_mention[("he", "add")].speaker == "Omar Haddad"
    assert by_mention[("he", "add")].speaker_kind == "person"
    assert by_mention[("it", "say")].speaker == "Energy Ministry"
    assert by_mention[("it", "say")].speaker_kind == "organization"
    assert by_mention[("They", "say")].speaker == "residents"


def test_descriptions_resolve_to_their_antecedent(run: Run) -> None:
    text = (
        "Government spokesman Omar Haddad said the cabinet would meet. The spokesman added that no date was set. "
        "Official sources told the newspaper that the vote was delayed. The sources said the delay was technical. "
        "The Iraqi Foreign Ministry said it was surprised. The ministry said it would respond."
    )
    quotes = run(text)
    assert [q.speaker for q in quotes] == [
        "Omar Haddad", "Omar Haddad", "official sources", "official sources",
        "Iraqi Foreign Ministry", "Iraqi Foreign Ministry",
    ]
    assert [q.speaker_mention for q in quotes][1::2] == ["The spokesman", "The sources", "The ministry"]


def test_anonymous_source_with_reason_and_relay(run: Run) -> None:
    text = (
        "A senior official, speaking on condition of anonymity because he was not authorized to brief the "
        "press, said the deal was close, Reuters reported."
    )
    q = only(run(text))
    assert (q.speaker_kind, q.speaker, q.relay) == ("anonymous", "a senior official", "Reuters")
    assert q.anonymity_reason == (
        "speaking on condition of anonymity because he was not authorized to brief the press"
    )
    assert content(q, text) == ["the deal was close"]


def test_capital_speaking_for_its_government(run: Run) -> None:
    q = only(run("Moscow said it would respond to the sanctions."))
    assert (q.speaker, q.speaker_kind, q.speaker_mention) == ("Russian government", "organization", "Moscow")


def test_second_hand_attributions_stay_inside_the_first(run: Run) -> None:
    text = "The report found that officials said the money was missing."
    q = only(run(text))
    assert q.cue == "find" and content(q, text) == ["that officials said the money was missing"]


def test_cues_inside_a_quotation_belong_to_it(run: Run) -> None:
    text = "“I think we will win,” she said."
    q = only(run(text))
    assert q.cue == "say" and q.type == "direct"


def test_no_attribution_without_a_cue(run: Run) -> None:
    assert run("The bridge reopened on Monday after two weeks of repairs.") == []


def test_colon_at_the_end_of_a_paragraph_introduces_the_next(run: Run) -> None:
    text = "The mayor was blunt. He said:\n\n“We cannot pay for it.”\n\nThe council adjourned."
    q = only(run(text))
    assert (q.type, q.cue, q.speaker_mention, q.speaker_kind) == ("direct", "say", "He", "person")
    assert content(q, text) == ["“We cannot pay for it.”"]


def test_colon_after_a_verb_outside_the_lexicon(run: Run) -> None:
    text = "Senator Ruth Amberg made the following comment: “The budget is a fantasy.”"
    q = only(run(text))
    assert (q.type, q.speaker, q.cue) == ("direct", "Ruth Amberg", "make")
    assert content(q, text) == ["“The budget is a fantasy.”"]


def test_a_title_after_a_preposition_is_not_speech(run: Run) -> None:
    text = "“Talks will resume,” the envoy said on Channel Nine’s “Morning Report.” “We are close.”"
    q = only(run(text))
    assert content(q, text) == ["“Talks will resume,”", "“We are close.”"]


def test_punctuation_as_subject_names_no_speaker(run: Run) -> None:
    # the parser takes the "]" of a stray tag for the subject of "said"
    text = 'The minister [/] said "we will [link=x]win[/link]" on Monday. Officials denied it.'
    quotes = run(text)
    assert [q.speaker for q in quotes if q.speaker is not None] == ["officials"]
    assert all(q.speaker_span is None or q.speaker_span.of(text) != "]" for q in quotes)


def test_lets_say_is_no_attribution(run: Run) -> None:
    text = "Let's say you think a degree from a state university will cost $160,000 in 18 years."
    assert run(text) == []


def test_a_coordinated_passive_clause_stays_in_the_content(run: Run) -> None:
    text = "Police chief Dana Ortiz said witnesses saw a knife and that one was found nearby."
    q = only(run(text))
    assert (q.type, q.cue, q.speaker) == ("indirect", "say", "Dana Ortiz")
    assert content(q, text) == ["witnesses saw a knife and that one was found nearby"]
