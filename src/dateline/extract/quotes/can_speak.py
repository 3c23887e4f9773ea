"""Who may be a speaker: one test, with the policy each construction needs spelled out.

A passive agent ("criticized by Democrats"), a loose attribution ("He told reporters: ...") and a
speaker found through a participle ("officials, speaking on ...") accept different words; each
names its policy here instead of carrying its own copy of the test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import CueLexicon


@dataclass(frozen=True)
class CanSpeak:
    """``name_labels``: NER labels a proper noun may carry ("" for none; ``None`` for any);
    ``entity_labels``: a token inside such an entity speaks whatever its part of speech;
    ``pronouns``: pronouns that speak (``None`` for all); ``noun_classes``: lexicon noun classes
    that speak (``None`` for any listed noun); ``nouns_only``: the listed word must be tagged NOUN."""

    name_labels: frozenset[str] | None
    entity_labels: frozenset[str] = frozenset()
    pronouns: frozenset[str] | None = None
    noun_classes: frozenset[str] | None = None
    nouns_only: bool = False

    def __call__(self, tok: Token, lex: CueLexicon) -> bool:
        if tok.ent_type_ and tok.ent_type_ in self.entity_labels:
            return True
        if tok.pos_ == "PROPN":
            return self.name_labels is None or tok.ent_type_ in self.name_labels
        if tok.pos_ == "PRON" and (self.pronouns is None or self.pronouns):
            return self.pronouns is None or tok.lower_ in self.pronouns
        if self.nouns_only and tok.pos_ != "NOUN":
            return False
        noun_class = lex.nouns.get(tok.lemma_.lower())
        return noun_class is not None if self.noun_classes is None else noun_class in self.noun_classes


#: The agent of a passive cue: a name of a person or group, any pronoun, or any listed source noun.
PASSIVE_AGENT = CanSpeak(name_labels=frozenset({"PERSON", "ORG", "NORP", "GPE", ""}))
#: The speaker of a loose attribution: any name, a personal pronoun, a noun for a person or a body.
LOOSE_SPEAKER = CanSpeak(
    name_labels=None,
    entity_labels=frozenset({"PERSON", "ORG", "NORP", "GPE"}),
    pronouns=frozenset({"he", "she", "they", "we", "i"}),
    noun_classes=frozenset({"person", "institution", "anonymous"}),
    nouns_only=True,
)
#: A speaker reached through a participle or an "of" phrase: a person's or organisation's name, or a
#: noun for a person, a body or an anonymous source; no pronouns.
NOUN_SPEAKER = CanSpeak(
    name_labels=frozenset({"PERSON", "ORG", ""}),
    pronouns=frozenset(),
    noun_classes=frozenset({"person", "anonymous", "institution"}),
    nouns_only=True,
)

if TYPE_CHECKING:
    from ...nlp.types import Token
