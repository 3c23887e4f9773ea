"""The event data files: every line is usable and every code resolves."""

from __future__ import annotations

from dateline.extract.events.codes import cameo_reading
from dateline.extract.events.lexicon import lexicon
from dateline.geo.orgs import find_orgs, sectors

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT",
          "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def test_every_lexicon_line_has_a_plover_category_and_a_known_cameo_code() -> None:
    lex = lexicon()
    entries = {id(e): e for found in lex.entries.values() for e in found}.values()
    assert len(entries) > 300
    for entry in entries:
        assert entry.category in PLOVER | {"NONE"}, entry
        code = lex.code(entry.cameo)
        assert code is not None and 1 <= code.quad_class <= 4 and -10 <= code.goldstein <= 10, entry
        if entry.acled_event_type:
            assert entry.acled_sub_event_type in ACLED[entry.acled_event_type], entry


def test_every_category_has_verbs_and_the_roots_map_to_plover() -> None:
    lex = lexicon()
    verbs = {e.category for (pos, _), found in lex.entries.items() if pos == "verb" for e in found}
    assert verbs == PLOVER | {"NONE"}
    assert {lex.codes[f"{n:02d}"].quad_class for n in range(1, 21)} == {1, 2, 3, 4}
    assert lex.codes["03"].plover == "AGREE" and lex.codes["13"].plover == "THREATEN"
    assert lex.codes["12"].plover == "REJECT" and lex.codes["01"].plover is None


def test_instruments_carry_acled_types() -> None:
    for inst in lexicon().instruments.values():
        assert inst.acled_sub_event_type in ACLED[inst.acled_event_type]
        assert lexicon().code(inst.cameo) is not None


def test_control_verbs_have_known_effects() -> None:
    effects = set(lexicon().control.values())
    assert effects <= {"report", "deny", "planned", "hypothetical", "transparent", "command"}
    assert lexicon().control["say"] == "report" and lexicon().control["deny"] == "deny"


def test_cameo_reading_of_unrealised_actions() -> None:
    assert cameo_reading("CONSULT", "planned", "042") == "036"
    assert cameo_reading("SANCTION", "planned", "166") == "132"
    assert cameo_reading("RETREAT", "planned", "0874", unless=True) == "130"
    assert cameo_reading("AGREE", "negated", "030", refusal=True) == "120"
    assert cameo_reading("CONSULT", "negated", "040") == "040"  # a past denial, not a refusal
    assert cameo_reading("ASSAULT", "occurred", "194") == "194"


def test_organisations_and_sectors() -> None:
    names = {org.name: org.code for _, _, org in find_orgs("The UN and Hamas met human rights groups in Doha.")}
    assert names == {"United Nations": "IGO", "Hamas": "PSE", "human rights group": "NGO"}
    assert find_orgs("the un-named source") == []
    assert sectors()["ministry"] == "GOV" and sectors()["soldier"] == "MIL" and sectors()["rebel"] == "REB"
