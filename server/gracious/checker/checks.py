"""The individual checks: each looks at one thing a gracious note gets right."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from gracious.checker.models import CheckResult
from gracious.checker.note import Note, fold, words_of
from gracious.checker.phrases import (
    CONTINUED_INTEREST,
    GREETING,
    INTEREST,
    PLACEHOLDERS,
    PLEADING,
    SPECIFIC_CUES,
    THANKS,
    WITHDRAWAL,
)
from gracious.compose.greeting import parse_name
from gracious.guide_links import GUIDE_LINKS

EMAIL_WORDS = (50, 200)
SUBJECT_MAX_WORDS = 10
SUBJECT_MAX_CHARS = 100
CHANNEL_MAX_CHARS = {"linkedin-message": 600, "linkedin-connection": 200}
PROMPT_WINDOW = dt.timedelta(hours=24)
# a highlight counts as mentioned when most of its meaningful words are in the note
HIGHLIGHT_SHARE = 0.6
STOP_WORDS = frozenset({
    "the", "and", "for", "with", "your", "you", "our", "that", "this", "about", "from", "into",
    "how", "what", "was", "were", "are", "have", "has", "had", "its", "their", "them", "they",
})

Check = Callable[[Note], CheckResult | None]


def result(check_id: str, passed: bool, message: str, guide: str) -> CheckResult:
    """Build a finding with a guide link served under /guide/."""
    return CheckResult(id=check_id, passed=passed, message=message,
                       guide="/guide/" + GUIDE_LINKS[guide])


def contains_name(text: str, name: str) -> bool:
    """Say whether a folded text contains a name as a whole word."""
    wanted = fold(name)
    if not wanted:
        return False
    # scripts written without spaces (chinese, japanese) have no word edges to match
    if any(unicodedata.east_asian_width(char) in "WF" for char in wanted):
        return wanted in text
    return re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", text) is not None


def greets_by_name(note: Note) -> CheckResult:
    """The note opens by greeting the person, by name when it is known."""
    recipient = note.fields.recipient
    if recipient and recipient.name:
        name = parse_name(recipient.name, recipient.title or "")
        names = [part for part in (name.first, name.last, recipient.name) if part]
        if any(contains_name(note.opening, part) for part in names):
            return result("greets-by-name", True, f"Greets {recipient.name} by name.", "greeting")
        return result("greets-by-name", False,
                      f"Open with their name, for example \"Hi {name.first or recipient.name},\". "
                      "A note that starts with the person's name reads as written for them.",
                      "greeting")
    if GREETING.match(note.opening):
        return result("greets-by-name", True,
                      "Opens with a greeting. If you learn their name, use it.", "greeting")
    return result("greets-by-name", False,
                  "Start with a greeting, such as \"Hello,\" or, better, their first name.",
                  "greeting")


def says_thank_you(note: Note) -> CheckResult:
    """The note thanks them."""
    if THANKS.search(note.folded):
        return result("says-thank-you", True, "Thanks them for their time.", "thanks")
    return result("says-thank-you", False,
                  "Say thank you: one plain sentence thanking them for their time is the heart of "
                  "the note.", "thanks")


def names_role_or_company(note: Note) -> CheckResult | None:
    """The note names the role or the company, when either is known."""
    known = [value for value in (note.fields.role, note.fields.company) if value]
    if not known:
        return None
    if any(fold(value) in note.folded for value in known):
        return result("names-role-or-company", True, "Names the role or the company.", "fit")
    return result("names-role-or-company", False,
                  f"Mention {' or '.join(known)} by name, so they know at once which conversation "
                  "you mean.", "fit")


def meaningful_words(text: str) -> set[str]:
    """Return the words of a text that carry its meaning."""
    return {word for word in words_of(fold(text)) if len(word) > 2 and word not in STOP_WORDS}


def mentions_highlight(note: Note, highlight: str) -> bool:
    """Say whether the note brings up a highlight, in its own words or nearly so."""
    if fold(highlight) in note.folded:
        return True
    wanted = meaningful_words(highlight)
    if not wanted:
        return False
    return len(wanted & set(note.words)) / len(wanted) >= HIGHLIGHT_SHARE


def includes_specific_detail(note: Note) -> CheckResult | None:
    """The note recalls something specific from the conversation."""
    # a follow-up is a check-in and a withdrawal or a reply to a "no" has other work to do;
    # the detail belongs in the first note after a conversation
    if note.kind not in {"thank-you", "informational"}:
        return None
    highlights = note.fields.highlights
    if highlights:
        if any(mentions_highlight(note, highlight) for highlight in highlights):
            return result("specific-detail", True,
                          "Recalls something specific from your conversation.", "specific-detail")
        return result("specific-detail", False,
                      f"Bring in one thing you talked about, such as \"{highlights[0]}\". One "
                      "specific detail is what makes a note memorable.", "specific-detail")
    if SPECIFIC_CUES.search(note.folded):
        return result("specific-detail", True,
                      "Seems to mention something specific from your conversation.",
                      "specific-detail")
    return result("specific-detail", False,
                  "Add one specific thing from the conversation, for example \"I especially "
                  "enjoyed hearing about...\". It shows you were listening.", "specific-detail")


def reaffirms_interest(note: Note) -> CheckResult | None:
    """The note says the writer is still keen (not for a withdrawal or after a rejection)."""
    if note.kind in {"withdraw", "after-rejection"}:
        return None
    if INTEREST.search(note.folded):
        return result("reaffirms-interest", True, "Shows you are still interested.", "enthusiasm")
    return result("reaffirms-interest", False,
                  "Say you are still interested, for example \"I'm excited about the chance to "
                  "join the team.\" Employers read silence as a lack of interest.", "enthusiasm")


def length_suits_channel(note: Note) -> CheckResult:
    """The note is a sensible length for where it will be sent."""
    if note.channel == "email":
        count = len(note.words)
        low, high = EMAIL_WORDS
        if count < low:
            return result("length-suits-channel", False,
                          f"At {count} words the note is very short; aim for {low}–{high} "
                          "words, enough for thanks, one detail and your interest.", "length")
        if count > high:
            return result("length-suits-channel", False,
                          f"At {count} words the note is long; trim it to under {high} words so "
                          "it is read to the end.", "length")
        return result("length-suits-channel", True, f"{count} words: a good length for an email.",
                      "length")
    limit = CHANNEL_MAX_CHARS[note.channel]
    count = len(note.text.strip())
    invitation = note.channel == "linkedin-connection"
    guide = "invitation-note-limit" if invitation else "messages-vs-email"
    where = "a LinkedIn invitation note" if invitation else "a LinkedIn message"
    if count > limit:
        return result("length-suits-channel", False,
                      f"{count} characters is over the {limit} that suit {where}; cut "
                      f"{count - limit} characters, keeping the thanks and their name.", guide)
    return result("length-suits-channel", True,
                  f"{count} of {limit} characters: fits {where}.", guide)


def subject_is_short(note: Note) -> CheckResult | None:
    """An email has a subject, and a short one."""
    if note.channel != "email":
        return None
    subject = " ".join((note.subject or "").split())
    if not subject:
        return result("subject-line", False,
                      "Add a subject of a few words, such as \"Thank you for today\". Without "
                      "one the email may be skipped.", "subject-line")
    count = len(words_of(subject))
    if count > SUBJECT_MAX_WORDS or len(subject) > SUBJECT_MAX_CHARS:
        return result("subject-line", False,
                      f"The subject has {count} words; short subjects of three to eight words "
                      "get read, so trim it.", "subject-line")
    return result("subject-line", True, "Has a short subject line.", "subject-line")


def no_placeholders(note: Note) -> CheckResult:
    """Nothing like [Company] or {name} is left for the reader to see."""
    found = list(dict.fromkeys(
        match.group(0) for text in (note.subject or "", note.text)
        for match in PLACEHOLDERS.finditer(text)
    ))
    if found:
        shown = ", ".join(f"\"{item}\"" for item in found[:3])
        return result("no-placeholders", False,
                      f"Replace {shown} with the real words before sending.", "placeholders")
    return result("no-placeholders", True, "No leftover placeholders.", "placeholders")


def states_withdrawal(note: Note) -> CheckResult | None:
    """A withdrawal says plainly that the writer is withdrawing."""
    if note.kind != "withdraw":
        return None
    if WITHDRAWAL.search(note.folded):
        return result("states-withdrawal", True, "Says clearly that you are withdrawing.",
                      "what-to-say")
    return result("states-withdrawal", False,
                  "Say plainly that you are withdrawing, for example \"I'd like to withdraw my "
                  "application\", so no one's time is spent on a decision you've made.",
                  "what-to-say")


def no_continued_interest(note: Note) -> CheckResult | None:
    """A withdrawal does not sound as if the writer still wants the job."""
    if note.kind != "withdraw":
        return None
    found = CONTINUED_INTEREST.search(note.folded)
    if found:
        return result("no-continued-interest", False,
                      f"\"{found.group(0)}\" suggests you are still in the running; remove it so "
                      "the withdrawal is clear.", "why-tell-them-early")
    return result("no-continued-interest", True,
                  "Doesn't suggest you are still in the running.", "why-tell-them-early")


def no_pleading(note: Note) -> CheckResult | None:
    """A reply to a rejection keeps the door open without asking them to change their mind."""
    if note.kind != "after-rejection":
        return None
    found = PLEADING.search(note.folded)
    if found:
        return result("no-pleading", False,
                      f"\"{found.group(0)}\" can read as asking them to change their decision; "
                      "thank them and keep the door open instead.", "example-after-rejection")
    return result("no-pleading", True, "Accepts the decision graciously.",
                  "example-after-rejection")


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


def sent_in_time(note: Note) -> CheckResult | None:
    """A thank-you goes out within a day of the interview."""
    interview = note.fields.interview
    if note.kind not in {"thank-you", "informational"} or not interview or not interview.date:
        return None
    moment = interview_moment(interview.date)
    if moment is None:
        return None
    elapsed = note.now - moment
    if elapsed <= PROMPT_WINDOW:
        return result("sent-within-24-hours", True,
                      "You're within a day of the interview: a good time to send it.",
                      "within-24-hours")
    days = max(1, elapsed.days)
    return result("sent-within-24-hours", False,
                  f"It's been {days} day{'s' if days > 1 else ''} since the interview. Send it "
                  "today: a late note still shows follow-through, and a missing one does not.",
                  "within-24-hours")


CHECKS: tuple[Check, ...] = (
    greets_by_name,
    says_thank_you,
    names_role_or_company,
    includes_specific_detail,
    reaffirms_interest,
    states_withdrawal,
    no_continued_interest,
    no_pleading,
    length_suits_channel,
    subject_is_short,
    no_placeholders,
    sent_in_time,
)
