"""Mentions that are no names, and names typed by the words around them.

NER hands on pieces that are no names: a date ("Mar 3, 2019"), a name a page printed twice with
no space ("Jane RoeJane Roe"), a fragment that starts with a possessive ("'s Qureshi") or a verb
("rang Vell"), a run across a paragraph break, a web address, a word with digits. These are cut
to the name they hold or dropped. Then a few types are set by evidence in the article, not by NER
alone: "the town of X" is a place, "X Inc." or "X's shares" a company, and a one-word "person"
that the article also writes in lower case ("Coal", "coal") is a common word.

Pure functions over mentions and the article text; nothing here imports spaCy.
"""

from __future__ import annotations

import re

from ...model import Mention, Span
from .tables import first_names, honorifics, name_key, people_groups, titles
from .tokens import Tokens

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_DATE = re.compile(rf"^{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?$|^\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?$")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|ly|gov)\b", re.IGNORECASE)
#: Name prefixes after which a capital follows inside one word ("McCain", "DeSantis", "LaHood").
_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "la", "le", "van", "von", "du", "o'", "o’", "d'", "d’"})
_INNER_CAPITAL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_LEADING_POSSESSIVE = re.compile(r"^['’]s?\s+")
_INNER_POSSESSIVE = re.compile(r"['’]s\s+")
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "del", "della", "der", "di", "da", "du", "van", "von",
                        "la", "le", "ben", "abu", "bint", "dos", "das", "do", "y", "ter", "ten"})  # fmt: skip
#: Capitalised function words: inside a "name" they make it a title-cased phrase, no person's name.
PHRASE_WORDS = frozenset({"For", "To", "Of", "And", "The", "In", "On", "At", "With", "By", "From", "Is", "Are",
                           "Was", "Will", "Says", "Said", "Vs", "Vs.", "Or", "As", "Into", "About"})  # fmt: skip
_DIGIT = re.compile(r"\d")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_PLACE_BEFORE = re.compile(
    r"\b(?:town|city|village|capital|province|region|state|district|county|port|suburb|neighbou?rhood|"
    r"municipality|island|governorate|prefecture|enclave|camp)\s+of\s+$",
    re.IGNORECASE,
)
#: After a name, words that make it a company: "Inc.", "'s shares", "as it", "sell itself".
_COMPANY_AFTER = re.compile(
    r",?\s+(?:Inc|Corp|LLC|Ltd|PLC)\b|['’]s?\s+(?:shares|stock|valuation|revenue|profits?|shareholders)\b|\.com\b"
    r"|,\s+which\b|\s+(?:as|because|while|since|until)\s+it\b|(?:\s+\w+){1,2}\s+itself\b"
    r"|\s+(?:on|in|for|with)\s+its\b"
)
_COMPANY_BEFORE = re.compile(
    r"\b(?:shares|stock|subsidiary) of\s+$", re.IGNORECASE
)


