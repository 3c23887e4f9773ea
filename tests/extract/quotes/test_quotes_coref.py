"""Pronoun and description resolution over hand-made referents (no parser needed)."""

from __future__ import annotations

from dateline.extract.quotes.coref import Referent, Resolver, as_speaker, gender_of


def ref(
    start: int,
    name: str,
    kind: str,
    roles: tuple[str, ...] = (),
    gender: str | None = None,
    plural: bool = False,
    speaker: bool = False,
    subject: bool = False,
    quoted: bool = False,
) -> Referent:
    words = frozenset(w.lower() for w in name.split()) | frozenset(roles)
    return Referent(
        start=start, end=start + len(name), text=name, name=name, kind=kind, words=words, gender=gender,
        plural=plural, speaker=speaker, subject=subject, quoted=quoted,
    )


# sentences start at 0, 100, 200, 300, 400, 500, 600, 700, 800, 900
SENTENCES = [i * 100 for i in range(10)]


def test_he_goes_to_the_closest_person_and_prefers_speakers() -> None:
    miller = ref(10, "Matthew Miller", "person", speaker=True, subject=True)
    baghdad = ref(40, "Baghdad", "organization")
    lopez = ref(120, "Ana Lopez", "person", gender="female")
    resolver = Resolver([miller, baghdad, lopez], SENTENCES)
    found = resolver.pronoun("he", 210)
    assert found is miller  # Ana Lopez is female
    assert miller.gender == "male"  # learned from the pronoun


def test_she_skips_known_men_and_it_needs_an_organization() -> None:
    smith = ref(10, "Mr. Smith", "person", gender="male")
    jones = ref(20, "Karen Jones", "person")
    ministry = ref(30, "Ministry of Finance", "organization")
    resolver = Resolver([smith, jones, ministry], SENTENCES)
    assert resolver.pronoun("she", 150) is jones
    assert resolver.pronoun("it", 150) is ministry
    assert resolver.pronoun("they", 150) is None  # nothing plural


def test_they_goes_to_a_plural_referent() -> None:
    officials = ref(10, "Iraqi officials", "anonymous", plural=True)
    resolver = Resolver([ref(5, "Baghdad", "organization"), officials], SENTENCES)
    assert resolver.pronoun("they", 120) is officials


def test_quoted_names_and_distant_ones_are_not_antecedents() -> None:
    quoted = ref(110, "Maria Ortiz", "person", quoted=True)
    far = ref(10, "Dana Lee", "person")
    resolver = Resolver([far, quoted], SENTENCES)
    assert resolver.pronoun("she", 150) is far  # within six sentences, the quoted name is skipped
    assert resolver.pronoun("he", 950) is None  # more than six sentences back


def test_descriptions_match_names_and_roles() -> None:
    ministry = ref(10, "Iraqi Foreign Ministry", "organization")
    sources = ref(120, "official sources", "anonymous", plural=True)
    miller = ref(220, "Matthew Miller", "person", roles=("spokesman",))
    resolver = Resolver([ministry, sources, miller], SENTENCES)
    assert resolver.description("ministry", 300) is ministry
    assert resolver.description("source", 300) is sources  # plural folded
    assert resolver.description("spokesman", 300) is miller
    assert resolver.description("agency", 300) is None
    assert resolver.description("ministry", 5) is None  # only earlier referents


def test_as_speaker_moves_a_referent_to_where_it_speaks_again() -> None:
    resolver = Resolver([ref(10, "Matthew Miller", "person")], SENTENCES)
    again = as_speaker(resolver.referents[0], 700, 702, "he")
    resolver.add(again)
    assert resolver.referents[-1].start == 700 and again.speaker and again.name == "Matthew Miller"
    assert resolver.pronoun("he", 750) is again


def test_gender_from_titles_and_roles() -> None:
    assert gender_of(["Mr.", "Okafor"]) == "male"
    assert gender_of(["spokeswoman", "Ana"]) == "female"
    assert gender_of(["chairman"]) == "male"
    assert gender_of(["Dana", "Lee"]) is None
