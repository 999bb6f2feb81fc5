"""Company and role as the user typed them, made ready to sit inside a sentence."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from gracious.compose.lexicon import phrases_longest_first, table, words
from gracious.compose.tidy import clean_phrase

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_AT_COMPANY = re.compile(r"\s+(?:at|@)\s+(?P<company>\S.*)$", re.IGNORECASE)
_ROLE_OF = re.compile(r"^(?:role|position|post|job) (?:of|as)\s+", re.IGNORECASE)


class Company(NamedTuple):
    """A company's name without its article, and how it reads mid-sentence."""

    bare: str  # "Guardian": for "the Guardian interview"
    named: str  # "the Guardian": for "at the Guardian"


@cache
def _takes_the() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The organisations (and name patterns) that take "the", from data/organisations.yaml."""
    data = table("organisations")
    names = frozenset(name.casefold() for name in data["names"])
    return names, tuple(re.compile(pattern) for pattern in data["patterns"])


def _capitalised(text: str) -> str:
    """A name typed all in lower case, with its words capitalised ("new york times")."""
    if text != text.lower() or not all(char.isalnum() or char in " &'’.-" for char in text):
        return text  # typed with capitals, or not a plain name: kept exactly as typed
    small = words("name_small_words")
    # a web address ("bol.com") is written as its owner writes it; small words stay small
    return " ".join(word if "." in word or (word in small and (n or word == "the"))
                    else _capital_word(word) for n, word in enumerate(text.split()))


def _capital_word(word: str) -> str:
    """One word of a name: a run of consonants is an initialism ("nhs", "hsbc"), else "Acme"."""
    if 1 < len(word) <= 5 and word.isalpha() and not set(word) & set("aeiouy"):
        return word.upper()
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=1024)
def read_company(value: str | None) -> Company:
    """Drop a typed article, then add "the" back where the organisation takes one."""
    text = _capitalised(clean_phrase(value))
    match = _LEADING_ARTICLE.match(text)
    if match and match.group(1).casefold() == "the" and len(text) > match.end():
        bare = text[match.end() :]
        return Company(bare, f"{match.group(1)} {bare}")
    names, patterns = _takes_the()
    if text and (text.casefold() in names or any(p.fullmatch(text) for p in patterns)):
        return Company(text, f"the {text}")
    return Company(text, text)


@lru_cache(maxsize=1024)
def read_role(value: str | None, company: str = "") -> tuple[str, str]:
    """The job title alone, and a company the role named ("PM position at Acme")."""
    text = clean_phrase(value)
    text = _LEADING_ARTICLE.sub("", text)
    text = _ROLE_OF.sub("", text)
    named = ""
    at = _AT_COMPANY.search(text)
    if at and at.start() > 0:
        named = clean_phrase(at.group("company"))
        text = text[: at.start()]
    for noun in phrases_longest_first("role_nouns"):
        if text.casefold().endswith(" " + noun):
            text = text[: -len(noun) - 1].rstrip(" ,-–—")
            break
    if company and named.casefold() == read_company(company).bare.casefold():
        named = ""
    return _initialisms(clean_phrase(text)), named


def _initialisms(role: str) -> str:
    """Capitals for the initialisms of a role typed in lower case ("ux researcher")."""
    if role != role.lower():
        return role
    known = words("role_initialisms")
    # "it" is a word as often as an initialism: only as the title's first word ("it support")
    return " ".join(word.upper() if word in known and (word != "it" or not n) else word
                    for n, word in enumerate(role.split(" ")))
