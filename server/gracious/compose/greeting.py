"""Greet the recipient the way the tone calls for, using a real name parser."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from nameparser import HumanName

from gracious.compose.lexicon import table, words
from gracious.compose.tidy import clean_line, clean_phrase

# a word with any of these is markup or a template, never part of a person's name
NOT_IN_NAMES = frozenset("<>{}[]=@\\/|*%$#`")
DOCTOR = "Dr."


class Name(NamedTuple):
    """The parts of a recipient's name a note needs."""

    first: str
    full: str
    title: str
    last: str
    # the first word may be a family name: greet by the full name rather than guess
    family_first: bool = False


def _family_in_capitals(name: str) -> tuple[str, str] | None:
    """Read "TANAKA Kenji", where capitals mark the family name: (given, name as given)."""
    if "," in name:
        return None
    tokens = name.split()
    shouting = [t for t in tokens if t.isupper() and len(t) > 1 and t.isalpha()
                and t.casefold() not in words("academic_suffixes")]
    others = [t for t in tokens if t not in shouting]
    if len(tokens) < 2 or len(shouting) != 1 or any(t.isupper() for t in others):
        return None
    family = shouting[0]
    given = " ".join(t for t in tokens if t != family)
    as_given = " ".join(t.capitalize() if t == family else t for t in tokens)
    return given, as_given


@lru_cache(maxsize=2048)
def parse_name(name: str, title: str = "") -> Name:
    """Split a display name into first, full (without title), title and last name."""
    # parsing costs ~0.2 ms, so the cache keeps composition well under a millisecond
    capitals = _family_in_capitals(name)
    if capitals:
        given, as_given = capitals
        family = next(t for t in as_given.split() if t not in given.split())
        return Name(first=given, full=as_given, title=title, last=family)
    parsed = HumanName(name)
    # "maria lopez" and "KENJI TANAKA": nameparser capitalises only all-lower or all-upper
    # names, and knows particles ("van", "de la") and Mc/Mac/O' forms
    parsed.capitalize()
    full = " ".join(part for part in (parsed.first, parsed.middle, parsed.last) if part)
    suffixes = {part.casefold().rstrip(".") for part in parsed.suffix_list}
    doctor = any(suffix in words("academic_suffixes") for suffix in suffixes)
    courtesy = title or parsed.title or (DOCTOR if doctor else "")
    first_word = name.split(",")[0].split()[0].casefold() if "," not in name else ""
    family_first = bool(parsed.first and parsed.last) and first_word in words("family_names")
    last = parsed.last or ""
    if family_first:
        last = parsed.first
    return Name(first=parsed.first or "", full=full, title=courtesy, last=last,
                family_first=family_first)


@lru_cache(maxsize=256)
def signed_name(name: str) -> str:
    """The user's own name for the sign-off, capitalised when typed all lower or upper case."""
    # anything that isn't plainly a name (markup, a template) is left exactly as typed
    if (not name or name not in (name.lower(), name.upper())
            or not all(is_name_word(word) for word in name.split())):
        return name
    parsed = HumanName(name)
    parsed.capitalize()
    # only the letters' case changes: the words stay in the order the user typed them
    cased = {part.casefold(): part for part in str(parsed).split()}
    return " ".join(cased.get(word.casefold(), word) for word in name.split())


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


def address(name: Name | None, tone: str) -> str:
    """How the person is addressed: "Priya", "Dr. Okafor", or empty when unknown."""
    if name is None:
        return ""
    if tone == "formal":
        if name.title and name.last:
            return f"{name.title} {name.last}"
        return name.full or name.first
    if name.family_first:
        return name.full
    if name.first:
        return name.first
    if name.title and name.last:
        return f"{name.title} {name.last}"
    return name.full


def greeting_wording(named: bool, tone: str) -> str:
    """The salutation's wording for the tone, from data/wording.yaml."""
    return table("wording")["greeting"]["named" if named else "unnamed"][tone]
