"""Contradiction rules that keep false pairs out of what is shown: agreement in negative words,
questions, negations about other words, tables of figures, past figures, names without synonyms,
a verdict on a named party's statements; and the paraphrases that still match."""

from __future__ import annotations

from dateline.corpus.contradictions import SHOWN, Claim, find
from dateline.corpus.propositions import coverage, figures, inner_denial, negated_runs, negated_words

DAY = 739000


def _claim(qid: int, speaker: str, content: str, *, article: str = "a1", cue: str = "say",
           type_: str = "indirect") -> Claim:
    return Claim(qid, article, DAY, qid, speaker, content, cue, type_, speaker.lower(), (), ())


def _shown(claims: list[Claim]) -> list[tuple[str, int, int]]:
    return [(x.relation, x.claim.quote_id, x.counter.quote_id) for x in find(claims) if x.confidence >= SHOWN]


def test_a_refusal_agrees_with_a_negation() -> None:
    claims = [
        _claim(1, "Defence lawyer", "the contractor will refuse to answer any questions from the committee"),
        _claim(2, "Committee chair", "the contractor would not answer questions", article="a2"),
    ]
    assert _shown(claims) == []


def test_a_question_is_no_claim_to_deny() -> None:
    claims = [
        _claim(1, "Senators", "whether the contracts required the suppliers to repay the grants", cue="ask"),
        _claim(2, "Trade minister", "the contracts did not require suppliers to repay the grants", article="a2"),
    ]
    assert _shown(claims) == []


def test_the_negation_must_bear_on_the_restated_predicate() -> None:
    claims = [
        _claim(1, "Harbour board", "the board will extend six weeks of paid leave to dock workers"),
        _claim(2, "Union", "casual workers would not be eligible for the six weeks of paid leave", article="a2"),
    ]
    assert _shown(claims) == []
    assert negated_runs("would not be eligible for the six weeks of paid leave")[0][0] == "eligible"


def test_a_negated_predicate_with_another_object_is_no_denial() -> None:
    claims = [
        _claim(1, "Council", "the mayor helped farmers repair the irrigation canals this spring"),
        _claim(2, "Mayor's office", "the mayor never helped a Rotterdam developer buy the canal land",
               article="a2"),
    ]
    assert _shown(claims) == []


def test_a_denial_by_negation_across_outlets_is_found() -> None:
    claims = [
        _claim(1, "Fire brigade", "a heater left on in the storeroom caused the warehouse fire"),
        _claim(2, "Warehouse owner", "the heater did not cause the warehouse fire", article="a2"),
    ]
    assert _shown(claims) == [("denies", 1, 2)]


def test_an_explicit_denial_of_one_clause_of_a_long_claim() -> None:
    claims = [
        _claim(1, "Witnesses", "During the operation on 3 May in the hill district, militiamen looted "
               "at least 30 shops in Karvan, a market town"),
        _claim(2, "Interior Ministry", "that militiamen looted shops in Karvan", article="a2", cue="deny"),
    ]
    assert _shown(claims) == [("denies", 1, 2)]
    assert coverage("During the operation on 3 May, militiamen looted 30 shops in Karvan",
                    ("militiamen", "looted", "shops", "Karvan")) == 1.0


def test_a_quote_that_itself_denies() -> None:
    assert inner_denial("The army denies any part in burning the village") == ("denies", " any part in burning the village")
    assert inner_denial("You could dismiss these remarks as noise") is None
    claims = [
        _claim(1, "Villagers", "soldiers burned the village granary on Sunday night"),
        _claim(2, "Army spokesman", "The army denies that soldiers burned the village granary", article="a2",
               cue="add", type_="direct"),
    ]
    assert [r for r, *_ in _shown(claims)] == ["denies"]


def test_names_have_no_synonyms() -> None:
    # "States" in "the United States" is not the verb "state"
    words = negated_words("officials did not state the United States figures")
    assert "state" in words
    from dateline.corpus.propositions import content, matches
    assert "States" in content("officials in the United States said") and not matches("States", "say")


