"""EventStep: who did what to whom, when and where — one record per event trigger.

Requires ``doc``, ``mentions``, ``entities``, ``dates`` and ``places``; assigns ``events``. Drops
nothing. Works with empty mention, entity and quote lists and uses them when present.

For each sentence the lexicon (``data/events/lexicon.tsv``) finds trigger verbs, nouns and
predicate adjectives. A trigger governed by another whose category takes an event complement
("agreed to withdraw", "threatened to ban", "refused to meet", "demanded the withdrawal") is folded
into it. Each remaining trigger becomes an :class:`~dateline.model.Event` with

- actors (subject, or the "by" agent of a passive) and targets (objects, "to"/"with"/"against"/"on"
  objects), pronouns resolved to the subject of the governing clause or of the previous sentence;
  multi-party events keep lists; "X said Y must Z" and "X wants Y to Z" become X REQUEST Y, and
  "X said Y was behind the attack" X ACCUSE Y; an ethnic group takes the country it lives in;
- PLOVER category and mode, CAMEO code, QuadClass and Goldstein (``data/events/cameo.tsv``) and the
  ACLED type, refined by a stated instrument ("two missiles" → shelling/artillery/missile attack)
  and by the sentence's words (``data/events/acled.tsv``), and a ``topic`` for what ACLED does not code;
- modality (:mod:`dateline.extract.events.modality`), with ``source_quote`` set when the trigger is
  inside a quote's content;
- casualties stated in the sentence (and carried back to the attack a later "in the attack" names);
- the nearest place of the sentence and its date phrase (``date_source`` "text"), else the
  publication date (``date_source`` "publication");
- a confidence: the sentence's main predicate scores highest;
- ``primary`` on the one event that stands for the article (:mod:`dateline.extract.events.primary`).

A non-violent event noun that is the subject of its clause with no actor and no target ("the
summit is scheduled to begin") is no event: nobody is said to do anything codable.

``Event.category`` is the action's PLOVER type; a planned, hypothetical or negated action is also
given the CAMEO code of what was actually reported — an intent (03), a threat (13) or a refusal
(12) — and :func:`reported_category` gives the PLOVER category of that reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...model import Actor, Article, DateRef, Event, Place, Span
from ...pipeline import Step
from ..span_index import index_of
from . import args, sides
from . import triggers as senses
from .acled import TypeRule, acled_type, topic_of, type_rules, words_of
from .actors import build_actor
from .article import casualties, corefer, domestic, home_country
from .calibration import calibrated
from .codes import cameo_reading, reported_category
from .eventive import not_eventive
from .gate import is_event
from .lexicon import TriggerLexicon, lexicon
from .lexicon import lexicon as default_lexicon
from .modality import Reading, read
from .primary import mark_primary
from .rules import ACTOR_RULES, TOKEN_RULES, Coding, apply
from .triggers import ABSORBING, Trigger, find_triggers
from .violence import SenseRules, criticism, is_prose, is_violent, sense_rules, violent_sense
from .where import dateline_place, pick_place

__all__ = ["EventStep", "cameo_reading", "extract_events", "find_triggers", "reported_category"]

_ARG_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr",
                       "npadvmod", "compound", "amod", "appos", "poss", "acomp"})
#: Pronouns that stand for every side of a coordinated subject ("France and Germany ... they").
PLURAL = frozenset({"they", "them", "we"})
#: Dependencies that give a verb something or someone to act on ("gave X", "met with Y").
OBJECT_DEPS = frozenset({"dobj", "dative", "prep", "xcomp", "ccomp", "iobj"})
#: Entity types of a proper-name side.
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Categories whose noun trigger is an event even with no actor named ("a roadside bombing killed ...").
UNCODED_NOUN_OK = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


def _confidence(trig: Trigger, sources: list[Actor], targets: list[Actor], lex: TriggerLexicon,
                modality: str = "occurred") -> float:
    hops = 0.0
    cur = trig.token
    noun = trig.entry.pos == "noun"
    if noun and cur.dep_ == "dobj" and args.is_light(cur.head):
        cur, noun = cur.head, False  # "staged rallies": the light verb is the predicate
    control = lex.control
    while cur.head.i != cur.i:
        if cur.dep_ in _ARG_DEPS:
            hops += 1
        elif cur.dep_ == "conj":
            hops += 0.3
        elif cur.dep_ in ("ccomp", "xcomp") and control.get(cur.head.lemma_.lower()) is None:
            hops += 0.5
        cur = cur.head
    conf = 0.85 - 0.1 * hops - (0.1 if noun else 0.0)
    conf += 0.05 if any(a.country or a.group for a in sources) else 0.0
    conf += 0.03 if targets else 0.0
    conf -= 0.1 if modality in ("claimed", "hypothetical", "planned") else 0.0  # said, not seen done
    conf -= 0.1 if not sources else 0.0  # nobody named as doing it
    conf -= 0.05 if trig.entry.category != "REQUEST" and senses.wanted_by(trig.token) is not None else 0.0
    conf += 0.03 if len(trig.entry.words) > 1 else 0.0  # "hold talks", "call for": the sense is spelled out
    return round(max(0.05, min(0.95, conf)), 3)


@dataclass
class _State:
    last_subject: Any = None
    events: list[Event] = field(default_factory=list)
    people: dict[str, Actor] = field(default_factory=dict)  # surname → the fullest actor seen
    article: Article | None = None
    senses: SenseRules | None = None
    types: tuple[TypeRule, ...] | None = None
    _words: dict[int, set[str]] = field(default_factory=dict)
    _people_ids: frozenset[str] | None = None
    dateline: Place | None = None  # the story's wire dateline place

    def person_ids(self) -> frozenset[str]:
        """The ids of the article's PERSON entities (read once per article)."""
        if self._people_ids is None:
            self._people_ids = frozenset(e.id for e in (self.article.entities if self.article else []) if e.type == "PERSON")
        return self._people_ids

    def words(self, sent: Any) -> set[str]:
        """The words of a sentence (cached by its start)."""
        if sent.start not in self._words:
            self._words[sent.start] = words_of(sent)
        return self._words[sent.start]

    def remember(self, actor: Actor, tok: Any) -> Actor:
        """Fill a bare surname ("Blinken") from an earlier, fuller mention in the article."""
        if tok.ent_type_ != "PERSON" and tok.pos_ != "PROPN":
            return actor
        key = tok.text
        seen = self.people.get(key)
        if (actor.country or actor.sector) and (seen is None or not seen.country):
            self.people[key] = actor
        elif seen is not None and not actor.country and not actor.entity_id:
            actor.country, actor.sector, actor.name = seen.country, actor.sector or seen.sector, seen.name
        return actor


