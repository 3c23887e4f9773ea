"""Story grouping on hand-made articles: same happening together, distractors apart, order-free, stable ids."""

from __future__ import annotations

import random
from datetime import date

from dateline.corpus.stories import ArticleDoc, Group, assign_ids, decay, group, new_story_id

DAY = date(2024, 8, 12).toordinal()


def _docs() -> list[ArticleDoc]:
    quake = [
        ("q1", 0, "Earthquake Shakes Coastal Town", "A strong earthquake shook the coastal town of Velora on Monday, "
         "collapsing houses and cutting power lines. Rescue teams searched the rubble for survivors."),
        ("q2", 0, "Quake Leaves Velora Residents Homeless", "Hundreds of residents slept outside after the earthquake "
         "flattened houses in Velora. Rescue teams pulled survivors from the rubble overnight."),
        ("q3", 1, "Aftershocks Hamper Rescue in Velora", "Aftershocks rattled Velora on Tuesday as rescue teams kept "
         "digging through the rubble of houses destroyed by Monday's earthquake."),
    ]
    budget = [
        ("b1", 0, "Parliament Passes Budget", "Parliament passed the annual budget on Monday after a long debate "
         "over spending on schools, hospitals and pensions."),
        ("b2", 1, "Budget Vote Ends Long Debate", "Lawmakers approved the budget after a debate on spending for "
         "pensions, hospitals and schools that lasted two weeks."),
    ]
    other = [
        ("v1", 0, "Velora Festival Opens", "A music festival opened in Velora with bands from twelve countries and "
         "food stalls along the harbour promenade."),
    ]
    return [ArticleDoc(i, DAY + d, t, x) for i, d, t, x in quake + budget + other]


def _sets(groups: list[Group]) -> set[frozenset[str]]:
    return {frozenset(g.articles) for g in groups}


def test_same_happening_together_and_distractor_apart() -> None:
    groups = _sets(group(_docs()))
    assert frozenset({"q1", "q2", "q3"}) in groups
    assert frozenset({"b1", "b2"}) in groups
    assert frozenset({"v1"}) in groups


def test_grouping_does_not_depend_on_the_order() -> None:
    docs = _docs()
    first = group(docs)
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        again = group(shuffled)
        assert [(g.articles, g.representative) for g in again] == [(g.articles, g.representative) for g in first]


def test_far_apart_in_time_never_links() -> None:
    docs = _docs()
    docs[2] = ArticleDoc("q3", DAY + 30, docs[2].title, docs[2].text)
    assert frozenset({"q3"}) in _sets(group(docs))
    assert decay(30) == 0.0 and decay(0) == 1.0


def test_ids_survive_a_later_ingest() -> None:
    first = [Group(["a", "b"], "a"), Group(["c"], "c")]
    ids = assign_ids(first, {})
    assert ids == [new_story_id(["a", "b"]), new_story_id(["c"])]
    previous = {"a": ids[0], "b": ids[0], "c": ids[1]}
    # a new article "0" (sorting first) joins the first story; a new story appears
    later = [Group(["0", "a", "b"], "a"), Group(["c"], "c"), Group(["d", "e"], "d")]
    assert assign_ids(later, previous) == [ids[0], ids[1], new_story_id(["d", "e"])]


def test_two_stories_merged_keep_the_larger_id() -> None:
    previous = {"a": "s1", "b": "s1", "c": "s2"}
    merged = [Group(["a", "b", "c"], "a")]
    assert assign_ids(merged, previous) == ["s1"]
