"""The checks of what a gracious note gets right: each looks at one thing."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from gracious.checker.note import Note, fold, words_of
from gracious.checker.phrases import (
    CONTINUED_INTEREST,
    GREETING,
    INTEREST,
    PLACEHOLDERS,
    PLEADING,
    THANKS,
    WITHDRAWAL,
)
from gracious.checker.registry import Finding, check
from gracious.compose.greeting import parse_name
from gracious.compose.limits import (
    CHANNEL_LIMITS,
    EMAIL_BODY_WORDS,
    SUBJECT_MAX_CHARS,
    SUBJECT_WORDS,
)

PROMPT_WINDOW = dt.timedelta(hours=24)


def contains_name(text: str, name: str) -> bool:
    """Say whether a folded text contains a name as a whole word."""
    wanted = fold(name)
    if not wanted:
        return False
    # scripts written without spaces (chinese, japanese) have no word edges to match
    if any(unicodedata.east_asian_width(char) in "WF" for char in wanted):
        return wanted in text
    return re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text) is not None


@check("greets-by-name", guide="greeting")
def greets_by_name(note: Note) -> Finding:
    """The note opens by greeting the person, by name when it is known."""
    recipient = note.fields.recipient
    if recipient and recipient.name:
        name = parse_name(recipient.name, recipient.title or "")
        names = [part for part in (name.first, name.last, recipient.name) if part]
        if any(contains_name(note.opening, part) for part in names):
            return True, f"Greets {recipient.name} by name."
        return (False, f"Open with their name, for example \"Hi {name.first or recipient.name},\". "
                "A note that starts with the person's name reads as written for them.")
    if GREETING.match(note.opening):
        return True, "Opens with a greeting. If you learn their name, use it."
    return False, "Start with a greeting, such as \"Hello,\" or, better, their first name."


@check("says-thank-you", guide="thanks")
def says_thank_you(note: Note) -> Finding:
    """The note thanks them."""
    if THANKS.search(note.folded):
        return True, "Thanks them for their time."
    return (False, "Say thank you: one plain sentence thanking them for their time is the heart "
            "of the note.")


@check("names-role-or-company", guide="fit")
def names_role_or_company(note: Note) -> Finding:
    """The note names the role or the company, when either is known."""
    known = [value for value in (note.fields.role, note.fields.company) if value]
    if not known:
        return None
    from gracious.compose.organisations import read_company, read_role

    # the engine tidies "the Guardian" and "PM position at Acme"; either form counts
    role, named = read_role(note.fields.role)
    tidied = [read_company(note.fields.company).bare, role, named]
    if any(fold(value) in note.folded for value in [*known, *tidied] if value):
        return True, "Names the role or the company."
    return (False, f"Mention {' or '.join(known)} by name, so they know at once which "
            "conversation you mean.")


@check("reaffirms-interest", guide="enthusiasm")
def reaffirms_interest(note: Note) -> Finding:
    """The note says the writer is still keen."""
    if INTEREST.search(note.folded):
        return True, "Shows you are still interested."
    return (False, "Say you are still interested, for example \"I'm excited about the chance to "
            "join the team.\" Employers read silence as a lack of interest.")


def _email_length(note: Note) -> Finding:
    """An email body within the word range the engine also keeps to."""
    count = len(note.words)
    low, high = EMAIL_BODY_WORDS
    if count < low:
        return (False, f"At {count} words the note is very short; aim for {low}–{high} words, "
                "enough for thanks, one detail and your interest.", "length")
    if count > high:
        return (False, f"At {count} words the note is long; trim it to under {high} words so it "
                "is read to the end.", "length")
    return True, f"{count} words: a good length for an email.", "length"


@check("length-suits-channel", guide="length")
def length_suits_channel(note: Note) -> Finding:
    """The note is a sensible length for where it will be sent."""
    if note.channel == "email":
        return _email_length(note)
    limit = CHANNEL_LIMITS[note.channel] or 0
    count = len(note.text.strip())
    invitation = note.channel == "linkedin-connection"
    guide = "invitation-note-limit" if invitation else "messages-vs-email"
    where = "a LinkedIn invitation note" if invitation else "a LinkedIn message"
    if count > limit:
        return (False, f"{count} characters is over the {limit} that suit {where}; cut "
                f"{count - limit} characters, keeping the thanks and their name.", guide)
    return True, f"{count} of {limit} characters: fits {where}.", guide


@check("subject-line", guide="subject-line")
def subject_is_short(note: Note) -> Finding:
    """An email has a subject of a few words."""
    if note.channel != "email":
        return None
    subject = " ".join((note.subject or "").split())
    if not subject:
        return (False, "Add a subject of a few words, such as \"Thank you for today\". Without "
                "one the email may be skipped.")
    count = len(words_of(subject))
    low, high = SUBJECT_WORDS
    if count > high or len(subject) > SUBJECT_MAX_CHARS:
        return (False, f"The subject has {count} words; subjects of {low} to {high} words get "
                "read, so trim it.")
    if count < low:
        return (False, f"The subject has {count} word{'s' if count > 1 else ''}; say a little "
                f"more in {low} to {high} words, such as \"Thank you for today\".")
    return True, "Has a short subject line."


@check("no-placeholders", guide="placeholders")
def no_placeholders(note: Note) -> Finding:
    """Nothing like [Company] or {name} is left for the reader to see."""
    found = list(dict.fromkeys(
        match.group(0) for text in (note.subject or "", note.text)
        for match in PLACEHOLDERS.finditer(text)
    ))
    if found:
        shown = ", ".join(f"\"{item}\"" for item in found[:3])
        return False, f"Replace {shown} with the real words before sending."
    return True, "No leftover placeholders."


@check("states-withdrawal", guide="what-to-say")
def states_withdrawal(note: Note) -> Finding:
    """A withdrawal says plainly that the writer is withdrawing."""
    if WITHDRAWAL.search(note.folded):
        return True, "Says clearly that you are withdrawing."
    return (False, "Say plainly that you are withdrawing, for example \"I'd like to withdraw my "
            "application\", so no one's time is spent on a decision you've made.")


@check("no-continued-interest", guide="why-tell-them-early")
def no_continued_interest(note: Note) -> Finding:
    """A withdrawal does not sound as if the writer still wants the job, even conditionally."""
    found = CONTINUED_INTEREST.search(note.folded)
    if found:
        return (False, f"\"{found.group(0)}\" suggests you are still in the running; remove it "
                "so the withdrawal is clear.")
    return True, "Doesn't suggest you are still in the running."


@check("no-pleading", guide="example-after-rejection")
def no_pleading(note: Note) -> Finding:
    """A reply to a rejection keeps the door open without asking them to change their mind."""
    found = PLEADING.search(note.folded)
    if found:
        return (False, f"\"{found.group(0)}\" can read as asking them to change their decision; "
                "thank them and keep the door open instead.")
    return True, "Accepts the decision graciously."


def interview_moment(value: dt.date | dt.datetime) -> dt.datetime | None:
    """Return when a 24-hour window starts, or None when the clock cannot place it."""
    try:
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.astimezone()
        # a date alone could be any time that day: count from its end, so no false alarm
        return dt.datetime.combine(value + dt.timedelta(days=1), dt.time.min).astimezone()
    except (ValueError, OverflowError, OSError):
        # the ends of python's calendar (years 1 and 9999), or before 1970 on windows:
        # no real interview is there, so there is no timing advice to give
        return None


@check("sent-within-24-hours", guide="within-24-hours")
def sent_in_time(note: Note) -> Finding:
    """A thank-you goes out within a day of the interview."""
    interview = note.fields.interview
    if not interview or not interview.date:
        return None
    moment = interview_moment(interview.date)
    if moment is None:
        return None
    elapsed = note.now - moment
    if elapsed <= PROMPT_WINDOW:
        return True, "You're within a day of the interview: a good time to send it."
    days = max(1, elapsed.days)
    return (False, f"It's been {days} day{'s' if days > 1 else ''} since the interview. Send it "
            "today: a late note still shows follow-through, and a missing one does not.")
