"""Stories and contradictions: the store's own, and a reader's with hostile text, escaped."""

from __future__ import annotations

import html
import warnings
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.store import Reader
from dateline.web import create_app
from dateline.web.db import open_readonly

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _story_reader(db: Path, article_ids: list[str]) -> Reader:
    """A Reader that also has stories() and contradictions(), as the store will provide them."""

    class StoryReader(Reader):
        def stories(self) -> list[dict[str, Any]]:
            return [{"id": "s1", "title": "Harbour <market> closure", "articles": article_ids,
                     "outlets": ["Harbour <b>Times</b>"], "first_seen": "2024-10-21", "last_seen": "2024-10-22",
                     "entities": []}]

        def contradictions(self, story: str | None = None) -> list[dict[str, Any]]:
            side = {"article_id": article_ids[0], "quote_id": 1}
            rows = [{"story_id": "s1", "relation": "denies", "confidence": 0.8,
                     "claim": {**side, "speaker": "Karim Haddad", "text": "We were <never> consulted"},
                     "counter": {**side, "speaker": "Leila Mansour", "text": "Traders were consulted in May"}}]
            return [r for r in rows if story in (None, r["story_id"])]

        def story(self, story_id: str) -> dict[str, Any]:
            if story_id != "s1":
                raise StoreError(f"no story with id {story_id!r}")
            timeline = [{"kind": "quote", "date": "2024-10-21", "precision": "published", "contested": True,
                         "article_id": article_ids[0], "speaker": "Karim <i>Haddad</i>",
                         "content": "We were <never> consulted", "outlet": "Harbour <b>Times</b>"}]
            return {**self.stories()[0], "places": [], "entities": ["Port <Authority>"], "timeline": timeline,
                    "contradictions": self.contradictions("s1")}

    return StoryReader(open_readonly(db).conn)


def test_the_stores_own_stories_are_listed(client: Any) -> None:
    items = client.get("/api/v1/stories").json()["items"]
    assert items and {"id", "title", "articles", "outlets", "first_seen", "last_seen", "entities"} <= set(items[0])
    assert client.get("/api/v1/contradictions").status_code == 200
    assert html.escape(items[0]["title"], quote=False) in client.get("/stories").text


def test_stories_and_contradictions_are_listed_and_escaped(web_db: Path, hostile_id: str) -> None:
    app = create_app(reader_factory=lambda: _story_reader(web_db, [hostile_id]))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        (story,) = c.get("/api/v1/stories").json()["items"]
        assert story["id"] == "s1" and story["articles"] == [hostile_id]
        assert len(c.get("/api/v1/contradictions", params={"story": "s1"}).json()["items"]) == 1
        assert c.get("/api/v1/contradictions", params={"story": "s2"}).json()["items"] == []
        page = c.get("/stories/s1").text
        assert "Harbour &lt;market&gt; closure" in page and f'href="/articles/{hostile_id}"' in page
        assert "We were &lt;never&gt; consulted" in page and "Traders were consulted in May" in page
        assert "contested:" in page and "Karim &lt;i&gt;Haddad&lt;/i&gt;" in page
        assert "Port &lt;Authority&gt;" in page and "/entities/Port" not in page  # no such entity: no link
        assert 'class="pair"' in c.get("/contradictions").text
        assert "Harbour &lt;market&gt; closure" in c.get("/").text
        assert c.get("/stories/s9").status_code == 404