def _resolve(tok: Any, reading: Reading, state: _State, article: Article, role: str = "source") -> Any | None:
    if tok is None:
        return None
    if tok.lower_ in ("we", "i", "our", "us") and reading.source_quote is not None:
        quote = article.quotes[reading.source_quote]
        if quote.speaker_span is not None:
            speaker = tok.doc.char_span(quote.speaker_span.start, quote.speaker_span.end, alignment_mode="expand")
            if speaker is not None:
                return _resolve(speaker.root, Reading(), state, article)
    if tok.lower_ in ("we", "i", "our", "us") and reading.reporter is not None and reading.reporter.i != tok.i:
        return _resolve(reading.reporter, Reading(), state, article)
    return args.resolve_pronoun(tok, state.last_subject, role)


def _arguments(trig: Trigger, reading: Reading) -> tuple[list[Any], list[Any]]:
    """Source and target tokens of a trigger (before pronoun resolution)."""
    tok = trig.token
    skip = {x.i for x in trig.extra}
    if trig.entry.pos == "adj":
        verb = args.clause_head(tok)
        target = args.subject_of(verb)
        return ([reading.reporter] if reading.reporter is not None else []), ([target] if target is not None else [])
    if trig.entry.pos == "noun":
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in senses.CARRIERS:
            tok = tok.head  # "announced an aid package": the package carries the aid
        head = tok.head
        if tok.dep_ == "dobj" and args.is_light(head):
            subj = args.subject_of(head)
            sources = args.conjuncts(subj) if subj is not None else []
            _, targets = args.noun_arguments(tok)
            return sources, targets or args.objects_of(head, skip | {tok.i})
        sources, targets = args.noun_arguments(tok)
        if not targets and trig.entry.category in ABSORBING:
            targets = args.clause_subject_targets(tok)
        if not sources and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
            subj = args.subject_of(tok.head.head)  # "negotiators returned to Geneva for talks"
            sources = args.conjuncts(subj) if subj is not None else []
        if not sources and reading.reporter is not None and reading.modality == "denied":
            sources = [reading.reporter]  # "X denied that the negotiations ...": X's own talks
        return sources, targets
    passive = args.passive_subject(tok)
    if passive is not None:
        agent = args.agent_of(tok)
        if agent is None or args.is_instrument(agent):
            agent = _claimed_by(tok)
        return (args.conjuncts(agent) if agent is not None else []), args.conjuncts(passive)
    asked = senses.asked(tok) if senses.wanted_by(tok) is not None else []
    subj = asked[0] if asked else args.subject_of(tok)  # "X wants Y to attack Z": Y attacks
    if subj is not None and subj.pos_ == "NOUN" and lexicon().entries.get(("noun", subj.lemma_.lower())):
        done_by, _ = args.noun_arguments(subj)  # "the army's raid killed four": the army
        subj = done_by[0] if done_by else subj
    targets = args.objects_of(tok, skip)
    if not targets and trig.entry.category in ABSORBING:
        targets = args.clause_subject_targets(tok)
    contents = [*trig.folded, *(x for x in trig.extra if x.dep_ == "xcomp" and x.pos_ == "VERB")]
    for inner in contents:  # "agreed to resume talks with Turkey", "threatened to strike Seoul": the content's objects
        seen = {t.i for t in targets}
        targets += [t for t in args.objects_of(inner, set()) if t.i not in seen]
    if tok.dep_ == "xcomp" and not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ for t in targets):
        # "told the daily to halt printing", "pressed the bloc to back": the governor's object
        targets = args.objects_of(tok.head, {tok.i}) + targets
    return (args.conjuncts(subj) if subj is not None else []), targets


