"""ACLED typing table (data/events/acled.tsv): one test per row on its own example report, and the
rules that decide between a report's topic and its ACLED type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.extract.events.acled import report_label, topic_leads, type_rules, words_of
from dateline.model import Event, Span
from eventtools import events_of

pytestmark = pytest.mark.slow
ROWS = list(type_rules())


@pytest.mark.parametrize("row", ROWS, ids=[f"{n}:{r.label}" for n, r in enumerate(ROWS)])
def test_each_type_row_classes_its_example(nlp: Any, row: Any) -> None:
    assert row.example, row
    events = events_of(nlp, row.example)
    assert report_label(events, words_of(nlp(row.example))) == row.label, (row.example, events)


def test_a_negated_cue_group_keeps_a_row_off(tmp_path: Path) -> None:
    table = tmp_path / "types.tsv"
    table.write_text("label\tevent_type\tcues\tcategories\texample\n"
                     "Mob violence\tRiots\tmob ; beat ; !soldier\t*\tA mob beat a man.\n", encoding="utf-8")
    rules = type_rules(table)
    assert report_label([], {"mob", "beat", "man"}, rules) == "Mob violence"
    assert report_label([], {"mob", "beat", "soldier"}, rules) == "none"


def test_a_row_of_negated_groups_only_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "types.tsv"
    table.write_text("label\tevent_type\tcues\tcategories\nOther\tStrategic developments\t!gun\t*\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"types\.tsv"):
        type_rules(table)


def _event(sub: str | None, event_type: str | None, topic: str, mode: str | None) -> Event:
    return Event(sentence_span=Span(0, 1), trigger_span=Span(0, 1), action="x", category="COERCE", mode=mode,
                 acled_event_type=event_type, acled_sub_event_type=sub, topic=topic)


@pytest.mark.parametrize(("sub", "event_type", "topic", "mode", "leads"), [
    ("Looting/property destruction", "Strategic developments", "natural disaster", "destroy", True),
    ("Attack", "Violence against civilians", "man-made disaster", None, False),
    ("Arrests", "Strategic developments", "organised crime", "arrest", True),
    ("Looting/property destruction", "Strategic developments", "organised crime", "confiscate", True),
    ("Looting/property destruction", "Strategic developments", "organised crime", "destroy", False),
    ("Armed clash", "Battles", "attribution of responsibility", None, True),
    (None, None, "diplomatic event", None, True),
])
def test_a_topic_leads_over_the_types_it_explains(sub: str | None, event_type: str | None, topic: str,
                                                   mode: str | None, leads: bool) -> None:
    assert topic_leads(_event(sub, event_type, topic, mode)) is leads
