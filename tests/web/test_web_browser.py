"""Browser tests: Playwright driving Debian's chromium against a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from webtools import CHROMIUM, served

OUT = Path(__file__).resolve().parent.parent.parent / "out"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: install it with "
                                "'apt-get install chromium' (.ci/run does) to run the browser tests")


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its base URL."""
    from dateline.web import create_app

    with served(create_app(web_db)) as url:
        yield url


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records dialogs, CSP violations and requests leaving 127.0.0.1."""
    context = browser.new_context(base_url=server, accept_downloads=True, viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.dialogs, pg.console_errors, pg.outside = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: None if r.url.startswith((server, "data:")) else pg.outside.append(r.url))
    yield pg
    context.close()


def test_walk_search_article_speaker_quotes_events_export(page: Any, hostile_id: str, tmp_path: Path) -> None:
    page.goto("/")
    page.fill(".big-search input[name=q]", "traders consulted")
    page.click(".big-search button")
    page.wait_for_url("**/search?q=traders+consulted")
    assert page.locator(".results mark").count() >= 1
    page.click(f'.results a[href="/articles/{hostile_id}"]')
    page.wait_for_url(f"**/articles/{hostile_id}")
    page.click("table.grid a:text('Karim Haddad')")
    page.wait_for_url("**/entities/*")
    assert page.inner_text("#entity-name") == "Karim Haddad"
    page.click("text=All quotes by this speaker")
    page.wait_for_url("**/quotes?speaker=*")
    assert page.locator("#quotes tbody tr").count() == 2
    page.click("header nav a:text('Events')")
    page.wait_for_url("**/events")
    points = page.locator("#map circle.point")
    assert points.count() >= 1
    points.last.click()  # drawn last, so on top of larger circles
    popup = page.locator("#map-popup")
    assert popup.is_visible() and "event" in popup.inner_text()
    with page.expect_download() as info:
        page.click("a.download:text('CSV')")
    target = tmp_path / "events.csv"
    info.value.save_as(target)
    assert target.read_text().startswith("article_id,url,outlet,published")
    assert not page.dialogs and not page.outside
    assert not [m for m in page.console_errors if "Content Security Policy" in m]


def test_hostile_article_renders_as_inert_text(page: Any, hostile_id: str, hostile: dict[str, str]) -> None:
    page.goto(f"/articles/{hostile_id}")
    page.wait_for_load_state("load")
    body = page.locator("#body")
    assert body.evaluate("el => el.textContent") == hostile["text"]
    assert body.evaluate("el => el.querySelectorAll('script, img, iframe, [onerror]').length") == 0
    assert page.evaluate("() => document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
    assert page.inner_text("#title") == hostile["title"]
    assert page.evaluate("() => document.querySelectorAll('script:not([src])').length") == 0
    assert "[bold red]market[/bold red]" in body.inner_text()
    assert "javascript:alert(1)" in page.inner_text(".meta")
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "article-hostile.png"), full_page=True)
    assert (OUT / "article-hostile.png").stat().st_size > 10_000
    assert not page.dialogs, f"a dialog opened: {page.dialogs}"
    assert not page.outside
