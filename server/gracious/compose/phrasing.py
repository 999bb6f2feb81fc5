"""Small phrases built from the resolved fields: dates, lists, the position."""

from __future__ import annotations

import datetime as dt

# english names, whatever the machine's locale (strftime would follow the locale)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MEETING_HOW = {"phone": " on the phone", "video": " over video", "onsite": " in person"}
_MEETING_NOUN = {"phone": "our call", "video": "our video call", "onsite": "our meeting"}


def spoken_date(value: dt.date | dt.datetime | None) -> str:
    """Write a date in words, e.g. "Tuesday, 3 March", without consulting the clock."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{_WEEKDAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]}"


def join_words(items: list[str]) -> str:
    """Join phrases the way people list them: "a", "a and b", "a, b and c"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def meeting_how(interview_format: str | None) -> str:
    """How the interview happened, as a phrase with a leading space, or empty."""
    return _MEETING_HOW.get(interview_format or "", "")


def meeting_noun(interview_format: str | None) -> str:
    """A noun for the interview itself: "our video call", or "our conversation"."""
    return _MEETING_NOUN.get(interview_format or "", "our conversation")


def position_phrase(role: str, company: str) -> str:
    """Name the role and company together, e.g. "the Data Analyst role at Acme"."""
    if role and company:
        return f"the {role} role at {company}"
    if role:
        return f"the {role} role"
    if company:
        return f"the role at {company}"
    return ""


def subject_words(value: str, limit: int) -> str:
    """The value when it is short enough for a subject line, else empty."""
    return value if value and len(value.split()) <= limit else ""
