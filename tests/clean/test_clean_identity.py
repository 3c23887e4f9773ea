"""IdentityStep: stable content ids and drops for empty or too-short bodies."""

from __future__ import annotations

from dateline.clean import MIN_BODY_CHARS, CleanStep, IdentityStep, SegmentStep
from dateline.model import Article, Drop, RemovedLine
from dateline.pipeline import Pipeline

BODY = "The council approved the budget on Monday. \u201cIt is fair,\u201d the mayor said \u2014 and left."


def identify(*texts: str, min_chars: int = MIN_BODY_CHARS) -> list[Article]:
    return list(IdentityStep(min_chars).run([Article(text=t) for t in texts]))


def test_id_is_stable_across_whitespace_and_quote_styles() -> None:
    variants = [
        BODY,
        "  " + BODY.replace(" ", "   ") + "\n",
        BODY.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-"),
        BODY.replace("budget on", "budget\n\non"),
        BODY.upper(),
    ]
    ids = {a.id for a in identify(*variants)}
    assert len(ids) == 1
    assert next(iter(ids)).startswith("a")


def test_different_bodies_get_different_ids() -> None:
    one, two = identify(BODY, BODY.replace("Monday", "Tuesday"))
    assert one.id != two.id


def test_empty_and_short_bodies_are_dropped_with_reasons() -> None:
    empty, short, kept = identify("   \n\n ", "Too short to be news.", BODY)
    assert empty.drop == Drop("empty_body", "no text left after cleaning")
    assert short.drop is not None and short.drop.reason == "too_short"
    assert "21 characters" in short.drop.detail
    assert kept.drop is None
    assert empty.id and short.id  # a dropped article can still be traced


def test_threshold_is_configurable() -> None:
    (short,) = identify("Too short to be news.", min_chars=10)
    assert short.drop is None


def test_already_dropped_articles_are_left_alone() -> None:
    article = IdentityStep.dropped(Article(text=""), "bad_utf8")
    (out,) = IdentityStep().run([article])
    assert out.drop == Drop("bad_utf8") and out.id == ""


def test_furniture_only_segment_is_dropped_after_cleaning() -> None:
    dump = Article(
        text=(
            "Port Reopens After Storm Damage Is Repaired\n\n"
            "The port reopened on Friday after crews repaired storm damage to two of its quays.\n"
            "-----\n"
            "Share\nAdvertisement\nFollow us on Twitter\n"
        ),
        format="text",
    )
    out = list(Pipeline([SegmentStep(), CleanStep(), IdentityStep()]).run([dump]))
    assert [a.drop.reason if a.drop else None for a in out] == [None, "empty_body"]
    assert out[1].cleaned is not None
    assert out[1].cleaned.removed_lines[0] == RemovedLine("Share", "furniture")
