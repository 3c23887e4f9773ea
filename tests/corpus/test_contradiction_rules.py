"""Contradiction rules on hand-made claims: each relation found, updates and agreement left alone."""

from __future__ import annotations

from dateline.corpus.contradictions import SHOWN, Claim, find, negated_part
from dateline.corpus.propositions import figures

DAY = 739000


def _claim(qid: int, speaker: str, content: str, *, article: str = "a1", day: int = DAY, cue: str = "say",
           type_: str = "indirect", roles: tuple[str, ...] = (), aliases: tuple[str, ...] = ()) -> Claim:
    return Claim(qid, article, day, qid, speaker, content, cue, type_, speaker.lower(), roles, aliases)


def test_denial_cue_against_the_claim_it_restates() -> None:
    claims = [
        _claim(1, "Port officials", "the tanker had been seized by the navy in international waters"),
        _claim(2, "Harbour master", "the harbour would reopen on Friday"),
        _claim(3, "Defence Ministry", "the navy had seized the tanker in international waters", article="a2",
               cue="deny"),
    ]
    (found,) = find(claims)
    assert (found.relation, found.claim.quote_id, found.counter.quote_id) == ("denies", 1, 3)


def test_negated_restatement_denies() -> None:
    claims = [
        _claim(1, "Residents", "the bridge was closed because of cracks in the main span"),
        _claim(2, "Transport Minister", "the bridge was not closed because of cracks", article="a2"),
    ]
    (found,) = find(claims)
    assert found.relation == "denies" and found.evidence["rule"] == "negated restatement"


def test_a_negation_about_something_else_is_no_denial() -> None:
    claims = [
        _claim(1, "Police", "two guards were hurt in the blast"),
        _claim(2, "Hospital", "No one was killed, but two guards were wounded", article="a2"),
    ]
    assert find(claims) == []
    assert negated_part("No one was killed, but two guards were wounded") == "No one was killed"


def test_verdict_disputes_the_source_it_names() -> None:
    claims = [
        _claim(1, "Police", "the fire was caused by faulty wiring"),
        _claim(2, "Mayor", "the market will reopen next week"),
        _claim(3, "Union leader", 'the police account was "baseless"', article="a2", type_="mixed"),
    ]
    (found,) = find(claims)
    assert (found.relation, found.claim.quote_id) == ("disputes", 1)


def test_verdict_without_a_name_disputes_the_nearest_direct_quote() -> None:
    claims = [
        _claim(1, "Embassy", "the talks covered trade", type_="indirect"),
        _claim(2, "Embassy", "\u201cWe never discussed the border,\u201d", type_="direct"),
        _claim(3, "Ministry", "they were \u201cinaccurate.\u201d", type_="mixed"),
    ]
    (found,) = find(claims)
    assert (found.relation, found.claim.quote_id, found.counter.quote_id) == ("disputes", 2, 3)


def test_conflicting_figures_but_not_updates_or_agreement() -> None:
    claims = [
        _claim(1, "Coast Guard", "12 people died when the boat overturned", article="a1", day=DAY),
        _claim(2, "Mayor", "at least 30 people died when the boat sank", article="a2", day=DAY),
        _claim(3, "Coast Guard", "15 people died in the sinking of the boat", article="a3", day=DAY + 1),
        _claim(4, "Red Cross", "12 people died when the boat capsized", article="a4", day=DAY + 1),
    ]
    found = find(claims)
    pairs = {(x.relation, x.claim.speaker, x.counter.speaker) for x in found}
    # the coast guard's 12 -> 15 is an update; the Red Cross agrees with the first figure, and its
    # 12 against the mayor's 30 is the same disagreement already reported
    assert pairs == {("conflicting_figures", "Coast Guard", "Mayor")} or pairs == {
        ("conflicting_figures", "Coast Guard", "Mayor"), ("conflicting_figures", "Mayor", "Red Cross")}
    assert all(x.claim.quote_id != 3 or x.counter.speaker != "Coast Guard" for x in found)


def test_a_spokesman_speaks_for_the_body_his_role_names() -> None:
    claims = [
        _claim(1, "State Department", "the talks were about security cooperation", aliases=("State Department",)),
        _claim(2, "Tom Reed", "the talks were not about security cooperation", roles=("State Department spokesman",)),
    ]
    assert find(claims) == []


def test_figures_read_digits_and_words() -> None:
    found = figures("at least 30 people died and two guards were hurt; 1,500 hectares burned")
    assert [(f.value, f.unit, f.low) for f in found] == [(30.0, "people", 30.0), (2.0, "guard", 2.0),
                                                        (1500.0, "hectare", 1500.0)]
    assert found[0].high == float("inf") and "died" in found[0].context


def test_figures_skip_years_dates_and_shares() -> None:
    assert figures("In 2019 two of three requirements were met on 12 March") == []


def test_restatement_in_other_words_denies() -> None:
    claims = [
        _claim(1, "Opposition sources", "the government halted negotiations over the pullout of its troops"),
        _claim(2, "Government spokesman", "At no time did we discuss the withdrawal of troops", article="a2",
               type_="direct"),
    ]
    (found,) = find(claims)
    assert found.relation == "denies" and {"discuss", "withdrawal"} <= set(found.evidence["matched"])  # type: ignore[arg-type]
    assert found.confidence >= SHOWN


def test_one_shared_verb_is_no_proposition() -> None:
    claims = [
        _claim(1, "Negotiator", "he was discussing the terms of a release with the kidnappers"),
        _claim(2, "Company", "it would not discuss commercial matters", article="a2"),
    ]
    assert find(claims) == []


def test_a_verdict_on_a_verdict_is_agreement() -> None:
    claims = [
        _claim(1, "Ministry", "the reports are \u201cpatently false\u201d", type_="direct"),
        _claim(2, "Analysts", "the claims are false"),
    ]
    assert find(claims) == []


def test_figures_about_other_things_or_times_do_not_conflict() -> None:
    claims = [
        _claim(1, "Health ministry", "12 people died in the floods in Sylhet this year"),
        _claim(2, "Red Crescent", "40 people died in the floods in Sylhet last year", article="a2"),
        _claim(3, "Aid group", "at least 10 people died in the floods", article="a3"),
    ]
    assert find(claims) == []


def test_a_verdict_word_about_a_thing_is_no_dispute() -> None:
    claims = [
        _claim(1, "Engineers", "the bridge would open in May", type_="direct"),
        _claim(2, "Mayor", "the bridge had been built in the wrong place", article="a2"),
    ]
    assert find(claims) == []
