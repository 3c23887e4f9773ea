"""Corpus-wide entity linking: which stored entity a new one is, decided here; the store only writes.

Two parts, both independent of the order articles arrive in:

- :meth:`CorpusLinker.match`, asked by the writer for every entity it stores: full names join the
  same full name (exact, name variant, close spelling), never a different full name and never a bare
  surname; a bare surname ("Clinton") is held under that bare name; other things follow
  :func:`dateline.extract.entities.matching.match_corpus`.
- :meth:`CorpusLinker.plan`, run once the corpus is written: every article's held bare surname goes
  to the full-name person whose context agrees (people named in the same article, roles, country,
  how often each is named), with a confidence and the evidence; too close a call stays held. A
  person named in the article beside several candidates counts for each by how often it is named
  with it elsewhere ("Trump" beside a bare "Clinton" points to Hillary far more than to Bill).

A one-word name never bridges two people: it goes to a person through its surname, or through a
given name only when its own article names people that person is named with elsewhere and no title
makes it a surname ("Rep. Omar" is never "Omar Lamrani"). A surname two known people share moves
only on context that tells them apart; otherwise it stays held and :attr:`CorpusLinker.held` says
why. A move resting on no evidence from its own article (one candidate, nothing shared) is recorded
with an ``uncertain-`` rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..extract.entities.matching import corpus_keys, match_corpus
from ..extract.entities.names import (
    given_name,
    is_full_name,
    middle_initials,
    same_given,
    spelling_key,
    suffix,
    surname,
)
from ..extract.entities.tables import first_names, given_names
from ..model import Entity

#: A plan's pick must lead the runner-up by this much (scores are 0..1).
MARGIN = 0.15
#: Without context from its article, a bare surname goes to the person named this many times as often
#: as any other of that surname (recorded as uncertain), else it stays held.
DOMINANT = 5
#: A lone given name with nothing from its article goes to the one person of that given name only when
#: that person is named this often in the corpus ("Hillary"), and is recorded as uncertain.
KNOWN_BY_GIVEN_NAME = 20


@dataclass(frozen=True)
class Decision:
    """The stored entity a new one is, the rule, how sure, and what supports it."""

    target: Entity
    rule: str
    confidence: float
    evidence: str = ""


@dataclass(frozen=True)
class Move:
    """Move the mentions of a held bare name in one article to a person."""

    source_id: str
    article_id: str
    target_id: str
    rule: str
    confidence: float
    evidence: str


@dataclass
class Person:
    """A stored full-name person as the plan sees it (filled from ``people`` rows)."""

    id: str
    name: str
    country: str | None
    mentions: int
    roles: set[str] = field(default_factory=set)
    neighbours: Counter[str] = field(default_factory=Counter)


def _full_names(entity: Entity) -> set[tuple[str, str, str, str]]:
    names = [entity.name, *entity.aliases]
    return {
        (given_name(n), surname(n), suffix(n), middle_initials(n))
        for n in names
        if is_full_name(n) and n[:1].isupper()
    }


def _different_people(a: Entity, b: Entity) -> bool:
    """Both carry full names with one surname but different given names, suffixes or middle initials
    (Chelsea ≠ Hillary, Ivana ≠ Ivanka, George W. ≠ George H.W.; "Bill" and "William" may be one
    person, see :func:`same_given`)."""
    mine, theirs = _full_names(a), _full_names(b)
    my_middle, their_middle = {x[3] for x in mine if x[3]}, {y[3] for y in theirs if y[3]}
    if my_middle and their_middle and not my_middle & their_middle:
        return True
    return bool(mine and theirs) and not any(
        x[1] == y[1] and x[2] == y[2] and same_given(x[0], y[0]) for x in mine for y in theirs
    )


def _given_word(name: str) -> bool:
    """A word known as a given name (``given_names.tsv``, ``first_names.txt``)."""
    key = given_name(name)
    return key in given_names() or key in first_names()


class CorpusLinker:
    """The writer's linking rules: blocking keys, the match for a new entity, and the surname plan.

    ``held`` lists, after :meth:`plan`, the one-word names it left where they were: (entity id,
    article id, reason)."""

    def __init__(self) -> None:
        self.held: list[tuple[str, str, str]] = []

    @staticmethod
    def surname(name: str) -> str:
        """Key of a person's surname ("Clinton" → "clinton")."""
        return surname(name)

    @staticmethod
    def name_parts(name: str) -> tuple[str, ...]:
        """Keys a held one-word name may match: the surname and the given name."""
        return surname(name), spelling_key(given_name(name))

    def keys(self, entity: Entity) -> set[str]:
        """Blocking keys (see :func:`dateline.extract.entities.matching.corpus_keys`)."""
        return corpus_keys(entity)

    def match(self, entity: Entity, candidates: Sequence[Entity]) -> Decision | None:
        """The stored entity ``entity`` is, or None (store it as new)."""
        if entity.type == "PERSON":
            return self._match_person(entity, candidates)
        hit = match_corpus(entity, candidates)
        return Decision(hit[0], hit[1], 1.0 if hit[1] == "exact" else 0.9) if hit else None

    def _match_person(self, entity: Entity, candidates: Sequence[Entity]) -> Decision | None:
        full = is_full_name(entity.name)
        pool = [c for c in candidates if c.type == "PERSON" and is_full_name(c.name) == full]
        if full:
            pool = [c for c in pool if not _different_people(entity, c)]
            hit = match_corpus(entity, pool)
            if hit is None or hit[1] == "surname":
                return None
            return Decision(hit[0], hit[1], 1.0 if hit[1] == "exact" else 0.9)
        same = [c for c in pool if c.name == entity.name]
        return Decision(same[0], "held-surname", 1.0) if len(same) == 1 else None

    def plan(self, held: Sequence[dict[str, Any]], people: Sequence[dict[str, Any]]) -> list[Move]:
        """Moves for held bare surnames.

        ``held`` rows: ``entity_id``, ``article_id``, ``name``, ``roles`` (set) and ``neighbours``
        (entity ids named in that article). ``people`` rows: the fields of :class:`Person`.
        """
        by_surname: dict[str, list[Person]] = {}
        by_given: dict[str, list[Person]] = {}
        for person in (Person(**row) for row in people):
            by_surname.setdefault(surname(person.name), []).append(person)
            by_given.setdefault(spelling_key(given_name(person.name)), []).append(person)
        self.held = []
        moves: list[Move] = []
        placed: dict[tuple[str, str], str] = {}  # (article, held id) -> person id
        # surnames with one candidate first, then lone given names, so that the others see them placed
        # ("Comey" → James Comey)
        rank = {1: 0, 0: 1}
        ordered = sorted(
            held, key=lambda r: (rank.get(len(by_surname.get(surname(r["name"]), [])), 2), r["article_id"])
        )
        for row in ordered:
            seen = {placed.get((row["article_id"], n), n) for n in row["neighbours"]}
            found = by_surname.get(surname(row["name"]), [])
            move = self._named_in_article(row, found, placed)
            if move is None and found:
                move = self._decide(dict(row, neighbours=seen), found)
            elif move is None:
                move = self._by_given(dict(row, neighbours=seen), by_given.get(surname(row["name"]), []))
            if move is not None:
                moves.append(move)
                placed[(move.article_id, move.source_id)] = move.target_id
        return moves

    @staticmethod
    def _named_in_article(
        row: dict[str, Any], people: list[Person], placed: dict[tuple[str, str], str]
    ) -> Move | None:
        """A bare surname goes to the one candidate a lone given name in the same article was placed
        with ("Hillary ... the Clinton campaign")."""
        targets = {placed.get((row["article_id"], n)) for n in row["neighbours"]}
        named = [p for p in people if p.id in targets and surname(p.name) == surname(row["name"])]
        if len(named) != 1 or not is_full_name(named[0].name):
            return None
        person = named[0]
        return Move(
            row["entity_id"], row["article_id"], person.id, "given-name-in-article", 0.9,
            f"{person.name} is named by a given name in the article",
        )  # fmt: skip

    def _hold(self, row: dict[str, Any], reason: str) -> None:
        self.held.append((row["entity_id"], row["article_id"], reason))

    def _by_given(self, row: dict[str, Any], people: list[Person]) -> Move | None:
        """A lone given name ("Hillary") with no one of that surname: to the one person with that given
        name whom its article's other names point to, never when a title makes it a surname."""
        if not people:
            return None
        if row["roles"] or not _given_word(row["name"]):
            self._hold(row, f"{row['name']} is used as a surname; no one has it as surname")
            return None
        backed = [p for p in people if any(p.neighbours.get(n) for n in row["neighbours"])]
        if len(backed) == 1:
            person = backed[0]
            shared = sorted(n for n in row["neighbours"] if person.neighbours.get(n))
            return Move(
                row["entity_id"], row["article_id"], person.id, "given-name", 0.7,
                f"given name of {person.name}; shares {len(shared)} named in the article",
            )  # fmt: skip
        if len(people) == 1 and not backed and people[0].mentions >= KNOWN_BY_GIVEN_NAME:
            person = people[0]  # "Hillary" in a headline: the one much-named person of that given name
            return Move(
                row["entity_id"], row["article_id"], person.id, "uncertain-given-name", 0.5,
                f"the one {row['name']} named in the corpus ({person.name}, {person.mentions} mentions)",
            )  # fmt: skip
        self._hold(row, f"{row['name']} is a given name; the article names no one it goes with")
        return None

    @staticmethod
    def _tells_apart(row: dict[str, Any], best: Person, runner: Person, shared: list[str], roles: set[str]) -> bool:
        """The article points at ``best`` and not at ``runner``: a role of ``best`` that ``runner`` lacks,
        or (when the article gives no role ``best`` lacks: "Governor Vell" is neither of two Vells
        known without that role) someone it names who is named with ``best`` only; else ``best`` is much
        named and far more often than ``runner``."""
        if roles and not row["roles"] & runner.roles:
            return True
        if not (row["roles"] - roles) and any(not runner.neighbours.get(n) for n in shared):
            return True
        return best.mentions >= max(DOMINANT * runner.mentions, KNOWN_BY_GIVEN_NAME)

    def _decide(self, row: dict[str, Any], people: list[Person]) -> Move | None:
        if not people:
            return None
        total = sum(p.mentions for p in people) or 1
        # a neighbour named with several candidates counts for each by how often it is named with it
        together = {n: sum(p.neighbours.get(n, 0) for p in people) for n in row["neighbours"]}
        scored = []
        for p in people:
            shared = sorted(n for n in row["neighbours"] if p.neighbours.get(n))
            roles = row["roles"] & p.roles
            context = min(sum(p.neighbours[n] / together[n] for n in shared) / 3, 1.0)
            score = 0.5 * context + 0.2 * bool(roles) + 0.3 * p.mentions / total
            scored.append((score, p, shared, roles))
        scored.sort(key=lambda s: (-s[0], s[1].id))
        best, person, shared, roles = scored[0]
        if len(scored) == 1:
            rule, confidence = "surname", 0.8 + 0.2 * min(len(shared) / 3, 1.0)
        elif best - scored[1][0] >= MARGIN and self._tells_apart(row, person, scored[1][1], shared, roles):
            rule, confidence = "context", round(best / (best + scored[1][0]), 3)
        else:
            names = " and ".join(sorted(p.name for _, p, _, _ in scored[:2]))
            self._hold(row, f"surname shared by {names}; the article does not tell them apart")
            return None
        if not shared and not roles:
            rule, confidence = f"uncertain-{rule}", min(confidence, 0.6)
        parts = [f"only {person.name}"] if len(scored) == 1 else [f"over {scored[1][1].name}"]
        parts += [f"shares {len(shared)} named in the article"] if shared else []
        parts += [f"role {', '.join(sorted(roles))}"] if roles else []
        return Move(
            row["entity_id"], row["article_id"], person.id, rule, round(confidence, 3), "; ".join(parts)
        )


def corpus_rules() -> CorpusLinker:
    """The linker a normal ingest gives the writer."""
    return CorpusLinker()
