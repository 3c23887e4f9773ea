"""Word lists the cleaning rules use, kept in data files users can extend.

The package ships ``furniture.txt`` (page furniture) and ``credits.txt`` (photo captions and
credits). Both use the same small format: ``[section]`` headers, one entry a line, ``#`` comments.
:meth:`Lexicon.default` gives them (read once: :data:`SHIPPED_LEXICON`); :meth:`Lexicon.extended`
adds entries from your own files. Steps take a lexicon as a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..tables import Default, read_text

_SPACE = re.compile(r"\s+")


def parse_sections(text: str) -> dict[str, list[str]]:
    """Parse ``[section]`` / one-entry-a-line text into ``{section: [entries]}``."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip().lower(), [])
            continue
        if current is None:
            raise UsageError(f"entry {line!r} comes before any [section] header")
        current.append(line)
    return sections


def fold(text: str) -> str:
    """Lower-case and collapse spaces: the form every lexicon entry is compared in."""
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Lexicon:
    """Furniture lines, prefixes and social words; agencies, photo markers and caption cues."""

    furniture_lines: frozenset[str] = frozenset()
    furniture_prefixes: tuple[str, ...] = ()
    social_words: frozenset[str] = frozenset()
    agencies: tuple[str, ...] = ()
    photo_markers: tuple[str, ...] = ()
    caption_prefixes: tuple[str, ...] = ()
    photo_verbs: frozenset[str] = frozenset()
    furniture_patterns: tuple[str, ...] = ()
    note_prefixes: tuple[str, ...] = ()
    list_headings: frozenset[str] = frozenset()
    _furniture_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _agency_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _agency_short_re: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _agency_names: frozenset[str] = field(init=False, repr=False, compare=False)
    _marker_re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        long_names = [a for a in self.agencies if len(a) >= 5]
        short_names = [a for a in self.agencies if len(a) < 5]
        object.__setattr__(self, "_agency_re", _word_alternation(long_names, ignore_case=True))
        object.__setattr__(self, "_agency_short_re", _word_alternation(short_names, ignore_case=False))
        object.__setattr__(self, "_agency_names", frozenset(fold(a) for a in self.agencies))
        object.__setattr__(self, "_marker_re", _word_alternation(self.photo_markers, ignore_case=True))
        object.__setattr__(self, "_furniture_re", _full_alternation(self.furniture_patterns))

    @classmethod
    def from_sections(cls, furniture: Mapping[str, list[str]], credits: Mapping[str, list[str]]) -> Lexicon:
        def get(sections: Mapping[str, list[str]], name: str) -> list[str]:
            return [fold(e) for e in sections.get(name, [])]

        agencies = [_SPACE.sub(" ", e).strip() for e in credits.get("agencies", [])]
        return cls(
            furniture_lines=frozenset(_strip_punct(e) for e in get(furniture, "lines")),
            furniture_prefixes=tuple(sorted(set(get(furniture, "prefixes")), key=len, reverse=True)),
            social_words=frozenset(get(furniture, "social")),
            agencies=tuple(sorted(set(agencies), key=len, reverse=True)),
            photo_markers=tuple(sorted(set(get(credits, "photo_markers")), key=len, reverse=True)),
            caption_prefixes=tuple(sorted(set(get(credits, "caption_prefixes")), key=len, reverse=True)),
            photo_verbs=frozenset(get(credits, "photo_verbs")),
            furniture_patterns=tuple(e.strip() for e in furniture.get("patterns", [])),
            note_prefixes=tuple(sorted(set(get(furniture, "notes")), key=len, reverse=True)),
            list_headings=frozenset(_strip_punct(e) for e in get(furniture, "lists")),
        )

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with dateline (or the one given to ``SHIPPED_LEXICON.use``), read once."""
        return SHIPPED_LEXICON.get()

    @classmethod
    def shipped(cls) -> Lexicon:
        """The lexicon shipped with dateline, read now."""
        return cls.from_sections(_package_sections("furniture.txt"), _package_sections("credits.txt"))

    @classmethod
    def extended(cls, *paths: str | Path) -> Lexicon:
        """The shipped lexicon plus entries from your own files (same format, any sections)."""
        furniture = _package_sections("furniture.txt")
        credits = _package_sections("credits.txt")
        for path in paths:
            extra = parse_sections(Path(path).read_text(encoding="utf-8"))
            for name, entries in extra.items():
                target = credits if name in credits or name in _CREDIT_SECTIONS else furniture
                target.setdefault(name, []).extend(entries)
        return cls.from_sections(furniture, credits)

    def has_agency(self, text: str) -> bool:
        """True when ``text`` names a news or photo agency (short acronyms must match case)."""
        return bool(self._agency_re.search(text) or self._agency_short_re.search(text))

    def is_agency_name(self, text: str) -> bool:
        """True when ``text`` is exactly a listed agency, or "<agency> via <agency>"."""
        return all(part in self._agency_names for part in re.split(r"\s+via\s+", fold(text)))

    def matches_furniture_pattern(self, line: str) -> bool:
        """True when one of the ``[patterns]`` regular expressions matches the whole stripped line."""
        return bool(self._furniture_re.fullmatch(_SPACE.sub(" ", line).strip()))

    def is_note(self, line: str) -> bool:
        """True when ``line`` is a note to readers ("Editor's note: ...", "Correction: ...")."""
        folded = fold(line).replace("’", "'")
        return any(folded.startswith(p.replace("’", "'")) for p in self.note_prefixes)

    def is_list_heading(self, line: str) -> bool:
        """True when ``line`` heads a list of other stories ("Related stories", "Most read")."""
        return _strip_punct(fold(line)) in self.list_headings

    def has_photo_marker(self, text: str) -> bool:
        return bool(self._marker_re.search(text))

    def caption_prefix(self, line: str) -> str | None:
        folded = fold(line)
        for prefix in self.caption_prefixes:
            if folded.startswith(prefix):
                return prefix
        return None


_CREDIT_SECTIONS = frozenset({"agencies", "photo_markers", "caption_prefixes", "photo_verbs"})


def _strip_punct(text: str) -> str:
    return text.strip(" \t.,:;!?|-–—•·»«>*_()[]")


def _word_alternation(entries: Iterable[str], ignore_case: bool) -> re.Pattern[str]:
    parts = [re.escape(e).replace(r"\ ", r"\s+") for e in entries if e]
    if not parts:
        return re.compile(r"(?!x)x")
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", flags)


def _full_alternation(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern out of many; a pattern that does not compile is an error naming it."""
    parts = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"furniture pattern {pattern!r} is not a valid regular expression: {exc}") from exc
        parts.append(f"(?:{pattern})")
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), re.IGNORECASE)


def _package_sections(name: str) -> dict[str, list[str]]:
    return parse_sections(read_text(f"clean/{name}"))


#: The lexicon every step that is given none uses.
SHIPPED_LEXICON: Default[Lexicon] = Default("the cleaning lexicon", Lexicon.shipped)
