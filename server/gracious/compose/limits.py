"""How long a note may be on each channel: the one home for these numbers.

The engine fits notes within them, the checker holds notes to them, /api/v1/kinds
publishes them (the extension and the guide build read them from there).
"""

from __future__ import annotations

# the most characters each channel accepts (None: no hard limit)
CHANNEL_LIMITS: dict[str, int | None] = {
    "email": None,
    "linkedin-message": 600,
    "linkedin-connection": 200,
}
# an email body long enough for thanks, one detail and interest, short enough to be read
EMAIL_BODY_WORDS: tuple[int, int] = (60, 200)
# a subject of a few plain words
SUBJECT_WORDS: tuple[int, int] = (3, 8)
SUBJECT_MAX_CHARS = 100


def describe_limits() -> dict:
    """The limits as JSON-ready data for /api/v1/kinds."""
    return {
        "email_body_words": {"min": EMAIL_BODY_WORDS[0], "max": EMAIL_BODY_WORDS[1]},
        "subject_words": {"min": SUBJECT_WORDS[0], "max": SUBJECT_WORDS[1]},
        "subject_max_chars": SUBJECT_MAX_CHARS,
        "channel_characters": dict(CHANNEL_LIMITS),
    }
