"""Noun-phrase objects as the content of speech and act cues.

- :func:`said_object`: the object of a speech cue that names what was said ("noted the
  shortage", "wrote a memoir"), never the one addressed ("told reporters") or an empty word
  ("said nothing");
- :func:`reduced_relative`: an object with the clause the parser split off it ("cited remarks
  Trump had made about her": the clause describes the remarks);
- :func:`prep_object`: the object of a preposition when the cue has no other content ("agrees
  with the ruling", "knew of the plan", "lashed out at the board"), never an occasion ("spoke at
  a rally", "said in an interview": ``occasions.txt``) or a time;
- :func:`conjecture`: a stance cue under a modal ("China's leaders may still believe ...") is the
  writer's guess about a belief, and a cue in an infinitive on a noun ("has his own allies to
  blame") is the writer's description: neither is an attribution;
- :func:`negation`: the "not" or "never" of a negated cue, which the content keeps ("did not
  want to address it": content "not ... to address it", never the opposite of what was meant).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Cue, CueLexicon

if TYPE_CHECKING:
    from ...nlp.types import Token


#: Speech cues whose object is whom they address ("told reporters"), never what they say.
ADDRESSEE_CUES = frozenset({"tell", "ask", "assure", "inform", "brief", "advise", "caution", "warn", "answer", "charge"})
#: Object words that stand for no statement of their own ("said nothing", "added this").
_EMPTY_OBJECTS = frozenset({"nothing", "anything", "something", "everything", "much", "little", "lot", "thing", "word", "so"})
_SEPARATORS = frozenset({",", "—", "–", "--", '"', "”"})
#: Objects that stand for a whole answer or for what someone else said ("said yes", "said the same").
_ANSWERS = frozenset({"yes", "no", "so", "same"})


def said_object(tok: Token, cue: Cue, lex: CueLexicon) -> list[Token]:
    """The noun-phrase object of a speech cue that names what was said: "noted the shortage",
    "mentioned his remarks", "wrote a memoir", or an answer ("said yes", "said the same of him");
    not "told reporters", "said nothing"."""
    if cue.kind != "speech" or cue.particle or cue.lemma in ADDRESSEE_CUES:
        return []
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ == "dative" for c in tok.children):
        return []
    obj = objects[0]
    if obj.lower_ in _ANSWERS:  # "26 percent said the same", "neither side would say so"
        return list(obj.subtree) + [t for c in tok.children if c.dep_ == "prep" and c.i > obj.i for t in c.subtree]
    if obj.pos_ != "NOUN" or obj.lemma_.lower() in lex.nouns or obj.lower_ in _EMPTY_OBJECTS or obj.ent_type_ in ("PERSON", "NORP"):
        return []
    tail = [
        c for c in tok.children
        if c.i > obj.i and c.dep_ == "prep" and c.lower_ in ("as", "about", "on", "of")
        and c.doc[c.left_edge.i - 1].text not in _SEPARATORS
    ]
    return [t for c in [obj, *tail] for t in c.subtree]


def reduced_relative(tok: Token, cue: Cue, clauses: list[Token]) -> list[Token]:
    """Object and the clause the parser split off it: in "cited remarks Trump had made about her"
    the clause right after the object, without "that" and missing its own object, describes the
    object; it is not what was cited."""
    if cue.kind not in ("act", "speech") or cue.lemma in ADDRESSEE_CUES:
        return []
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    for obj in objects:
        for clause in clauses:
            gap = clause.left_edge.i == obj.right_edge.i + 1
            complete = any(g.dep_ in ("mark", "dobj", "ccomp", "xcomp", "attr", "acomp") for g in clause.children)
            if gap and not complete and clause.pos_ == "VERB":
                return [t for c in (obj, clause) for t in c.subtree]
    return []


#: Prepositions whose object can be what a cue is about ("agrees with", "knew of", "lashed out at").
_CONTENT_PREPS = frozenset({"with", "of", "about", "at", "into", "against", "over", "to", "on", "for"})
_TIMES = frozenset({"DATE", "TIME"})


def prep_object(tok: Token, cue: Cue, lex: CueLexicon) -> list[Token]:
    """The first prepositional object after ``tok`` that can be content (see the module doc)."""
    if cue.kind not in ("act", "intent") or cue.lemma in ADDRESSEE_CUES:
        return []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i or prep.lower_ not in _CONTENT_PREPS:
            continue
        if tok.doc[prep.left_edge.i - 1].text in _SEPARATORS:
            continue
        objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if not objects:
            continue
        obj = objects[0]
        if obj.ent_type_ in _TIMES or obj.pos_ == "PRON" or obj.lemma_.lower() in lex.occasions or obj.lemma_.lower() in lex.nouns:
            return []
        return list(obj.subtree)
    return []


#: Modal auxiliaries that turn a stance verb into the writer's guess.
_MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can"})
#: Cue kinds that state a stance (belief, expectation, wish) rather than an act of speech.
_STANCE_KINDS = frozenset({"clausal", "intent"})


def conjecture(tok: Token, cue: Cue) -> bool:
    """True for a cue that attributes nothing: a stance cue with a modal auxiliary ("they may still
    believe", "voters might want") or a cue in an infinitive that modifies a noun ("may have
    his own allies to blame for")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
        tok.dep_ in ("relcl", "acl") or (tok.head.lemma_ == "have" and any(c.dep_ in ("dobj", "nsubj") for c in [*tok.head.children, *tok.children]) and tok.head.i < tok.i)
    ):
        return True  # "has his own allies to blame": the writer's description
    if cue.kind not in _STANCE_KINDS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children)


def negation(tok: Token, content: list[Token]) -> list[Token]:
    """The negation of cue ``tok`` ("not", "n't", "never") before it, to be kept with the content
    ("did not want to address it" wants nothing: its content is "not ... to address it"); empty
    when the cue is not negated or has no content."""
    if not content:
        return []
    return [c for c in tok.children if c.dep_ == "neg" and c.i < tok.i]
