"""Escape sequences and control characters leave the text before anything reads it."""

from __future__ import annotations

from dateline.clean import CleanStep
from dateline.clean.controls import optional, without_controls
from dateline.model import Article, Caption

ESC = "\x1b"


def test_sequences_go_whole_and_plain_text_is_untouched() -> None:
    assert without_controls(f"{ESC}[31mred{ESC}[0m alert") == "red alert"
    assert without_controls(f"Port {ESC}[2JEllis") == "Port Ellis"
    assert without_controls(f"see {ESC}]8;;http://x.invalid/{ESC}\\here{ESC}]8;;{ESC}\\ now") == "see here now"
    assert without_controls(f"title{ESC}]0;owned\x07 end") == "title end"
    assert without_controls("a\x9b1mb\x00c\x7fd\x85e") == "abcde"
    kept = "Tabs\tand\nnewlines [/b] stay, as does “Ünïcode” — and \u200f marks."
    assert without_controls(kept) is kept


def test_optional_fields() -> None:
    assert optional(None) is None
    assert optional(f"{ESC}[2J") is None
    assert optional(f"Ana {ESC}[1mRuiz") == "Ana Ruiz"


def test_clean_step_strips_text_title_byline_and_captions() -> None:
    article = Article(
        text=f"Officials in Port Ellis {ESC}[2Jsaid the quay would reopen on Monday after repairs.\n",
        format="html", title=f"Quay {ESC}[1mreopens", byline="Ana\x07 Ruiz",
        captions=[Caption(f"Cranes{ESC}[0m idle", f"{ESC}[7m")],
    )
    (out,) = CleanStep().process(article)
    assert out.text == "Officials in Port Ellis said the quay would reopen on Monday after repairs."
    assert (out.title, out.byline) == ("Quay reopens", "Ana Ruiz")
    assert (out.captions[0].text, out.captions[0].credit) == ("Cranes idle", None)
