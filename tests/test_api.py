"""The public API on the bundled sample corpus and on raw text."""

from __future__ import annotations

from datetime import date

import pytest

from dateline import api
from dateline.config import Settings
from paths import FIXTURES, SAMPLES

pytestmark = pytest.mark.slow

FOLDERS = [str(SAMPLES / d) for d in ("dumps", "html", "feeds", "warc", "jsonl")]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[api.IngestReport, str]:
    db = str(tmp_path_factory.mktemp("samples") / "samples.db")
    return api.ingest(FOLDERS, db), db


def test_sample_corpus_ingests_cleanly(sample_db: tuple[api.IngestReport, str]) -> None:
    report, db = sample_db
    assert not report.drops, report.drop_lines
    assert 20 <= report.articles <= 40
    assert report.duplicates >= 1 and report.near_duplicates >= 3
    assert report.entities > 50 and report.quotes > 40 and report.events > 20
    reader = api.open_reader(db)
    assert len(reader.articles()) == report.articles


def test_exact_copies_are_one_article_with_two_sightings(sample_db: tuple[api.IngestReport, str]) -> None:
    _, db = sample_db
    rows = api.open_reader(db).articles()
    nairobi = [r for r in rows if "Nairobi Protest" in (r["title"] or "")]
    assert len(nairobi) == 1 and nairobi[0]["copies"] == 2


def test_near_copies_are_grouped_under_the_first(sample_db: tuple[api.IngestReport, str]) -> None:
    _, db = sample_db
    rows = api.open_reader(db).articles()
    ids = {r["id"] for r in rows}
    grouped = [r for r in rows if r["near_duplicate_of"]]
    assert grouped and all(r["near_duplicate_of"] in ids for r in grouped)
    erbil = [r for r in rows if "Erbil" in (r["title"] or "") and "Drone" in (r["title"] or "")]
    heads = {r["near_duplicate_of"] or r["id"] for r in erbil if "Air Defences" not in r["title"]}
    assert len(heads) == 1


def test_a_rerun_with_nothing_new_loads_no_model(sample_db: tuple[api.IngestReport, str]) -> None:
    first, db = sample_db
    unusable = Settings(models=("no_such_model_installed",))  # any parse would fail on it
    again = api.ingest(FOLDERS, db, settings=unusable)
    assert again.articles == 0 and not again.drops
    assert again.sources == again.unchanged_sources == first.sources
    assert len(api.open_reader(db).articles()) == first.articles


def test_process_text_analyses_without_storing() -> None:
    text = (FIXTURES / "cli" / "harbour_dump.txt").read_text()
    arts = api.process_text(text, source="harbour_dump.txt")
    assert [a.title for a in arts] == ["Port Workers Strike Halts Grain Shipments in Odesa",
                                       "Flood Barrier Talks Resume in Rotterdam"]
    strike = arts[0]
    speakers = {q.speaker for q in strike.quotes}
    assert "Marta Kovalenko" in speakers
    she = next(q for q in strike.quotes if q.type == "direct")
    assert she.speaker_mention == "she" and she.speaker == "Marta Kovalenko"


def test_process_text_reads_a_published_string_like_ingest() -> None:
    text = "The port authority said on Monday that the strike would end on Friday.\n"
    (art,) = api.process_text(text, title="Strike to end", published="2024-08-15")
    assert art.published == date(2024, 8, 15) and art.published_raw == "2024-08-15"
    assert art.drop is None and "2024-08-12" in {d.value for d in art.dates}
    with pytest.raises(ValueError, match="not a date"):
        api.process_text(text, published="next week sometime")
