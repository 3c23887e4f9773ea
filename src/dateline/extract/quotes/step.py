"""QuoteStep: who said what — direct, indirect and mixed attributions with resolved speakers.

The work is split over small modules:

- :mod:`.quote_marks` finds quotations (also ones running over paragraphs);
- :mod:`.quote_frames` finds cues and their content in the dependency parse;
- :mod:`.quote_objects` takes noun-phrase objects as content ("noted the shortage");
- :mod:`.quote_headlines` finds headlines written as "Speaker: claim";
- :mod:`.adjectives` finds adjective cues ("critical of", "eager to");
- :mod:`.colons` finds colon frames held by a cue noun ("His message: ...");
- :mod:`.quote_speaker` finds the speaker phrase of each cue;
- :mod:`.quote_verbal_nouns` finds cue verbs the tagger read as plural nouns ("Trump claims that");
- :mod:`.quote_direct` joins quotations to cues and decides direct / mixed / indirect;
- :mod:`.narration` drops what the writer says and cuts the writer's asides from content;
- :mod:`.quote_loose` makes attributions of the quotations no cue claims (the speaker carries on);
- :mod:`.sources` says who a speaker is (person, organization, anonymous) and credits relays;
- :mod:`.coref` resolves pronouns and descriptions ("it", "the ministry") to earlier names;
- :mod:`.quote_lexicon` reads the cue and source lists in ``dateline/data/quotes``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...model import Article, Quote, Span
from ...pipeline import Step
from .adjectives import adjective_frames
from .colons import colon_frames
from .coref import Referent, Resolver, as_speaker, gender_of
from .direct import attach, drop_nested, quote_type
from .frames import Frame, find_frames
from .headlines import headline_frames, title_frames
from .lexicon import CueLexicon, default_lexicon
from .loose import loose_frames
from .marks import Marked, find_quotations, inside_quotation
from .narration import writer_frames_dropped
from .speaker import speaker_phrase
from .speakers import (
    Named,
    Speaker,
    anonymity_reason,
    credit_relays,
    describe_speaker,
    kind_of_label,
    name_of,
    referent_of,
    strip_article,
)
from .verbal_nouns import verbal_noun_frames

if TYPE_CHECKING:
    from ...nlp.types import Doc
    from ...nlp.types import Span as SpacySpan

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_BASE_CONFIDENCE = {"speech": 0.8, "source": 0.8, "clausal": 0.65, "intent": 0.55, "act": 0.5, "carried": 0.45}
_ROLE_DEPS = frozenset({"compound", "amod", "appos"})


class QuoteStep(Step):
    """Find every attribution of an article.

    Requires ``doc`` (parsed with tagger, lemmatizer, parser and ner), ``mentions`` and
    ``entities`` (both may be empty: speakers then fall back to spaCy entities and the mention
    text). Assigns ``quotes``: one :class:`~dateline.model.Quote` per attribution, ordered by
    content, with content spans (several when the cue splits the quotation), cue span and lemma,
    speaker mention and span, the resolved speaker (canonical entity name, antecedent of a
    pronoun or description, or the descriptor of an anonymous source), speaker kind, type,
    confidence, anonymity reason and relay. Attributions reported inside another one's content
    ("the poll found that voters said ...") are left inside it, and an outlet credited for an
    attribution ("..., AFP reported") becomes its relay. A quotation no cue claims is credited
    to the nearest speaker around it (its cue is the opening mark, its confidence lower; with
    nobody found it is no attribution); when that speaker is named only in an earlier paragraph,
    the quote has a ``speaker`` but no ``speaker_mention`` or ``speaker_span``. Drops nothing; an
    article without a ``doc`` gets no quotes.
    """

    name = "quotes"
    requires: frozenset[str] = frozenset({"doc", "mentions", "entities"})
    assigns: frozenset[str] = frozenset({"quotes"})
    nlp_components: frozenset[str] = frozenset(
        {"tagger", "attribute_ruler", "lemmatizer", "parser", "ner"}
    )

    def __init__(self, lexicon: CueLexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()

    def process(self, article: Article) -> Iterator[Article]:
        article.quotes = extract_quotes(article, self.lexicon) if article.doc is not None else []
        yield article


def extract_quotes(article: Article, lexicon: CueLexicon | None = None) -> list[Quote]:
    """The attributions of a parsed article (``article.doc`` must be set, with a dependency parse)."""
    lex = lexicon or default_lexicon()
    doc, text = article.doc, article.text
    quotations = find_quotations(text)
    frames = find_frames(doc, lex, quotations, text) + headline_frames(doc, text, lex)
    frames += [f for f in title_frames(doc, text, lex) if all(f.cue_span != g.cue_span for g in frames)]
    frames += verbal_noun_frames(doc, lex, quotations, text) + colon_frames(doc, lex, quotations, text)
    frames += adjective_frames(doc, lex, quotations, text)
    frames = attach(frames, quotations, text, doc)
    frames += loose_frames(frames, quotations, text, doc, lex)
    frames = writer_frames_dropped(drop_nested(credit_relays(frames, doc, lex)), doc, text, quotations)
    names = named_things(article)
    resolver = Resolver(referents(names, doc, quotations, lex), [s.start_char for s in doc.sents])
    quotes = []
    roles = _entity_roles(names)
    for frame in sorted(frames, key=lambda f: f.cue_span):
        quote = _quote(frame, doc, text, lex, names, resolver, quotations, roles)
        if quote is not None:
            quotes.append(quote)
    return sorted(quotes, key=lambda q: (q.hull.start, q.hull.end))


def _quote(
    frame: Frame,
    doc: Doc,
    text: str,
    lex: CueLexicon,
    names: list[Named],
    resolver: Resolver,
    quotations: list[Marked],
    roles: dict[str, list[str]],
) -> Quote | None:
    kind = quote_type(frame.content, frame.quotations or quotations, text)
    speaker: Speaker | None = None
    head = None if frame.speaker is None else doc[frame.speaker]
    if head is not None and any(c.isalnum() for c in head.text) and head.lower_ not in ("'s", "’s"):
        # "]" or "--" names no one; nor does the "'s" of "let's say you think ..."
        first, last = speaker_phrase(head)
        speaker = describe_speaker(head, first, last, lex, names, resolver)
        words = [t.text for t in doc[first : last + 1]] + (roles.get(speaker.entity_id, []) if speaker.entity_id else [])
        if speaker.resolved:
            found = _referent_named(resolver, speaker)
            if found is not None:
                resolver.add(as_speaker(found, speaker.span[0], speaker.span[1], speaker.mention))
        else:
            resolver.add(_with_given_gender(referent_of(speaker, words), lex))
        if head.lower_ == "which" and frame.via == "object" and kind == "indirect":
            return None  # "blood work, which showed an infection": "which" stands for a thing, not a speaker
    elif kind != "direct":
        return None  # reported speech without anyone reporting it is not an attribution
    if sum(len(w) > 0 for s, e in frame.content for w in text[s:e].split()) < 2 and frame.via != "object" and not (kind == "direct" and frame.cue.kind == "speech"):
        return None
    reason = anonymity_reason(frame, text, lex) if speaker is not None and speaker.kind == "anonymous" else None
    mention, where = (None, None) if speaker is None else (speaker.mention, Span(*speaker.span))
    if where is not None and frame.via == "loose" and where.end <= text.rfind("\n", 0, frame.content[0][0]):
        mention, where = None, None  # carried over from an earlier paragraph: named, not mentioned here
    return Quote(
        content_spans=[Span(s, e) for s, e in frame.content],
        cue=frame.cue.lemma + (" " + frame.cue.particle if frame.cue.particle else ""),
        cue_span=Span(*frame.cue_span),
        type=kind,
        speaker=None if speaker is None else speaker.name,
        speaker_mention=mention,
        speaker_span=where,
        speaker_entity=None if speaker is None else speaker.entity_id,
        speaker_kind="unknown" if speaker is None else speaker.kind,
        confidence=_confidence(frame, kind, speaker, speaker is not None and speaker.span[0] in resolver.contested),
        anonymity_reason=reason,
        relay=frame.relay,
    )


def _confidence(frame: Frame, kind: str, speaker: Speaker | None, contested: bool = False) -> float:
    """Cue kind and quote type raise it; a missing or unknown speaker, or a pronoun whose
    antecedent had a close rival, lowers it."""
    score = _BASE_CONFIDENCE.get(frame.cue.kind, 0.5) - (0.15 if contested else 0.0)
    if kind != "indirect":
        score += 0.1
    if speaker is None:
        score -= 0.25
    elif speaker.kind == "unknown":
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)


def _with_given_gender(ref: Referent, lex: CueLexicon) -> Referent:
    """``ref`` with the gender its given name usually marks when nothing else told it ("Peter Hale")."""
    if ref.kind == "person" and ref.gender is None and ref.text:
        ref.gender = lex.given_genders.get(ref.text.split()[0].lower())
    return ref


def _referent_named(resolver: Resolver, speaker: Speaker) -> Referent | None:
    return resolver.latest_named(speaker.name, speaker.span[0]) if speaker.name is not None else None


def _entity_roles(names: list[Named]) -> dict[str, list[str]]:
    """The role words of each entity's first name in the text."""
    out: dict[str, list[str]] = {}
    for named in names:
        if named.entity_id is not None and named.entity_id not in out:
            out[named.entity_id] = [w for role in named.roles for w in role.split()]
    return out