def _claimed_by(tok: Any) -> Any | None:
    """"... attacked by two missiles, claimed by an unknown group": the group."""
    for other in tok.sent:
        if other.lemma_ in ("claim", "carry", "launch", "fire") and other.i != tok.i:
            agent = args.agent_of(other)
            if agent is not None and not args.is_instrument(agent):
                return agent
    return None


def _same(a: Actor, b: Actor) -> bool:
    """Whether two sides are one actor: the same entity, or the same name."""
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    return (a.name or a.text).lower() == (b.name or b.text).lower()


def _actor_ok(actor: Actor, tok: Any) -> bool:
    return bool(actor.country or actor.group or actor.sector or actor.entity_id
                or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))


def _fact_span(fact: DateRef | Place) -> tuple[int, int] | None:
    return (fact.span.start, fact.span.end) if fact.span is not None else None


def _pick_date(article: Article, sent: Span, trigger_at: int) -> tuple[DateRef | None, str | None]:
    """The sentence's date phrase nearest the trigger ("text"), else the publication date ("publication")."""
    inside = [d for d in index_of(article.dates, _fact_span).within(sent.start, sent.end)
              if d.value is not None and d.kind == "point"]
    if inside:
        return min(inside, key=lambda d: abs(d.span.start - trigger_at) if d.span else 0), "text"
    pub = article.published
    if pub is None:
        return None, None
    day = pub.date() if isinstance(pub, datetime) else pub
    return DateRef("", None, day.isoformat(), "day", "publication date"), "publication"


