"""Each article's language is detected and stored; only English text gets English facts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from dateline import api
from dateline.clean import LanguageStep, detect_language
from dateline.clean.language import read_identifier
from dateline.model import Article, Mention, Span
from dateline.pipeline import Step

TEXTS = {
    "de.txt": (
        "BERLIN — Die Regierung hat am Dienstag neue Maßnahmen für den Hafen beschlossen, sagte ein Sprecher. "
        "Die Arbeiten an der nördlichen Kaimauer sollen im Frühjahr beginnen und zwei Jahre dauern.\n"
    ),
    "fr.txt": (
        "PARIS — Le gouvernement a annoncé mardi de nouvelles mesures pour le port, a déclaré un porte-parole. "
        "Les travaux sur le quai nord commenceront au printemps et dureront deux ans.\n"
    ),
    "ru.txt": (
        "МОСКВА — Правительство объявило во вторник о новых мерах для порта, сообщил представитель. "
        "Работы на северном причале начнутся весной и продлятся два года.\n"
    ),
    "en.txt": (
        "LONDON — The government announced new measures for the port on Tuesday, a spokesman said. "
        "Work on the northern quay will begin in the spring and last two years.\n"
    ),
}


class FakeParse(Step):
    """Stands in for the parser: gives every article it sees a doc."""

    name = "fake_parse"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc"})

    def run(self, articles: Any) -> Iterator[Article]:
        from dateline.nlp.parse import parsed

        for article in articles:
            if article.drop is None and parsed(article):
                article.doc = object()
            yield article


class MarkEverything(Step):
    """Stands in for extraction: one PERSON mention on every article it is given."""

    name = "mark"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    assigns: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def process(self, article: Article) -> Iterator[Article]:
        article.mentions = [Mention(Span(0, 6), article.text[:6], "PERSON")]
        yield article


def test_detects_languages() -> None:
    got = {name: (detect_language(text) or ("?", 0))[0] for name, text in TEXTS.items()}
    assert got == {"de.txt": "de", "fr.txt": "fr", "ru.txt": "ru", "en.txt": "en"}
    assert detect_language("Short.") is None


def test_a_step_takes_a_language_model_of_its_own() -> None:
    own = read_identifier()
    own.set_languages(["de", "fr"])  # a model that knows two languages only
    found = detect_language(TEXTS["en.txt"], own)
    assert found is not None and found[0] in {"de", "fr"}
    article = Article(text=TEXTS["de.txt"], language="en")
    assert next(LanguageStep(own).run([article])).language == "de"


def test_only_english_gets_facts_and_language_filters(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(api, "extraction_steps", lambda settings: [FakeParse(), MarkEverything()])
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text)
    db = str(tmp_path / "n.db")
    report = api.ingest([str(tmp_path / n) for n in TEXTS], db)
    assert report.articles == 4 and report.mentions == 1
    reader = api.open_reader(db)
    assert sorted(a["language"] for a in reader.articles()) == ["de", "en", "fr", "ru"]
    assert [a["language"] for a in reader.articles(language="DE")] == ["de"]
    assert [r["language"] for r in reader.search("Kaimauer", language="de")] == ["de"]
    assert reader.search("Kaimauer", language="en") == []
    (mentioned,) = reader.conn.execute("SELECT DISTINCT a.language FROM mentions m JOIN articles a "
                                       "ON a.id = m.article_id").fetchall()
    assert mentioned[0] == "en"
