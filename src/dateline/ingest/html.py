"""One HTML page to one Article, with trafilatura for the body and metadata."""

from __future__ import annotations

import codecs
import copy
import logging
import re
from typing import Any

import lxml.html
from lxml import etree

from ..model import Article, Drop, Provenance
from ..vocab import DropReason
from .common import decode_utf8, dropped
from .dates import parse_published
from .markup import canonical_url, element_to_text, figure_captions, meta_content, page_language
from .outlets import choose_outlet, clean_byline
from .page import clean_title, confirmed_date, not_an_article, site_names
from .pagemeta import json_ld_authors, json_ld_publisher, published_with_source, url_day
from .strip import strip_furniture

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOILERPLATE_PARENTS = frozenset({"nav", "header", "footer", "aside", "form"})
_NEVER_CLOSED = ("script", "style", "title", "textarea")
_log = logging.getLogger(__name__)


def read_html(data: bytes, *, url: str | None = None, charset: str | None = None) -> Article:
    """Requires the page bytes; returns an article with ``text``, ``title``, ``byline``, ``outlet``,
    ``url``, ``published``, ``language`` and ``captions`` set, or a drop (``bad_utf8``,
    ``malformed_html``, ``no_text``).

    ``charset`` is the one an HTTP header declared (WARC); else ``<meta charset>``; else UTF-8.
    """
    markup = _decode(data, charset)
    if isinstance(markup, Drop):
        return dropped(markup.reason, markup.detail)
    markup = _XML_DECLARATION.sub("", markup)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        return dropped("malformed_html", f"the HTML cannot be parsed ({exc})")
    meta = _page_meta(tree)
    standfirst = strip_furniture(tree)
    extracted = _extract(tree, url)
    sites = site_names(getattr(extracted, "sitename", None), meta_content(tree, "og:site_name"))
    title = _first(*(clean_title(t, sites) for t in (
        getattr(extracted, "title", None), meta_content(tree, "og:title"), tree.findtext(".//h1"),
        tree.findtext(".//title"))))
    text = _body_text(extracted, title) or _fallback_text(tree)
    if not text:
        return dropped(*_why_empty(markup, title))
    why_not = not_an_article(text, [c.text for c in meta["captions"]], title)
    if why_not:
        return dropped("not_an_article", why_not)
    page_url = _first(getattr(extracted, "url", None), canonical_url(tree))
    published_raw, source = _published(meta["published"], extracted, url, page_url)
    provenance = Provenance(
        canonical_url=page_url if url and page_url and page_url != url else None,
        description=getattr(extracted, "description", None) or standfirst or None,
        published_source=source,
        standfirst=standfirst,
    )
    outlets = [meta["site_name"], meta["publisher"], meta_content(tree, "application-name"),
               getattr(extracted, "sitename", None)]
    return Article(
        text=text,
        format="html",
        title=title,
        byline=clean_byline(_first(meta["author"], getattr(extracted, "author", None))),
        outlet=choose_outlet(outlets, url or page_url),
        url=url or page_url,
        published=parse_published(published_raw) if published_raw else None,
        published_raw=published_raw,
        language=page_language(tree) or "en",
        captions=meta["captions"],
        provenance=provenance,
    )


def _page_meta(tree: Any) -> dict[str, Any]:
    """What the page states about itself, read before any furniture leaves the tree."""
    return {
        "published": published_with_source(tree),
        "site_name": meta_content(tree, "og:site_name"),
        "publisher": json_ld_publisher(tree),
        "author": json_ld_authors(tree),
        "captions": figure_captions(tree),
    }


def _published(stated: tuple[str, str] | None, extracted: Any, *urls: str | None) -> tuple[str | None, str | None]:
    """The date the page states (and where), else the day in its URL path, else the extractor's guess
    when the URL carries it."""
    if stated is not None:
        return stated
    for url in urls:
        day = url_day(url)
        if day:
            return day, "url"
    for url in urls:
        guessed = confirmed_date(getattr(extracted, "date", None), url)
        if guessed:
            return guessed, "url"
    return None, None


def _decode(data: bytes, charset: str | None) -> str | Drop:
    declared = charset
    if not declared:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    codec = _codec(declared)
    if codec is None or codec == "utf-8":
        return decode_utf8(data)
    return data.decode(codec, errors="replace")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _extract(tree: Any, url: str | None) -> Any:
    import trafilatura  # imported on the first page: ingests of text, JSON lines or feeds never need it

    try:
        return trafilatura.bare_extraction(
            copy.deepcopy(tree),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on odd pages; fall back to <p> text
        _log.debug("trafilatura failed on %s: %s", url, exc)
        return None


def _body_text(extracted: Any, title: str | None) -> str:
    body = getattr(extracted, "body", None)
    if body is None:
        return ""
    paragraphs = element_to_text(body).split("\n\n")
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(p for p in paragraphs if p)


def _fallback_text(tree: Any) -> str:
    """Text of the ``<p>`` elements outside navigation, for pages too short for trafilatura."""
    paragraphs = []
    for node in tree.iter("p"):
        if any(parent.tag in _BOILERPLATE_PARENTS for parent in node.iterancestors()):
            continue
        text = element_to_text(node)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _why_empty(markup: str, title: str | None) -> tuple[DropReason, str]:
    tail = markup.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        return "malformed_html", "the markup is cut off inside a tag and holds no article text"
    if markup.count("<!--") > markup.count("-->"):
        return "malformed_html", "an HTML comment is never closed, so the page holds no readable text"
    lower = markup.lower()
    for tag in _NEVER_CLOSED:
        if lower.count(f"<{tag}") > lower.count(f"</{tag}"):
            return "malformed_html", f"a <{tag}> element is never closed, so the page holds no readable text"
    named = f" titled “{title}”" if title else ""
    return "no_text", f"the page{named} holds no article text"


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