def _coding(trig: Trigger, article: Article, state: _State, lex: TriggerLexicon) -> Coding | None:
    """The trigger's coding after the rules, or None when a violent reading has no violent sense."""
    entry = trig.entry
    reading = read(trig.token, article.quotes, lex.control)
    c = Coding(trig, reading, entry.category, entry.mode, entry.cameo, entry.acled_event_type,
               entry.acled_sub_event_type)
    if not_eventive(trig.token, entry.category, reading) is not None:
        return None  # "should stay in", "could win", "he supports the plan": no act took place
    c.src_toks, c.tgt_toks = _arguments(trig, reading)
    if (reading.reporter is not None and reading.modality != "denied" and entry.pos != "adj"
            and reading.report_verb is not trig.token):
        c.src_toks = [t for t in c.src_toks if t.i != reading.reporter.i]  # the speaker is not the doer
    c.src_toks = [sides.content_head(t) for t in c.src_toks]
    c.tgt_toks = [sides.possessor(sides.content_head(t)) for t in c.tgt_toks]
    apply(TOKEN_RULES, c)
    src = [r for t in c.src_toks if (r := _resolve(t, reading, state, article)) is not None]
    src += [p for t, r in zip(c.src_toks, src, strict=False) if t.lower_ in PLURAL and r.i != t.i
            for p in args.conjuncts(r)[1:]]  # "France and Germany said they would": both
    tgt = [r for t in c.tgt_toks if (r := _resolve(t, reading, state, article, "target")) is not None]
    c.sources = [a for t in src if _actor_ok(a := _owner(state.remember(build_actor(t, article), t), t, state), t)]
    c.targets = [a for t in tgt if (a := _owner(state.remember(build_actor(t, article), t), t, state)).country
                 or a.group or a.sector or a.entity_id]
    apply(ACTOR_RULES, c)
    c.targets = [a for a in c.targets if not any(_same(a, b) for b in c.sources)]  # no one acts on themself
    if c.category in sides.JOINT:  # "Peruvian and Bolivian troops": both act
        c.sources += [build_actor(p, article) for t in src[:1] for p in sides.partners(t)]
    if (entry.pos == "noun" and trig.token.dep_ in ("nsubj", "nsubjpass", "attr") and not c.sources
            and not c.targets and c.category not in UNCODED_NOUN_OK):
        return None  # "the summit is scheduled to begin": a named event no one is said to do
    bare = (entry.pos == "verb" and len(entry.words) == 1 and not trig.extra and len(src) < 2
            and not any(t.tag_ in ("NNS", "NNPS") for t in src)  # "the leaders met": with each other
            and not any(ch.dep_ in OBJECT_DEPS for ch in trig.token.children))
    named = any(t.ent_type_ in NAMED or t.pos_ == "PROPN" for t in [*src, *tgt])
    if not is_event(c.category, c.sources, c.targets, bare, named, doer=bool(c.src_toks)):
        return None  # no political or social actor acts: "he sat down", "the rules let shops sell"
    typed = acled_type(c.category, state.words(trig.token.sent), state.types)
    if typed is not None:
        c.acled, c.sub = typed
    if not is_violent(c.category, c.mode, c.acled):
        return c
    people = state.person_ids()
    if violent_sense(trig.token, list(trig.token.sent), c.sources, tgt, state.senses, lex.weapons, people):
        return c
    if criticism(trig.token, state.senses or sense_rules(), c.sources, people):
        c.recode("ACCUSE", "criticize", "111")  # "the senator attacked her rival over the budget"
        return c
    return None  # "beat a record", "hit by an outage", "shell out": no violence


