"""The attribute ruler's rules as a precomputed mapping: the same annotations without the matcher.

The stock English pipelines map every fine-grained tag to a coarse part of speech and morphology
with an ``attribute_ruler``, plus a few exceptions keyed on the lowercase form, the dependency label
and short two-token patterns ("gon na", "let 's"). Every one-token rule depends only on a token's
(tag, lowercase form, dependency label, is-space), so the attributes the ruler gives a token are a
function of those four values and are worked out once per distinct combination. The few
several-token rules are checked position by position. Later rules win, as in the ruler.
:func:`compile_rules` returns None for a rule it cannot express (operators, other attributes), and
the stock ruler is then kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

#: Token attributes a rule may test, in the order of a token's key.
KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_IDS = [TAG, LOWER, DEP, IS_SPACE]

Test = Callable[[tuple[str, str, str, bool]], bool]
#: (tests of the pattern's tokens, attributes set, target token, anchors of the tokens)
Rule = tuple[list[Test], dict[int, int], int, list["Anchor"]]
#: A value a pattern token requires: (position in the key, values it may have), or None.
Anchor = tuple[int, frozenset[str]] | None


def _value_test(position: int, wanted: Any) -> Callable[[Any], bool] | None:
    """A test of one key value against a pattern value (a literal, IN, NOT_IN or REGEX)."""
    if isinstance(wanted, dict):
        if len(wanted) != 1:
            return None
        (op, arg), = wanted.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda key: key[position] in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda key: key[position] not in banned
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda key: bool(pattern.search(str(key[position])))
        return None
    return lambda key: key[position] == wanted


def _token_test(spec: dict[str, Any]) -> Test | None:
    """A test of a token's key for one pattern token; None when the pattern uses anything else."""
    tests = []
    for name, wanted in spec.items():
        name = name.upper()
        if name not in KEY_ATTRS:
            return None
        test = _value_test(KEY_ATTRS.index(name), wanted)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(test(key) for test in tests)


def _anchor(spec: dict[str, Any]) -> Anchor:
    """The tag (else the lowercase form) a pattern token requires, so rules can be looked up by it."""
    upper = {name.upper(): wanted for name, wanted in spec.items()}
    for position, name in ((0, "TAG"), (1, "LOWER")):
        wanted = upper.get(name)
        if isinstance(wanted, str):
            return position, frozenset([wanted])
        if isinstance(wanted, dict) and list(wanted) == ["IN"]:
            return position, frozenset(wanted["IN"])
    return None


def compile_rules(ruler: Any) -> list[Rule] | None:
    """The ruler's rules as (token tests, normalised attributes, target index), in the ruler's
    order; None when a pattern cannot be expressed as a fixed sequence of key tests."""
    rules: list[Rule] = []
    for number, attrs in enumerate(ruler.attrs):
        patterns = ruler.matcher.get(str(number))[1]
        for pattern in patterns:
            tests = [_token_test(spec) for spec in pattern]
            if not tests or any(test is None for test in tests):
                return None
            index = ruler.indices[number]
            if not -len(tests) <= index < len(tests):
                return None
            anchors = [_anchor(spec) for spec in pattern]
            rules.append(([t for t in tests if t is not None], dict(attrs), index % len(tests), anchors))
    return rules


class _Key(NamedTuple):
    text: tuple[str, str, str, bool]
    values: dict[int, int]
    passes: frozenset[tuple[int, int]]


class TagAttributes:
    """A pipeline component that sets what ``attribute_ruler`` sets, from precomputed rules.

    Needs a Doc with tags and dependencies (the ruler's exceptions read both); sets the attributes
    of the rules (part of speech, morphology, a few lemmas) on every token they match.
    """

    def __init__(self, vocab: Any, rules: list[Rule] | None = None) -> None:
        self.vocab = vocab
        self.use(rules or [])

    def use(self, rules: list[Rule]) -> None:
        """Apply ``rules`` (from :func:`compile_rules`) from now on."""
        self.rules = rules
        self.columns = sorted({attr for _, attrs, _, _ in rules for attr in attrs})
        self._known: dict[tuple[int, int, int, int], _Key] = {}
        #: (rule, token) pairs by the tag or form they require; the rest are always tried.
        self._by_value: tuple[dict[str, list[tuple[int, int]]], ...] = ({}, {})
        self._always: list[tuple[int, int]] = []
        for number, (_, _, _, anchors) in enumerate(rules):
            for k, anchor in enumerate(anchors):
                if anchor is None:
                    self._always.append((number, k))
                    continue
                for value in anchor[1]:
                    self._by_value[anchor[0]].setdefault(value, []).append((number, k))

    def _key(self, codes: tuple[int, int, int, int]) -> _Key:
        """What the rules make of a token with these key codes: the values its one-token rules
        set, in rule order, and the (rule, position) of the several-token rules it passes."""
        known = self._known.get(codes)
        if known is None:
            strings = self.vocab.strings
            key = (strings[codes[0]], strings[codes[1]], strings[codes[2]], bool(codes[3]))
            values: dict[int, int] = {}
            passes: set[tuple[int, int]] = set()
            tried = self._always + self._by_value[0].get(key[0], []) + self._by_value[1].get(key[1], [])
            for number, k in sorted(tried):
                tests, attrs, _, _ = self.rules[number]
                if not tests[k](key):
                    continue
                if len(tests) == 1:
                    values.update(attrs)
                else:
                    passes.add((number, k))
            known = _Key(key, values, frozenset(passes))
            self._known[codes] = known
        return known

    def __call__(self, doc: Any) -> Any:
        if not len(doc) or not self.columns:
            return doc
        keys = [self._key(tuple(codes)) for codes in doc.to_array(_KEY_IDS).tolist()]
        rows = doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist()
        several = self._several(keys)
        for at, (row, key) in enumerate(zip(rows, keys, strict=True)):
            if at in several:
                self._apply(row, self._ordered(key, several[at]))
            else:
                self._apply(row, key.values)
        doc.from_array(self.columns, numpy.asarray(rows, dtype=numpy.uint64))
        return doc

    def _apply(self, row: list[int], values: dict[int, int]) -> None:
        for column, attr in enumerate(self.columns):
            if attr in values:
                row[column] = values[attr]

    def _several(self, keys: list[_Key]) -> dict[int, list[int]]:
        """Token position -> numbers of the several-token rules that target it."""
        out: dict[int, list[int]] = {}
        for start, key in enumerate(keys):
            for number, k in key.passes:
                if k:
                    continue
                tests, _, index, _ = self.rules[number]
                width = len(tests)
                if start + width <= len(keys) and all(
                    (number, k) in keys[start + k].passes for k in range(1, width)
                ):
                    out.setdefault(start + index, []).append(number)
        return out

    def _ordered(self, key: _Key, several: list[int]) -> dict[int, int]:
        """The values for a token that several-token rules also target: every matching rule's
        attributes in rule order."""
        strings_key = key.text
        values: dict[int, int] = {}
        for number, (tests, attrs, _, _) in enumerate(self.rules):
            if number in several or (len(tests) == 1 and tests[0](strings_key)):
                values.update(attrs)
        return values

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)
