"""Page furniture taken out of the markup before the body is extracted.

An element goes when its ``class`` or ``id`` names furniture (a related-stories list, a sidebar, a
newsletter or subscription box, a share, listen or print widget, a hover card or tooltip, a rights
notice, an author's bio, a pull quote that repeats the text) or when it is a tooltip (``role="tooltip"``) or hidden (``hidden``). The
dek under the headline (``standfirst``, ``dek``, ``subtitle`` ...) is taken out and returned apart.
An element that holds the headline or most of the page's paragraph text is never removed, so a
container whose class happens to name furniture cannot take the article with it.
"""

from __future__ import annotations

import re
from typing import Any

#: Class or id words of furniture: matched against each class token, between word edges or dashes.
_FURNITURE = re.compile(
    r"(?:^|[-_])(?:related|recirc|sidebar|side-bar|newsletters?|signup|sign-up|subscribe|subscription|paywall|"
    r"promo|promos|share|sharing|social|listen|audio|audio-player|text-to-speech|tts|print|article-tools|"
    r"tools|toolbar|hover-?card|hovercard|tooltip|popover|popup|rights|copyright|reprints?|licensing|"
    r"outbrain|taboola|most-popular|most-read|mostread|trending|recommended|recommendations|read-more|"
    r"more-stories|more-from|read-next|up-next|author-bio|bio|about-author|ad|ads|advert|advertisement|"
    r"sponsored|breadcrumbs?|comments?|pull-?quote|pullquotes?)(?:$|[-_])",
    re.IGNORECASE,
)
_DEK = re.compile(
    r"(?:^|[-_])(?:standfirst|dek|deck|subhead|sub-headline|subheadline|subtitle|strapline|summary-lead|"
    r"article-summary|sub-title)(?:$|[-_])",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"byline|by-line|author|timestamp|dateline|publish|posted|story-meta|article-meta", re.IGNORECASE)
_KEEP_TAGS = frozenset({"html", "body", "main", "article", "head"})
#: Share of the page's paragraph text above which an element is never removed.
MOST_TEXT = 0.5


def strip_furniture(tree: Any) -> str | None:
    """Remove furniture elements from ``tree`` (in place); returns the dek's text, if the page marks one."""
    total = _paragraph_chars(tree)
    standfirst: str | None = None
    doomed: list[Any] = []
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag.lower() in _KEEP_TAGS:
            continue
        if any(node is d or _inside(node, d) for d in doomed):
            continue
        tokens = _tokens(node)
        if standfirst is None and any(_DEK.search(t) for t in tokens) and _is_text_block(node):
            standfirst = " ".join(node.text_content().split()) or None
            doomed.append(node)
        elif _is_furniture(node, tokens) and not _holds_article(node, total):
            doomed.append(node)
    if standfirst is None:
        dek = _dek_above_byline(tree)
        if dek is not None:
            standfirst = " ".join(dek.text_content().split())
            doomed.append(dek)
    for node in doomed:
        node.drop_tree()  # keeps the text that follows the element (its tail)
    return standfirst


def _dek_above_byline(tree: Any) -> Any | None:
    """A text block right under the headline that the byline or date line follows: the dek, even
    unmarked (``<h1>``, ``<p>dek</p>``, ``<div class="author">``)."""
    headline = next(iter(tree.iter("h1")), None)
    if headline is None:
        return None
    block = headline.getnext()
    while block is not None and not isinstance(block.tag, str):
        block = block.getnext()
    after = block.getnext() if block is not None else None
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if block is None or after is None or not _is_text_block(block) or block.tag.lower() == "div":
        return None
    return block if _BYLINE.search(" ".join(_tokens(after))) else None


def _tokens(node: Any) -> list[str]:
    return f"{node.get('class') or ''} {node.get('id') or ''}".split()


def _is_furniture(node: Any, tokens: list[str]) -> bool:
    if (node.get("role") or "").lower() == "tooltip" or node.get("hidden") is not None:
        return True
    return any(_FURNITURE.search(t) for t in tokens)


def _is_text_block(node: Any) -> bool:
    return node.tag.lower() in {"p", "div", "h2", "h3", "span"} and 5 <= len(node.text_content().split()) <= 80


def _holds_article(node: Any, total: int) -> bool:
    """Holds the headline, or most of the page's paragraph text."""
    if any(h.tag == "h1" for h in node.iter() if isinstance(h.tag, str)):
        return True
    return total > 0 and _paragraph_chars(node) >= MOST_TEXT * total


def _paragraph_chars(node: Any) -> int:
    return sum(len(p.text_content()) for p in node.iter("p"))


def _inside(node: Any, ancestor: Any) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())