def _event(trig: Trigger, article: Article, state: _State, sent: Span, lex: TriggerLexicon) -> Event | None:
    c = _coding(trig, article, state, lex)
    if c is None:
        return None
    tok, reading = trig.token, c.reading
    cameo_code = cameo_reading(c.category, reading.modality, c.cameo, reading.refusal, senses.unless(tok), lex)
    code = lex.code(cameo_code)
    at = tok.idx
    action = " ".join(t.lemma_.lower() for t in sorted([tok, *trig.extra], key=lambda t: t.i))
    reporter = _resolve(reading.reporter, Reading(), state, article) if reading.reporter is not None else None
    when, date_source = _pick_date(article, sent, at)
    return Event(
        sentence_span=sent,
        trigger_span=Span(tok.idx, tok.idx + len(tok)),
        action=action,
        category=c.category,
        mode=c.mode,
        cameo=cameo_code,
        quad_class=code.quad_class if code else None,
        goldstein=code.goldstein if code else None,
        acled_event_type=c.acled,
        acled_sub_event_type=c.sub,
        modality=reading.modality,
        actors=c.sources,
        targets=c.targets,
        instrument=c.instrument,
        place=pick_place(article, sent, at, state.dateline),
        date=when,
        date_source=date_source,
        topic=topic_of(c.category, state.words(tok.sent), state.types),
        source_quote=reading.source_quote,
        confidence=calibrated(_confidence(trig, c.sources, c.targets, lex, reading.modality)),
        attributed_to=build_actor(reporter, article) if reporter is not None else None,
    )


def _owner(actor: Actor, tok: Any, state: _State) -> Actor:
    """"its troops", "their forces": the country of the one the possessive stands for."""
    if actor.country or actor.group:
        return actor
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in args.PRONOUNS), None)
    if poss is not None:
        owner = args.resolve_pronoun(poss, state.last_subject)
        if owner is not None and owner.i != tok.i:
            found = build_actor(owner, state.article) if state.article is not None else None
            if found is not None:
                actor.country, actor.group = found.country, found.group
    return actor


def extract_events(article: Article, lex: TriggerLexicon | None = None, rules: SenseRules | None = None,
                   types: tuple[TypeRule, ...] | None = None) -> list[Event]:
    """All events of a parsed article (see the module docstring); the default tables unless given."""
    doc = article.doc
    if doc is None:
        return []
    lex = lex or lexicon()
    state = _State(article=article, senses=rules or sense_rules(), types=types if types is not None else type_rules())
    state.dateline = dateline_place(article)
    for sent in doc.sents:
        tokens = list(sent)  # one pass over the sentence's tokens, shared by the steps below
        if not is_prose(tokens):
            continue  # "Free Sign Up.", a menu, a headline fragment
        span = Span(sent.start_char, sent.end_char)
        found = [_event(t, article, state, span, lex) for t in find_triggers(tokens, lex)]
        here = [e for e in found if e is not None]
        if here:
            casualties(tokens, here, state.events)
        state.events.extend(here)
        root = next((t for t in tokens if t.dep_ == "ROOT"), None)
        root_subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
        if root_subj is not None and root_subj.lower_ not in args.PRONOUNS:
            state.last_subject = root_subj
    corefer(state.events)
    domestic(state.events, state.person_ids())
    home_country(state.events, article, state.person_ids())
    mark_primary(state.events)
    return state.events


class EventStep(Step):
    """Requires doc, mentions, entities, dates, places; assigns ``events``. Drops nothing.

    ``lexicon`` (the trigger, control, CAMEO and instrument tables), ``senses`` (the violence
    sense rules) and ``types`` (ACLED sub-event types and topics) default to the shipped tables
    under ``data/events/``.
    """

    name = "events"
    requires: frozenset[str] = frozenset({"doc", "mentions", "entities", "quotes", "dates", "places"})
    assigns: frozenset[str] = frozenset({"events"})
    nlp_components: frozenset[str] = frozenset({"parser", "ner", "lemmatizer", "tagger"})

    def __init__(self, lexicon: TriggerLexicon | None = None, senses: SenseRules | None = None,
                 types: tuple[TypeRule, ...] | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.senses = senses or sense_rules()
        self.types = types if types is not None else type_rules()

    def process(self, article: Article) -> Iterator[Article]:
        article.events = extract_events(article, self.lexicon, self.senses, self.types)
        yield article
