"""Small phrases built from the resolved fields, worded in data/wording.yaml."""

from __future__ import annotations

import datetime as dt

from gracious.compose.lexicon import table
from gracious.compose.render import SOFT_COMMA, fill

# english names, whatever the machine's locale (strftime would follow the locale)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def spoken_date(value: dt.date | dt.datetime | None) -> str:
    """Write a date in words, e.g. "Tuesday, 3 March", without consulting the clock."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{_WEEKDAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]}"


def spoken_when(date: str) -> str:
    """The date as an aside, " on Tuesday, 3 March," or empty."""
    return fill(table("wording")["when"], {"date": date}) + SOFT_COMMA if date else ""


def join_words(items: list[str]) -> str:
    """Join phrases the way people list them: "a", "a and b", "a, b and c"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def meeting_how(interview_format: str | None) -> str:
    """How the interview happened, as a phrase with a leading space, or empty."""
    return table("wording")["how"].get(interview_format or "", "")


def meeting_noun(interview_format: str | None) -> str:
    """A noun for the interview itself: "our video call", or "our conversation"."""
    nouns = table("wording")["meeting"]
    return nouns.get(interview_format or "unknown", nouns["unknown"])


def position_phrase(role: str, company: str) -> str:
    """Name the role and company together, e.g. "the Data Analyst role at Acme"."""
    wording = table("wording")["position"]
    if role and company:
        return fill(wording["both"], {"role": role, "company": company})
    if role or company:
        return fill(wording["role" if role else "company"], {"role": role, "company": company})
    return ""


def topic_phrase(role: str, company: str) -> str:
    """What an informational chat was about: "your work at Acme", or empty."""
    wording = table("wording")["topic"]
    if company and role:
        return fill(wording["both"], {"role": role, "company": company})
    if company or role:
        return fill(wording["company" if company else "role"], {"role": role, "company": company})
    return ""


def subject_words(value: str, limit: int) -> str:
    """The value when it is short enough for a subject line, else empty."""
    return value if value and len(value.split()) <= limit else ""
