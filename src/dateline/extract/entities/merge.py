"""Fold the mentions of one article into clusters, each with the rule that put every mention there.

Rules (``MergeEvidence.rule``): ``exact``, ``name-variant``, ``surname``, ``title+surname``,
``nickname``, ``alias-table``, ``ministry-variant``, ``country-context``, ``short-form``, ``acronym``,
``country-name``, ``demonym``. Ambiguous cases stay apart: a wrong merge is worse than a miss.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from ...model import Mention, Span
from .coordinated import coordinated_names
from .headlines import Headlines, headline_spans, inside
from .names import (
    given_name,
    initials,
    is_acronym,
    is_full_name,
    name_words,
    org_shape,
    other_middle,
    prefix_country,
    suffix,
    surname,
)
from .recover import nickname_of, place
from .shared import Positions, choose, honorific_gender
from .tables import alias_of, constituents, country_word, formal_names, given_names, name_key, strip_name
from .tokens import Tokens


@dataclass
class Cluster:
    """Mentions of one thing, the rule per mention, and the keys it is known by."""

    label: str
    members: list[Mention] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)  # full names no one span holds ("Jon [and Mara] Vell")

    def add(self, mention: Mention, rule: str, keys: set[str] | None = None) -> None:
        self.members.append(mention)
        self.rules.append(rule)
        self.keys |= keys or set()


def _group(
    mentions: list[Mention],
    label: str,
    keys_of: dict[int, dict[str, str]],
    apart: Callable[[str, str], bool] | None = None,
) -> list[Cluster]:
    """Greedy clustering: a mention joins the first cluster sharing one of its keys (key → rule),
    unless ``apart`` says its text and a member's name two different things."""
    clusters: list[Cluster] = []
    index: dict[str, Cluster] = {}
    for m in mentions:
        keys = keys_of[id(m)]
        target = None
        rule = "exact"
        for key, key_rule in keys.items():
            target = index.get(key)
            if target is not None and apart is not None and any(apart(m.text, x.text) for x in target.members):
                target = None
            if target is not None:
                rule = key_rule
                break
        if target is None:
            clusters.append(Cluster(label))
            target = clusters[-1]
        target.add(m, rule, set(keys))
        for key in keys:
            index.setdefault(key, target)
    return clusters


def _person_keys(text: str) -> dict[str, str]:
    """Keys of a full name: itself, its given name and surname, a quoted nickname's ("Bobby") and the
    full form of a short given name's (``nicknames.tsv``: "Joe" → "Joseph")."""
    keys = {
        "name:" + name_key(text): "exact",
        f"gs:{given_name(text)}|{surname(text)}|{suffix(text)}": "name-variant",
    }
    tail = _tail_key(text)
    if tail:
        keys[tail] = "name-variant"
    nickname = nickname_of(text)
    if nickname is not None:
        keys[f"gs:{name_key(nickname)}|{surname(text)}|{suffix(text)}"] = "nickname"
    formal = formal_names().get(given_name(text))  # "Joe Biden" and "Joseph R. Biden"
    if formal is not None:
        keys[f"gs:{formal}|{surname(text)}|{suffix(text)}"] = "nickname"
    return keys


def _tail_key(text: str) -> str:
    """The key a name's last two words give when they may be the name said short: of a longer name
    ("Aung San Suu Kyi", "Rosario Ibarra Montes"), or a two-word name that does not start with
    a known given name ("Suu Kyi", "Ibarra Montes"). No key for a name with a suffix or an
    initial before the surname ("George W. Bush")."""
    words = name_key(text).split()
    if len(words) < 2 or suffix(text) or len(words[-2]) == 1 or len(text.split()) > 4:
        return ""
    if len(words) == 2 and words[0] in given_names():
        return ""
    return "tail:" + " ".join(words[-2:])


