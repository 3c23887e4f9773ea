"""Who published a page, and who wrote it: a readable outlet name and a byline of names only.

The outlet comes from the first of: ``og:site_name``, the publisher named in the page's JSON-LD,
``application-name``, the extractor's site name, the host. A candidate that is a URL, a bare host
word the extractor capitalised ("Nj" for nj.com) or a placeholder (``data/clean/outlet_placeholders.txt``:
"Hosted", "Home") is passed over. A host is mapped to a name by ``data/clean/outlet_hosts.tsv``
("hosted.apnews.com" -> "Associated Press"), else shown as its registered domain ("shorebulletin.com").
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from ..tables import read_table

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.|^[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
#: Second-level labels under which a country's registered domains sit ("bbc.co.uk", "smh.com.au").
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


@lru_cache(maxsize=1)
def host_names() -> dict[str, str]:
    """``host -> outlet name`` from ``data/clean/outlet_hosts.tsv``."""
    return {row[0].strip().lower(): row[1].strip() for row in read_table("clean/outlet_hosts.tsv", width=2)
            if row[0].strip() and row[1].strip()}


@lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    """Folded words that stand where an outlet's name belongs but name none."""
    return frozenset(row[0].strip().casefold() for row in read_table("clean/outlet_placeholders.txt", width=1))


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def host_outlet(host: str | None) -> str | None:
    """The outlet a host publishes under: a listed name, else the registered domain."""
    if not host:
        return None
    names = host_names()
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = names.get(".".join(labels[start:]))
        if name:
            return name
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def usable_outlet(name: str | None, host: str | None) -> str | None:
    """``name`` tidied, or None when it names no outlet (a URL, a placeholder, a capitalised host word)."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" |-–—·:")
    if len(name) < 2 or not _LETTER.search(name) or _URL.search(name):
        return None
    if name.casefold() in placeholders():
        return None
    if host and name.casefold() in host.split("."):
        return None  # "Nj" for nj.com: a host word, not the name the outlet uses
    return name


def choose_outlet(candidates: list[str | None], url: str | None) -> str | None:
    """The first usable candidate (in the order given), else the outlet of the page's host (or of the
    host a candidate written as a URL names)."""
    host = host_of(url)
    for candidate in candidates:
        name = usable_outlet(candidate, host)
        if name:
            return name
    if host is None:  # a site name given as a URL still tells the host
        host = next((h for c in candidates if c and (h := host_of(c if "//" in c else f"//{c}"))), None)
    return host_outlet(host)


_ABOUT_AUTHOR = re.compile(
    r"\s+(?:is|was|has|had|covers|covered|writes|wrote|reports|reported|joined|edits|leads|works|"
    r"lives|based|holds|serves|served|teaches|contributes|can\s+be|specialises|specializes)\b.*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:;|\||\band\b|&|,)\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|al-\w+)$")
_ROLE = re.compile(
    r"^(?:for|from|at|of|in)\b|\b(?:editor|correspondent|reporter|writer|staff|contributor|columnist|"
    r"producer|bureau|chief|desk|analyst|critic|service|agency|wire|news)\b",
    re.IGNORECASE,
)


def clean_byline(byline: str | None) -> str | None:
    """Names only: "By Jane Doe" -> "Jane Doe"; "Dana Ortiz is a reporter covering ..." -> "Dana Ortiz";
    "Greg Tamsin | For the Shore Bulletin" -> "Greg Tamsin"; "Helen Carver, Political Editor" ->
    "Helen Carver". None when nothing name-like is left."""
    if not byline:
        return None
    text = " ".join(byline.split())
    text = re.sub(r"^(?:by|written by|words by)\s*:?\s+", "", text, flags=re.IGNORECASE)
    text = _ABOUT_AUTHOR.sub("", text.split(". ")[0]).strip(" .,;|")
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .")
        words = part.split()
        if not words or _ROLE.search(part) or not all(_NAME_WORD.match(w) for w in words):
            continue
        if len(words) <= 5 and part not in names:
            names.append(part)
    return ", ".join(names) or None
