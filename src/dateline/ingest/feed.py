"""RSS and Atom files (local only; nothing is fetched): one Article per entry."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from typing import Any

from ..model import Article, Provenance
from .common import dropped
from .dates import parse_published
from .markup import html_to_text

#: feedparser sets ``bozo`` for these too, but the entries are fine.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
#: A character reference to half of a surrogate pair ("&#xD800;", "&#55296;"), which names no
#: character (feedparser raises on it): read as U+FFFD, as HTML does.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7][0-9]{3});")


def _surrogate_ref(match: re.Match[bytes]) -> bytes:
    body = match.group()[2:-1]
    code = int(body[1:], 16) if body[:1] in (b"x", b"X") else int(body)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else match.group()


def read_feed(data: bytes) -> Iterator[Article]:
    """Requires the feed bytes; yields one article per entry with ``title``, ``url`` (link),
    ``published``, ``byline`` (author), ``outlet`` (feed title) and ``text`` (the entry content,
    else its summary, as plain text with paragraphs kept).

    Drops: ``no_text`` for an entry with neither; ``malformed_feed`` when the XML is broken (alone
    when no entry survives, else after the entries read); ``no_articles`` for a feed without entries.
    """
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip()  # blank lines before the XML declaration are harmless
    data = _SURROGATE_REF.sub(_surrogate_ref, data) if b"&#" in data else data
    import feedparser  # imported on the first feed

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never treats it as a path or URL
    problem = _xml_problem(parsed)
    entries = parsed.entries
    if not entries:
        if problem:
            yield dropped("malformed_feed", f"the XML is malformed ({problem}) and no entry could be read")
        elif not parsed.get("version"):
            yield dropped("no_articles", "the XML is well formed but is not an RSS or Atom feed")
        else:
            yield dropped("no_articles", "the feed is valid but holds no entries")
        return
    outlet = _clean(parsed.feed.get("title"))
    language = _language(parsed.feed.get("language"))
    kept = 0
    for number, entry in enumerate(entries, 1):
        article = _entry_article(entry, number, outlet, language)
        kept += article.drop is None
        yield article
    if problem:
        yield dropped(
            "malformed_feed", f"the XML is malformed ({problem}); the {kept} entries read before it were kept"
        )


def _entry_article(entry: Any, number: int, outlet: str | None, language: str | None) -> Article:
    title = _plain(entry.get("title"))
    text = _entry_text(entry)
    if not text:
        named = f" (“{title}”)" if title else ""
        return dropped("no_text", f"feed entry {number}{named} has no content or summary", Provenance(feed_entry=number))
    published_raw = _clean(entry.get("published") or entry.get("updated") or entry.get("created"))
    provenance = Provenance(feed_entry=number, feed_entry_id=entry.get("id") or None)
    return Article(
        text=text,
        format="feed",
        title=title,
        url=_clean(entry.get("link")),
        byline=_clean(entry.get("author")),
        outlet=outlet,
        published=parse_published(published_raw) if published_raw else None,
        published_raw=published_raw,
        language=language or "en",
        provenance=provenance,
    )


def _entry_text(entry: Any) -> str:
    candidates = list(entry.get("content") or [])
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append({"type": detail.get("type", "text/html"), "value": entry.get("summary")})
    for item in candidates:
        value = item.get("value") or ""
        if item.get("type", "text/html") in _HTML_TYPES:
            text = html_to_text(value)
        else:
            text = "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())
        if text:
            return text
    return ""


def _xml_problem(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if exc is None or type(exc).__name__ in _HARMLESS:
        return None
    line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
    where = f" at line {line}" if line else ""
    message = getattr(exc, "getMessage", lambda: str(exc))()
    return f"{message}{where}"


def _language(raw: str | None) -> str | None:
    code = (raw or "").split("-")[0].split("_")[0].strip().lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _plain(value: Any) -> str | None:
    """A title without HTML tags or entities ("<b>Port</b> &amp; quay" -> "Port & quay")."""
    if not isinstance(value, str):
        return None
    return _clean(html.unescape(_TAG.sub(" ", value)))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