def _merge_people(mentions: list[Mention], text: str = "") -> list[Cluster]:
    virtual, unclear = coordinated_names(mentions, text)  # "Jon" in "Jon and Mara Vell" is Jon Vell
    for m in mentions:
        if id(m) in unclear:
            m.unlinked = "ambiguous-given-name: coordinated with another surname than the full name it starts"
    mentions = [m for m in mentions if id(m) not in unclear]
    full = [m for m in mentions if is_full_name(virtual.get(id(m), m.text))]
    short = [m for m in mentions if not is_full_name(virtual.get(id(m), m.text))]
    keys_of = {id(m): _person_keys(virtual.get(id(m), m.text)) for m in full}
    clusters = _group(full, "PERSON", keys_of, other_middle)
    for cluster in clusters:
        cluster.names = [virtual[id(x)] for x in cluster.members if id(x) in virtual]
    by_id = {id(c): c for c in clusters}
    loose: list[Mention] = []
    first_full: dict[str, int] = {}
    for m in full:
        first_full.setdefault(surname(virtual.get(id(m), m.text)), m.span.start)
    # A surname used with a title before any full name with it names someone else too ("Mr. Vell" ...
    # "Mara Vell"): none of its bare uses are merged.
    # A headline says "Clinton" before the article names her in full: that is no cue.
    heads = (
        headline_spans(text)
        if any(m.span.start < first_full.get(surname(m.text), -1) for m in short)
        else Headlines()
    )
    # Only a titled or honorific use counts ("Governor Vell" ... "Mara Vell"): a plain surname in the
    # lead before the full name is that person's ("Ortiz ... Dan Ortiz").
    early = {
        surname(m.text)
        for m in short
        if m.span.start < first_full.get(surname(m.text), -1)
        and not inside(heads, m.span.start)
        and (m.role or honorific_gender(m, text))
    }
    by_surname: dict[str, list[Cluster]] = {}
    where = Positions()
    for cluster in clusters:
        for last in dict.fromkeys(surname(virtual.get(id(x), x.text)) for x in cluster.members):
            by_surname.setdefault(last, []).append(cluster)
    for m in short:
        if surname(m.text) in early:
            loose.append(m)
            continue
        found = by_surname.get(surname(m.text), [])
        if len(found) == 1:
            found[0].add(m, "title+surname" if m.role else "surname")
        elif found:
            target, why = choose(m, found, text, where)
            if target is None:
                m.unlinked = why
            else:
                by_id[id(target)].add(m, why)
        else:
            loose.append(m)
    loose = _two_by_honorific(_given_names(loose, clusters), text)
    clusters += _group(loose, "PERSON", {id(m): {"name:" + name_key(m.text): "exact"} for m in loose})
    return clusters


def _two_by_honorific(loose: list[Mention], text: str) -> list[Mention]:
    """Loose mentions, less those of a name said with both "Mr." and "Mrs." (or "Ms.") and no full
    name to tell the two apart: they stay unlinked, with the reason. Returns the mentions still loose."""
    genders: dict[str, set[str]] = {}
    for m in loose:
        cue = honorific_gender(m, text)
        if cue is not None:
            genders.setdefault(name_key(m.text), set()).add(cue)
    two = {key for key, found in genders.items() if len(found) > 1}
    if not two:
        return loose
    for m in loose:
        if name_key(m.text) in two:
            m.unlinked = "ambiguous-surname: said of a man and of a woman, no full name decides"
    return [m for m in loose if name_key(m.text) not in two]


def _given_names(loose: list[Mention], clusters: list[Cluster]) -> list[Mention]:
    """A lone given name ("Ivanka") joins the one full name in the article that starts with it.

    Returns the mentions still loose."""
    rest = []
    by_given: dict[str, list[Cluster]] = {}
    for c in clusters:
        for key in dict.fromkeys(given_name(x.text) for x in c.members if is_full_name(x.text)):
            by_given.setdefault(key, []).append(c)
    for m in loose:
        found = by_given.get(name_key(m.text), [])
        if len(found) == 1:
            found[0].add(m, "given-name")
        else:
            rest.append(m)
    return rest


def _org_keys(m: Mention) -> dict[str, str]:
    keys = {"name:" + name_key(m.text): "exact"}
    alias = alias_of(m.text)
    if alias is not None:
        keys["alias:" + name_key(alias.canonical)] = "alias-table"
    shape = org_shape(m.text)
    if shape is not None:
        keys[f"shape:{shape.country}:{shape.kind}:{shape.topic}"] = "ministry-variant"
    return keys


def _merge_orgs(mentions: list[Mention], label: str) -> list[Cluster]:
    keys_of = {id(m): _org_keys(m) for m in mentions}
    clusters = _group(mentions, label, keys_of)
    # A bare "Foreign Ministry" joins the one country's foreign ministry named in the article.
    for cluster in list(clusters):
        shapes = {org_shape(m.text) for m in cluster.members}
        bare = [s for s in shapes if s is not None and s.country is None]
        if len(cluster.members) == 0 or not bare or any(s is not None and s.country for s in shapes):
            continue
        kind_topic = {(s.kind, s.topic) for s in bare}
        others = [
            c for c in clusters
            if c is not cluster
            and any((s.kind, s.topic) in kind_topic for s in (org_shape(x.text) for x in c.members) if s and s.country)
        ]  # fmt: skip
        if len(others) == 1:
            _absorb(others[0], cluster, "country-context")
            clusters.remove(cluster)
    _short_forms(clusters)
    # An acronym joins the one organisation whose initials it is.
    by_initials: dict[str, list[Cluster]] | None = None
    for cluster in list(clusters):
        if not all(is_acronym(m.text) for m in cluster.members) or any(
            alias_of(m.text) for m in cluster.members
        ):
            continue
        by_initials = _by_initials(clusters) if by_initials is None else by_initials
        word = cluster.members[0].text
        others = [c for c in by_initials.get(strip_name(word).replace(".", ""), []) if c is not cluster]
        if len(others) == 1:
            _absorb(others[0], cluster, "acronym")
            clusters.remove(cluster)
    return clusters