def _cut(mention: Mention, start: int, end: int, text: str) -> Mention | None:
    """``mention`` narrowed to ``text[start:end]`` (spaces trimmed), or None when no letter is left."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if end <= start or not any(c.isalpha() for c in text[start:end]):
        return None
    if (start, end) == (mention.span.start, mention.span.end):
        return mention
    return Mention(Span(start, end), text[start:end], mention.label, mention.entity_id, mention.role)


def _one_paragraph(m: Mention, text: str) -> Mention | None:
    """The part before a line break: a name never runs on to the next paragraph or line."""
    piece = m.text
    cut = piece.find("\n")
    return m if cut < 0 else _cut(m, m.span.start, m.span.start + cut, text)


_LOWER_AFTER_HYPHEN = re.compile(r"[-‐][a-z]+$")


def _unhyphened(m: Mention, text: str) -> Mention | None:
    """A name without a lower-case word hyphened to its end ("Vell-led", "Ortiz-era")."""
    found = _LOWER_AFTER_HYPHEN.search(m.text) if "-" in m.text or "‐" in m.text else None
    return m if found is None or found.start() == 0 else _cut(m, m.span.start, m.span.start + found.start(), text)


def _unglued(m: Mention, text: str) -> Mention | None:
    """A name printed twice with no space ("Jane RoeJane Roe"), or run into the next one, cut after its
    first copy."""
    if _INNER_CAPITAL.search(m.text) is None:
        return m
    for word in re.finditer(r"\S+", m.text):
        for inner in _INNER_CAPITAL.finditer(word.group()):
            head = re.split(r"[-‐]", word.group()[: inner.start()])[-1]
            if len(head) >= 3 and head.casefold() not in _PREFIXES:
                return _cut(m, m.span.start, m.span.start + word.start() + inner.start(), text)
    return m


def _plain_name(piece: str) -> bool:
    """Nothing in ``piece`` for :func:`_person_fragment` to cut (the quick test most names pass)."""
    if "'" in piece or "’" in piece or _DIGIT.search(piece):
        return False
    words = piece.split()
    for w in words:
        if not w[:1].isupper():
            return False
    if len(words) < 3:
        return True
    if _DOTTED.match(words[0]) or not PHRASE_WORDS.isdisjoint(words):
        return False
    return not any(w.endswith("ing") for w in words[1:-1])


def _person_fragment(m: Mention, text: str) -> Mention | None:
    """A PERSON piece without what makes it no name: a possessive or lower-case words before it
    ("'s Qureshi", "rang Vell"), a possessive inside ("Vell's Canadian" → "Vell"), number words
    after it, dotted initials of a place before a full name ("N.J. Jane Roe")."""
    if _plain_name(m.text):
        return m
    start, end = m.span.start, m.span.end
    lead = _LEADING_POSSESSIVE.match(m.text)
    if lead:
        start += lead.end()
    words = list(re.finditer(r"\S+", text[start:end]))
    skip = 0
    while skip < len(words) and not words[skip].group()[:1].isupper():
        if words[skip].group().casefold().strip(".") in _PARTICLES and skip + 1 < len(words):
            break
        skip += 1
    if skip == len(words):  # no capital: no name, unless it starts with a given name ("I'll call jeff")
        return m if words and name_key(words[0].group()) in first_names() else None
    if skip:
        start += words[skip].start()
        words = words[skip:]
        words = list(re.finditer(r"\S+", text[start:end]))
    for k, word in enumerate(words[1:-1], 1):  # a title-cased phrase: "Settle For Jane", "Bill Revoking Jane"
        bare = word.group().strip(",.")
        if bare in PHRASE_WORDS or (bare.endswith("ing") and name_key(bare) not in first_names()):
            start += words[k + 1].start()
            words = list(re.finditer(r"\S+", text[start:end]))
            break
    inner = _INNER_POSSESSIVE.search(text, start, end)
    if inner is not None:
        end = inner.start()
    while words and any(c.isdigit() for c in words[-1].group()) and start + words[-1].start() < end:
        end = min(end, start + words[-1].start())
        words = words[:-1]
    if len(words) >= 3 and _DOTTED.match(words[0].group()) and name_key(words[1].group()) in first_names():
        start += words[1].start()
    return _cut(m, start, end, text)


#: Last words of bodies, never of a person's name ("Swing State Senate", "Better Future PAC").
INSTITUTIONS = frozenset({
    "Senate", "Congress", "Committee", "Council", "Party", "PAC", "Pac", "Caucus", "Ministry", "Department",
    "Agency", "Commission", "Administration", "University", "Institute", "Foundation", "Association",
    "Times", "Journal", "News", "Network", "Corporation", "Inc", "Inc.", "Corp.", "LLC",
})  # fmt: skip


#: Nouns of things that, set right before a name or after it in apposition, type it.
_THING_TYPES = {
    **dict.fromkeys(("company", "firm", "service", "retailer", "chain", "startup", "platform", "network",
                     "newspaper", "magazine", "pollster", "drugmaker", "automaker", "bank", "fund"), "ORG"),
    **dict.fromkeys(("drug", "antidepressant", "medication", "pipeline", "app", "brand", "product", "website",
                     "device", "vaccine", "pill"), "PRODUCT"),
    **dict.fromkeys(("show", "series", "sitcom", "film", "movie", "book", "novel", "song", "album", "game",
                     "podcast"), "WORK_OF_ART"),
}  # fmt: skip
_THING_BEFORE = re.compile(r"\b(" + "|".join(_THING_TYPES) + r")\s+$")
_THING_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(" + "|".join(_THING_TYPES) + r")\b"
)
_GROUP_BEFORE = re.compile(r"\b(?:the|among|many|most|some|both|all|two|three|other)\s+$", re.IGNORECASE)
_GROUP_AFTER = re.compile(r"\s*(?:[,.;:!?)”\"]|who\b|have\b|are\b|were\b|and\b)")
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _thing_type(m: Mention, text: str) -> str | None:
    """The type a thing noun around ``m`` gives ("the antidepressant X", "X, the online service",
    "the X pipeline")."""
    before = text[max(0, m.span.start - 20) : m.span.start]
    if before.endswith(" ") and (words := before.split()) and words[-1] in _THING_TYPES:
        return _THING_TYPES[words[-1]]
    found = _THING_AFTER.match(text, m.span.end) if text.startswith(",", m.span.end) else None
    if found is None and text.startswith(" ", m.span.end):  # "the Keystone pipeline", "Bollywood films"
        after = text[m.span.end + 1 : m.span.end + 16].split(" ", 1)[0].rstrip(",.;:")
        noun = after[:-1] if after.endswith("s") and after[:-1] in _THING_TYPES else after
        return _THING_TYPES.get(noun)
    return _THING_TYPES[found.group(1)] if found else None


def _listed_with_orgs(ordered: list[Mention], k: int, text: str) -> bool:
    """The mention stands in a list between two organisations ("Acme, X, Globex")."""
    if k == 0 or k + 1 >= len(ordered):
        return False
    before, here, after = ordered[k - 1], ordered[k], ordered[k + 1]
    return (
        before.label == after.label == "ORG"
        and bool(_LIST_GAP.match(text[before.span.end : here.span.start]))
        and bool(_LIST_GAP.match(text[here.span.end : after.span.start]))
    )


_PAIR = re.compile(r"^([A-Z][\w'’-]+)\s+(?:and|&)\s+([A-Z][\w'’-]+)$")
_OWNER = re.compile(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?['’]s\s+(?=[A-Z])")


def _split_people(m: Mention, text: str, person_words: set[str]) -> list[Mention]:
    """A mention NER made of two people ("Rivas and Okafor", tagged a work or an organisation) as two
    mentions, when one of the words is a word of a person NER named in the article; a person after an
    organisation's possessive ("Acme's Dana Reyes") as that person. Else ``[m]``."""
    if m.label == "PERSON":
        return [m]
    pair = _PAIR.match(m.text)
    if pair and {name_key(pair.group(1)), name_key(pair.group(2))} & person_words:
        start = m.span.start
        return [
            Mention(Span(start + pair.start(k), start + pair.end(k)), pair.group(k), "PERSON") for k in (1, 2)
        ]
    owner = _OWNER.match(m.text)
    rest = m.text[owner.end() :].split() if owner else []
    if owner and len(rest) >= 2 and name_key(rest[0]) in first_names():
        start = m.span.start + owner.end()
        return [Mention(Span(start, m.span.end), text[start : m.span.end], "PERSON")]
    return [m]


