"""Happenings: reports of one happening grouped within a story, counted once."""

from __future__ import annotations

from dateline.corpus.happenings import EventReport, dates_fit, group_events


def _report(n: int, article: str, outlet: str, category: str = "ASSAULT", date: str | None = "2024-08-14",
            precision: str | None = "day", place: str | None = "Erbil", names: frozenset[str] = frozenset(),
            ) -> EventReport:
    return EventReport(n, article, n, outlet, category, "occurred", date, precision, place, names)


def test_reports_of_one_strike_become_one_happening() -> None:
    reports = [
        _report(1, "a1", "Ledger"),
        _report(2, "a2", "Post", date="2024-W33", precision="week", place=None),
        _report(3, "a3", "Times", date="2024-08-14"),
        _report(4, "a3", "Times", category="PROTEST", date="2024-08-15"),
        _report(5, "a2", "Post", date="2024-08-10"),
    ]
    groups = group_events(reports)
    strike = next(h for h in groups if len(h.reports) == 3)
    assert (strike.mentions, strike.sources, strike.articles) == (3, 3, 3)
    assert strike.date == "2024-08-14" and strike.place == "Erbil"
    assert len(groups) == 3


def test_different_actors_are_different_happenings() -> None:
    reports = [_report(1, "a1", "L", names=frozenset({"police"})), _report(2, "a2", "P", names=frozenset({"army"}))]
    assert len(group_events(reports)) == 2


def test_ids_do_not_depend_on_order() -> None:
    reports = [_report(1, "a1", "L"), _report(2, "a2", "P")]
    assert [h.id for h in group_events(reports)] == [h.id for h in group_events(reports[::-1])]


def test_dates_fit() -> None:
    assert dates_fit("2024-W33", "2024-08-14") and dates_fit("2024-08", "2024-08-30") and dates_fit(None, "2024")
    assert not dates_fit("2024-08-13", "2024-08-14") and not dates_fit("2024-W34", "2024-08-14")
