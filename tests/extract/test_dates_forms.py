"""Date phrases and their normalisation against the publication date."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from dateline.extract.dates import NO_DATE, DateStep, extract_dates
from dateline.model import Article, DateRef

# Friday 16 August 2024.
PUB = date(2024, 8, 16)


def one(text: str, published: date | datetime | None = PUB, doc: Any = None) -> DateRef:
    found = extract_dates(text, published, doc)
    assert len(found) == 1, found
    ref = found[0]
    assert ref.span is not None and ref.span.of(text) == ref.raw
    return ref


@pytest.mark.parametrize(
    ("text", "raw", "value", "precision"),
    [
        ("The ministry said in a statement on Thursday that it agreed.", "on Thursday", "2024-08-15", "day"),
        ("Biden earlier Friday said the talks were close.", "earlier Friday", "2024-08-16", "day"),
        ("The cabinet met Saturday in the capital.", "Saturday", "2024-08-10", "day"),
        ("On Thursday evening, the spokesman spoke.", "On Thursday evening", "2024-08-15", "day"),
        ("The government took the decision in January.", "in January", "2024-01", "month"),
        ("He testified on Capitol Hill on May 21, 2024.", "on May 21, 2024", "2024-05-21", "day"),
        ("Exports fell last month.", "last month", "2024-07", "month"),
        ("The minister resigned yesterday.", "yesterday", "2024-08-15", "day"),
        ("Elections are due next year.", "next year", "2025", "year"),
        ("The summit opened on 3 March 2025 in Rome.", "on 3 March 2025", "2025-03-03", "day"),
        ("The talks resume next week.", "next week", "2024-W34", "week"),
        ("The army pulled out three days ago.", "three days ago", "2024-08-13", "day"),
        ("Prices peaked in mid-August.", "mid-August", "2024-08", "month"),
        ("The two states split in 1961.", "in 1961", "1961", "year"),
        ("They met last Monday.", "last Monday", "2024-08-12", "day"),
        ("Fighting resumed in Sunday's clashes.", "in Sunday's", "2024-08-11", "day"),
    ],
)
def test_relative_and_absolute_forms(text: str, raw: str, value: str, precision: str) -> None:
    ref = one(text)
    assert (ref.raw, ref.value, ref.precision, ref.kind) == (raw, value, precision, "point")


def test_since_is_an_open_range_in_the_past() -> None:
    ref = one("It is the ninth trip to the region since October 7.")
    assert (ref.raw, ref.value, ref.kind) == ("since October 7", "2023-10-07", "since")


@pytest.mark.parametrize(
    ("text", "raw", "value", "precision"),
    [
        ("After ten years, the forces are able to manage.", "After ten years", "P10Y", "year"),
        ("The war is 10-month-old now, after two days of talks.", "10-month-old", "P10M", "month"),
        ("They talked for two weeks.", "for two weeks", "P2W", "week"),
    ],
)
def test_durations_say_they_are_durations(text: str, raw: str, value: str, precision: str) -> None:
    ref = extract_dates(text, PUB)[0]
    assert (ref.raw, ref.value, ref.precision, ref.kind) == (raw, value, precision, "duration")


def test_vague_duration_is_unresolved_with_a_reason() -> None:
    ref = one("The committee worked during the past months on the threat.")
    assert ref.kind == "duration" and ref.value is None and ref.reason == "vague duration"


def test_this_weekend_is_the_publication_week() -> None:
    ref = one("The envoy travels to the region this weekend.")
    assert (ref.raw, ref.value, ref.precision) == ("this weekend", "2024-W33", "week")


def test_without_publication_date_relative_phrases_stay_unresolved() -> None:
    found = extract_dates("On Thursday the army withdrew; last month it advanced; on May 21, 2024 it met.", None)
    by_raw = {d.raw: d for d in found}
    assert by_raw["On Thursday"].value is None and by_raw["On Thursday"].reason == NO_DATE
    assert by_raw["last month"].value is None and by_raw["last month"].reason == NO_DATE
    assert by_raw["on May 21, 2024"].value == "2024-05-21"


def test_datetime_publication_is_accepted() -> None:
    assert one("The minister resigned yesterday.", datetime(2024, 8, 16, 9, 30)).value == "2024-08-15"


def test_may_the_verb_is_not_a_month() -> None:
    assert extract_dates("The talks may resume, officials said.", PUB) == []
    assert one("They met in May.").value == "2024-05"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("Blinken will leave Saturday for the region.", "Saturday", "2024-08-17"),
        ("Blinken left Saturday for the region.", "Saturday", "2024-08-10"),
        ("The ministers will meet on Thursday.", "on Thursday", "2024-08-22"),
        ("The ministers met on Thursday.", "on Thursday", "2024-08-15"),
        ("The army will withdraw in January.", "in January", "2025-01"),
    ],
)
def test_tense_of_the_governing_verb_picks_past_or_next(nlp: Any, text: str, raw: str, value: str) -> None:
    ref = one(text, doc=nlp(text))
    assert (ref.raw, ref.value) == (raw, value)


@pytest.mark.slow
def test_step_adds_spacy_dates_it_cannot_read_with_a_reason(nlp: Any) -> None:
    text = "The fighting resumed on the second day of the truce, on Monday."
    article = Article(text=text, published=PUB)
    article.doc = nlp(text)
    out = list(DateStep().run([article]))[0]
    by_raw = {d.raw: d for d in out.dates}
    assert by_raw["on Monday"].value == "2024-08-12"
    unread = [d for d in out.dates if d.value is None]
    assert unread and all(d.reason for d in unread)


def test_step_passes_dropped_articles_through() -> None:
    from dateline.model import Drop

    article = Article(text="x", drop=Drop("empty_file"))
    assert list(DateStep().run([article])) == [article] and article.dates == []


@pytest.mark.parametrize("text", ["THE RALLY ON MONDAY’S SCHEDULE WAS CANCELLED.", "Monday‘s vote was close.",
                                  "Monday's vote was close."])
def test_a_possessive_weekday_in_any_case_or_quote_mark_resolves(text: str) -> None:
    found = extract_dates(text, PUB, None)
    assert all(ref.value is None or ref.value.startswith("2024-08") for ref in found)
