"""Tell a person's name from a team or a title, and write it the way people do."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser.config import CONSTANTS

from gracious.extraction.vocabulary import vocabulary

NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{0,30}"
PARTICLES = frozenset(CONSTANTS.prefixes) | {"y", "e", "ten", "van der", "von der"}
PARTICLE = r"(?:" + "|".join(sorted((re.escape(p) for p in PARTICLES if " " not in p),
                                      key=len, reverse=True)) + r")"
PERSON_NAME = re.compile(
    rf"^(?P<title>(?:(?i:dr|prof|mr|mrs|ms|mx)\.?\s+){{0,2}})"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{0,3}})$"
)
TAGLINE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\s[|•·–—-]\s.*$|\s+(?:via|über|par|vía|via)\s+.*$")
WORD = re.compile(r"[\w/'’.-]+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case text without accents, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def has_word(text: str, vocabulary_words: frozenset[str]) -> bool:
    """Whether any word of a text is in a lower-case word set."""
    return any(word.lower().strip(".'’") in vocabulary_words for word in WORD.findall(text))


def title_case(name: str) -> str:
    """Write an all-caps name as people do: "O'BRIEN" -> "O'Brien", "VAN DIJK" -> "van Dijk"."""
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if index and lower in PARTICLES:
            words.append(lower)
            continue
        parts = re.split(r"([-'’])", lower)
        word = "".join(part[:1].upper() + part[1:] for part in parts)
        if len(word) > 3 and word.startswith("Mc"):
            word = "Mc" + word[2].upper() + word[3:]
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=4096)
def tidy_name(raw: str | None) -> str | None:
    """A display name without quotes, pronouns and taglines, first name first, in normal case."""
    if not raw:
        return None
    name = TAGLINE.sub(" ", raw.replace('"', " ").replace("'", "'"))
    name = " ".join(name.split()).strip(" ,;:")
    if name.count(",") == 1:
        last, _, first = name.partition(",")
        first, last = first.strip(), last.strip()
        # "Raman, Priya" but not "Priya Raman, PhD"
        if first and last and is_person(first) and is_person(last) and not is_suffix(first):
            name = f"{first} {last}"
    letters = [char for char in name if char.isalpha()]
    if len(letters) > 3 and all(char.isupper() for char in letters):
        name = title_case(name)
    return name or None


def is_suffix(text: str) -> bool:
    """Whether a word is a degree or suffix such as "PhD" or "Jr."."""
    word = text.lower().strip(".").replace(".", "")
    return word in CONSTANTS.suffix_acronyms or word in {"phd", "jr", "sr"}


@lru_cache(maxsize=4096)
def is_person(name: str | None) -> bool:
    """Whether a short text reads as one person's name, not a team, title or company."""
    if not name:
        return False
    name = " ".join(name.split())
    words = vocabulary()
    return (
        bool(PERSON_NAME.match(name))
        and not has_word(name, words.not_a_person)
        and not has_word(name, words.job_words)
        and fold(name) not in words.service_names
        and fold(name) not in words.agencies
        and fold(name.rstrip(",.!")) not in words.signoffs
    )


@lru_cache(maxsize=4096)
def title_of(name: str) -> str | None:
    """The courtesy title a name opens with, such as "Dr." or "Prof."."""
    match = PERSON_NAME.match(name)
    title = match.group("title").strip() if match else ""
    if not title:
        return None
    return " ".join(part if part.endswith(".") else f"{part}." for part in title.split())


def without_honorific(name: str) -> str:
    """A name without "Herr", "Mme" or "Ms." in front (titles such as Dr. stay)."""
    first, _, rest = name.partition(" ")
    return rest if rest and first in vocabulary().honorifics else name


@lru_cache(maxsize=4096)
def same_person(one: str | None, other: str | None) -> bool:
    """Whether two names are the same person's, ignoring case, accents, titles and order."""
    if not one or not other:
        return False
    def key(name: str) -> frozenset[str]:
        tokens = re.findall(r"\w+", fold(name))
        return frozenset(t for t in tokens if t not in {"dr", "prof", "mr", "mrs", "ms"})
    first, second = key(one), key(other)
    return bool(first) and first == second
