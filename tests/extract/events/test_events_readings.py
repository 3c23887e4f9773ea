"""The CAMEO readings of unrealised actions come from cameo.tsv; the tables can be the user's own."""

from __future__ import annotations

from pathlib import Path

from dateline.extract.events.codes import cameo_reading, threat_code
from dateline.extract.events.lexicon import TriggerLexicon, lexicon, load_lexicon


def test_every_reading_names_a_listed_code_of_the_right_root() -> None:
    lex = lexicon()
    roots = {"intent": "03", "threat": "13", "refusal": "12"}
    assert {kind for kind, _ in lex.readings} == set(roots)
    for (kind, category), code in lex.readings.items():
        assert code in lex.codes and code.startswith(roots[kind]), (kind, category, code)


def test_threats_and_intents_by_category() -> None:
    assert threat_code("SANCTION") == "132" and threat_code("UNKNOWN") == "130"
    assert cameo_reading("AID", "planned", "070") == "033"
    assert cameo_reading("CONCEDE", "negated", "084") == "124"


def test_a_users_cameo_table_replaces_the_readings(tmp_path: Path) -> None:
    table = tmp_path / "cameo.tsv"
    table.write_text("code\tname\tquad_class\tgoldstein\tplover\treading_of\n"
                     "13\tthreaten\t3\t-6.0\tTHREATEN\n"
                     "139\tgive ultimatum\t3\t-7.0\tTHREATEN\tthreat:SANCTION\n", encoding="utf-8")
    lex = load_lexicon(cameo=table)
    assert isinstance(lex, TriggerLexicon)
    assert cameo_reading("SANCTION", "planned", "166", lex=lex) == "139"
    assert lex.code("1391") is not None and lex.code("1391").goldstein == -7.0  # type: ignore[union-attr]
