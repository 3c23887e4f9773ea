"""Unit tests of near-duplicate grouping on short news-style texts written for these tests."""

from __future__ import annotations

import pytest

from dateline.corpus.dedup import (
    RECALL_MARGIN,
    RECALL_TARGET,
    NearDuplicateIndex,
    decode,
    lsh_bands,
    shingles,
    signature,
    similarity,
)

PORT_STORY = (
    "ALEXANDRIA - Egyptian customs officers seized a shipment of counterfeit medicines at the port of "
    "Alexandria on Tuesday, the finance ministry said, the largest such seizure this year. The containers, "
    "declared as kitchen equipment, held more than two million pills, officials said. A customs official "
    "who asked not to be named said the shipment had arrived from a port in the Gulf and that three "
    'importers had been questioned. "We will not allow our ports to be used to poison citizens," the '
    "ministry said in a statement. The health ministry said it would publish a list of the fake brands "
    "next week so that pharmacies could withdraw them."
)
# A syndicated copy: another intro sentence, one edited phrase, the rest as filed.
PORT_COPY = (
    "CAIRO - Customs officers in Egypt have seized counterfeit medicines hidden in containers at Alexandria "
    "port, the finance ministry said on Tuesday, the largest such seizure this year. The containers, "
    "declared as kitchen equipment, held more than two million pills, officials said. A customs official "
    "who asked not to be named said the shipment had come from a port in the Gulf and that three "
    'importers had been questioned. "We will not allow our ports to be used to poison citizens," the '
    "ministry said in a statement. The health ministry said it would publish a list of the fake brands "
    "next week so that pharmacies could withdraw them."
)
# The same copy again, lightly edited once more (a chain of syndication).
PORT_COPY_2 = PORT_COPY.replace("next week", "within days").replace("two million", "2 million")
# A separate report of the same happening, written independently.
PORT_OTHER_REPORT = (
    "Egypt said it had intercepted fake drugs worth millions of pounds in Alexandria. According to the "
    "finance ministry, inspectors opened containers listed as kitchen goods and found over two million "
    "tablets. Investigators are questioning three importers, and the shipment came from the Gulf, an "
    "official said on condition of anonymity. Pharmacies will be told which brands to remove from their "
    "shelves when the health ministry releases its list."
)
FLOOD_STORY = (
    "KHARTOUM - Floods swept through villages in Sudan's River Nile state on Sunday, killing at least "
    "eleven people and destroying hundreds of homes, local officials said. Rescue teams used boats to "
    "reach families trapped on rooftops, and the army said it had sent helicopters to drop food and "
    "water. Aid agencies warned that the rains, which usually last until October, could cut roads used "
    "to deliver supplies to camps for people displaced by the war."
)


def test_signature_is_compact_deterministic_bytes() -> None:
    sig = signature(PORT_STORY)
    assert isinstance(sig, bytes)
    assert sig == signature(PORT_STORY)
    assert len(sig) == 8 + 4 + 1 + 128 * 4  # seed, count, scheme code, 32-bit values
    assert len(signature(PORT_STORY, num_perm=64)) == 8 + 4 + 1 + 64 * 4
    assert len(decode(sig)) == 128


def test_signature_ignores_case_quotes_punctuation_and_spacing() -> None:
    styled = "\u201cWe will not allow it,\u201d   the MINISTRY said.\n\nIt acted on Tuesday."
    plain = '"we will not allow it" the ministry said it acted on tuesday'
    assert signature(styled) == signature(plain)


def test_shingles_are_normalised_words() -> None:
    assert shingles("The ministry SAID: the ministry said.") == {b"the", b"ministry", b"said"}
    assert shingles("Tuesday's talks", size=2) == {b"tuesday s", b"s talks"}
    assert shingles("one two", size=3) == {b"one two"}
    assert shingles(" ,. ") == set()


def test_similarity_orders_copy_rewrite_and_unrelated_story() -> None:
    story = signature(PORT_STORY)
    assert similarity(story, story) == 1.0
    copy = similarity(story, signature(PORT_COPY))
    rewrite = similarity(story, signature(PORT_OTHER_REPORT))
    unrelated = similarity(story, signature(FLOOD_STORY))
    assert copy >= 0.85
    assert rewrite < 0.3
    assert unrelated < 0.2
    assert copy > rewrite > unrelated


def test_add_groups_a_syndicated_copy_under_the_first_member() -> None:
    index = NearDuplicateIndex()
    assert index.add("port", text=PORT_STORY) is None
    assert index.add("flood", text=FLOOD_STORY) is None
    assert index.add("port-copy", text=PORT_COPY) == "port"
    assert index.add("port-rewrite", text=PORT_OTHER_REPORT) is None
    assert index.group_of("port-copy") == "port"
    assert index.group_of("flood") == "flood"
    assert index.groups() == {"port": ["port", "port-copy"]}
    assert len(index) == 4 and "flood" in index and "missing" not in index
    assert list(index) == ["port", "flood", "port-copy", "port-rewrite"]


