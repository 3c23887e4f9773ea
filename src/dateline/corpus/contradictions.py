"""Contradictions within a story: one source asserts, another denies, disputes or gives other figures.

Needs the story's attributed claims (:class:`Claim`, one per stored quote). Yields
:class:`Contradiction` pairs of three relations:

- ``denies``: a counter said with a denial cue ("denied that ...", "rejected ...") or a negated
  restatement ("X was not started deliberately" against "X was started deliberately") of a claim
  by another authority, about the same things (shared concepts, see :mod:`.words`);
- ``disputes``: a verdict on another source's statement ("inaccurate", "baseless", "the police
  account ...") aimed at the source it names, else at the nearest earlier direct quote of another
  authority in the same article;
- ``conflicting_figures``: two authorities give different numbers for the same quantity (same unit
  word and a shared context word).

Not contradictions: a later figure from the same authority (an update), the same figure from two
sources (agreement), and anything two claims of one authority say. A spokesman whose role names an
organisation ("US State Department spokesman") speaks for it. Each claim is countered at most once
per article and relation, and each pair of authorities gets one pair per relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from .words import concepts, cue_words, stem, tokens

MIN_SHARED = 2
MIN_COVERAGE = 0.4
_NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_FIGURE = re.compile(r"\b(\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)",
                     re.IGNORECASE)


@dataclass
class Claim:
    """One attributed statement. ``day``: publication day ordinal; ``position``: order in its article."""

    quote_id: int
    article_id: str
    day: int
    position: int
    speaker: str
    content: str
    cue: str = ""
    type: str = "indirect"
    speaker_key: str = ""
    roles: Sequence[str] = ()
    aliases: Sequence[str] = ()


@dataclass
class Contradiction:
    relation: str
    confidence: float
    claim: Claim
    counter: Claim
    evidence: dict[str, object] = field(default_factory=dict)


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    words = [w for w in tokens(text) if w not in {"the", "a", "an"}]
    return " ".join(words)


def authorities(claims: Sequence[Claim]) -> dict[int, str]:
    """Quote id -> the authority speaking: the speaker, or the organisation its role names."""
    names: dict[str, str] = {}
    for c in claims:
        key = c.speaker_key or _key(c.speaker)
        for alias in (*c.aliases, c.speaker):
            if len(alias) >= 6:
                names.setdefault(_key(alias), key)
    out: dict[int, str] = {}
    known = sorted(n for n in names if n)
    for c in claims:
        key = c.speaker_key or _key(c.speaker)
        for role in c.roles:
            role_key = f" {_key(role)} "
            found = [names[n] for n in known if f" {n} " in role_key and names[n] != key]
            if found:
                key = found[0]
                break
        out[c.quote_id] = key
    return out


def _same_authority(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or f" {a}".endswith(f" {b}") or f" {b}".endswith(f" {a}")


#: Claim texts whose words are remembered: a story's claims are compared pairwise, each many times.
_MEMO = 8192


@lru_cache(maxsize=_MEMO)
def _concepts(text: str) -> frozenset[str]:
    return frozenset(concepts(text))


@lru_cache(maxsize=_MEMO)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


@lru_cache(maxsize=_MEMO)
def _negated(text: str) -> bool:
    neg = cue_words("negation")
    words = _word_set(text)
    return any(w in neg or w.endswith("n't") for w in words) or "at no time" in text.lower()


_CLAUSE = re.compile(r"[,;:]|\b(?:but|and|while|whereas)\b", re.IGNORECASE)


@lru_cache(maxsize=_MEMO)
def negated_part(text: str) -> str:
    """The clauses of ``text`` that carry a negation ("No one was killed, but ..." -> "No one was killed")."""
    return " ".join(part for part in _CLAUSE.split(text) if part and _negated(part))


def figures(text: str) -> list[tuple[float, str]]:
    """Numbers with the word they count: "at least 30 people died" -> [(30.0, "people")]."""
    out = []
    for match in _FIGURE.finditer(text):
        raw = match.group(1).lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw.replace(",", ""))
        out.append((value, stem(match.group(2).split()[-1].lower())))
    return out


@lru_cache(maxsize=_MEMO)
def _figures(text: str) -> list[tuple[float, str]]:
    return figures(text)


def _place(claim: Claim) -> tuple[str, int]:
    """Where a claim stands in the corpus; unlike the quote id, it does not depend on ingest order."""
    return claim.article_id, claim.position


def _statement_target(counter: Claim, others: Sequence[Claim]) -> Claim | None:
    """The claim a verdict is about: one of the source it names, else the nearest earlier direct quote."""
    text = f" {_key(counter.content)} "
    named = [c for c in others if any(f" {n} " in text for n in _names(c) if n)]
    if named:
        return min(named, key=lambda c: (c.type != "direct", -c.day, c.article_id != counter.article_id, -c.position))
    before = [c for c in others if c.article_id == counter.article_id and c.position < counter.position]
    direct = [c for c in before if c.type == "direct"]
    pool = direct or before
    return max(pool, key=lambda c: c.position) if pool else None


def _names(claim: Claim) -> set[str]:
    out = {_key(claim.speaker)}
    out |= {_key(a) for a in claim.aliases}
    last = _key(claim.speaker).split()
    if last:
        out.add(last[-1])
    return {n for n in out if len(n) >= 4}


_ABOUT_A_STATEMENT = re.compile(
    r"\b(?:they|it|this|that|these|those|such)\s+(?:was|were|is|are|been)\b", re.IGNORECASE)


def _is_verdict(counter: Claim) -> bool:
    """Whether ``counter`` judges another statement: a verdict word about a statement ("the police
    account was baseless"), about a pronoun ("they were inaccurate"), or standing alone; or a denial
    or dispute cue whose object is a statement ("rejected the police explanation")."""
    words = _word_set(counter.content)
    statement = bool(words & cue_words("statement"))
    if words & cue_words("verdict"):
        return statement or len(words) <= 4 or bool(_ABOUT_A_STATEMENT.search(counter.content))
    cue = counter.cue.lower()
    return statement and (cue in cue_words("deny") or cue in cue_words("dispute"))


class _Claims:
    """One story's claims, indexed: the claims each authority may be contradicted by (in order), and
    the claims (not negated themselves) that hold each concept, so that a counter-claim meets only
    the claims it shares a concept with instead of every claim of the story."""

    def __init__(self, claims: Sequence[Claim], auth: dict[int, str]) -> None:
        self.claims, self.auth = claims, auth
        self._others: dict[str, tuple[list[Claim], set[int]]] = {}
        self.postings: dict[str, list[int]] = {}
        for i, claim in enumerate(claims):
            if not _negated(claim.content):
                for concept in _concepts(claim.content):
                    self.postings.setdefault(concept, []).append(i)

    def others(self, authority: str) -> tuple[list[Claim], set[int]]:
        """The claims of other authorities than ``authority``, in order, and their indices."""
        found = self._others.get(authority)
        if found is None:
            other = {a for a in set(self.auth.values()) if not _same_authority(a, authority)}
            picked = [i for i, c in enumerate(self.claims) if self.auth[c.quote_id] in other]
            found = self._others[authority] = ([self.claims[i] for i in picked], set(picked))
        return found

    def best_denied(self, counter: Claim, allowed: set[int], by_cue: bool) -> tuple[Claim, int, float] | None:
        """The claim of ``allowed`` that ``counter`` denies: the one whose concepts its (negated
        part's) concepts cover best, sharing at least :data:`MIN_SHARED` of them."""
        concepts = _concepts(counter.content if by_cue else negated_part(counter.content))
        shared_of: dict[int, int] = {}
        for concept in concepts:
            for i in self.postings.get(concept, ()):
                shared_of[i] = shared_of.get(i, 0) + 1
        best: tuple[Claim, int, float] | None = None
        for i, shared in shared_of.items():
            if shared < MIN_SHARED or i not in allowed:
                continue
            claim = self.claims[i]
            coverage = shared / (len(_concepts(claim.content)) or 1)
            if coverage < MIN_COVERAGE:
                continue
            if best is None or (-coverage, -shared, _place(claim)) < (-best[2], -best[1], _place(best[0])):
                best = (claim, shared, coverage)
        return best


def _denials_and_disputes(claims: Sequence[Claim], auth: dict[int, str]) -> Iterator[Contradiction]:
    deny, dispute = cue_words("deny"), cue_words("dispute")
    story = _Claims(claims, auth)
    for counter in claims:
        verdict = _is_verdict(counter)
        cue = counter.cue.lower()
        by_cue = cue in deny or cue in dispute
        if not verdict and not by_cue and not _negated(counter.content):
            continue  # no denial, dispute or verdict: nothing to compare (the cheap test first)
        others, allowed = story.others(auth[counter.quote_id])
        if not others:
            continue
        if verdict:
            target = _statement_target(counter, others)
            if target is not None:
                yield Contradiction("disputes", 0.85 if counter.type != "indirect" else 0.8, target, counter,
                                    {"rule": "verdict on a statement", "cue": counter.cue})
            continue
        found = story.best_denied(counter, allowed, by_cue)
        if found is None:
            continue
        claim, shared, coverage = found
        relation = "disputes" if cue in dispute else "denies"
        confidence = (0.75 if by_cue else 0.65) + 0.2 * min(coverage, 1.0) + 0.05 * (counter.type == "direct")
        rule = f"{cue} cue" if by_cue else "negated restatement"
        yield Contradiction(relation, round(min(confidence, 0.99), 3), claim, counter,
                            {"rule": rule, "shared": shared, "coverage": round(coverage, 3)})


def _conflicting_figures(claims: Sequence[Claim], auth: dict[int, str]) -> Iterator[Contradiction]:
    figs = {c.quote_id: _figures(c.content) for c in claims}
    given: dict[tuple[str, str], set[float]] = {}
    for c in claims:
        for value, unit in figs[c.quote_id]:
            given.setdefault((auth[c.quote_id], unit), set()).add(value)
    counted = [c for c in claims if figs[c.quote_id]]  # only claims with figures can conflict
    units = [{unit for _, unit in figs[c.quote_id]} for c in counted]
    for i, first in enumerate(counted):
        for j in range(i + 1, len(counted)):
            if units[i].isdisjoint(units[j]):
                continue  # no figure of one counts what a figure of the other counts
            second = counted[j]
            a, b = auth[first.quote_id], auth[second.quote_id]
            if _same_authority(a, b):
                continue  # a later figure of the same authority is an update
            context = _concepts(first.content) & _concepts(second.content)
            for (value_a, unit), (value_b, unit_b) in product(figs[first.quote_id], figs[second.quote_id]):
                if unit != unit_b or value_a == value_b or not context - {unit}:
                    continue
                if given[(a, unit)] & given[(b, unit)]:
                    continue  # they gave the same figure at some point: agreement, then an update
                claim, counter = sorted((first, second), key=lambda c: (c.day, c.article_id, c.position))
                yield Contradiction("conflicting_figures", 0.75, claim, counter,
                                    {"unit": unit, "values": [value_a, value_b]})


def find(claims: Sequence[Claim]) -> list[Contradiction]:
    """The contradictions among one story's claims, strongest first, without repeats."""
    ordered = sorted(claims, key=lambda c: (c.day, c.article_id, c.position, c.quote_id))
    auth = authorities(ordered)
    found = [*_denials_and_disputes(ordered, auth), *_conflicting_figures(ordered, auth)]
    rank = sorted(found, key=lambda x: (-(x.counter.type == "direct"), -x.confidence, x.claim.day, x.counter.day,
                                        _place(x.claim), _place(x.counter)))
    out: list[Contradiction] = []
    seen: set[tuple[object, ...]] = set()
    for item in rank:
        a, b = auth[item.claim.quote_id], auth[item.counter.quote_id]
        keys = [(item.relation, item.claim.quote_id, item.counter.article_id), (item.relation, *sorted((a, b)))]
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(item)
    return sorted(out, key=lambda x: (x.claim.day, _place(x.claim), _place(x.counter), x.relation))
