"""Greet the recipient the way the tone calls for, using a real name parser."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from nameparser import HumanName

from gracious.compose.tidy import clean_line, clean_phrase

# a word with any of these is markup or a template, never part of a person's name
NOT_IN_NAMES = frozenset("<>{}[]=@\\/|*%$#`")


class Name(NamedTuple):
    """The parts of a recipient's name a note needs."""

    first: str
    full: str
    title: str
    last: str


@lru_cache(maxsize=2048)
def parse_name(name: str, title: str = "") -> Name:
    """Split a display name into first, full (without title), title and last name."""
    # parsing costs ~0.2 ms, so the cache keeps composition well under a millisecond
    parsed = HumanName(name)
    parts = [parsed.first, parsed.middle, parsed.last]
    full = " ".join(part for part in parts if part) or ""
    return Name(
        first=parsed.first or "",
        full=full,
        title=title or parsed.title or "",
        last=parsed.last or "",
    )


def recipient_name(name: str | None, title: str | None = None) -> Name | None:
    """Parse a recipient, or None when no usable name is given."""
    cleaned = clean_phrase(name)
    if not cleaned:
        return None
    # names come from page text, which a hostile page controls: keep only name-like words
    cleaned = " ".join(word for word in cleaned.split() if is_name_word(word))
    if not cleaned:
        return None
    parsed = parse_name(cleaned, clean_line(title).strip(",;:"))
    if not (parsed.first or parsed.last):
        return None
    return parsed


def is_name_word(word: str) -> bool:
    """Whether a word could be part of a name: a letter in it and no markup."""
    return any(char.isalpha() for char in word) and NOT_IN_NAMES.isdisjoint(word)


def greeting_line(name: Name | None, tone: str) -> str:
    """The salutation: "Hi Priya," warm or concise, "Dear Dr. Okafor," formal."""
    if name is None:
        return "Dear Hiring Team," if tone == "formal" else "Hello,"
    if tone == "formal":
        if name.title and name.last:
            return f"Dear {name.title} {name.last},"
        return f"Dear {name.full},"
    if name.first:
        return f"Hi {name.first},"
    if name.title and name.last:
        return f"Hi {name.title} {name.last},"
    return f"Hi {name.full},"


def short_name(name: Name | None, tone: str) -> str:
    """How the name appears mid-sentence, or empty when unknown."""
    if name is None:
        return ""
    return greeting_line(name, tone).split(" ", 1)[1].rstrip(",")
