"""GDELT mentions: offsets point at the stored text; counts group by happening when the store has them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from export_samples import stored
from test_export_layouts import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

from dateline.export import export
from dateline.export.gdelt import gdelt_event_rows
from dateline.export.reports import happening_key, sentence_number
from dateline.store import Reader


def _tables(tmp_path: Path, happenings: bool) -> tuple[pd.DataFrame, pd.DataFrame, Reader]:
    reader = Reader(stored(happenings=happenings))
    export(reader, "events", tmp_path / "events.csv", style="gdelt")
    export(reader, "mentions", tmp_path / "mentions.csv", style="gdelt")
    events = pd.read_csv(tmp_path / "events.csv", sep="\t", header=None, names=GDELT_EVENT_COLUMNS,
                         dtype={"EventCode": "string"})
    mentions = pd.read_csv(tmp_path / "mentions.csv", sep="\t", header=None, names=GDELT_MENTION_COLUMNS,
                           keep_default_na=False, na_values=[""])
    return events, mentions, reader


def test_mention_offsets_point_at_actor_and_action_in_the_stored_article(tmp_path: Path) -> None:
    _, mentions, reader = _tables(tmp_path, happenings=False)
    texts = {a["url"] or f"{a['outlet']}, {a['published']}, {a['title']}": a["text"] for a in reader.articles()}
    seen = []
    for m in mentions.itertuples():
        text = texts[m.MentionIdentifier]
        assert m.MentionDocLen == len(text)
        seen.append((text[m.Actor1CharOffset:].split(" ")[0], text[m.ActionCharOffset:].split(" ")[0],
                     text[m.Actor2CharOffset:m.Actor2CharOffset + 18]))
    assert seen == [("Rebel", "shelled", "an Iraqi army post"), ("Insurgents", "fired", "an Iraqi army post")]
    assert mentions["SentenceID"].tolist() == [1, 1]
    assert mentions["MentionType"].tolist() == [1, 2]  # web URL; citation only
    assert mentions["MentionSourceName"].tolist() == ["harbour.example", "Gulf Daily"]


def test_each_event_is_its_own_happening_without_happening_ids(tmp_path: Path) -> None:
    events, mentions, _ = _tables(tmp_path, happenings=False)
    assert len(events) == 2 and events["GLOBALEVENTID"].nunique() == 2
    assert events[["NumMentions", "NumSources", "NumArticles"]].values.tolist() == [[1, 1, 1], [1, 1, 1]]
    assert sorted(mentions["GLOBALEVENTID"]) == sorted(events["GLOBALEVENTID"])


def test_reports_of_one_happening_count_together(tmp_path: Path) -> None:
    events, mentions, _ = _tables(tmp_path, happenings=True)
    assert len(events) == 1  # one happening, one dyad, taken from its first report
    assert events[["NumMentions", "NumSources", "NumArticles"]].values.tolist() == [[2, 2, 2]]
    assert mentions["GLOBALEVENTID"].tolist() == [events["GLOBALEVENTID"][0]] * 2
    assert (mentions["EventTimeDate"] == events["DATEADDED"][0]).all()


def test_happening_key_and_sentence_number() -> None:
    assert happening_key("a1", 3, None) == "a1:3" and happening_key("a1", 3, "h9") == "h9"
    text = "First one. Second \"quoted.\" Third?\n\nFourth starts here."
    assert [sentence_number(text, text.index(w)) for w in ("First", "Second", "Third", "Fourth")] == [1, 2, 3, 4]


def test_an_event_without_a_happening_id_stands_alone(tmp_path: Path) -> None:
    conn = stored(happenings=True)
    conn.execute("UPDATE events SET happening_id = NULL WHERE article_id = 'a000000000000002'")
    export(Reader(conn), "events", tmp_path / "events.csv", style="gdelt")
    events = pd.read_csv(tmp_path / "events.csv", sep="\t", header=None, names=GDELT_EVENT_COLUMNS)
    assert events["NumMentions"].tolist() == [1, 1] and events["GLOBALEVENTID"].nunique() == 2


def test_split_reports_of_a_happening_are_refused() -> None:
    items = list(Reader(stored(happenings=True)).export_events())
    other = (items[0][0], items[0][1], "h-other", 5)
    with pytest.raises(ValueError, match="do not come together"):
        list(gdelt_event_rows([items[0], other, items[1]]))
