"""Mentions that are no names are cut or dropped; types set by the words around a name."""

from __future__ import annotations

from dateline.extract.entities.junk import clean_mentions, type_by_evidence
from dateline.extract.entities.names import middle_initials, other_middle, spelling_key, surname
from dateline.geo.place_country import place_country
from dateline.model import Mention, Span

TEXT = (
    "She rang Marta Vell at noon. Dana Orr-KimbleDana Orr-Kimble spoke. Aug 14, 2019 came. "
    "Lahore's Qureshi replied. Field Desk Writer\n\nUpdated at noon. Vell’s Canadian friends. "
    "Tom Pardee 412 and K9 at http://bit.ly/abc. Ohio's N.J. Peter Salk spoke. McNally and DeLuca met."
)


def _m(piece: str, label: str = "PERSON", text: str = TEXT) -> Mention:
    start = text.index(piece)
    return Mention(Span(start, start + len(piece)), piece, label)


def test_fragments_are_cut_to_the_name_they_hold() -> None:
    found = clean_mentions(TEXT, [
        _m("rang Marta Vell"), _m("Dana Orr-KimbleDana Orr-Kimble"), _m("'s Qureshi"),
        _m("Field Desk Writer\n\nUpdated", "ORG"), _m("Vell’s Canadian"), _m("Tom Pardee 412"),
        _m("N.J. Peter Salk"), _m("McNally"), _m("DeLuca"),
    ])  # fmt: skip
    assert [(m.text, m.label) for m in found] == [
        ("Marta Vell", "PERSON"), ("Dana Orr-Kimble", "PERSON"), ("Qureshi", "PERSON"),
        ("Field Desk Writer", "ORG"), ("Vell", "PERSON"), ("Tom Pardee", "PERSON"), ("Peter Salk", "PERSON"),
        ("McNally", "PERSON"), ("DeLuca", "PERSON"),
    ]  # fmt: skip
    for m in found:
        assert TEXT[m.span.start : m.span.end] == m.text


def test_dates_codes_and_addresses_are_no_names() -> None:
    assert clean_mentions(TEXT, [_m("Aug 14, 2019"), _m("K9"), _m("http://bit.ly/abc", "ORG")]) == []


def test_types_come_from_the_words_around_a_name() -> None:
    text = ("In the Sudanese town of Kulbus, people fled. Norvacor's shares fell; shares of Brellin rose. "
            "Granite is cheap, and granite is heavy. Tess said so.")  # fmt: skip
    found = type_by_evidence(text, [_m(w, text=text) for w in ("Kulbus", "Norvacor", "Brellin", "Granite", "Tess")])
    assert [(m.text, m.label) for m in found] == [("Kulbus", "GPE"), ("Norvacor", "ORG"), ("Brellin", "ORG"), ("Tess", "PERSON")]
    named = "Granite is cheap, and granite is heavy. Later Judge Granite ruled, and a weary Granite left."
    titled = Mention(Span(named.index("Granite ruled"), named.index("Granite ruled") + 7), "Granite", "PERSON")
    assert [m.label for m in type_by_evidence(named, [titled])] == ["PERSON"]
    verb = "Crane birds fly. A crane lifted it, said a weary Crane."  # a surname that is also a word
    assert [m.label for m in type_by_evidence(verb, [_m("Crane", text=verb)])] == ["PERSON"]


def test_name_keys_for_transliterations_and_middle_initials() -> None:
    assert spelling_key("zelenskiy") == spelling_key("zelenskyy") == spelling_key("zelensky") == "zelensky"
    assert surname("Ali Khamenei") == surname("Ali Hamenei")
    assert surname("Mohammed Moussa") == surname("Mohammed Musa")
    assert middle_initials("George H.W. Bush") == "hw" and middle_initials("Sen. Tim Kaine") == ""
    assert other_middle("George W. Bush", "George H.W. Bush") and not other_middle("Paul D. Ryan", "Paul Ryan")


def test_places_carry_their_country() -> None:
    assert place_country("Ohio") == place_country("Sioux Falls") == "USA"
    assert place_country("Kharkiv") == "UKR"
    assert place_country("Nowhere Special") is None


def test_coordinated_given_names_take_the_surname_after_them() -> None:
    from dateline.extract.entities.coordinated import coordinated_names

    text = "Bill and Hillary Clinton came. Trump and Hillary Clinton met. Carson and Ben Ortiz left. Ben Carson sat."
    other = "Hillary Clinton and Tim Kaine came. Hillary Clinton won. Hillary and Tim Kaine spoke."
    won = other.index("Hillary Clinton won")
    pair = [_m("Hillary Clinton", text=other), _m("Tim Kaine", text=other),
            Mention(Span(won, won + 15), "Hillary Clinton", "PERSON")]
    later_pair = [Mention(Span(other.index("Hillary and"), other.index("Hillary and") + 7), "Hillary", "PERSON"),
                  Mention(Span(other.rindex("Tim Kaine"), other.rindex("Tim Kaine") + 9), "Tim Kaine", "PERSON")]
    assert coordinated_names(pair + later_pair, other) == ({}, {id(later_pair[0])})
    found = [_m(p, text=text) for p in ("Bill", "Hillary Clinton")]
    later = text.index("Trump")
    second = text.index("Hillary Clinton", later)
    found += [Mention(Span(later, later + 5), "Trump", "PERSON"), Mention(Span(second, second + 15), "Hillary Clinton", "PERSON")]
    found += [_m("Ben Ortiz", text=text)]
    carson = text.index("Carson")
    found += [Mention(Span(carson, carson + 6), "Carson", "PERSON"), _m("Ben Carson", text=text)]
    names, unclear = coordinated_names(found, text)
    assert list(names.values()) == ["Bill Clinton"] and not unclear  # not "Trump Clinton", not "Carson Ortiz"


def test_things_and_companies_by_the_words_around_them() -> None:
    text = ("They fought the Corvanta pipeline and cheered Bellwood films. Norvacor, Tixly, and Globex left. "
            "Quillon, which makes pumps, grew. Advising Arvex on its sale paid well. Calmora, the sleep drug, sold.")  # fmt: skip
    names = ("Corvanta", "Bellwood", "Norvacor", "Tixly", "Globex", "Quillon", "Arvex", "Calmora")
    found = [_m(n, text=text) for n in names]
    for org in (found[2], found[4]):
        org.label = "ORG"
    labels = {m.text: m.label for m in type_by_evidence(text, found)}
    assert labels == {"Corvanta": "PRODUCT", "Bellwood": "WORK_OF_ART", "Norvacor": "ORG", "Tixly": "ORG",
                      "Globex": "ORG", "Quillon": "ORG", "Arvex": "ORG", "Calmora": "PRODUCT"}  # fmt: skip
