"""Markup to plain text with paragraphs kept, and the bits of page metadata readers need."""

from __future__ import annotations

import html
import re
from typing import Any

import lxml.html
from lxml import etree

from ..model import Caption

_PARAGRAPH = "\u2029"
_LINE = "\u2028"
#: HTML block elements plus the ones trafilatura writes (head, item, quote, list, row, cell).
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
    "figure", "figcaption", "main", "address", "hr", "head", "item", "quote", "list", "row",
})  # fmt: skip
_LINES = frozenset({"br", "lb"})
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "form", "button"})
_SPACES = re.compile(r"[^\S\u2028\u2029]+")


def element_to_text(element: Any) -> str:
    """Text of an lxml element: paragraphs separated by a blank line, ``<br>`` kept as a newline."""
    parts: list[str] = []
    _collect(element, parts)
    return _tidy("".join(parts))


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (feed content, summaries). Text without tags is unescaped."""
    if "<" not in markup:
        return _tidy(html.unescape(markup).replace("\n\n", _PARAGRAPH))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    return element_to_text(root)


def _collect(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    name = etree.QName(tag).localname.lower() if tag else ""
    if name in _SKIP:
        return
    block = name in _BLOCKS
    if block:
        parts.append(_PARAGRAPH)
    if name in _LINES:
        parts.append(_LINE)
    if tag and element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append(_PARAGRAPH)


def _tidy(text: str) -> str:
    paragraphs = []
    for block in _SPACES.sub(" ", text).split(_PARAGRAPH):
        lines = [line.strip() for line in block.split(_LINE)]
        kept = "\n".join(line for line in lines if line)
        if kept:
            paragraphs.append(kept)
    return "\n\n".join(paragraphs)


# -- captions -----------------------------------------------------------------------------

_AGENCIES = (
    r"REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Getty Images|Anadolu(?: Agency)?|Xinhua|dpa|DPA|ANSA|SPA|WAFA|"
    r"IRNA|SANA|UPI|Bloomberg|Shutterstock|Alamy|PA(?: Images)?"
)
_AGENCY = rf"\b(?:{_AGENCIES})\b"
_CREDIT_PATTERNS = (
    # "... REUTERS/Ahmed Saad", "AP Photo/Hussein Malla"
    re.compile(rf"\s*[(\[]?({_AGENCY}(?: Photo)?\s*/\s*[^()\[\]/]+?(?:\s*/\s*{_AGENCY})?)[)\]]?\.?\s*$"),
    # "Photo: Name", "Photograph: Name/Agency", "Credit: ...", "© Name"
    re.compile(
        r"\s*[(\[]?((?:Photo(?:graph)?|Picture|Image|Credit|Courtesy|File photo)\s*(?::|by)\s*[^()\[\]]+?)[)\]]?\.?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"\s*[(\[]?(©\s*[^()\[\]]+?)[)\]]?\.?\s*$"),
    # "(AFP)", "- AFP", "Crowds gather. AFP", "via Getty Images"
    re.compile(rf"\s*[(\[]((?:[\w.'\- ]+? via )?{_AGENCY}[^()\[\]]*)[)\]]\.?\s*$"),
    re.compile(rf"\s*[-–—|/]\s*((?:[\w.'\- ]+? via )?{_AGENCY})\.?\s*$"),
    re.compile(rf"(?<=[.!?])\s+((?:[\w.'\- ]+? via )?{_AGENCY})\.?\s*$"),
    # a trailing parenthesis naming a media source: "(the government media)", "(SANA via AP)"
    re.compile(
        r"\s*[(\[]([^()\[\]]*\b(?:media|agency|press office|photo|handout|via)\b[^()\[\]]*)[)\]]\.?\s*$",
        re.IGNORECASE,
    ),
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|attribution", re.IGNORECASE)


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit off a caption: ``("Smoke rises.", "REUTERS/Ahmed Saad")``."""
    text = " ".join(text.split())
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(text)
        if match and match.start() > 0:
            return text[: match.start()].rstrip(" -–—|,;"), match.group(1).strip()
    return text, None


_SHARE_WORDS = frozenset({
    "facebook", "twitter", "x", "link", "more", "mail", "email", "share", "whatsapp", "linkedin", "print",
    "copy", "reddit", "telegram", "pinterest", "close", "next", "previous", "prev", "expand", "fullscreen",
})
_GALLERY = re.compile(r"^(?:(?:image|photo|slide|picture)\s+)?\d+\s*(?:of|/)\s*\d+\b", re.IGNORECASE)


def _not_a_caption(text: str) -> bool:
    """A share-button list ("Facebook, Twitter, Link, More, Mail") or a gallery strip ("3 of 12")."""
    words = [w for w in re.split(r"[\s,;|/•·]+", text.casefold()) if w]
    return bool(words) and all(w in _SHARE_WORDS for w in words) or bool(_GALLERY.match(text.strip()))


def figure_captions(tree: Any) -> list[Caption]:
    """``Caption`` objects for every ``<figcaption>`` of a parsed page, in order, without repeats."""
    captions: list[Caption] = []
    seen: set[str] = set()
    for node in tree.iter("figcaption"):
        credit_nodes = [
            child
            for child in node.iter()
            if child is not node
            and isinstance(child.tag, str)  # comments and processing instructions have no class
            and (child.tag in ("cite", "small") or _CREDIT_CLASS.search(child.get("class") or ""))
        ]
        credit = " ".join(" ".join(c.text_content().split()) for c in credit_nodes).strip() or None
        for child in credit_nodes:
            child.drop_tree()
        text, found = split_credit(node.text_content())
        credit = credit or found
        if _not_a_caption(text):
            continue
        if text and text not in seen:
            seen.add(text)
            captions.append(Caption(text=text, credit=credit))
    return captions


# -- page metadata ------------------------------------------------------------------------

def meta_content(tree: Any, key: str) -> str | None:
    """The ``content`` of the first ``<meta property|name=key>``."""
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == key and meta.get("content"):
            return str(meta.get("content")).strip() or None
    return None


def page_language(tree: Any) -> str | None:
    """Primary language subtag of ``<html lang>`` (``"en-GB"`` gives ``"en"``)."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    code = lang.split("-")[0].split("_")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def canonical_url(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return str(link.get("href")).strip()
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return str(meta.get("content")).strip()
    return None
