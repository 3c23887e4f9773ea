"""The typed data model. Every fact points back to characters of ``Article.text``."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from .vocab import DropReason, Modality, PlaceKind, QuoteType, Sector, SpeakerKind


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    def __len__(self) -> int:
        return self.end - self.start


#: Drop reason of a copy of an article already stored: recorded as a sighting, not as a drop.
DUPLICATE: Final = "duplicate"


@dataclass(frozen=True)
class Drop:
    """Why an input was rejected. Counted and stored, never silently lost."""

    reason: DropReason  # short stable code, e.g. "empty_file", "binary_file", "bad_utf8"
    detail: str = ""


@dataclass
class Caption:
    text: str
    credit: str | None = None


@dataclass
class Mention:
    """A named thing as it appears in the text."""

    span: Span
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, ...
    entity_id: str | None = None  # set by entity linking
    role: str | None = None  # descriptor next to the name, e.g. "US State Department spokesman"
    field: str = "text"  # the text the span points into: "text" (the body) or "caption:N"
    unlinked: str | None = None  # why a name is left without an entity ("ambiguous-surname: ...")


@dataclass
class MergeEvidence:
    """Why a mention was folded into an entity (so a wrong merge can be split)."""

    mention: str
    span: Span | None
    rule: str  # e.g. "exact", "surname", "title+surname", "org-variant", "alias", "corpus"


@dataclass
class Entity:
    """The canonical thing a set of mentions refers to."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[MergeEvidence] = field(default_factory=list)
    affiliation: str | None = None  # party ("Republican Party"); on a NORP word: it is an attribute
    nationality: str | None = None  # ISO alpha-3; on a NORP word: it is an attribute

    @staticmethod
    def make_id(type_: str, name: str) -> str:
        key = f"{type_}:{normalise_key(name)}"
        return "e" + hashlib.sha1(key.encode()).hexdigest()[:15]


@dataclass
class Quote:
    """An attribution: who said (or believes, or reports) what."""

    content_spans: list[Span]
    cue: str  # lemma of the cue, e.g. "say", "according to"
    cue_span: Span | None
    type: QuoteType
    speaker: str | None = None  # canonical name, or the anonymous descriptor
    speaker_mention: str | None = None  # the in-text mention ("he")
    speaker_span: Span | None = None
    speaker_entity: str | None = None  # Entity.id when resolved
    speaker_kind: SpeakerKind = "unknown"
    confidence: float = 0.5
    anonymity_reason: str | None = None
    relay: str | None = None  # outlet credited ("AFP reported")

    @property
    def hull(self) -> Span:
        return Span(min(s.start for s in self.content_spans), max(s.end for s in self.content_spans))


@dataclass
class DateRef:
    """A date phrase with its normalised value."""

    raw: str
    span: Span | None
    value: str | None  # ISO date (YYYY-MM-DD), week (YYYY-Www), month (YYYY-MM) or year
    precision: str  # day | week | month | year | unknown
    reason: str | None = None  # why unresolved, when value is None
    kind: str = "point"  # point | since (open range from value) | duration (value is ISO 8601, e.g. P10Y)


@dataclass
class Place:
    """A gazetteer match."""

    name: str
    span: Span | None
    country: str | None  # ISO alpha-3
    latitude: float | None = None
    longitude: float | None = None
    precision: int = 3  # ACLED-style: 1 exact town, 2 near/district, 3 region/country
    kind: PlaceKind = "city"
    geonameid: int | None = None
    admin1: str | None = None  # name of the first-level division (state, province, oblast) it is in
    admin2: str | None = None  # name of the second-level division (county, district) where known


@dataclass
class Actor:
    text: str
    span: Span | None
    entity_id: str | None = None
    country: str | None = None  # ISO alpha-3
    sector: Sector | None = None  # GOV MIL REB CVL IGO BUS MED ...
    name: str | None = None  # canonical name when linked
    group: str | None = None  # IGO | NGO | IMG for actors that belong to no single country


