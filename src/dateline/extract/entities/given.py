"""Person names told by a known given name (``first_names.txt``): repairs of NER's types and names it
missed.

- "Lester Holt" tagged ORG: two or three capitalised words led by a listed given name and ending in
  none, with no organisation, company, venue or title word, naming no town, are a person;
- "praised by Dana Whitlock in a radio interview" with no entity at all: a listed given name and a
  capitalised surname, both tagged proper nouns, standing alone (no proper noun right before or
  after), outside every other mention, are a PERSON mention.
"""

from __future__ import annotations

import re

from ...geo.gazetteer import fold, gazetteer
from ...model import Mention, Span
from .names import NOT_NAMES, ORG_KINDS
from .tables import alias_of, country_word, first_names, name_key, party_words, titles
from .tokens import Tokens

_INITIAL = re.compile(r"^[A-Z]\.$")
#: Last words of company names ("Walter Energy", "Peabody Energy") that no person's name ends in.
_BUSINESS = frozenset(
    {
        "Energy", "Group", "Holdings", "Capital", "Partners", "Media", "Airlines", "Airways", "Motors",
        "Industries", "Foods", "Communications", "Entertainment", "Pharmaceuticals", "Technologies",
        "Systems", "Solutions", "Investments", "Associates", "Enterprises", "Productions", "Records",
        "Studios", "Insurance", "Resources", "Oil", "Gas", "Mining", "Steel", "Coal", "Power", "Electric",
        "Labs", "Trust", "Co", "Corp", "Inc", "LLC", "Ltd", "Company", "Hotels", "Resorts", "Films",
        "Pictures", "Publishing", "Books", "Press", "News", "Network", "Reed", "Show", "Report", "Act",
    }
)  # fmt: skip


def first_name_led(mention: Mention) -> bool:
    """Two or three capitalised words led by a known given name and ending in no given name, with no
    organisation, venue or title word, naming no town: "Lester Holt" (not "Morgan Stanley", "Charles
    Town", "Lester Holt Center")."""
    words = mention.text.split()
    if not 2 <= len(words) <= 3 or mention.label in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    keys = [name_key(w) for w in words]
    if keys[0] not in first_names() or keys[-1] in first_names():
        return False
    if any(w in ORG_KINDS or w in NOT_NAMES or w in _BUSINESS or k in titles() for w, k in zip(words, keys, strict=True)):
        return False
    return alias_of(mention.text) is None and given_not_town(mention)


def given_not_town(mention: Mention) -> bool:
    """A capitalised word that names no town of the gazetteer ("Melania", not "Charlotte" or "Chelsea")."""
    return mention.text[:1].isupper() and not gazetteer().cities(fold(mention.text))


def given_surname_names(tk: Tokens, covered: bytearray) -> list[Mention]:
    """PERSON mentions NER missed: a listed given name and a capitalised surname (see the module doc)."""
    out = []
    names = first_names()
    n = len(tk)
    for i in tk.capitalised:
        j = i + 1
        if j + 1 < n and _INITIAL.match(tk.words[j]) and tk.upper[j + 1]:
            j += 1  # a middle initial: "Elijah E. Cummings"
        if j >= n or not tk.upper[j] or name_key(tk.words[i]) not in names:
            continue
        if (j + 1 < n and tk.upper[j + 1] and tk.is_proper(j + 1)) or (
            i > 0 and tk.upper[i - 1] and tk.is_proper(i - 1) and not tk.sent_starts[i]
            and tk.words[i - 1].casefold() not in party_words()
        ):  # fmt: skip
            continue  # part of a longer name ("A. Philip Randolph", "Toni LeAnn Braxton"); not "Democrat Jane Roe"
        first, last = tk.words[i], tk.words[j]
        if not (first.isalpha() and last.replace("-", "").replace("'", "").replace("’", "").isalpha()):
            continue
        if name_key(last) in names or last in ORG_KINDS or last in NOT_NAMES or last in _BUSINESS:
            continue
        if not (tk.is_proper(i) and tk.is_proper(j)) or tk.ents[i] or tk.ents[j]:
            continue
        start, end = tk.starts[i], tk.end(j)
        if covered.find(1, start, end) >= 0 or name_key(last) in titles():
            continue
        text = tk.text[start:end]
        if alias_of(text) is not None or country_word(text) is not None or gazetteer().cities(fold(text)):
            continue
        out.append(Mention(Span(start, end), text, "PERSON"))
    return out
