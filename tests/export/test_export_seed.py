"""On the seed dump: every GDELT mention row points at its actors' and action's text in the stored article."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_export_layouts import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

from dateline import api
from dateline.export import export
from dateline.export.gdelt import gdelt_mention_rows
from dateline.export.reports import happenings, reports

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_seed_mentions_point_at_actor_and_action_text(seed_dump: Path, tmp_path: Path) -> None:
    db = tmp_path / "seed.db"
    api.ingest([str(seed_dump)], db, outlet="Asharq Al-Awsat", published="2024-08-16")
    reader = api.open_reader(db)
    items = list(reader.export_events())
    rows = list(gdelt_mention_rows(items))
    expected = [(rep, event_actors) for group in happenings(reports(items))
                for event_actors in [(a, t) for a in (group[0].event.actors or [None])
                                     for t in (group[0].event.targets or [None])] for rep in group]
    assert len(rows) == len(expected) > 10
    for row, (rep, (a1, a2)) in zip(rows, expected, strict=True):
        text = rep.article.text
        assert text[row["ActionCharOffset"]:].startswith(rep.event.trigger_span.of(text))
        for offset, actor in ((row["Actor1CharOffset"], a1), (row["Actor2CharOffset"], a2)):
            assert offset == -1 or (actor is not None and text[offset:].startswith(actor.text))
    assert sum(r["Actor1CharOffset"] >= 0 for r in rows) > len(rows) // 3
    out = tmp_path / "events.CSV"
    export(reader, "events", out, style="gdelt")
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_EVENT_COLUMNS, dtype={"EventCode": "string"})
    assert frame["SQLDATE"].dtype == "int64" and frame["SQLDATE"].between(20240801, 20240831).all()
    export(reader, "mentions", tmp_path / "mentions.CSV")
    assert len(pd.read_csv(tmp_path / "mentions.CSV", sep="\t", header=None, names=GDELT_MENTION_COLUMNS)) == len(rows)
