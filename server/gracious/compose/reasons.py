"""Say a withdrawal reason as one gracious, honest sentence, from the user's own words."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from gracious.compose.highlights import fix_lone_i
from gracious.compose.lexicon import table, words
from gracious.compose.tidy import clean_phrase

_BECAUSE = re.compile(r"^(?:because|cause|as|since|due to the fact that|reason:|the reason is)\s+",
                      re.IGNORECASE)
_DUE_TO = re.compile(r"^(?:due to|owing to|because of)\s+", re.IGNORECASE)
# the notes already say "I've decided to withdraw": the reason says what comes instead
_DECIDED = re.compile(r"^i(?:'ve|’ve| have)? (?:now )?decided to\s+(?=\w)", re.IGNORECASE)
_INSTEAD = {"warm": "I'm going to ", "formal": "I will ", "concise": "I'm going to "}
_FIRST_PERSON = re.compile(r"^(?:i|i'm|i've|i'd|i'll|my|we|we've|we're)\b", re.IGNORECASE)
_IRREGULAR_PAST = frozenset(("took", "got", "found", "went", "chose", "made", "had", "felt",
                             "saw", "began", "left", "thought", "realised", "realized"))


@cache
def _reasons() -> tuple[tuple[str, bool, tuple[re.Pattern[str], ...], dict[str, str]], ...]:
    """The recognised reasons from data/reasons.yaml, compiled once."""
    return tuple(
        (entry["id"], bool(entry.get("keep_own_sentence")),
         tuple(re.compile(pattern) for pattern in entry["patterns"]), entry["sentences"])
        for entry in table("reasons")["reasons"]
    )


def _as_sentence(text: str) -> str:
    """Capital first letter, closing stop."""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _wrapped(text: str) -> str:
    """Put words the engine does not recognise into a grammatical frame, adding nothing."""
    frames = table("reason_frames")
    first = text.split()[0].casefold()
    rest = [word.casefold() for word in text.split()[1:]]
    finite = any(word in words("verbs") or word.endswith(("ed", "n't")) for word in rest)
    if _FIRST_PERSON.match(text) or finite:
        return _as_sentence(text)
    if first.endswith("ing"):
        return frames["gerund"].format(text=text)
    if first.endswith("ed") or first in _IRREGULAR_PAST:
        return frames["past_verb"].format(text=text)
    return frames["noun_phrase"].format(text=text)


@lru_cache(maxsize=512)
def reason_sentence(value: str | None, tone: str) -> str:
    """One complete sentence for the reason, or empty when none was given."""
    text = fix_lone_i(clean_phrase(value))
    if not text or text.casefold() in table("reasons")["no_reason"]:
        return ""
    text = _DUE_TO.sub("", _BECAUSE.sub("", text)).strip()
    text = _DECIDED.sub(_INSTEAD[tone], text)
    if not text:
        return ""
    lowered = text.casefold().replace("’", "'")
    own = bool(_FIRST_PERSON.match(text)) and len(text.split()) >= 3
    for _, keep_own, patterns, sentences in _reasons():
        if any(pattern.search(lowered) for pattern in patterns):
            return _as_sentence(text) if keep_own and own else sentences[tone]
    return _wrapped(text)
