"""Request and response models for interviews, their interviewers and the follow-up cadence."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from gracious.models import Email, Highlight, InterviewFormat, ShortText, Strict, Title
from gracious.storage.row_ids import ImportedId
from gracious.storage.when import EARLIEST_YEAR, LATEST_YEAR, YEAR_PATTERN

Outcome = Literal["waiting", "next-round", "offer", "rejected", "withdrawn"]
OUTCOMES: tuple[str, ...] = Outcome.__args__
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = Weekday.__args__

# a panel rarely has more than six people; the cap keeps one request small
MAX_INTERVIEWERS = 20
MAX_TOPICS = 10


def parse_moment(value: object) -> dt.datetime:
    """Parse an ISO 8601 datetime that carries its UTC offset."""
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 datetime string such as 2026-12-01T09:30:00+01:00")
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 datetime; "
                         "use 2026-12-01T09:30:00+01:00") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        # a wall-clock time alone is ambiguous between the user's zone and the company's
        raise ValueError(f"{value!r} has no UTC offset; add one, e.g. +01:00 or Z")
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError(f"{value!r} is outside the years {EARLIEST_YEAR} to {LATEST_YEAR}")
    return parsed


def parse_day(value: object) -> dt.date:
    """Parse an ISO 8601 calendar date."""
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date string such as 2026-12-08")
    try:
        parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date; use 2026-12-08") from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError(f"{value!r} is outside the years {EARLIEST_YEAR} to {LATEST_YEAR}")
    return parsed


def check_zone(name: str) -> str:
    """Accept only IANA time zone names this machine knows."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a known IANA time zone, such as Europe/Oslo") from None
    return name


Moment = Annotated[
    dt.datetime,
    PlainValidator(parse_moment),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": YEAR_PATTERN,
                    "description": "ISO 8601 datetime with its UTC offset"}),
]
Day = Annotated[
    dt.date,
    PlainValidator(parse_day),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": YEAR_PATTERN}),
]
# the zones this machine knows (tzdata fills the gap where the os has none), listed so
# clients can offer a choice and the schema refuses exactly what the server refuses
ZONES = sorted(zoneinfo.available_timezones())
ZoneName = Annotated[str, StringConstraints(max_length=64), AfterValidator(check_zone),
                     WithJsonSchema({"type": "string", "enum": ZONES,
                                     "description": "An IANA time zone name"})]
# at least one visible character, so "  " is refused as the schema says
PersonName = Annotated[str, StringConstraints(max_length=200, pattern=r"\S"),
                       AfterValidator(str.strip)]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
                      WithJsonSchema({"type": "string", "examples": ["09:00"],
                                      "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$"})]


class Interviewer(Strict):
    """One person on the panel, and what the user talked about with them."""

    name: PersonName
    email: Email | None = None
    title: Title | None = Field(default=None, description='Courtesy title such as "Dr."')
    topics: list[Highlight] = Field(default_factory=list, max_length=MAX_TOPICS,
                                    description="The specific things discussed with this person")


class NewInterview(Strict):
    """An interview as a client creates it."""

    company: ShortText | None = None
    role: ShortText | None = None
    format: InterviewFormat | None = None
    starts_at: Moment
    ends_at: Moment
    time_zone: ZoneName | None = Field(
        default=None, description="IANA zone the times are in; due dates follow its calendar")
    decision_by: Day | None = Field(default=None, description="When they said they would decide")
    outcome: Outcome = "waiting"
    interviewers: list[Interviewer] = Field(default_factory=list, max_length=MAX_INTERVIEWERS)


class InterviewChanges(Strict):
    """The parts of an interview that can change; absent fields stay as they are."""

    company: ShortText | None = None
    role: ShortText | None = None
    format: InterviewFormat | None = None
    # these may change but not be removed, so null is refused by type, as the schema says
    starts_at: Moment = None  # type: ignore[assignment]
    ends_at: Moment = None  # type: ignore[assignment]
    time_zone: ZoneName | None = None
    decision_by: Day | None = None
    outcome: Outcome = None  # type: ignore[assignment]
    interviewers: list[Interviewer] = Field(default=None, max_length=MAX_INTERVIEWERS)  # type: ignore[assignment]


class ExportedInterview(NewInterview):
    """A stored interview as an export keeps it."""

    id: ImportedId
    round: Annotated[int, Field(ge=1, le=1000)] = 1
    awaiting_round: bool = False
    created: str
    updated: str


class InterviewReminder(BaseModel):
    """A reminder in an interview's cadence."""

    id: int
    kind: str
    due: str
    due_at: str
    done: bool
    note: str


class Interview(BaseModel):
    """A stored interview, with the reminders of its cadence."""

    id: int
    company: str | None
    role: str | None
    format: InterviewFormat | None
    starts_at: str
    ends_at: str
    time_zone: str | None
    decision_by: str | None
    outcome: Outcome
    interviewers: list[Interviewer]
    round: int = Field(description="Which round this is; a later date after next-round adds one")
    created: str
    updated: str
    reminders: list[InterviewReminder]


class InterviewList(BaseModel):
    """Interviews, soonest first."""

    interviews: list[Interview]


class InterviewFilter(BaseModel):
    """Which interviews to list."""

    outcome: Outcome | None = None


class Cadence(Strict):
    """When the reminders of a new interview fall due; kept in the profile."""

    thank_you_hours: int = Field(default=24, ge=1, le=168,
                                 description="Thank-you due this many hours after the end")
    follow_up_business_days: int = Field(
        default=7, ge=1, le=60,
        description="First follow-up this many business days after the interview, "
                    "when no decision_by date was given")
    second_follow_up_days: int = Field(default=7, ge=0, le=60,
                                       description="Second follow-up this many days after the "
                                                   "first (0: none)")
    follow_up_time: ClockTime = Field(default="09:00",
                                      description="Time of day follow-ups fall due, local")
    business_days: list[Weekday] = Field(
        default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"], min_length=1, max_length=7,
        json_schema_extra={"uniqueItems": True})

    @field_validator("business_days")
    @classmethod
    def distinct_days(cls, days: list[str]) -> list[str]:
        """Refuse a business day listed twice."""
        if len(set(days)) != len(days):
            raise ValueError("lists the same day twice")
        return days
