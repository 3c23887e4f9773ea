"""Where pages state their publication date, publisher and author, read with the place it came from.

Dates are looked for in this order, and the first found wins; its source is kept:

- ``meta:<name>``: ``<meta>`` tags (``article:published_time``, Open Graph, Dublin Core,
  ``itemprop="datePublished"``, ``pubdate`` ...);
- ``itemprop``: any element marked ``itemprop="datePublished"`` (its ``content`` or ``datetime``,
  else its text: ``<time itemprop="datePublished">November 19, 2019</time>``);
- ``json-ld``: ``datePublished`` in JSON-LD, read tolerantly (trailing commas, raw line breaks
  inside strings, comments; at worst the one key is read from the text);
- ``time``: a ``<time datetime>`` inside the article (else anywhere outside navigation, footers and
  teaser blocks);
- ``url``: a day in the page's URL path (``/2019/11/19/``, ``/2019-11-19/``, ``/20191119/``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from .dates import parse_published

DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "article:published",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
    "originalpublicationdate", "cxenseparse:recs:publishtime",
)  # fmt: skip
_ASIDE_TAGS = frozenset({"aside", "nav", "footer"})
_ASIDE_CLASS = re.compile(r"related|teaser|recommend|promo|sidebar|more-|trending|popular|newsletter", re.I)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_COMMENT = re.compile(r"<!--|-->|/\*.*?\*/|^\s*//[^\n]*$", re.DOTALL | re.MULTILINE)
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_URL_DAY = re.compile(r"/((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/._-]|$)")


def published_with_source(tree: Any) -> tuple[str, str] | None:
    """``(the date as the page states it, where it was found)``, or None."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key in DATE_META and value and key not in found:
            found[key] = value
    for key in DATE_META:
        if key in found:
            return found[key], f"meta:{key}"
    for node in tree.iter():
        if isinstance(node.tag, str) and (node.get("itemprop") or "").strip().lower() == "datepublished":
            value = node.get("content") or node.get("datetime") or " ".join(node.text_content().split())
            if value and value.strip() and parse_published(value.strip()) is not None:
                return value.strip(), "itemprop"
    for value in json_ld_values(tree, "datePublished"):
        return value, "json-ld"
    times = [node for node in tree.iter("time") if (node.get("datetime") or "").strip() and not _aside(node)]
    inside = [node for node in times if any(p.tag == "article" for p in node.iterancestors())]
    for node in inside or times:
        return str(node.get("datetime")).strip(), "time"
    return None


def url_day(url: str | None) -> str | None:
    """The ISO day a URL path carries (``/2019/11/19/``), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    match = _URL_DAY.search(path)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(3)), int(match.group(4))).isoformat()
    except ValueError:
        return None


def _aside(node: Any) -> bool:
    """Inside navigation, a footer, or a related-stories or teaser block."""
    for parent in node.iterancestors():
        if parent.tag in _ASIDE_TAGS:
            return True
        if _ASIDE_CLASS.search(f"{parent.get('class') or ''} {parent.get('id') or ''}"):
            return True
    return False


def json_ld_objects(tree: Any) -> Iterator[Any]:
    """Each JSON-LD block of the page, parsed tolerantly; a block that cannot be read yields its text."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        yield read_json_tolerantly(script.text)


def read_json_tolerantly(text: str) -> Any:
    """JSON as pages write it: control characters inside strings, trailing commas, comments and
    CDATA markers are allowed. Returns the parsed value, or the cleaned text when even that fails."""
    cleaned = _CDATA.sub("", _COMMENT.sub("", text)).strip().rstrip(";")
    for attempt in (cleaned, _TRAILING_COMMA.sub(r"\1", cleaned)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return cleaned


def json_ld_values(tree: Any, key: str) -> Iterator[str]:
    """String values of ``key`` anywhere in the page's JSON-LD (from the text, when a block cannot be parsed)."""
    pattern = re.compile(rf'"{re.escape(key)}"\s*:\s*"((?:[^"\\]|\\.)*)"')
    for data in json_ld_objects(tree):
        if isinstance(data, str):
            yield from (m.group(1).strip() for m in pattern.finditer(data) if m.group(1).strip())
        else:
            yield from _find_key(data, key)


def json_ld_publisher(tree: Any) -> str | None:
    """The name of the publisher the page's JSON-LD gives."""
    for data in json_ld_objects(tree):
        for publisher in _find_objects(data, "publisher"):
            name = publisher.get("name") if isinstance(publisher, dict) else publisher
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def json_ld_authors(tree: Any) -> str | None:
    """The author names the page's JSON-LD gives, joined with ``; ``."""
    names: list[str] = []
    for data in json_ld_objects(tree):
        for author in _find_objects(data, "author"):
            for one in author if isinstance(author, list) else [author]:
                name = one.get("name") if isinstance(one, dict) else one
                if isinstance(name, str) and name.strip() and name.strip() not in names:
                    names.append(name.strip())
    return "; ".join(names) or None


def _find_key(data: Any, key: str) -> Iterator[str]:
    for value in _find_objects(data, key):
        if isinstance(value, str) and value.strip():
            yield value.strip()


def _find_objects(data: Any, key: str) -> Iterator[Any]:
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for item in data.values():
            yield from _find_objects(item, key)
    elif isinstance(data, list):
        for item in data:
            yield from _find_objects(item, key)
