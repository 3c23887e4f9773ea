"""Pages written in the styles of several real sites: a wire agency's hosted page, a broadsheet with
JSON-LD that does not parse, a local paper dated only in its URL, a page with ``itemprop`` metadata,
an Arabic page. Each is read as ingest reads it (reader, then cleaning) and checked against the
body written by hand beside it (``NAME.body.txt``)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from dateline.clean import CleanStep
from dateline.ingest.html import read_html
from dateline.ingest.outlets import choose_outlet, clean_byline
from dateline.ingest.pagemeta import read_json_tolerantly, url_day
from dateline.model import Article
from paths import ROOT, load_script

PAGES = ["wire_hosted", "broadsheet_bad_jsonld", "local_url_date", "itemprop_lead", "arabic_headline", "tv_network",
         "magazine_pullquote", "regional_blog", "broadcaster_dc", "daily_also_read", "wire_liveupdates"]


token_f1 = load_script(ROOT / "eval" / "pages.py", "pages_eval").token_f1


def _page(fixtures_dir: Path, name: str, url: str | None = None) -> Article:
    article = read_html((fixtures_dir / "pages2" / f"{name}.html").read_bytes(), url=url)
    assert article.drop is None, article.drop
    return next(iter(CleanStep().run([article])))


@pytest.mark.parametrize("name", PAGES)
def test_body_matches_the_hand_made_body(fixtures_dir: Path, name: str) -> None:
    article = _page(fixtures_dir, name)
    wanted = (fixtures_dir / "pages2" / f"{name}.body.txt").read_text(encoding="utf-8")
    assert token_f1(article.text, wanted) >= 0.98
    assert article.text.split("\n\n")[0] == wanted.split("\n\n")[0]  # the lead sentence is never lost


def test_wire_page_hosted_placeholder_byline_sentence_and_time_itemprop(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "wire_hosted")
    assert article.outlet == "Associated Press"  # og:site_name "Hosted" names no outlet: the host does
    assert article.byline == "Dana Ortiz"
    assert article.published == date(2019, 11, 19)
    assert article.provenance.published_source == "itemprop"
    for furniture in ("Listen", "Share", "Copyright", "is a reporter"):
        assert furniture not in article.text


def test_broadsheet_json_ld_read_tolerantly_dek_pitch_and_related(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "broadsheet_bad_jsonld")
    assert article.published == datetime.fromisoformat("2024-03-12T06:00:00+00:00")
    assert article.provenance.published_source == "json-ld"
    assert article.outlet == "The Morning Ledger"
    assert article.byline == "Helen Carver"
    assert article.cleaned is not None
    assert article.cleaned.standfirst == "A cabinet row over the cost of the line has delayed the decision until after the budget."
    assert article.text.startswith("Ministers are divided")
    for furniture in ("inbox", "Morning Briefing", "nightclub", "non-commercial", "Share on"):
        assert furniture not in article.text


def test_local_page_dated_by_its_url_hover_card_and_sidebar(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "local_url_date")
    assert article.published == date(2019, 11, 19)
    assert article.provenance.published_source == "url"
    assert article.outlet == "shorebulletin.com"  # no site name: the host, never "Shorebulletin"
    assert article.byline == "Greg Tamsin"
    assert "Fire chief Ben Osei said response times" in article.text
    for furniture in ("Louisiana", "stabbed", "Shark", "charged"):
        assert furniture not in article.text


def test_itemprop_page_keeps_its_lead_and_drops_promo_note_and_trending(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "itemprop_lead")
    assert article.provenance.published_source == "itemprop"
    assert article.published == datetime.fromisoformat("2023-05-11T14:20:00-05:00")
    assert article.outlet == "valleytimes.example"  # og:site_name is a URL: its host, never the URL
    assert article.byline == "Priya Raman"
    assert article.text.startswith("Engineers found cracks in the spillway")
    for furniture in ("newsletter", "Editor's note", "Armed robbery", "Facebook"):
        assert furniture not in article.text


def test_arabic_page_keeps_its_headline(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "arabic_headline")
    assert article.title == "وزراء الخارجية يبحثون أمن الملاحة في الخليج"
    assert article.language == "ar"
    assert article.outlet == "صحيفة الخليج اليوم"


@pytest.mark.parametrize(("text", "value"), [
    ('{"datePublished": "2024-01-02",}', {"datePublished": "2024-01-02"}),
    ('{"a": "line one\nline two"}', {"a": "line one\nline two"}),
    ('<!--\n{"a": [1, 2,],}\n-->', {"a": [1, 2]}),
    ('{"datePublished": "2024-01-02" "broken"', '{"datePublished": "2024-01-02" "broken"'),
])
def test_json_ld_is_read_tolerantly(text: str, value: object) -> None:
    assert read_json_tolerantly(text) == value


@pytest.mark.parametrize(("url", "day"), [
    ("https://example.org/news/2019/11/19/story.html", "2019-11-19"),
    ("https://example.org/2021-03-04/story", "2021-03-04"),
    ("https://example.org/a/20220115/story", "2022-01-15"),
    ("https://example.org/2019/11/story.html", None),
    ("https://example.org/2019/13/40/story.html", None),
    ("https://2019.example.org/12/01/", None),
])
def test_url_day(url: str, day: str | None) -> None:
    assert url_day(url) == day


@pytest.mark.parametrize(("candidates", "url", "outlet"), [
    (["Hosted", None], "https://hosted.apnews.com/article/x", "Associated Press"),
    ([None, "Nj"], "https://www.nj.com/news/2019/11/x.html", "NJ.com"),
    (["https://www.example-herald.com/"], None, "example-herald.com"),
    (["Harbour Times"], "https://harbourtimes.example/x", "Harbour Times"),
    ([None], "https://news.bbc.co.uk/2/hi/x.stm", "BBC News"),
    ([None], "https://www.citypaper.co.uk/x", "citypaper.co.uk"),
])
def test_outlet_is_never_a_placeholder_or_a_url(candidates: list[str | None], url: str | None, outlet: str) -> None:
    assert choose_outlet(candidates, url) == outlet


@pytest.mark.parametrize(("byline", "names"), [
    ("Phil Moreno is a reporter for the Harbour Times.", "Phil Moreno"),
    ("By Ana Ruiz and Tom Baker", "Ana Ruiz, Tom Baker"),
    ("Greg Tamsin | For the Shore Bulletin", "Greg Tamsin"),
    ("Helen Carver, Political Editor", "Helen Carver"),
    ("Staff", None),
    ("Lina Farouk covers energy. She joined in 2019.", "Lina Farouk"),
])
def test_bylines_are_names_only(byline: str, names: str | None) -> None:
    assert clean_byline(byline) == names


def test_pull_quotes_and_post_meta_lines_leave_the_body(fixtures_dir: Path) -> None:
    magazine = _page(fixtures_dir, "magazine_pullquote")
    assert magazine.text.count("The sea does not care") == 1
    assert magazine.cleaned is not None and magazine.cleaned.standfirst is not None
    blog = _page(fixtures_dir, "regional_blog")
    assert blog.text.startswith("The Riverside farmers market")
    assert "Related" not in blog.text and "Share this" not in blog.text


def test_a_pull_quote_without_markup_is_found_by_its_repeated_text() -> None:
    from dateline.clean.furniture import pull_quote_lines

    texts = ["The mayor spoke on Monday.", "“We will rebuild the pier.”",
             "“We will rebuild the pier,” she said, before the council voted.", "The vote was 5-2."]
    assert pull_quote_lines(texts) == {1}
    assert pull_quote_lines(["The vote was 5-2.", "The council met again on Friday after the vote was 5-2."]) == set()


def test_an_unmarked_dek_above_the_byline_is_the_standfirst(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "broadcaster_dc")
    assert article.cleaned is not None
    assert article.cleaned.standfirst == ("Shipping companies say cargo is being moved to rail and road as the river "
                                          "reaches a record low.")
    assert article.provenance.published_source == "meta:dcterms.date"
    assert "Hören" not in article.text


def test_also_read_links_and_agency_trailers_leave_the_body(fixtures_dir: Path) -> None:
    article = _page(fixtures_dir, "daily_also_read")
    assert "Also Read" not in article.text and "inputs from" not in article.text
    assert article.byline == "Anil Mehra"
