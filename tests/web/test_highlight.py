"""The article body's marking: each piece between two span boundaries is wrapped once, naming every
layer that covers it, whatever the overlaps; found in one pass, it gives what checking every mark
against every piece gives, and a long article with thousands of marks is marked piece by piece."""

from __future__ import annotations

import random

from markupsafe import Markup

from dateline.web.highlight import Layer, _piece, render_body

KINDS = ["mention", "quote", "cue", "speaker", "trigger"]


def _every_mark_for_every_piece(text: str, marks: list[Layer]) -> Markup:
    """The definition: a piece is covered by each mark that starts at or before it and ends at or after it."""
    cuts = sorted({0, len(text), *(x.start for x in marks), *(x.end for x in marks)})
    return Markup("".join(_piece(text[a:b], [x for x in marks if x.start <= a and b <= x.end])
                          for a, b in zip(cuts, cuts[1:], strict=False)))


def test_overlapping_marks_are_wrapped_once_per_piece() -> None:
    text = 'Leila Mansour said "talks <will> go on".'
    marks = [Layer(0, 13, "mention", "/entities/e1", "PERSON"), Layer(0, 13, "speaker", "/entities/e1", "Leila Mansour"),
             Layer(14, 18, "cue", title="cue: said"), Layer(20, 38, "quote"), Layer(20, 25, "trigger", title="CONSULT")]
    html = str(render_body(text, marks))
    assert html.startswith('<a href="/entities/e1" class="mention speaker" title="PERSON | Leila Mansour">Leila Mansour</a>')
    assert '<span class="quote trigger" title="CONSULT">talks</span>' in html
    assert '<span class="quote"> &lt;will&gt; go on</span>' in html
    assert html.endswith('&#34;.')


def test_one_pass_gives_the_definition_on_random_overlaps() -> None:
    rng = random.Random(20)
    for _ in range(500):
        text = "".join(rng.choice("ab<&\"' \n") for _ in range(rng.randint(0, 50)))
        marks = [Layer(rng.randint(-3, len(text) + 3), rng.randint(-3, len(text) + 3), rng.choice(KINDS),
                       rng.choice([None, "/entities/a", "/entities/<b>"]), rng.choice([None, "t", "u&v"]))
                 for _ in range(rng.randint(0, 10))]
        assert render_body(text, marks) == _every_mark_for_every_piece(text, marks), (text, marks)


def test_a_long_article_with_thousands_of_marks() -> None:
    text = "word " * 100_000
    marks = [Layer(i * 100, i * 100 + 4, "mention", "/entities/x", "PERSON") for i in range(5000)]
    marks += [Layer(i * 1000, i * 1000 + 300, "quote") for i in range(500)]
    html = str(render_body(text, marks))
    assert html.count('<a href="/entities/x"') == 5000
    assert html.count('class="mention quote"') == 1500  # the three mentions inside each quote