def named_things(article: Article) -> list[Named]:
    """Names in the text: the entity step's mentions when there are any, else spaCy's entities."""
    if article.mentions:
        entities = {e.id: e for e in article.entities}
        out = []
        for m in article.mentions:
            entity = entities.get(m.entity_id) if m.entity_id else None
            label = m.label or (entity.type if entity else "")
            name = entity.name if entity else strip_article(m.text)
            roles = tuple(entity.roles) if entity else ((m.role,) if m.role else ())
            out.append(Named(m.span.start, m.span.end, m.text, name, label, m.entity_id, roles))
        return sorted(out, key=lambda n: n.start)
    return [
        Named(e.start_char, e.end_char, e.text, strip_article(e.text), e.label_, None, _local_roles(e))
        for e in article.doc.ents
        if e.label_ in _NAME_LABELS
    ]


def _local_roles(ent: SpacySpan) -> tuple[str, ...]:
    """Role words written next to a name: "spokeswoman" in "Interior Ministry spokeswoman Lina Haddad"."""
    root = ent.root
    words = [c for c in root.children if c.dep_ in _ROLE_DEPS and not (ent.start <= c.i < ent.end)]
    return tuple(" ".join(t.text for t in c.subtree if t.dep_ != "punct") for c in words)


def referents(names: list[Named], doc: Doc, quotations: list[Marked], lex: CueLexicon) -> list[Referent]:
    """Names as antecedents for pronouns and descriptions."""
    out = []
    for named in names:
        kind = kind_of_label(named.label)
        if kind == "unknown" or named.label == "NORP":
            continue
        span = doc.char_span(named.start, named.end, alignment_mode="expand")
        words = named.text.split() + [w for role in named.roles for w in role.split()]
        before = doc[span.start - 1].text if span is not None and span.start > 0 else ""
        root = span.root if span is not None else None
        out.append(
            Referent(
                start=named.start,
                end=named.end,
                text=named.text,
                name=name_of(named, lex),
                kind=kind,
                entity_id=named.entity_id,
                words=frozenset(w.lower() for w in words),
                gender=(gender_of([before, *words]) or lex.given_genders.get(named.text.split()[0].lower()))
                if kind == "person" else None,
                plural=root is not None and root.tag_ == "NNPS",
                subject=root is not None and root.dep_ in ("nsubj", "nsubjpass"),
                quoted=inside_quotation(named.start, quotations),
            )
        )
    return out
