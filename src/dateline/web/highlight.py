"""The article body as HTML with entity mentions, quotes and event triggers marked from stored offsets.

Every character of article text goes through :func:`markupsafe.escape`; only the wrapping elements
are written here. Overlapping spans are handled by cutting the text at every span boundary and
wrapping each piece in one element whose classes name every layer covering it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article, Event


@dataclass(frozen=True)
class Layer:
    start: int
    end: int
    kind: str  # mention | quote | cue | speaker | trigger
    href: str | None = None
    title: str | None = None


def event_title(event: Event) -> str:
    """What hovering a trigger shows: category, actors, targets, place and date."""
    parts = [event.category + (f" ({event.modality})" if event.modality != "occurred" else "")]
    if event.actors:
        parts.append("actors: " + "; ".join(a.name or a.text for a in event.actors))
    if event.targets:
        parts.append("targets: " + "; ".join(a.name or a.text for a in event.targets))
    if event.place:
        parts.append("place: " + event.place.name)
    if event.date:
        parts.append("date: " + (event.date.value or event.date.raw))
    return " · ".join(parts)


def layers(article: Article) -> list[Layer]:
    """Spans to mark in the body, from the article's stored mentions, quotes and events."""
    out = [Layer(m.span.start, m.span.end, "mention", f"/entities/{m.entity_id}" if m.entity_id else None,
                 m.label) for m in article.mentions]
    for q in article.quotes:
        out += [Layer(s.start, s.end, "quote") for s in q.content_spans]
        if q.cue_span:
            out.append(Layer(q.cue_span.start, q.cue_span.end, "cue", title=f"cue: {q.cue}"))
        if q.speaker_span:
            href = f"/entities/{q.speaker_entity}" if q.speaker_entity else None
            out.append(Layer(q.speaker_span.start, q.speaker_span.end, "speaker", href, q.speaker))
    out += [Layer(e.trigger_span.start, e.trigger_span.end, "trigger", title=event_title(e)) for e in article.events]
    return [x for x in out if 0 <= x.start < x.end <= len(article.text)]


def _piece(text: str, active: list[Layer]) -> str:
    if not active:
        return str(escape(text))
    classes = " ".join(sorted({x.kind for x in active}))
    href = next((x.href for x in active if x.href), None)
    title = " | ".join(dict.fromkeys(x.title for x in active if x.title))
    attrs = f' class="{escape(classes)}"' + (f' title="{escape(title)}"' if title else "")
    if href:
        return f'<a href="{escape(href)}"{attrs}>{escape(text)}</a>'
    return f"<span{attrs}>{escape(text)}</span>"


def render_body(text: str, marks: list[Layer]) -> Markup:
    """``text`` escaped, with each marked stretch wrapped (see the module docstring).

    One pass over the cuts in order keeps the marks open at each piece (opened where they start,
    closed where they end), so the work grows with the text's pieces and the marks over each,
    not with pieces times marks (a long article has thousands of both)."""
    cuts = sorted({0, len(text), *(x.start for x in marks), *(x.end for x in marks)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i, x in enumerate(marks):
        if x.start < x.end:  # an empty or reversed mark covers no piece
            starting.setdefault(x.start, []).append(i)
            ending.setdefault(x.end, []).append(i)
    covering: set[int] = set()
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering.difference_update(ending.get(start, ()))
        covering.update(starting.get(start, ()))
        parts.append(_piece(text[start:end], [marks[i] for i in sorted(covering)]))
    return Markup("".join(parts))


def render_snippet(snippet: str, open_mark: str, close_mark: str) -> Markup:
    """An FTS snippet escaped, with the hits between the markers wrapped in ``<mark>``."""
    out = []
    for i, chunk in enumerate(snippet.split(open_mark)):
        if i == 0:
            out.append(str(escape(chunk.replace(close_mark, ""))))
            continue
        hit, _, rest = chunk.partition(close_mark)
        out.append(f"<mark>{escape(hit)}</mark>{escape(rest)}")
    return Markup("".join(out))
