"""Phone, video or on-site, from the cues the five languages use."""

from __future__ import annotations

import re
from functools import cache

from gracious.extraction.vocabulary import alternation, vocabulary


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    """One pattern per format, from formats.yaml."""
    # an entry written "re:..." is a regular expression, the others are plain phrases
    return {
        name: re.compile("|".join(
            [cue[3:] for cue in cues if cue.startswith("re:")]
            + [alternation([cue for cue in cues if not cue.startswith("re:")]) or "(?!)"]))
        for name, cues in vocabulary().formats.items()
    }


def interview_format(text: str) -> str | None:
    """The format when the (lower-cased) thread says so unambiguously."""
    for phrase in vocabulary().formats["ignore"]:
        text = text.replace(phrase, " ")
    seen = {name for name, cue in _cues().items() if name != "ignore" and cue.search(text)}
    # video invitations list dial-in numbers too, so a video link outweighs phone words
    if "video" in seen:
        seen.discard("phone")
    return seen.pop() if len(seen) == 1 else None
