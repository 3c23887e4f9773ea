"""The cue and source lists behind quote attribution, and reading a user's own lists."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.extract.quotes.lexicon import DATA_DIR, default_lexicon, read_lexicon


def test_shipped_cues_cover_the_common_reporting_verbs() -> None:
    lex = default_lexicon()
    for lemma in ("say", "tell", "note", "add", "remark", "emphasize", "stress", "warn", "insist",
                  "claim", "deny", "reply", "announce", "confirm", "write", "argue", "acknowledge"):
        assert lex.cue(lemma) is not None, lemma
    assert lex.cue("point", "out") is not None
    assert lex.cue("call", "for") is not None
    according = lex.cue("according", "to")
    assert according is not None and according.kind == "source"
    assert lex.cue("eat") is None


def test_shipped_cues_cover_manner_of_speaking_and_prepositional_cues() -> None:
    lex = default_lexicon()
    for lemma in ("muse", "grumble", "sigh", "whisper", "concur", "speculate", "opine", "affirm", "sing"):
        assert lex.cue(lemma) is not None, lemma
    for lemma, particle in (("complain", "about"), ("warn", "against"), ("shoot", "back"), ("chime", "in")):
        assert lex.cue(lemma, particle) is not None, (lemma, particle)
    for noun in ("criticism", "praise", "endorsement", "remark"):
        assert noun in lex.noun_cues, noun


def test_shipped_source_nouns_metonyms_and_outlets() -> None:
    lex = default_lexicon()
    assert lex.nouns["source"] == "anonymous"
    assert lex.nouns["official"] == "anonymous"
    assert lex.nouns["ministry"] == "institution"
    assert lex.nouns["statement"] == "document"
    assert lex.metonyms["washington"] == "US government"
    assert lex.is_outlet("AFP") and lex.is_outlet("the Associated Press")
    assert lex.is_outlet("The Valdora Times")  # by its last word
    assert not lex.is_outlet("the State Department")


def test_anonymity_reasons() -> None:
    lex = default_lexicon()
    cases = {
        "an official told reporters on customary condition of anonymity.": "on customary condition of anonymity",
        "an aide, speaking on condition of anonymity because he was not authorized to speak, said": (
            "speaking on condition of anonymity because he was not authorized to speak"
        ),
        "sources who asked not to be named said": "who asked not to be named",
        "a diplomat who was not authorized to discuss the talks said": "who was not authorized to discuss the talks",
    }
    for text, reason in cases.items():
        assert lex.anonymity_reason(text) == reason, text
    assert lex.anonymity_reason("The minister said the talks would resume.") is None


def test_users_can_extend_the_lists(tmp_path: Path) -> None:
    data = tmp_path / "quotes"
    shutil.copytree(DATA_DIR, data)
    with (data / "cues.tsv").open("a", encoding="utf-8") as f:
        f.write("grumble\tspeech\n")
    with (data / "outlets.txt").open("a", encoding="utf-8") as f:
        f.write("Harbour Radio Network\n")
    lex = read_lexicon(data)
    cue = lex.cue("grumble")
    assert cue is not None and cue.kind == "speech"
    assert lex.is_outlet("Harbour Radio Network")


def test_a_bad_cue_kind_names_the_line(tmp_path: Path) -> None:
    data = tmp_path / "quotes"
    shutil.copytree(DATA_DIR, data)
    with (data / "cues.tsv").open("a", encoding="utf-8") as f:
        f.write("mutter\tloud\n")
    with pytest.raises(ValueError, match="mutter"):
        read_lexicon(data)
