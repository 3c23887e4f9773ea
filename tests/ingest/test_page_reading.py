"""Pages read as a careful person would: titles, non-articles, furniture, the article's own date."""

from __future__ import annotations

from datetime import date

from dateline.clean import CleanStep
from dateline.ingest.html import read_html
from dateline.model import Article

PARAS = (
    "<p>Harbour pilots in Port Ellis walked off the job on Monday, halting traffic at the northern quay "
    "for six hours, the port authority said in a statement.</p>"
    "<p>The pilots' union said the new night-shift rota left crews without rest between tides, and that "
    "talks with the harbour board had broken down late on Sunday.</p>"
    "<p>\u201cWe cannot guide a tanker safely after eighteen hours awake,\u201d union secretary Mara Lenz "
    "told reporters outside the pilots' station.</p>"
)


def page(head: str = "", body: str = PARAS, title: str = "Pilots strike at Port Ellis | DW | 10.06.2013",
         extra: str = "") -> bytes:
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>Pilots strike at Port Ellis</h1>{body}</article>{extra}</body></html>"
    ).encode()


def test_titles_lose_site_names_dates_and_cms_tokens() -> None:
    assert read_html(page()).title == "Pilots strike at Port Ellis"
    site = "<meta property='og:site_name' content='The Japan Times'>"
    assert read_html(page(site, title="Pilots strike at Port Ellis | The Japan Times")).title == (
        "Pilots strike at Port Ellis")
    assert read_html(page(title="Pilots strike at Port Ellis - The Planetary Press")).title == (
        "Pilots strike at Port Ellis")
    assert read_html(page(title="escenic")).title == "Pilots strike at Port Ellis"


def test_non_articles_are_dropped() -> None:
    template = "<p>{{headline}}</p><p>{{standfirst}} by {{author}}</p>" + PARAS
    caption_only = ("<figure><img src='p.jpg'><figcaption>Pilots gather at the northern quay on Monday"
                    "</figcaption></figure><p>Pilots gather at the northern quay on Monday</p>")
    notice = "<p>This page is being edited. Please check back later.</p>"
    for body in (template, caption_only, notice):
        article = read_html(page(body=body))
        assert article.drop is not None and article.drop.reason == "not_an_article", body


def test_share_lists_and_gallery_strips_are_not_captions() -> None:
    figures = (
        "<figure><img src='a.jpg'><figcaption>Facebook, Twitter, Link, More, Mail</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption>3 of 12</figcaption></figure>"
        "<figure><img src='c.jpg'><figcaption>Pilots at the quay. Photo: Ana Ruiz</figcaption></figure>"
    )
    article = read_html(page(body=figures + PARAS))
    assert [c.text for c in article.captions] == ["Pilots at the quay."]


def test_date_comes_from_the_article_not_teasers_copyright_or_namespaces() -> None:
    noise = (
        "<aside class='related'><time datetime='2019-04-02'>2 April 2019</time><a href='/x'>Older story</a></aside>"
        "<footer>\u00a9 2017 Port Ellis Herald</footer>"
        "<link rel='profile' href='http://www.w3.org/2000/01/rdf-schema'>"
    )
    assert read_html(page(extra=noise)).published is None
    own = PARAS + "<p class='byline'><time datetime='2024-03-05T08:00:00Z'>5 March 2024</time></p>"
    assert read_html(page(body=own, extra=noise)).published.date() == date(2024, 3, 5)  # type: ignore[union-attr]
    meta = "<meta property='article:published_time' content='2024-03-04'>"
    assert read_html(page(meta, extra=noise)).published == date(2024, 3, 4)


def test_body_furniture_and_related_posts_are_removed() -> None:
    furniture = [
        "Sign up here", "Free Sign Up", "Start your digital subscription today",
        "Our Standards: The Port Ellis Herald Trust Principles.", "Submit your letter to the editor via this form",
        "Keywords Feedback Print Permalink", "LOOK-UP TOOL: Find your harbour pilot", "VIDEO: Tugs at dawn",
        "Company: Harbourly", "Website: harbourly.example", "Funding: $2 million",
    ]
    body = "\n\n".join([
        "Harbour pilots in Port Ellis walked off the job on Monday, the port authority said.",
        *furniture,
        "The pilots' union said the new rota left crews without rest between tides.",
        "Talks with the harbour board broke down late on Sunday, officials said.",
        "Related posts",
        "Ferry fares rise again as fuel costs climb",
        "Fish market reopens after repairs",
    ])
    (clean,) = CleanStep().run([Article(text=body, format="html", title="Pilots strike")])
    assert clean.text.split("\n\n") == [
        "Harbour pilots in Port Ellis walked off the job on Monday, the port authority said.",
        "The pilots' union said the new rota left crews without rest between tides.",
        "Talks with the harbour board broke down late on Sunday, officials said.",
    ]
