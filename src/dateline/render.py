"""Terminal rendering with Rich: tables, summaries and highlighted articles.

Every piece of stored or user-given text is passed to Rich as :class:`~rich.text.Text` (never as a
markup string, so ``[/b]`` in a title prints as itself) and with its control characters made visible
(so an ESC or OSC sequence in an article cannot drive the terminal).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .api import IngestReport
from .model import Article
from .safe_text import one_line, visible, visible_same_length

_STYLES = {
    "PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green", "LOC": "green", "FAC": "yellow",
    "NORP": "blue",
}


def summary(report: IngestReport) -> Table:
    table = Table(title="Ingest summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("database", report.db),
        ("sources", report.sources),
        ("  unchanged, skipped", report.unchanged_sources),
        ("articles stored", report.articles),
        ("duplicates skipped", report.duplicates),
        ("near-duplicates grouped", report.near_duplicates),
        ("resumed (already stored)", report.resumed),
        ("drops", sum(report.drops.values())),
    ]
    rows += [(f"  {reason}", n) for reason, n in sorted(report.drops.items())]
    if report.without_facts:
        rows.append(("stored without facts (language has no pipeline)", sum(report.without_facts.values())))
        rows += [(f"  {language}", n) for language, n in sorted(report.without_facts.items())]
    rows += [
        ("new entities", report.entities),
        ("mentions", report.mentions),
        ("quotes", report.quotes),
        ("events", report.events),
        ("seconds", f"{report.seconds:.1f}"),
        ("articles/s", f"{report.articles_per_second:.1f}"),
    ]
    if report.without_story:
        rows.append(("articles in no story yet (run dateline relink)", report.without_story))
    for what, n in rows:
        table.add_row(Text(one_line(what)), Text(one_line(str(n))))
    return table


def listing(rows: list[dict[str, Any]], columns: list[str], title: str) -> Table:
    table = Table(title=Text(one_line(title)), title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[Text("undated") if col == "published" and not row.get(col) else _cell(row.get(col))
                        for col in columns])
    return table


def _cell(value: Any) -> Text:
    if value is None:
        return Text("")
    if isinstance(value, list):
        return Text(one_line("; ".join(str(v) for v in value)))
    text = one_line(str(value))
    return Text(text if len(text) <= 90 else text[:87] + "…")


def article_view(console: Console, article: Article) -> None:
    """Print an article with entities coloured, quote contents underlined and speakers in bold."""
    console.rule(Text(one_line(article.title or article.id)))
    meta = [f"id {article.id}"]
    meta += [x for x in (article.outlet, article.byline, str(article.published or "")) if x]
    console.print(Text(one_line(" · ".join(meta))), style="dim")
    for cap in article.captions:
        line = f"[caption] {cap.text}" + (f"  (credit: {cap.credit})" if cap.credit else "")
        console.print(Text(visible(line)), style="italic")
    body = Text(visible_same_length(article.text))
    for m in article.mentions:
        body.stylize(_STYLES.get(m.label, "bold"), m.span.start, m.span.end)
    for q in article.quotes:
        for s in q.content_spans:
            body.stylize("underline", s.start, s.end)
        if q.cue_span:
            body.stylize("reverse", q.cue_span.start, q.cue_span.end)
        if q.speaker_span:
            body.stylize("bold yellow", q.speaker_span.start, q.speaker_span.end)
    for e in article.events:
        body.stylize("on dark_red", e.trigger_span.start, e.trigger_span.end)
    console.print(body)
    if article.entities:
        console.print(listing(
            [{"name": e.name, "type": e.type, "country": e.country, "roles": e.roles} for e in article.entities],
            ["name", "type", "country", "roles"], "Entities"))
    if article.quotes:
        console.print(listing(
            [{"speaker": q.speaker, "kind": q.speaker_kind, "type": q.type, "cue": q.cue,
              "content": " … ".join(s.of(article.text) for s in q.content_spans)} for q in article.quotes],
            ["speaker", "kind", "type", "cue", "content"], "Quotes (content underlined, cue reversed, speaker in yellow)"))
    if article.events:
        console.print(listing(
            [{"category": e.category, "action": e.action, "modality": e.modality,
              "actors": [a.name or a.text for a in e.actors], "targets": [a.name or a.text for a in e.targets],
              "place": e.place.name if e.place else None, "date": e.date.value if e.date else None}
             for e in article.events],
            ["category", "action", "modality", "actors", "targets", "place", "date"], "Events (trigger on red)"))
