"""Article text cannot drive the terminal or a spreadsheet: Rich markup, ESC/OSC sequences, formulas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from clitools import run
from dateline.model import Actor, Article, Caption, Entity, Event, Mention, Quote, Span
from dateline.store import Writer, connect

ESC = "\x1b"
OSC_LINK = f"{ESC}]8;;http://example.invalid/{ESC}\\click here{ESC}]8;;{ESC}\\"
BODY = (
    f"[red]Warning[/red] Officials in [/b] Port Ellis {ESC}[2J said the quay [would] reopen. "
    f"\"We are ready,\" said [/resume] Mayor Ana Ruiz, {OSC_LINK}. 100% of_the crews returned."
)
TITLE = "[/b] Quay [bold]reopens[/bold] \x1b[31mred"


def _hostile_db(path: Path) -> str:
    text = BODY
    ana = text.index("[/resume] Mayor")
    quote = text.index("We are ready,")
    article = Article(
        text=text, id="a1b2c3", source=str(path.parent / "[/b]\x1b[2Jnews.txt"), title=TITLE, format="text",
        captions=[Caption("Cranes [idle] at dawn", "=HYPERLINK(\"http://x\")")],
        entities=[Entity(id="e1", name="[/resume] Mayor Ana Ruiz", type="PERSON")],
        mentions=[Mention(Span(ana, ana + 30), text[ana:ana + 30], "PERSON", "e1")],
        quotes=[Quote([Span(quote, quote + 13)], "say", None, "direct", speaker="[/resume] Ana Ruiz\x1b[2J",
                      speaker_kind="person")],
        events=[Event(Span(0, len(text)), Span(text.index("reopen"), text.index("reopen") + 6), "reopen",
                      "COOPERATE", actors=[Actor("=cmd|' /C calc'!A0", None, name="=cmd|' /C calc'!A0")],
                      confidence=0.9)],  # shown by default
    )
    conn = connect(path)
    writer = Writer(conn)
    source = writer.begin_source(article.source, "0" * 64, 10, "text")
    writer.write(article, source)
    drop = Article(text="", source=str(path.parent / "bad\nname\x1b[2J.txt"))
    writer.write(_dropped(drop), source)
    writer.finish_source(source)
    conn.close()
    return str(path)


def _dropped(article: Article) -> Article:
    from dateline.model import Drop

    article.drop = Drop("bad_utf8", "invalid [/b] byte\nat line 2")
    return article


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _hostile_db(tmp_path_factory.mktemp("hostile") / "h.db")


def _clean(output: str) -> None:
    assert ESC not in output and "\x9b" not in output


def test_show_prints_markup_literally_and_no_escape_sequences(db: str) -> None:
    proc = run("show", "a1b2", "--db", db)
    _clean(proc.stdout + proc.stderr)
    flat = " ".join(proc.stdout.split())
    assert "[/b] Quay [bold]reopens[/bold]" in flat
    assert "[caption] Cranes [idle] at dawn" in flat
    assert "[red]Warning[/red]" in flat and "[would]" in flat
    assert "␛[2J" in proc.stdout


@pytest.mark.parametrize("args", [
    ("articles",), ("entities",), ("quotes",), ("log",), ("events",), ("search", "[/b]"), ("search", "reopen"),
    ("quotes", "--speaker", "[/resume]"),
])
def test_listings_survive_markup_and_escape_sequences(db: str, args: tuple[str, ...]) -> None:
    proc = run(*args, "--db", db)
    _clean(proc.stdout + proc.stderr)
    assert proc.stdout.strip()


def test_json_output_keeps_the_data_and_escapes_controls(db: str) -> None:
    proc = run("articles", "--db", db, "--json")
    _clean(proc.stdout)
    assert json.loads(proc.stdout)[0]["title"] == TITLE
    log = json.loads(run("log", "--db", db, "--json").stdout)
    assert log["drops"][0]["detail"] == "invalid [/b] byte\nat line 2"


def test_drop_lines_in_the_log_stay_on_one_line(db: str) -> None:
    proc = run("log", "--db", db)
    _clean(proc.stdout)
    flat = "".join(proc.stdout.split())
    assert "bad\\nname\\x1b[2J.txt" in flat and "invalid[/b]byte\\natline2" in flat


def test_unknown_id_with_markup_is_a_clean_error(db: str) -> None:
    proc = run("show", "[/b]", "--db", db, check=False)
    assert proc.returncode == 3
    assert "no article with id '[/b]'" in proc.stderr and "Traceback" not in proc.stderr


def test_csv_export_guards_formulas_and_controls(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    run("export", "events", "--db", db, "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["actors"].startswith("'=cmd")
    assert ESC not in out.read_text(encoding="utf-8")


def test_ingest_drop_lines_with_markup_and_escapes_in_names(tmp_path: Path) -> None:
    inbox = tmp_path / "[red]in[b]"
    inbox.mkdir()
    (inbox / "empty\x1b[2J\nname.txt").write_bytes(b"")
    (inbox / "[bold]resume.txt").write_bytes(b"\x00\x01binary")
    proc = run("ingest", str(inbox), "--db", str(tmp_path / "n.db"), "--quiet")
    _clean(proc.stdout + proc.stderr)
    drops = [line for line in proc.stderr.splitlines() if line.startswith("dropped")]
    assert len(drops) == 2
    assert any("[red]in[b]/[bold]resume.txt: binary_file" in line for line in drops)
    assert any("empty\\x1b[2J\\nname.txt: empty_file" in line for line in drops)
    assert str(tmp_path / "n.db") in proc.stdout