@dataclass
class Event:
    """Who did what to whom, when and where, traceable to its sentence."""

    sentence_span: Span
    trigger_span: Span
    action: str  # lemma of the trigger
    category: str  # PLOVER 0.8 category
    mode: str | None = None
    cameo: str | None = None  # root "01".."20" or finer code
    quad_class: int | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    modality: Modality = "occurred"
    actors: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    instrument: str | None = None
    casualties: str | None = None
    place: Place | None = None
    date: DateRef | None = None
    source_quote: int | None = None  # index into Article.quotes when reported speech
    confidence: float = 0.5
    attributed_to: Actor | None = None  # who reports, claims or denies it (subject of "said", "denied")
    date_source: str | None = None  # text (a date phrase of the sentence) | publication (none: the article's date)
    primary: bool = False  # the article's headline happening
    topic: str | None = None  # natural disaster | man-made disaster | organised crime | diplomatic event | attribution of responsibility


#: A JSON value, as a record's own ``id`` may hold.
JsonValue = str | int | float | bool | list[Any] | dict[str, Any] | None


@dataclass
class WarcRecord:
    """The WARC record an article was read from."""

    record_id: str | None  # WARC-Record-ID
    crawled: str | None  # WARC-Date, as the record states it


@dataclass
class Provenance:
    """Where an article came from inside its source, and when it was stored.

    The readers in ``ingest/`` set what their format knows (``source_sha256`` always);
    ``SegmentStep`` sets ``segment_offset``; the store's readers set ``ingested_at``.
    """

    source_sha256: str | None = None  # of the whole source file (stored with the source)
    external_id: JsonValue = None  # JSON: the record's own "id"
    line: int | None = None  # JSON lines: 1-based line of the record
    item: int | None = None  # JSON array: 1-based item of the record
    feed_entry: int | None = None  # RSS/Atom: 1-based entry
    feed_entry_id: str | None = None  # RSS/Atom: the entry's id or guid
    canonical_url: str | None = None  # HTML: the page's own URL when it differs from the one read
    description: str | None = None  # HTML: the page's description
    standfirst: str | None = None  # HTML: the dek the page marks under its headline (kept out of the body)
    warc: WarcRecord | None = None
    unparsed_published_raw: str | None = None  # a stated date that could not be read (replaced by --published)
    published_source: str | None = None  # where the publication date was read ("meta:article:published_time", "url", ...)
    segment_offset: int | None = None  # text dumps: character offset of the story in the file
    ingested_at: str | None = None  # when the store wrote the article (ISO 8601, UTC)


@dataclass(frozen=True)
class Dateline:
    """The dateline prefix a story opened with (``BAGHDAD, Aug 16 (Reuters) -``)."""

    place: str
    date: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class RemovedLine:
    """A line cleaning took out of the text, and why ("furniture", "repeated", "caption", ...)."""

    text: str
    why: str


@dataclass
class CleanReport:
    """What ``CleanStep`` found in and took out of an article's text."""

    removed_lines: list[RemovedLine] = field(default_factory=list)
    byline_org: str | None = None  # the organisation named in a text dump's byline
    dateline: Dateline | None = None  # text dumps only
    standfirst: str | None = None  # the dek under the headline, kept apart from the body (text dumps)


@dataclass
class Article:
    """One news article. ``text`` is the cleaned body; it never changes after cleaning."""

    text: str
    source: str = ""  # path or URI it came from
    position: int = 0  # index within its source
    format: str = "text"  # text | html | warc | feed | jsonl
    id: str = ""
    title: str | None = None
    captions: list[Caption] = field(default_factory=list)
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | datetime | None = None
    published_raw: str | None = None
    language: str | None = "en"
    drop: Drop | None = None
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    caption_mentions: list[Mention] = field(default_factory=list)  # spans into captions[N].text
    doc: Any = None  # transient spaCy Doc; never stored
    caption_docs: list[Any] = field(default_factory=list)  # transient, one Doc per caption
    provenance: Provenance = field(default_factory=Provenance)
    cleaned: CleanReport | None = None  # set by CleanStep; None before cleaning

    @property
    def credits(self) -> list[str]:
        return [c.credit for c in self.captions if c.credit]

    @property
    def published_date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]")
_UNIFY = str.maketrans("“”‘’—–", "\"\"''--")


def normalise_text(text: str) -> str:
    """Normalisation used for identity: NFKC, unified quotes, folded case and space."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_UNIFY)
    return _SPACE.sub(" ", text).strip().casefold()


def normalise_key(name: str) -> str:
    return _SPACE.sub(" ", _NOT_WORD.sub("", normalise_text(name))).strip()


def article_id(text: str) -> str:
    """Article id: a hash of the normalised body."""
    return "a" + hashlib.sha256(normalise_text(text).encode()).hexdigest()[:15]
