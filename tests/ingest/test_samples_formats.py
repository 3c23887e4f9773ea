"""The bundled sample corpus: every file is well-formed for its format and matches the manifest.

These checks use the format libraries directly (trafilatura, feedparser, warcio, json), not
dateline's readers, so a broken sample is told apart from a broken reader.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from paths import SAMPLES, load_script

MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
ARTICLES: list[dict[str, Any]] = MANIFEST["articles"]
FORMATS = {"dumps": "text", "html": "html", "feeds": "feed", "warc": "warc", "jsonl": "jsonl"}


def of_file(name: str) -> list[dict[str, Any]]:
    return sorted((a for a in ARTICLES if a["file"] == name), key=lambda a: a["position"])


def dump_stories(path: Path) -> list[str]:
    """Stories of a scraped dump: blocks separated by two or more empty lines."""
    return [s for s in re.split(r"\n{3,}\n", path.read_text(encoding="utf-8").strip()) if s.strip()]


def warc_responses(path: Path) -> list[tuple[str, str, bytes]]:
    """(target URI, content type, payload) of every response record."""
    out = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                ctype = record.http_headers.get_header("Content-Type")
                out.append((uri, ctype, record.content_stream().read()))
    return out


def warc_pages() -> list[tuple[str, str]]:
    """(target URI, decoded HTML) of the HTML responses, in file order."""
    pages = []
    for uri, ctype, payload in warc_responses(SAMPLES / "warc" / "news.warc.gz"):
        if ctype.startswith("text/html"):
            charset = ctype.split("charset=")[-1] if "charset=" in ctype else "utf-8"
            pages.append((uri, payload.decode(charset)))
    return pages


def feed_entry_text(entry: Any) -> str:
    return str(entry.content[0].value if "content" in entry else entry.summary)


def source_text(article: dict[str, Any]) -> str:
    """The raw text of one article in its file, HTML entities decoded."""
    path = SAMPLES / article["file"]
    fmt = article["format"]
    if fmt == "text":
        return dump_stories(path)[article["position"]]
    if fmt == "html":
        return html.unescape(path.read_text(encoding="utf-8"))
    if fmt == "feed":
        return html.unescape(feed_entry_text(feedparser.parse(str(path)).entries[article["position"]]))
    if fmt == "warc":
        return html.unescape(warc_pages()[article["position"]][1])
    line = path.read_text(encoding="utf-8").splitlines()[article["position"]]
    return str(json.loads(line)["text"])


def extract(page: str) -> dict[str, Any]:
    """Body and metadata of an HTML page, as trafilatura sees them."""
    result = trafilatura.bare_extraction(page, with_metadata=True)
    assert result is not None
    return result if isinstance(result, dict) else result.as_dict()


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_corpus_has_20_to_40_articles_with_unique_keys() -> None:
    assert 20 <= len(ARTICLES) <= 40
    assert len({a["key"] for a in ARTICLES}) == len(ARTICLES)
    assert {a["format"] for a in ARTICLES} == set(FORMATS.values())


def test_manifest_covers_every_sample_file_and_corpus_is_small() -> None:
    data_files = {
        str(p.relative_to(SAMPLES)) for folder in FORMATS for p in (SAMPLES / folder).iterdir() if p.is_file()
    }
    assert data_files == {a["file"] for a in ARTICLES}
    for article in ARTICLES:
        assert FORMATS[article["file"].split("/")[0]] == article["format"], article["key"]
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 200_000


def test_positions_are_dense_per_file() -> None:
    for name in {a["file"] for a in ARTICLES}:
        assert [a["position"] for a in of_file(name)] == list(range(len(of_file(name)))), name


@pytest.mark.parametrize("path", sorted((SAMPLES / "dumps").glob("*.txt")), ids=lambda p: p.name)
def test_dump_stories_match_manifest_and_repeat_scraped_lines(path: Path) -> None:
    stories = dump_stories(path)
    expected = of_file(f"dumps/{path.name}")
    assert len(stories) == len(expected) >= 3
    for story, article in zip(stories, expected, strict=True):
        lines = story.splitlines()
        assert lines[0] == article["title"]
        assert lines.count(article["title"]) == 2, "the scraper repeats the headline"
        assert "TT" in lines
        for credit in article["credits"]:
            captions = [line for line in lines if line.endswith(credit)]
            assert len(captions) == 4, "each caption line appears twice, above and below TT"
        if article["byline"]:
            assert f"By {article['byline']}" in lines
        assert re.search(r"^[A-Z][A-Z ]+ \((Reuters|AFP)\) - ", story, re.M), "wire dateline"


@pytest.mark.parametrize("path", sorted((SAMPLES / "html").glob("*.html")), ids=lambda p: p.name)
def test_html_pages_extract_with_metadata(path: Path) -> None:
    (article,) = of_file(f"html/{path.name}")
    raw = path.read_text(encoding="utf-8")
    assert "<figcaption>" in raw and 'name="author"' in raw and "og:site_name" in raw
    doc = extract(raw)
    assert doc["title"] == article["title"]
    assert doc["author"] == article["byline"]
    assert doc["sitename"] == article["outlet"]
    assert doc["date"] == article["published"][:10]
    body = doc["text"]
    assert len(body.split()) > 150
    for furniture in ("cookie", "Related", "Share", "Facebook", "Privacy", "©"):
        assert furniture not in body, f"boilerplate {furniture!r} leaked into the body"


@pytest.mark.parametrize("path", sorted((SAMPLES / "feeds").iterdir()), ids=lambda p: p.name)
def test_feeds_parse_without_bozo(path: Path) -> None:
    feed = feedparser.parse(str(path))
    assert not feed.bozo, feed.get("bozo_exception")
    assert path.suffix == ".xml"
    assert feed.version == ("atom10" if "<feed xmlns" in path.read_text(encoding="utf-8") else "rss20")
    expected = of_file(f"feeds/{path.name}")
    assert len(feed.entries) == len(expected) >= 3
    for entry, article in zip(feed.entries, expected, strict=True):
        assert entry.title == article["title"]
        assert entry.link == article["url"]
        assert entry.author == article["byline"]
        assert feed.feed.title == article["outlet"]
        published = datetime(*entry.published_parsed[:6]).isoformat()
        assert published == parse_time(article["published"]).replace(tzinfo=None).isoformat()
        assert len(html.unescape(re.sub(r"<[^>]+>", " ", feed_entry_text(entry))).split()) > 120


def test_feeds_are_one_rss_and_one_atom() -> None:
    versions = sorted(feedparser.parse(str(p)).version for p in (SAMPLES / "feeds").glob("*.xml"))
    assert versions == ["atom10", "rss20"]


def test_rss_has_content_encoded_and_a_description_only_item() -> None:
    raw = (SAMPLES / "feeds" / "gulf-wire.xml").read_text(encoding="utf-8")
    assert raw.count("<content:encoded>") == 3
    entries = feedparser.parse(raw).entries
    assert ["content" in e for e in entries] == [True, True, True, False]


def test_warc_iterates_with_html_pages_and_one_other_record() -> None:
    path = SAMPLES / "warc" / "news.warc.gz"
    with path.open("rb") as stream:
        types = [record.rec_type for record in ArchiveIterator(stream)]
    assert types[0] == "warcinfo"
    assert types.count("request") == 3
    responses = warc_responses(path)
    html_uris = [uri for uri, ctype, _ in responses if ctype.startswith("text/html")]
    others = [ctype for _, ctype, _ in responses if not ctype.startswith("text/html")]
    assert html_uris == [a["url"] for a in of_file("warc/news.warc.gz")]
    assert others == ["application/json"]
    pages = [page for _, page in warc_pages()]
    for page, article in zip(pages, of_file("warc/news.warc.gz"), strict=True):
        doc = extract(page)
        assert (doc["title"], doc["author"], doc["sitename"], doc["date"]) == (
            article["title"],
            article["byline"],
            article["outlet"],
            article["published"][:10],
        )
        assert len(doc["text"].split()) > 150


def test_warc_rebuilds_from_its_script(tmp_path: Path) -> None:
    """The committed WARC is what ``samples/build_warc.py`` writes (compared uncompressed, so a
    different zlib build cannot fail the test)."""
    committed = gzip.decompress((SAMPLES / "warc" / "news.warc.gz").read_bytes())
    assert committed.startswith(b"WARC/1.0")
    module = load_script(SAMPLES / "build_warc.py")
    module.build(tmp_path / "news.warc.gz")
    assert gzip.decompress((tmp_path / "news.warc.gz").read_bytes()) == committed


def test_jsonl_lines_parse_with_required_fields() -> None:
    lines = (SAMPLES / "jsonl" / "syndication.jsonl").read_text(encoding="utf-8").splitlines()
    expected = of_file("jsonl/syndication.jsonl")
    assert len(lines) == len(expected)
    for line, article in zip(lines, expected, strict=True):
        row = json.loads(line)
        assert set(row) == {"text", "title", "url", "published", "outlet"}
        assert (row["title"], row["url"], row["outlet"], row["published"]) == (
            article["title"],
            article["url"],
            article["outlet"],
            article["published"],
        )
        parse_time(row["published"])
        assert len(row["text"].split()) > 120


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["key"])
def test_manifest_feature_phrases_occur_in_the_source(article: dict[str, Any]) -> None:
    text = source_text(article)
    assert article["title"] in text or article["format"] in ("feed", "jsonl")
    for feature, phrases in article["features"].items():
        for phrase in phrases:
            assert phrase in text, f"{feature}: {phrase!r}"
    for credit in article["credits"]:
        assert credit in text


def test_corpus_exercises_every_required_phenomenon() -> None:
    seen = {feature for a in ARTICLES for feature in a["features"]}
    required = {
        "anonymous_source", "denial", "contradiction", "quote_direct", "quote_indirect", "quote_mixed",
        "pronoun_speaker", "relative_date", "planned_event", "attack_drone", "attack_missile", "shelling",
        "protest", "arrest", "agreement", "talks", "aid_delivery", "dateline", "byline", "page_furniture",
        "boilerplate", "exact_duplicate", "near_duplicate",
    }  # fmt: skip
    assert required <= seen
    copies = [a["copy"] for a in ARTICLES]
    assert copies.count("exact") == 2 and copies.count("near") == 3