def _by_initials(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    """Clusters by the acronyms their names make (see :func:`acronym_matches`), in cluster order.

    Acronym-only clusters make none, so absorbing one leaves the index right."""
    out: dict[str, list[Cluster]] = {}
    for c in clusters:
        for x in c.members:
            words = name_words(x.text)
            if is_acronym(x.text) or len(words) < 2:
                continue
            _, rest = prefix_country(words)
            for letters in {initials(x.text), initials(" ".join(rest)) if len(rest) >= 2 else ""} - {""}:
                found = out.setdefault(letters, [])
                if not found or found[-1] is not c:
                    found.append(c)
    return out


_OUTLETS = frozenset({"newspaper", "broadcaster"})


def _outlet(text: str) -> bool:
    alias = alias_of(text)
    return alias is not None and alias.kind in _OUTLETS


def _short_forms(clusters: list[Cluster]) -> None:
    """A one-word name ("the Post") joins the one news outlet of the groups table named before it
    whose name ends in that word ("The Washington Post"); a word that ends two such names (the
    New York and the Los Angeles "Times") stays apart."""
    ends: dict[str, list[Cluster]] | None = None
    for cluster in list(clusters):
        keys = {name_key(m.text) for m in cluster.members}
        if len(keys) != 1 or " " in (word := next(iter(keys))) or is_acronym(cluster.members[0].text):
            continue
        ends = _outlet_ends(clusters) if ends is None else ends
        first = cluster.members[0].span.start
        others = [c for c in ends.get(word, []) if c is not cluster and c.members[0].span.start < first]
        if len(others) == 1:
            _absorb(others[0], cluster, "short-form")
            clusters.remove(cluster)


def _outlet_ends(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    """Clusters holding a news outlet's name of two or more words, by its last word, in cluster order.

    Only one-word clusters are absorbed into them, which adds no such name."""
    out: dict[str, list[Cluster]] = {}
    for c in clusters:
        for x in c.members:
            words = name_key(x.text).split()
            if len(words) > 1 and _outlet(x.text):
                found = out.setdefault(words[-1], [])
                if not found or found[-1] is not c:
                    found.append(c)
    return out


def _absorb(target: Cluster, source: Cluster, rule: str) -> None:
    for m in source.members:
        target.add(m, rule)
    target.keys |= source.keys


def _merge_places(mentions: list[Mention], label: str) -> list[Cluster]:
    """GPE and NORP: every name of one country is one entity ("US", "U.S.", "the United States")."""
    keys_of: dict[int, dict[str, str]] = {}
    for m in mentions:
        word = None if name_key(m.text) in constituents() else country_word(m.text)
        keys = {"name:" + name_key(m.text): "exact"}
        if word is not None and label == "GPE" and word.kind == "name":
            keys["country:" + word.iso3] = "country-name"
        elif word is not None and label == "NORP" and word.kind in {"adjective", "demonym"}:
            keys["people:" + word.iso3] = "demonym"
        keys_of[id(m)] = keys
    return _group(mentions, label, keys_of)


def merge(mentions: list[Mention], text: str = "") -> list[Cluster]:
    """Clusters of ``mentions`` per label, in order of first mention (``text``: the article's, for cues)."""
    clusters: list[Cluster] = []
    for label in dict.fromkeys(m.label for m in mentions):
        group = [m for m in mentions if m.label == label]
        if label == "PERSON":
            clusters += _merge_people(group, text)
        elif label in {"GPE", "NORP"}:
            clusters += _merge_places(group, label)
        else:
            clusters += _merge_orgs(group, label)
    for cluster in clusters:
        order = sorted(range(len(cluster.members)), key=lambda i: place(cluster.members[i]))
        cluster.members = [cluster.members[i] for i in order]
        cluster.rules = [cluster.rules[i] for i in order]
    return sorted(clusters, key=lambda c: place(c.members[0]))


_DESCRIPTION_NOUNS = frozenset({"ministry", "department"})


def attach_descriptions(tk: Tokens, mentions: list[Mention], clusters: list[Cluster]) -> list[Mention]:
    """Fold a later "the ministry" into the one ministry named before it; return the new mentions.

    A description with two candidate organisations before it, or none, is left alone.
    """
    if not any(noun in tk.text for noun in _DESCRIPTION_NOUNS):
        return []
    taken = sorted(m.span for m in mentions)
    starts = [s.start for s in taken]
    reach = list(accumulate((s.end for s in taken), max))  # the furthest end up to each span
    holders: dict[str, list[Cluster]] = {}
    added: list[Mention] = []
    for i in [k for k, word in enumerate(tk.words) if word in _DESCRIPTION_NOUNS]:
        noun = tk.words[i]
        if i == 0 or tk.words[i - 1].lower() != "the":
            continue
        if i + 1 < len(tk) and tk.words[i + 1].lower() in {"of", "for"}:
            continue
        start, end = tk.starts[i], tk.end(i)
        under = bisect_left(starts, end)  # the spans starting before the word ends
        if under and reach[under - 1] > start:
            continue
        if noun not in holders:  # a description joins no cluster it could not have joined before
            holders[noun] = [
                c for c in clusters
                if c.label == "ORG" and any(noun in (w.casefold() for w in m.text.split()) for m in c.members)
            ]  # fmt: skip
        before = [c for c in holders[noun] if c.members[0].span.end <= start]
        if len(before) == 1:
            mention = Mention(Span(start, end), noun, "ORG")
            before[0].add(mention, "definite-description")
            added.append(mention)
    return added
