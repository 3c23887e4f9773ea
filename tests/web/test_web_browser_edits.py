"""The entity merge form in a real browser (Debian's chromium), on a server run with allow_edits."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from webtools import CHROMIUM, served

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent: install it with "
                                "'apt-get install chromium' (.ci/run does) to run the browser tests")


@pytest.fixture(scope="module")
def editable(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(base URL, database) of a server with edits allowed, over a copy of the web database."""
    from dateline.web import create_app

    db = tmp_path_factory.mktemp("edits") / "edit.db"
    shutil.copy(web_db, db)
    with served(create_app(db, allow_edits=True)) as url:
        yield url, db


def test_merge_form_merges_and_undo_restores(browser: Any, editable: tuple[str, Path]) -> None:
    url, db = editable
    conn = sqlite3.connect(db)
    people = conn.execute(
        "SELECT e.id, e.name FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'PERSON' "
        "GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 2").fetchall()
    (keep_id, keep), (gone_id, gone) = people
    context = browser.new_context(base_url=url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"/entities/{keep_id}")
    page.click("#edit summary")
    page.fill("#merge-form input[name=other]", gone)
    page.fill("#merge-form input[name=why]", "one person")
    page.click("#merge-form button")
    page.wait_for_url(f"**/entities/{keep_id}")
    assert gone in page.inner_text("dl.facts")
    assert conn.execute("SELECT count(*) FROM entities WHERE id = ?", (gone_id,)).fetchone()[0] == 0
    page.click("header nav a:text('Corrections')")
    assert "one person" in page.inner_text("#corrections")
    page.click("#corrections button:text('Undo')")
    page.wait_for_url("**/corrections*")
    assert "undone" in page.inner_text("#corrections")
    assert conn.execute("SELECT count(*) FROM entities WHERE name = ?", (gone,)).fetchone()[0] == 1
    conn.close()
    context.close()
