"""The MinHash sketch behind near-duplicate grouping: stable values, byte form, bad input."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from dateline.corpus import minhash as mh
from dateline.corpus.dedup import minhash, shingles, signature

SENTENCE = "Customs officers seized counterfeit medicines at the port on Tuesday."
# Signatures already stored in databases hold exactly these bytes for this sentence (16 permutations);
# a change here would split stored articles from new copies of them.
STORED = bytes.fromhex(
    "0100000000000000f0ffffff01a9779e008cef3c0913a7a91118f1322b3a0fc70e2df9ab24c570663cd7576e06e6"
    "aba647413fd10f94c5f10cc0ea3d215a88351d02257c0be04eae26e980e308"
)


def test_values_are_those_of_stored_signatures() -> None:
    assert signature(SENTENCE, num_perm=16) == STORED
    assert [int(v) for v in minhash(SENTENCE, num_perm=8)] == [
        109378141, 861435740, 858167740, 48413517, 673604544, 935814671, 24672238, 132481284,
    ]


def test_sketch_ignores_member_order_and_repeats() -> None:
    members = sorted(shingles(SENTENCE))
    forward = mh.sketch(members, 32)
    assert np.array_equal(forward, mh.sketch(list(reversed(members)), 32))
    assert np.array_equal(forward, mh.sketch(members + members[:3], 32))
    assert forward.dtype == np.uint32 and len(forward) == 32


def test_byte_form_round_trips() -> None:
    values = minhash(SENTENCE)
    assert np.array_equal(mh.decode(mh.encode(values)), values)
    assert len(mh.encode(values)) == 8 + 4 + 1 + 128 * 4


def test_jaccard_estimates_the_share_of_common_words() -> None:
    words = [f"w{i}".encode() for i in range(200)]
    half = mh.jaccard(mh.sketch(words[:150], 256), mh.sketch(words[50:], 256))  # true value 0.5
    assert 0.4 <= half <= 0.6
    assert mh.jaccard(mh.sketch(words, 64), mh.sketch(words, 64)) == 1.0
    with pytest.raises(ValueError, match="64 and 32"):
        mh.jaccard(mh.sketch(words, 64), mh.sketch(words, 32))


def test_empty_set_gives_the_empty_sketch() -> None:
    assert mh.is_empty(mh.sketch([], 16))
    assert mh.is_empty(minhash(" -- ", 16))
    assert not mh.is_empty(minhash(SENTENCE, 16))


@pytest.mark.parametrize(
    ("sig", "problem"),
    [
        (b"", "shorter than its header"),
        (STORED[:-1], "16 values announced"),
        (struct.pack("<qi", 1, 16) + bytes(64), "unknown layout"),  # an old layout without a scheme byte
        (struct.pack("<qiB", 1, -16, 2) + bytes(64), "unknown layout"),
        (struct.pack("<qiB", 7, -16, 1) + bytes(64), "seed 7"),
    ],
)
def test_decode_names_what_is_wrong(sig: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        mh.decode(sig)