def test_a_copy_of_a_copy_names_the_group_leader() -> None:
    index = NearDuplicateIndex()
    index.add("a", text=PORT_STORY)
    index.add("b", text=PORT_COPY)
    assert index.add("c", text=PORT_COPY_2) == "a"
    assert index.groups() == {"a": ["a", "b", "c"]}


def test_an_article_like_two_groups_joins_them() -> None:
    index = NearDuplicateIndex(threshold=0.6)
    index.add("port", text=PORT_STORY)
    # The copy with the whole flood story appended: too far from the port story, a group of its own.
    assert index.add("port+flood", text=PORT_COPY + " " + FLOOD_STORY) is None
    # The copy with half the flood story: above 0.6 with both, so the two groups become one, led by
    # the first added (no ranks given); the earlier article that changed leader is told.
    halfway = PORT_COPY + " " + FLOOD_STORY[: len(FLOOD_STORY) // 2]
    assert index.similarity("port", "port+flood") < 0.6
    assert index.add("halfway", text=halfway) == "port"
    assert index.moved == {"port+flood": "port"}
    assert index.groups() == {"port": ["port", "port+flood", "halfway"]}


def test_groups_and_leaders_do_not_depend_on_the_order() -> None:
    halfway = PORT_COPY + " " + FLOOD_STORY[: len(FLOOD_STORY) // 2]
    texts = {"port": PORT_STORY, "port+flood": PORT_COPY + " " + FLOOD_STORY, "halfway": halfway,
             "flood": FLOOD_STORY}
    ranks = {"port": "2024-08-06", "port+flood": "2024-08-05", "halfway": "2024-08-07", "flood": "2024-08-01"}
    seen = set()
    for order in (["port", "port+flood", "halfway", "flood"], ["halfway", "flood", "port", "port+flood"],
                  ["flood", "port+flood", "port", "halfway"]):
        index = NearDuplicateIndex(threshold=0.6)
        for key in order:
            index.add(key, text=texts[key], rank=ranks[key])
        seen.add(tuple(sorted((key, index.group_of(key)) for key in texts)))
    assert len(seen) == 1


def test_threshold_decides() -> None:
    score = similarity(signature(PORT_STORY), signature(PORT_COPY))
    strict = NearDuplicateIndex(threshold=score + 0.01)
    strict.add("port", text=PORT_STORY)
    assert strict.add("copy", text=PORT_COPY) is None
    exact = NearDuplicateIndex(threshold=score)
    exact.add("port", text=PORT_STORY)
    assert exact.add("copy", text=PORT_COPY) == "port"


def test_adding_an_id_twice_changes_nothing() -> None:
    index = NearDuplicateIndex()
    index.add("port", text=PORT_STORY)
    assert index.add("copy", text=PORT_COPY) == "port"
    assert index.add("copy", text=FLOOD_STORY) == "port"
    assert index.add("port", sig=signature(FLOOD_STORY)) is None
    assert len(index) == 2


def test_add_from_stored_signature_matches_add_from_text() -> None:
    index = NearDuplicateIndex()
    index.add("port", sig=signature(PORT_STORY))
    assert index.add("copy", sig=signature(PORT_COPY)) == "port"
    assert index.signature_of("port") == signature(PORT_STORY)


def test_load_rebuilds_the_same_groups() -> None:
    texts = {"port": PORT_STORY, "flood": FLOOD_STORY, "copy": PORT_COPY, "copy2": PORT_COPY_2}
    original = NearDuplicateIndex()
    for key, text in texts.items():
        original.add(key, text=text)
    rebuilt = NearDuplicateIndex()
    rebuilt.load((key, signature(text)) for key, text in texts.items())
    assert rebuilt.groups() == original.groups() == {"port": ["port", "copy", "copy2"]}
    assert rebuilt.similarity("port", "copy") == original.similarity("port", "copy")


def test_empty_texts_match_nothing() -> None:
    index = NearDuplicateIndex()
    assert index.add("blank", text="") is None
    assert index.add("blank2", text=" -- ") is None
    assert index.add("port", text=PORT_STORY) is None
    assert index.groups() == {}


def test_bad_arguments_raise_value_error() -> None:
    index = NearDuplicateIndex()
    with pytest.raises(ValueError, match="exactly one"):
        index.add("x")
    with pytest.raises(ValueError, match="exactly one"):
        index.add("x", text=PORT_STORY, sig=signature(PORT_STORY))
    with pytest.raises(ValueError, match="num_perm=64"):
        index.add("x", sig=signature(PORT_STORY, num_perm=64))
    with pytest.raises(ValueError, match="not a MinHash signature"):
        index.add("x", sig=b"\x00\x01")
    assert len(index) == 0
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0.0)
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=1.5)


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_lsh_bands_keep_recall_just_below_the_threshold(threshold: float) -> None:
    bands, rows = lsh_bands(threshold, 128)
    assert bands * rows <= 128

    def found(j: float) -> float:
        return float(1 - (1 - j**rows) ** bands)

    assert found(threshold - RECALL_MARGIN) >= RECALL_TARGET
    if threshold >= 0.8:  # unrelated news shares function words (Jaccard ~0.1-0.2): rarely compared
        assert found(0.2) < 0.01
    assert lsh_bands(0.8, 128) == (25, 5)
