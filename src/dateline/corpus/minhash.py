"""MinHash sketches of sets of byte strings, in numpy, with a compact portable byte form.

A sketch holds, for each of ``num_perm`` permutations, the least permuted hash of the set's
members. A member's hash is the first four bytes of its SHA-1 (little-endian), mixed by the
32-bit MurmurHash3 finaliser; permutation ``k`` maps a hash ``h`` to ``a[k] * h + b[k]`` modulo
2**32 with an odd ``a[k]`` (a bijection, so no two members collide). The ``(a, b)`` pairs are
drawn from numpy's ``RandomState(seed)``. The fraction of equal positions in two sketches
estimates the Jaccard similarity of the two sets.

Byte form (little-endian): the seed (int64), minus the number of permutations (int32), a scheme
byte (1), then one uint32 per permutation. This is the layout the "affine32" MinHash of the
datasketch library writes, and the values are the same, so signatures stored by earlier
versions of dateline keep comparing with new ones.
"""

from __future__ import annotations

import hashlib
import struct
from functools import cache

import numpy as np
import numpy.typing as npt

#: Seed of the permutations; fixed so signatures from any process compare.
SEED = 1

Sketch = npt.NDArray[np.uint32]

_HEAD = struct.Struct("<qiB")
_SCHEME = 1
_EMPTY = np.uint32(0xFFFFFFFF)
_UNPACK_HASH = struct.Struct("<I").unpack_from
#: Hashes of members already seen in this process (news reuses its words); cleared past the size.
_HASHES: dict[bytes, int] = {}
_MEMO_SIZE = 500_000


@cache
def permutations(num_perm: int, seed: int = SEED) -> tuple[Sketch, Sketch]:
    """The ``(a, b)`` arrays of the ``num_perm`` permutations for ``seed`` (drawn once per process)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _mix(values: Sketch) -> Sketch:
    """The MurmurHash3 32-bit finaliser, element-wise (multiplication wraps modulo 2**32)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def sketch(members: set[bytes] | list[bytes], num_perm: int = 128) -> Sketch:
    """The MinHash of a set of byte strings: ``num_perm`` uint32 values.

    An empty set gives the empty sketch (every value 2**32 - 1), see :func:`is_empty`.
    """
    a, b = permutations(num_perm)
    if not members:
        return np.full(num_perm, _EMPTY, dtype=np.uint32)
    memo = _HASHES
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    for member in members:
        if member not in memo:
            memo[member] = _UNPACK_HASH(hashlib.sha1(member).digest())[0]
    hashes = np.fromiter((memo[member] for member in members), dtype=np.uint32, count=len(members))
    permuted = _mix(hashes).reshape(-1, 1) * a + b
    result: Sketch = permuted.min(axis=0)
    return result


def is_empty(values: Sketch) -> bool:
    """True for the sketch of the empty set."""
    return bool((values == _EMPTY).all())


def jaccard(first: Sketch, second: Sketch) -> float:
    """Estimated Jaccard similarity: the fraction of permutations where both sketches agree."""
    if len(first) != len(second):
        raise ValueError(f"sketches of {len(first)} and {len(second)} permutations do not compare")
    return float(np.count_nonzero(first == second)) / float(len(first))


def encode(values: Sketch) -> bytes:
    """The byte form of a sketch (see the module docstring)."""
    return _HEAD.pack(SEED, -len(values), _SCHEME) + values.astype("<u4").tobytes()


def decode(sig: bytes) -> Sketch:
    """Read the byte form written by :func:`encode`.

    Raises ``ValueError`` naming the problem when ``sig`` is not a sketch of this seed and scheme.
    """
    if len(sig) < _HEAD.size:
        raise ValueError(f"not a MinHash signature ({len(sig)} bytes): shorter than its header")
    seed, count, scheme = _HEAD.unpack_from(sig)
    if count >= 0 or scheme != _SCHEME:
        raise ValueError(f"not a MinHash signature ({len(sig)} bytes): unknown layout")
    if len(sig) != _HEAD.size + 4 * -count:
        raise ValueError(f"not a MinHash signature ({len(sig)} bytes): {-count} values announced")
    if seed != SEED:
        raise ValueError(f"not a MinHash signature of this index ({len(sig)} bytes): seed {seed}, not {SEED}")
    values: Sketch = np.frombuffer(sig, dtype="<u4", offset=_HEAD.size).astype(np.uint32)
    return values
