"""Duplicates in the sample corpus: exact copies clean to the same text, syndicated copies group
together under near-duplicate grouping, and distinct stories (even on the same topic) do not.

Bodies are taken out of each format the plain way (format libraries plus a small dump splitter),
so these tests do not depend on dateline's readers and cleaners.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from functools import cache
from itertools import combinations
from typing import Any

import feedparser
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from dateline.corpus.dedup import NearDuplicateIndex, signature
from dateline.model import article_id, normalise_text
from paths import SAMPLES

ARTICLES: list[dict[str, Any]] = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))[
    "articles"
]
FURNITURE = {"TT", "Share", "Advertisement"}


def dump_body(story: str) -> str:
    """Paragraphs of one dump story, without repeated headline/caption lines, furniture,
    the byline and the closing reporting credit."""
    lines = [line.strip() for line in story.splitlines() if line.strip()]
    keep = [
        line
        for line in lines
        if lines.count(line) == 1 and line not in FURNITURE and not line.startswith(("By ", "(Reporting by", "Published: "))
    ]
    return "\n\n".join(keep)


def html_body(page: str) -> str:
    result = trafilatura.extract(page, include_comments=False)
    assert result is not None
    return result


def tagless(fragment: str) -> str:
    paragraphs = re.findall(r"<p>(.*?)</p>", fragment, re.S)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in paragraphs)


@cache
def bodies() -> dict[str, str]:
    """Article key -> body text, for every article in the manifest."""
    out: dict[str, str] = {}
    warc_pages: list[str] = []
    with (SAMPLES / "warc" / "news.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if record.rec_type == "response" and ctype.startswith("text/html"):
                charset = ctype.split("charset=")[-1] if "charset=" in ctype else "utf-8"
                warc_pages.append(record.content_stream().read().decode(charset))
    for article in ARTICLES:
        path = SAMPLES / article["file"]
        fmt, pos = article["format"], article["position"]
        if fmt == "text":
            stories = re.split(r"\n{3,}\n", path.read_text(encoding="utf-8").strip())
            out[article["key"]] = dump_body(stories[pos])
        elif fmt == "html":
            out[article["key"]] = html_body(path.read_text(encoding="utf-8"))
        elif fmt == "warc":
            out[article["key"]] = html_body(warc_pages[pos])
        elif fmt == "feed":
            entry = feedparser.parse(str(path)).entries[pos]
            out[article["key"]] = tagless(entry.content[0].value if "content" in entry else entry.summary)
        else:
            out[article["key"]] = json.loads(path.read_text(encoding="utf-8").splitlines()[pos])["text"]
    return out


def by_story() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for article in ARTICLES:
        groups[article["story"]].append(article["key"])
    return groups


def indexed(threshold: float = 0.8) -> tuple[NearDuplicateIndex, dict[str, str | None]]:
    index = NearDuplicateIndex(threshold=threshold)
    answers = {key: index.add(key, text=text) for key, text in bodies().items()}
    return index, answers


def test_every_article_has_a_body() -> None:
    assert set(bodies()) == {a["key"] for a in ARTICLES}
    for key, text in bodies().items():
        assert len(text.split()) > 120, key
        assert "TT" not in text.split() and "Advertisement" not in text, key


def test_exact_copies_clean_to_the_same_article_id() -> None:
    originals = {a["story"]: a["key"] for a in ARTICLES if a["copy"] == "original"}
    exact = [a for a in ARTICLES if a["copy"] == "exact"]
    assert len(exact) == 2
    for article in exact:
        original = originals[article["story"]]
        assert article_id(bodies()[article["key"]]) == article_id(bodies()[original]), article["key"]


def test_near_copies_differ_from_the_original() -> None:
    originals = {a["story"]: a["key"] for a in ARTICLES if a["copy"] == "original"}
    for article in (a for a in ARTICLES if a["copy"] == "near"):
        copy, original = bodies()[article["key"]], bodies()[originals[article["story"]]]
        assert normalise_text(copy) != normalise_text(original), article["key"]


def test_syndicated_copies_group_with_their_original() -> None:
    index, answers = indexed()
    first = {a["story"]: a["key"] for a in reversed(ARTICLES)}  # manifest order: first member leads
    for article in ARTICLES:
        key = article["key"]
        expected = None if first[article["story"]] == key else first[article["story"]]
        assert answers[key] == expected, key
    grouped = {root: sorted(members) for root, members in index.groups().items()}
    expected_groups = {first[story]: sorted(keys) for story, keys in by_story().items() if len(keys) > 1}
    assert grouped == expected_groups
    assert len(grouped) == 4


def test_distinct_stories_stay_apart_even_on_the_same_topic() -> None:
    index, _ = indexed()
    story = {a["key"]: a["story"] for a in ARTICLES}
    for a, b in combinations(bodies(), 2):
        if story[a] != story[b]:
            assert index.group_of(a) != index.group_of(b)
            assert index.similarity(a, b) < 0.6, (a, b)
    related = [(a["key"], b["key"]) for a in ARTICLES for b in ARTICLES if b["story"] in a["related"]]
    assert related, "the manifest names same-topic stories that are not copies"
    for a, b in related:
        assert index.similarity(a, b) < 0.5, (a, b)


def test_copies_score_well_above_the_threshold() -> None:
    index, _ = indexed()
    for keys in by_story().values():
        for a, b in combinations(keys, 2):
            assert index.similarity(a, b) >= 0.85, (a, b)


def test_groups_rebuild_from_stored_signatures() -> None:
    index, _ = indexed()
    stored = [(key, signature(text)) for key, text in bodies().items()]
    rebuilt = NearDuplicateIndex()
    rebuilt.load(stored)
    assert rebuilt.groups() == index.groups()
    assert [rebuilt.group_of(k) for k in bodies()] == [index.group_of(k) for k in bodies()]
