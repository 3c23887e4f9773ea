"""What a careful reader takes from a web page: a clean title, a real article, the article's own date."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from .dates import parse_published

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|//|·|•|»|«)\s+")
_NUMERIC_DATE = re.compile(r"^\d{1,4}(?:[./-]\d{1,2}){1,2}(?:[./-]\d{2,4})?$")
_SMALL_WORDS = frozenset({"the", "of", "and", "de", "la", "le", "el", "der", "die", "du", "des", "on", "in", "&"})
_TEMPLATE = re.compile(r"\{\{[^{}\n]{1,80}\}\}")
_NOTICE = re.compile(
    r"\b(?:this page is (?:being|currently being) (?:edited|updated)|page (?:is )?under construction|"
    r"this (?:page|article) is (?:no longer|not) available|check back (?:later|soon)|coming soon)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?…][\"'”’)]*$")


def clean_title(title: str | None, site_names: set[str]) -> str | None:
    """``title`` without site names and dates around it ("Port reopens | DW | 10.06.2013" -> "Port
    reopens"); ``None`` for a title that is only a token ("escenic") or a site name."""
    if not title:
        return None
    title = " ".join(title.split())
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    while cuts and _site_part(title[cuts[-1].end():], site_names, title[: cuts[-1].start()]):
        title = title[: cuts.pop().start()]
    while cuts and _fold(title[: cuts[0].start()]) in site_names:
        title = title[cuts.pop(0).end():]
        cuts = list(_TITLE_SEPARATOR.finditer(title))
    if " " not in title and (title.islower() or _fold(title) in site_names):
        return None  # a CMS token or the site's own name, not a headline
    return title or None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).removeprefix("the ")


def _site_part(part: str, site_names: set[str], head: str) -> bool:
    """A trailing title segment that names the site or is a date, not part of the headline."""
    part = part.strip()
    if not part:
        return True
    if _fold(part) in site_names or _is_date(part):
        return True
    words = part.split()
    if len(head.split()) < 3 or len(words) > 4 or part.endswith(("?", "!")):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _SMALL_WORDS for w in words)


def _is_date(text: str) -> bool:
    if _NUMERIC_DATE.match(text):
        return True
    return any(c.isdigit() for c in text) and len(text) <= 30 and parse_published(text) is not None


def site_names(*names: str | None) -> set[str]:
    """Folded site names (``og:site_name``, the extractor's site name, the URL's host words)."""
    out: set[str] = set()
    for name in names:
        if name and name.strip():
            out.add(_fold(name))
    return out


def not_an_article(text: str, captions: list[str], title: str | None = None) -> str | None:
    """Why a page's extracted body is not an article (a template, a notice, a caption alone, an
    index of links), or ``None`` when it reads as one."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(_TEMPLATE.findall(text)) >= 2:
        return "the page is an unfilled template ({{…}} placeholders), not an article"
    if len(text) < 800 and _NOTICE.search(text):
        return "the page is a notice (being edited, unavailable or coming soon), not an article"
    if captions:
        rest = " ".join(text.split())
        for known in (*captions, title or ""):
            rest = rest.replace(" ".join(known.split()), " ") if known.strip() else rest
        if len(rest.split()) < 5:
            return "the page's only text is a photo caption"
    if len(paragraphs) >= 8:
        prose = sum(1 for p in paragraphs if _SENTENCE.search(p) and len(p.split()) >= 8)
        if prose * 4 < len(paragraphs) and sum(len(p.split()) for p in paragraphs) / len(paragraphs) < 12:
            return "the page is an index of headlines or links, not an article"
    return None


def confirmed_date(value: Any, url: str | None) -> str | None:
    """A date the extractor guessed (from text, a URL or a copyright line) kept only when the page's
    own URL carries it (``/2024/08/15/`` or ``2024-08-15``)."""
    if not value or not url:
        return None
    parsed = parse_published(str(value))
    if not isinstance(parsed, date | datetime):
        return None
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    forms = (f"{day:%Y/%m/%d}", f"{day:%Y-%m-%d}", f"{day:%Y%m%d}")
    return str(value) if any(form in url for form in forms) else None
