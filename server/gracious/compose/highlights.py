"""Read a highlight the way the user typed it and give the note a grammatical way to say it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from gracious.compose.lexicon import phrases_longest_first, table, words
from gracious.compose.tidy import clean_phrase

# a stand-alone "i", as in "i liked the pairing setup" (not "i.e." or "iPhone")
_LONE_I = re.compile(r"(?<![\w.'’-])i(?![\w-]|\.\w)")
_PREPOSITIONS = frozenset(("of", "for", "to", "in", "on", "with", "at", "from", "behind", "around"))
_RELATIVES = frozenset(("that", "who", "which", "where", "whose", "whom"))
_QUOTES = "\"'“”‘’«»"


class Detail(NamedTuple):
    """A highlight in the form the note can use it."""

    form: str  # "phrase" (fits after "about"), "shared", "heard" (clauses), "remark", "statement"
    text: str  # the phrase or clause, or the whole sentence for a statement


def fix_lone_i(text: str) -> str:
    """Capitalise a stand-alone "i" and its contractions ("i'm", "i've")."""
    return _LONE_I.sub("I", text) if "i" in text else text


def _strip_noise(value: str) -> str:
    """Drop emoji and symbols, and quotes wrapped round the whole highlight."""
    kept = "".join(ch for ch in value if unicodedata.category(ch) not in ("So", "Sk", "Cs"))
    text = clean_phrase(kept)
    while len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = clean_phrase(text[1:-1])
    if text and text[0] in _QUOTES and text.count(text[0]) == 1:
        text = clean_phrase(text[1:])
    if text and text[-1] in _QUOTES and text.count(text[-1]) == 1:
        text = clean_phrase(text[:-1])
    return text


def strip_lead_in(text: str) -> str:
    """Remove what the frame already says: "talking about the Q3 launch" -> "the Q3 launch"."""
    changed = True
    while changed and text:
        changed = False
        lowered = text.casefold()
        for lead_in in phrases_longest_first("lead_ins"):
            after = lowered[len(lead_in) : len(lead_in) + 1]
            if lowered.startswith(lead_in) and after in (" ", ""):
                rest = clean_phrase(text[len(lead_in) :].lstrip(" :-–—"))
                if rest:
                    text, changed = rest, True
                break
    return text


def _lower_first_word(text: str) -> str:
    """Lower-case an opening word the user capitalised only because it came first."""
    first, _, rest = text.partition(" ")
    if not (first[:1].isupper() and first[1:].islower()):
        return text
    word = first.casefold()
    gerund = word.endswith("ing") and rest[:1].islower()
    if word in words("function_words") or word in words("pronouns") or gerund:
        return first.lower() + (" " + rest if rest else "")
    return text


def _is_clause(tokens: list[str]) -> bool:
    """Whether words after the first include a finite verb, not inside a relative clause."""
    for token in tokens[1:]:
        if token in _RELATIVES or token in _PREPOSITIONS:
            return False
        if token in words("verbs"):
            return True
    return False


def _is_remark(tokens: list[str]) -> bool:
    """Whether a phrase names something they said: "your advice to ...", "the story about ..."."""
    return (len(tokens) > 2 and tokens[0] in ("your", "the")
            and tokens[1].strip(",;:") in words("remark_nouns"))


def _is_past(word: str) -> bool:
    """Whether a verb reads as past tense: "spent", "talked", "said"."""
    return word.endswith("ed") or word in words("past_verbs")


def _is_plural(word: str) -> bool:
    """A rough plural test for a head noun: "controls", not "process" or "status"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _head(tokens: list[str]) -> str:
    """The head noun of a noun phrase: the last word before its first preposition."""
    for index, token in enumerate(tokens):
        if index and token in _PREPOSITIONS:
            return tokens[index - 1]
    return tokens[-1]


def _needs_article(text: str) -> bool:
    """Whether a bare singular noun phrase needs "the" to read as English."""
    original = text.split()
    tokens = [token.casefold().strip(",;:") for token in original]
    first = tokens[0]
    if first in words("determiners") or first.endswith(("'s", "’s", "s'")) or first[:1].isdigit():
        return False
    if len(tokens) == 1:
        return original[0].islower() and first in words("common_nouns")
    if all(word[:1].isupper() or not word[:1].isalpha() for word in original):
        return False  # a name such as "Looker Studio"
    head = _head(tokens)
    lowered = text.casefold()
    if _is_plural(head) or head in words("mass_nouns") or head in words("adverbs"):
        return False
    if any(lowered.endswith(" " + noun) for noun in words("mass_nouns") if " " in noun):
        return False
    if first.endswith("ing") and first not in words("common_nouns"):
        # "building the design system" is a gerund; "hiring plan" is a noun phrase
        return len(tokens) == 2
    return True


@lru_cache(maxsize=1024)
def read_highlight(value: str) -> Detail | None:
    """Recognise a highlight's form and tidy it, or None when nothing usable is left."""
    text = _strip_noise(value)
    if not any(ch.isalnum() for ch in text):
        return None
    text = strip_lead_in(fix_lone_i(text))
    if text.casefold() in words("lead_ins"):
        return None
    tokens = [token.casefold() for token in text.split()]
    first = tokens[0]
    if first == "i" or first.startswith(("i'", "i’")):
        return Detail("statement", _sentence(text))
    text = _lower_first_word(text)
    if first == "that" and len(tokens) > 2 and (tokens[1] in words("pronouns")
                                                 or _is_clause(tokens[1:])):
        # "that you're expanding to APAC": something they said, as a clause of its own
        return Detail("heard", text.split(" ", 1)[1])
    if first in words("pronouns"):
        # "we spent a while on..." recalls a moment; "you're expanding..." is news heard
        recalled = first in ("we", "you") and _is_past(tokens[1] if len(tokens) > 1 else "")
        return Detail("shared" if recalled else "heard", text)
    if _is_remark(tokens):
        return Detail("remark", text)
    if first in words("function_words") and first not in words("determiners"):
        return Detail("phrase", text)
    if _is_clause(tokens):
        return Detail("heard", text)
    if _needs_article(text):
        text = "the " + text
    return Detail("phrase", text)


def _sentence(text: str) -> str:
    """A statement as its own sentence: capital first, closing stop."""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def detail_sentence(detail: Detail, variant: int, short: bool = False) -> str:
    """A whole sentence for a clause or statement; phrases are woven in by the template."""
    if detail.form == "statement":
        return detail.text
    frames = table("detail_frames")[detail.form + ("_short" if short else "")]
    return frames[variant % len(frames)].format(text=detail.text)