def clean_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions cut to the names they hold; dates, web addresses and pieces with no name dropped."""
    out = []
    person_words = {name_key(w) for m in mentions if m.label == "PERSON" for w in m.text.split()}
    mentions = [piece for m in mentions for piece in _split_people(m, text, person_words)]
    for m in mentions:
        found: Mention | None = _one_paragraph(m, text)
        found = _unglued(found, text) if found is not None else None
        found = _unhyphened(found, text) if found is not None else None
        if found is None:
            continue
        digits = _DIGIT.search(found.text) is not None
        if (digits and _DATE.match(found.text)) or (("." in found.text or "/" in found.text) and _URL.search(found.text)):
            continue
        if m.label == "PERSON":
            found = _person_fragment(found, text)
        if found is None:
            continue
        if found.label == "PERSON" and digits and _DIGIT.search(found.text):
            continue  # "L2": a code, no person
        if found.label == "PERSON" and text.startswith("-", found.span.end) and " " not in found.text:
            continue  # "Glass" of "Glass-Steagall": a piece of a hyphened compound
        if found.label == "PERSON" and found.text.split()[-1] in INSTITUTIONS:
            found.label = "ORG"
        elif found.label == "PERSON" and name_key(found.text) in people_groups():
            found.label = "NORP"
        out.append(found)
    return out


def drop_common_words(tk: Tokens, mentions: list[Mention]) -> list[Mention]:
    """Mentions less one-word "people" the tagger never tagged a proper noun in the article ("Turnout
    figures", "Ripples like these"), unless a title, a known given name or a full name of the article
    backs them."""
    if not tk.tagged:
        return mentions
    named = {name_key(w) for m in mentions if m.label == "PERSON" and " " in m.text.strip() for w in m.text.split()}
    doubtful: dict[str, list[Mention]] = {}
    proper: set[str] = set()
    for m in mentions:
        key = name_key(m.text)
        if m.label == "PERSON" and " " not in key and key not in named and key not in first_names():
            first, last = tk.token_range(m.span.start, m.span.end)
            if last - first == 1 and not tk.is_proper(first) and not m.role and not _titled(m, tk.text):
                doubtful.setdefault(key, []).append(m)
            else:
                proper.add(key)
    drop = {id(m) for key, found in doubtful.items() if key not in proper for m in found}
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def _titled(m: Mention, text: str) -> bool:
    """A title or honorific stands right before the mention ("Judge Lamberth", "Mr. Shook")."""
    before = text[max(0, m.span.start - 25) : m.span.start].rstrip()
    words = before.split()
    return any(" ".join(words[-size:]).casefold() in titles() | honorifics() for size in (1, 2, 3) if len(words) >= size)


def type_by_evidence(text: str, mentions: list[Mention]) -> list[Mention]:
    """Set types from the words around each name (in place): a place after "the town of"; a company
    before "Inc." or "'s shares"; no type at all (label "") for a one-word person the article also
    writes in lower case, with no title and no given name to make it a person. Returns the mentions
    that are still names."""
    lowered: dict[str, bool] = {}
    company: set[str] = set()
    cut = [
        _person_fragment(m, text) if m.label == "PERSON" and not PHRASE_WORDS.isdisjoint(m.text.split()) else m
        for m in mentions
    ]
    mentions = [m for m in cut if m is not None]  # relabelled as people after the first cleaning
    for m in mentions:
        after_of = text.startswith("of ", m.span.start - 3)
        if _COMPANY_AFTER.match(text, m.span.end) or (
            after_of and _COMPANY_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        ):
            company.add(name_key(m.text))
    ordered = sorted(mentions, key=lambda x: x.span.start)
    named = {name_key(m.text.split()[-1]) for m in mentions if m.label == "PERSON" and " " in m.text.strip()}
    for k, m in enumerate(ordered):
        key = name_key(m.text)
        if (
            m.label in {"PERSON", "ORG", "NORP"} and text.startswith("of ", m.span.start - 3)
            and _PLACE_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        ):  # fmt: skip
            m.label = "GPE"
        elif m.label == "PERSON" and key in company and " " not in key and key not in named and not _titled(m, text):
            m.label = "ORG"
        elif m.label == "PERSON" and " " not in key and key not in named and (thing := _thing_type(m, text)):
            m.label = thing
        elif m.label == "PERSON" and _listed_with_orgs(ordered, k, text):
            m.label = "ORG"
        elif (
            m.label == "PERSON" and " " not in key and key.endswith("s")
            and _GROUP_BEFORE.search(text, max(0, m.span.start - 10), m.span.start)
            and (_GROUP_AFTER.match(text, m.span.end) or key[:-1] in named)
        ):  # fmt: skip
            m.label = ""  # "the Hendersons.", "among Latinos, who": a family or a group
        elif m.label == "PERSON" and " " not in key and key not in named and key not in first_names() and not m.role:
            if key not in lowered:  # written in lower case as a word of its own somewhere
                word = re.escape(m.text.strip())
                lowered[key] = (  # and never capitalised inside a sentence ("a grumpy Vell" is a name)
                    key in text
                    and re.search(rf"(?<![\w@#/.-]){re.escape(key)}(?![\w-])", text) is not None
                    and re.search(rf"(?<![\w’'])[a-z]+[,;]? {word}(?![\w-])", text) is None
                )
            if lowered[key] and not _titled(m, text):
                m.label = ""
    return [m for m in mentions if m.label]
