"""The token view EntityStep reads (one ``Doc.to_array`` call) says what spaCy's own objects say."""

from __future__ import annotations

from typing import Any

from dateline.extract.entities.tokens import tokens_of

TEXT = (
    "WASHINGTON  — Democratic National Committee Chairperson Donna Brazile said on Tuesday that "
    "Hillary Clinton's campaign never saw the questions.\n\nMr. Trump, speaking in Ohio, disagreed. "
    "The Washington Post reported it first. Émile Ørsted met Ⅷ Corps and “Ōsaka” staff — ¿qué?"
)


def test_token_view_matches_the_doc(nlp: Any) -> None:
    doc = nlp(TEXT)
    tk = tokens_of(doc)
    assert tk.text == doc.text == TEXT
    assert tk.words == [t.text for t in doc]
    assert tk.starts == [t.idx for t in doc]
    assert tk.proper == [t.tag_ in {"NNP", "NNPS"} for t in doc]
    assert tk.ents == [t.ent_type_ for t in doc]
    assert tk.sent_starts == [bool(t.is_sent_start) for t in doc]
    assert tk.entities == [(e.start, e.end, e.label_) for e in doc.ents]
    assert tk.upper == [t.text[:1].isupper() and any(c.isalpha() for c in t.text) for t in doc]
    assert ("Chairperson", "Donna", "Brazile") in {tuple(tk.words[s:e]) for s, e, _ in tk.entities}


def test_token_view_without_parser_or_tokens(nlp: Any) -> None:
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        doc = nlp("Trump spoke. Clinton replied!\nObama left")
    tk = tokens_of(doc)
    assert tk.sent_starts == [True, False, False, True, False, False, True, True, False]
    assert not tk.tagged and tk.proper == [False] * len(doc) and tk.is_proper(0)
    empty = tokens_of(nlp.make_doc(""))
    assert (empty.text, empty.words, empty.entities) == ("", [], [])


def test_the_article_text_given_gives_the_same_view(nlp: Any) -> None:
    doc = nlp(TEXT)
    assert tokens_of(doc, TEXT) == tokens_of(doc)
    assert tokens_of(doc, TEXT + " more") == tokens_of(doc)  # a text that does not fit is ignored
    assert tokens_of(doc, "X" + TEXT[1:]) == tokens_of(doc)


def test_hostile_text_gives_the_view_spacy_gives(nlp: Any) -> None:
    text = "[b]Keith[/b] Lamont Scott\u200b said \x1b[31mno\x07.\x00 Bad \ufffd Ⅷ Émile.\n\n\u2029Ann  Lee left ?"
    doc = nlp(text)
    tk = tokens_of(doc, text)
    assert tk.words == [t.text for t in doc]
    assert tk.proper == [t.tag_ in {"NNP", "NNPS"} for t in doc]
    assert tk.upper == [t.text[:1].isupper() and any(c.isalpha() for c in t.text) for t in doc]
    assert tk.entities == [(e.start, e.end, e.label_) for e in doc.ents]
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        bare = tokens_of(nlp(text), text)
    assert bare.sent_starts == [
        i == 0 or doc[i - 1].text in {".", "!", "?"} or doc[i - 1].text.isspace() for i in range(len(doc))
    ]
