"""Contradictions within a story: the same proposition, opposite truth, from opposing sides.

Needs the story's attributed claims (:class:`Claim`, one per stored quote). Yields
:class:`Contradiction` pairs of three relations:

- ``denies``: a counter said with a denial cue ("denied that ...", "rejected ...") or a negated
  restatement ("X was not started deliberately" against "X was started deliberately") of a claim
  of another side. Same proposition: enough of the counter's argument words and enough of the
  claim's are equivalent (:mod:`.propositions`, :mod:`.lexicon`: the same word, a shared WordNet
  sense or a derived form; never a table of known texts);
- ``disputes``: a verdict on another side's statement ("inaccurate", "baseless", "the police
  account ...", :mod:`.verdicts`) aimed at the source it names, else at the nearest earlier direct
  quote of another side in the same article (not a question, and restating what the verdict spells
  out: "the claim that ..."); a verdict on a verdict is agreement, not a dispute;
- ``conflicting_figures``: two sides give incompatible figures (their ranges do not meet: "12" and
  "at least 30") for the same quantity: the same counted thing, equivalent words around both, and
  neither another named referent nor another time.

Opposing sides (:mod:`.sides`): not two claims of one authority (a spokesman speaks for the body his
role names), not an unattributed quote and its neighbour in the same article, and not an authority
that once gave the same figure (then it is an update). Each pair carries its evidence and a
confidence; pairs under :data:`SHOWN` are stored but listed only on request.

Bounded per story whatever a single article holds: candidate claims come from an index of argument
words whose busiest keys (:data:`BUSY_KEY`) are left out, each counter is compared with at most
:data:`MAX_CANDIDATES` claims and each figure with at most :data:`MAX_FIGURE_PAIRS`; ``stats``
counts the pairs examined.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice, product

from ..store.views import SHOWN_CONFIDENCE as SHOWN
from . import lexicon
from .propositions import (
    COUNTER_SHARE,
    Figure,
    analyse,
    asks,
    content,
    counts_alike,
    coverage,
    denies_itself,
    incompatible,
    inner_denial,
    matches,
    negated_part,
    negated_words,
    query_keys,
    rejects_counterclaim,
    restates_negated,
    unit_keys,
)
from .propositions import index_keys as _index_keys
from .sides import authorities, grams, key, same_side
from .verdicts import is_verdict, owner, possessed, restates_judged
from .words import cue_words

MIN_SHARED = 2
MIN_COVERAGE = 0.4
#: The same for a negated restatement without a denial cue: most of its negated clause restates the claim.
NEGATED_SHARE = 0.5
#: A claim needs this many argument words to be a proposition at all ("she said" is none).
MIN_WORDS = 2
#: A claim that is denied needs this many, one of them a verb: a subject, a predicate and what it is
#: about ("climate change" or "a former Miss Universe" asserts nothing).
MIN_CLAIM_WORDS = 3
BUSY_KEY = 60
MAX_CANDIDATES = 40
MAX_FIGURE_PAIRS = 16
#: Figures of one claim that are compared (a claim listing a whole table counts its first ones).
MAX_FIGURES = 8
#: A claim's recent figures kept per authority and unit (older ones of the same authority are updates).
PER_AUTHORITY = 2
__all__ = ["SHOWN", "Claim", "Contradiction", "find", "negated_part"]


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


def _place(claim: Claim) -> tuple[str, int]:
    """Where a claim stands in the corpus; unlike the quote id, it does not depend on ingest order."""
    return claim.article_id, claim.position


class _Story:
    """One story's claims, their authorities and the indexes that keep every comparison bounded."""

    def __init__(self, claims: Sequence[Claim], stats: Counter[str]) -> None:
        self.claims, self.stats = claims, stats
        self.auth = authorities(claims)
        self.postings: dict[str, list[int]] = {}
        self.by_article: dict[str, list[int]] = {}
        self.named: dict[str, list[int]] = {}
        for i, claim in enumerate(claims):
            self.by_article.setdefault(claim.article_id, []).append(i)
            for name in self._names(claim):
                self.named.setdefault(name, []).append(i)
            prop = analyse(claim.content)
            if prop.negated or len(prop.words) < MIN_CLAIM_WORDS or not any(map(lexicon.verbal, prop.words)) \
                    or asks(claim.content, claim.cue) or is_verdict(claim) or denies_itself(claim.content) \
                    or claim.cue.lower() in cue_words("deny") | cue_words("dispute"):
                continue  # a negative, a fragment, a question, a verdict or a denial is no claim to deny
            for k in {k for w in prop.words for k in _index_keys(w)}:
                found = self.postings.setdefault(k, [])
                if len(found) <= BUSY_KEY:
                    found.append(i)

    @staticmethod
    def _names(claim: Claim) -> set[str]:
        out = {key(claim.speaker), *(key(a) for a in claim.aliases)}
        last = key(claim.speaker).split()
        if last:
            out.add(last[-1])
        return {n for n in out if len(n) >= 4}

    def opposed(self, a: Claim, b: Claim) -> bool:
        """Whether ``a`` and ``b`` come from opposing sides (see the module docstring)."""
        if same_side(self.auth[a.quote_id], self.auth[b.quote_id]):
            return False
        if a.article_id == b.article_id and abs(a.position - b.position) <= 1 and not (a.speaker and b.speaker):
            return False  # a quote and its own continuation
        return bool(self.auth[a.quote_id] and self.auth[b.quote_id])

    def candidates(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """(shared words, claim index) of the claims sharing most argument words with ``words``."""
        shared: Counter[int] = Counter()
        for word in words:
            hit: set[int] = set()
            for k in query_keys(word):
                found = self.postings.get(k, ())
                if len(found) <= BUSY_KEY:
                    hit.update(found)
            shared.update(hit)
        best = heapq.nlargest(MAX_CANDIDATES, ((n, -i) for i, n in shared.items() if n >= MIN_SHARED))
        self.stats["pairs"] += len(best)
        return [(n, -j) for n, j in best]

    def target_of_verdict(self, counter: Claim) -> Claim | None:
        """The claim a verdict is about: one of the source it names (the one sharing most words with the
        verdict), else the nearest earlier direct quote."""
        text = key(counter.content)
        named = sorted({i for g in grams(text, 4) for i in self.named.get(g, ())[:MAX_CANDIDATES]})
        pool = [self.claims[i] for i in named if self.opposed(self.claims[i], counter)]
        self.stats["pairs"] += len(named)
        if pool:
            about = content(counter.content)
            return min(pool, key=lambda c: (-sum(any(matches(w, x) for x in about) for w in analyse(c.content).words),
                                            c.type != "direct", -c.day, c.article_id != counter.article_id,
                                            -c.position))
        before = [i for i in self.by_article[counter.article_id] if self.claims[i].position < counter.position]
        before = before[-MAX_CANDIDATES:]
        self.stats["pairs"] += len(before)
        earlier = [self.claims[i] for i in before if self.opposed(self.claims[i], counter)
                   and not asks(self.claims[i].content, self.claims[i].cue)]  # a question asserts nothing
        direct = [c for c in earlier if c.type == "direct"]
        pool = direct or earlier
        return max(pool, key=lambda c: c.position) if pool else None


#: A negated restatement without a denial cue is shown when it restates this many of the claim's words
#: (on the development corpus every genuine one restates three or more; two are a side word or two).
SHOWN_SHARED = 3


def _confidence(by_cue: bool, coverage: float, shared: int, counter: Claim) -> float:
    """A denial's confidence: the cue (an explicit denial over a negated restatement), how much of the
    claim it restates, how many words it shares, and a direct quote."""
    value = (0.55 if by_cue else 0.45) + 0.25 * min(coverage, 1.0) + 0.05 * (shared >= 3)
    value = min(value + 0.05 * (counter.type == "direct"), 0.99)
    if not by_cue and shared < SHOWN_SHARED:
        value = min(value, SHOWN - 0.05)  # without a cue, two restated words make no proposition
    return round(value, 3)


def _denial(story: _Story, counter: Claim, by_cue: bool) -> Contradiction | None:
    """The claim of another side that ``counter`` denies: the one whose argument words it restates
    best (a share of the claim's words, then their number), if it restates enough of it."""
    words = content(counter.content if by_cue else negated_part(counter.content))
    if len(words) < MIN_WORDS or (by_cue and rejects_counterclaim(counter.content)):
        return None  # too little to compare, or it rejects a challenge: it sides with what was challenged
    negated = frozenset() if by_cue else negated_words(counter.content)
    whole = content(counter.content)
    best: tuple[float, int, Claim] | None = None
    for shared, i in story.candidates(words):
        claim = story.claims[i]
        if claim.quote_id == counter.quote_id or not story.opposed(claim, counter):
            continue
        own = analyse(claim.content).words
        # an explicit denial may deny one clause of a longer claim; a bare negation must restate the claim
        covered = coverage(claim.content, words) if by_cue else shared / len(own)
        # the claim's speaker is an argument of it ("I pay taxes", said Trump; "Trump paid nothing")
        spoken = (*own, *(w for w in content(claim.speaker) if w[:1].isupper()))
        restated = [w for w in words if any(matches(w, x) for x in spoken)]
        if covered < MIN_COVERAGE or len(restated) < (COUNTER_SHARE if by_cue else NEGATED_SHARE) * len(words):
            continue
        if by_cue and not any(map(lexicon.verbal, restated)):
            continue  # it denies something about the same things, not the same predicate ("rejected the results")
        if not by_cue and not restates_negated(counter.content, negated, restated, len(whole)):
            continue
        if best is None or (covered, shared) > (best[0], best[1]):
            best = (covered, shared, claim)
    if best is None:
        return None
    covered, shared, claim = best
    cue = counter.cue.lower()
    relation = "disputes" if cue in cue_words("dispute") else "denies"
    rule = f"{cue} cue" if by_cue else "negated restatement"
    matched = sorted({w for w in words if any(matches(w, x) for x in analyse(claim.content).words)})
    return Contradiction(relation, _confidence(by_cue, covered, shared, counter), claim, counter,
                         {"rule": rule, "shared": shared, "coverage": round(covered, 3), "matched": matched})


def _denials_and_disputes(story: _Story) -> Iterator[Contradiction]:
    deny, dispute = cue_words("deny"), cue_words("dispute")
    for counter in story.claims:
        verdict = is_verdict(counter)
        cue = counter.cue.lower()
        by_cue = cue in deny or cue in dispute
        inner = None if by_cue or verdict else inner_denial(counter.content)
        if inner is not None:  # the quote itself denies: compare what it denies
            by_cue, counter = True, replace(counter, cue=inner[0], content=inner[1])
        if not verdict and not by_cue and not analyse(counter.content).negated:
            continue  # no denial, dispute or verdict: nothing to compare (the cheap test first)
        if verdict:
            target = story.target_of_verdict(counter)
            author = owner(counter.content)
            if author and target is not None and not any(author in key(n).split() for n in
                                                        (target.speaker, *target.aliases, *target.roles)):
                continue  # it judges a named party's statements ("Republican claims"), not the target's
            if target is not None and not restates_judged(counter.content, target.content):
                continue  # it spells out the statement it judges ("a false claim that ..."), and not this one
            if target is not None and not is_verdict(target):
                named = any(f" {n} " in f" {key(counter.content)} " for n in story._names(target))
                confidence = 0.8 if named else 0.7 if target.type == "direct" else 0.6
                confidence += 0.05 * (counter.type != "indirect")
                if not named and possessed(counter.content):
                    confidence = SHOWN - 0.05  # "disputed their account": an author the nearest quote may not be
                yield Contradiction("disputes", round(confidence, 3), target, counter,
                                    {"rule": "verdict on a statement", "cue": counter.cue,
                                     "target": "named source" if named else "nearest earlier quote"})
            continue
        found = _denial(story, counter, by_cue)
        if found is not None:
            yield found


def _conflicting_figures(story: _Story) -> Iterator[Contradiction]:
    given: dict[tuple[str, str], set[float]] = {}
    recent: dict[str, dict[str, list[int]]] = {}
    for i, claim in enumerate(story.claims):
        figs = analyse(claim.content).figures[:MAX_FIGURES]
        side = story.auth[claim.quote_id]
        for fig in figs:
            for unit in unit_keys(fig.unit):
                given.setdefault((side, unit), set()).add(fig.value)
        seen: set[int] = set()
        for unit in dict.fromkeys(u for fig in figs for u in unit_keys(fig.unit)):
            by_side = recent.setdefault(unit, {})
            others = (j for s, js in reversed(by_side.items()) if not same_side(s, side) for j in reversed(js))
            for j in islice(others, MAX_FIGURE_PAIRS):
                if j in seen:
                    continue
                seen.add(j)
                story.stats["pairs"] += 1
                found = _figure_pair(story, story.claims[j], claim, given)
                if found is not None:
                    yield found
            mine = by_side.pop(side, [])
            by_side[side] = ([*mine, i] if i not in mine else mine)[-PER_AUTHORITY:]


@lru_cache(maxsize=65536)
def _figures_by_unit(text: str) -> dict[str, tuple[Figure, ...]]:
    """A claim's first :data:`MAX_FIGURES` figures, by the thing they count."""
    out: dict[str, list[Figure]] = {}
    for fig in analyse(text).figures[:MAX_FIGURES]:
        out.setdefault(fig.unit, []).append(fig)
    # several values of one unit are a table or a comparison ("leads 43 percent to 38 percent"; one
    # rate per group): which referent each counts is not told apart, so none is compared
    return {unit: tuple(figs) for unit, figs in out.items() if len({f.value for f in figs}) == 1}


def _figure_pair(story: _Story, first: Claim, second: Claim,
                 given: dict[tuple[str, str], set[float]]) -> Contradiction | None:
    by_a, by_b = _figures_by_unit(first.content), _figures_by_unit(second.content)
    units = [(u, v) for u, v in product(sorted(by_a), sorted(by_b)) if counts_alike(u, v)]
    if not units or not story.opposed(first, second):
        return None
    a, b = story.auth[first.quote_id], story.auth[second.quote_id]
    for unit, other in units:
        if given.get((a, unit), set()) & given.get((b, other), set()):
            continue  # they gave the same figure at some point: agreement, then an update
        for fa, fb in product(by_a[unit], by_b[other]):
            if not incompatible(fa, fb):
                continue
            context = sorted({x for x in fa.context for y in fb.context if matches(x, y)})
            exact = fa.low == fa.high and fb.low == fb.high
            confidence = min(0.55 + 0.1 * min(len(context), 2) + 0.1 * exact, 0.95)
            if first.article_id == second.article_id and len(context) < 2:
                confidence = min(confidence, SHOWN - 0.05)  # one writer's two figures count two things
            claim, counter = sorted((first, second), key=lambda c: (c.day, c.article_id, c.position))
            return Contradiction("conflicting_figures", round(confidence, 3), claim, counter,
                                 {"unit": unit, "values": [fa.value, fb.value], "context": context})
    return None


def find(claims: Sequence[Claim], stats: Counter[str] | None = None) -> list[Contradiction]:
    """The contradictions among one story's claims, strongest first, without repeats; ``stats["pairs"]``
    grows by the number of claim pairs examined."""
    ordered = sorted(claims, key=lambda c: (c.day, c.article_id, c.position, c.quote_id))
    story = _Story(ordered, stats if stats is not None else Counter())
    found = [*_denials_and_disputes(story), *_conflicting_figures(story)]
    rank = sorted(found, key=lambda x: (-(x.counter.type == "direct"), -x.confidence, x.claim.day, x.counter.day,
                                        _place(x.claim), _place(x.counter)))
    out: list[Contradiction] = []
    seen: set[tuple[object, ...]] = set()
    for item in rank:
        a, b = story.auth[item.claim.quote_id], story.auth[item.counter.quote_id]
        keys = [(item.claim.quote_id, item.counter.article_id), (item.relation, *sorted((a, b))),
                tuple(sorted((item.claim.quote_id, item.counter.quote_id)))]  # one pair of quotes, one relation
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(item)
    return sorted(out, key=lambda x: (x.claim.day, _place(x.claim), _place(x.counter), x.relation))