def test_a_table_of_rates_is_not_set_against_another_rate() -> None:
    claims = [
        _claim(1, "Statistics office", "if they are white, youth unemployment is 33 percent; if they are black, "
               "youth unemployment is 36 percent"),
        _claim(2, "Opposition", "black youth unemployment is 59 percent", article="a2"),
    ]
    assert [x for x in find(claims) if x.relation == "conflicting_figures"] == []


def test_a_past_figure_is_not_set_against_a_current_one() -> None:
    claims = [
        _claim(1, "Prison service", "eight inmates were killed in the riot"),
        _claim(2, "Rights group", "last year 98 inmates were killed in the country's prisons", article="a2"),
    ]
    assert find(claims) == []


def test_people_and_a_kind_of_person_count_the_same_dead() -> None:
    claims = [
        _claim(1, "Rescue volunteers", "at least 31 people died when the ferry sank"),
        _claim(2, "River authority", "14 passengers died when the ferry sank", article="a2"),
    ]
    (found,) = find(claims)
    assert found.relation == "conflicting_figures" and found.confidence >= SHOWN
    survivors = [
        _claim(1, "Coast guard", "12 people died when the ferry sank"),
        _claim(2, "Navy", "rescuers pulled 64 survivors from the sea", article="a2"),
    ]
    assert find(survivors) == []
    assert figures("14 passengers died")[0].unit == "passenger"


def test_a_verdict_on_a_named_partys_claims_is_not_aimed_at_another_speaker() -> None:
    claims = [
        _claim(1, "the watchdog", "both parties referred to studies of household income", type_="direct"),
        _claim(2, "Watchdog director", "the watchdog rates so many Liberal claims as inaccurate because they "
               "lack context", article="a1"),
    ]
    assert [x for x in find(claims) if x.relation == "disputes"] == []


def test_one_pair_per_two_quotes() -> None:
    claims = [
        _claim(1, "Health ministry", "the water system stopped chlorinating the town's water"),
        _claim(2, "Mayor", 'that claim was false and the water plant "has never stopped chlorinating" the '
               "town's water", article="a1", cue="call"),
    ]
    pairs = find(claims)
    assert len({(x.claim.quote_id, x.counter.quote_id) for x in pairs}) == len(pairs) == 1


def test_a_denial_must_restate_the_predicate() -> None:
    claims = [
        _claim(1, "Shopkeeper", "local council elections in the province are always like this"),
        _claim(2, "Opposition party", "the results of local council elections in the province", article="a2",
               cue="reject"),
    ]
    assert _shown(claims) == []


def test_verdicts_that_judge_no_statement_of_the_target() -> None:
    from dateline.corpus.verdicts import is_verdict, possessed, restates_judged
    # a negated verdict judges nothing; a statement named with a possessive has an author of its own
    assert not is_verdict(_claim(1, "Governor", "there will be no more nonsense from the unions"))
    assert possessed("A spokeswoman disputed their account")
    # a verdict that spells out what it judges is aimed only at a statement restating it
    judged = "repeating a false claim that he opposed the invasion from the start"
    assert not restates_judged(judged, "liberals allowed terrorism to flourish")
    assert restates_judged(judged, "he was against the invasion and opposed it from the start")
    claims = [
        _claim(1, "Reporter", "but why did the plan change?", cue="ask", type_="direct"),
        _claim(2, "Minister", "that allegation was false", type_="mixed"),
    ]
    assert find(claims) == []


def test_a_verdict_on_the_nearest_quote_is_still_found() -> None:
    claims = [
        _claim(1, "Workers", "the fire exits had been locked on the night of the fire", type_="direct"),
        _claim(2, "Factory owner", "that allegation was baseless", type_="mixed"),
    ]
    assert _shown(claims) == [("disputes", 1, 2)]


def test_a_quote_without_a_speaker_goes_on_from_the_previous_one() -> None:
    from dateline.corpus.sides import authorities
    claims = [
        _claim(1, "Tenants", "bailiffs demolished our kiosks while the appeal was pending", article="a1"),
        _claim(2, "Market police", "officers only kept order around the contractor", article="a2"),
        _claim(3, "", "The market police deny any part in demolishing the kiosks", article="a2", cue="add"),
    ]
    assert authorities(claims)[3] == "market police"
    assert [(r, c) for r, c, _ in _shown(claims)] == [("denies", 1)]
