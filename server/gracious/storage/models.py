"""Request and response models for reminders, history, the profile and exports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from gracious.models import Channel, DraftContext, Kind, LongText, ShortText, Strict, Tone
from gracious.storage.interview_models import Cadence, ExportedInterview
from gracious.storage.row_ids import ImportedId, RowId
from gracious.storage.when import EARLIEST_YEAR, LATEST_YEAR, YEAR_PATTERN, parse_when

# how far ahead a reminder is due when the request does not say
DEFAULT_REMINDER_DAYS = 7

Due = Annotated[
    dt.date | dt.datetime,
    PlainValidator(parse_when),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date", "pattern": YEAR_PATTERN},
                {"type": "string", "format": "date-time", "pattern": YEAR_PATTERN},
            ],
            "description": "ISO 8601 date (due from the start of that day, local time) "
            "or datetime (without a zone: local time), in the years "
            f"{EARLIEST_YEAR} to {LATEST_YEAR}",
        }
    ),
]
# a stored due value, checked again when an export is imported
DueText = Annotated[str, AfterValidator(lambda text: parse_when(text).isoformat())]
Subject = Annotated[str, StringConstraints(max_length=500)]
Body = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
# the limit applies to the text as sent, as the schema says; surrounding space is
# stripped only after, so leading whitespace cannot smuggle in a longer value
Name = Annotated[str, StringConstraints(max_length=200), AfterValidator(str.strip)]
Signature = Annotated[str, StringConstraints(max_length=1000), AfterValidator(str.strip)]
# empty, or something with an @: the address is only compared, never mailed
ProfileEmail = Annotated[str, StringConstraints(max_length=320, pattern=r"^$|@"),
                         AfterValidator(str.strip)]


def default_due() -> dt.date:
    """Return the default due date: a week from today."""
    return dt.date.today() + dt.timedelta(days=DEFAULT_REMINDER_DAYS)


class NewReminder(Strict):
    """A reminder to follow up, as the extension or a script sends it."""

    due: Due = Field(default_factory=default_due)
    kind: Kind = "follow-up"
    context: DraftContext = Field(default_factory=DraftContext)
    note: LongText = ""


class ReminderChanges(Strict):
    """The parts of a reminder that can change; absent fields stay as they are."""

    done: StrictBool | None = None
    due: Due | None = None
    note: LongText | None = None


class Reminder(Strict):
    """A stored reminder."""

    # the field types of NewReminder and ReminderChanges, so an import is held to the API's rules
    id: RowId
    due: DueText = Field(description="As given: an ISO 8601 date or datetime")
    due_at: str = Field(description="The UTC instant it falls due, for sorting and display")
    kind: Kind
    context: DraftContext
    note: LongText
    done: StrictBool
    created: str
    updated: str
    interview_id: RowId | None = Field(default=None, description="The interview it is part of")
    step: Annotated[str, StringConstraints(max_length=400)] | None = Field(
        default=None, description="Its place in the interview's cadence")
    round: Annotated[int, Field(ge=1, le=1000)] | None = None


class ReminderList(BaseModel):
    """Reminders, soonest due first."""

    reminders: list[Reminder]


class NewHistoryEntry(Strict):
    """A draft the user actually inserted into a page."""

    kind: Kind = "thank-you"
    channel: Channel = "email"
    tone: Tone = "warm"
    subject: Subject | None = None
    body: Body
    context: DraftContext = Field(default_factory=DraftContext)
    site: ShortText | None = Field(default=None, description='Where it went, e.g. "gmail"')


class HistoryEntry(Strict):
    """A stored history entry."""

    # the field types of NewHistoryEntry, so an import is held to the API's rules
    id: RowId
    kind: Kind
    channel: Channel
    tone: Tone
    subject: Subject | None
    body: Body
    context: DraftContext
    site: ShortText | None
    created: str
    sent: str | None = Field(default=None, description="When the user sent it, if they did")
    reminder_id: RowId | None = Field(default=None, description="The reminder it answered")


class HistoryList(BaseModel):
    """History entries, newest first."""

    history: list[HistoryEntry]
    total: int = Field(description="How many entries are stored, whatever the limit")


class Profile(Strict):
    """Who the user is and what they usually write."""

    name: Name = ""
    signature: Signature = ""
    tone: Tone = "warm"
    kind: Kind = "thank-you"
    email: ProfileEmail = Field(default="", description="Your own address: left out of "
                                                       "the interviewers of an invitation")


class ImportedReminder(Reminder):
    """A reminder read from an export."""

    id: ImportedId


class ImportedHistoryEntry(HistoryEntry):
    """A history entry read from an export."""

    id: ImportedId


EXPORT_FORMAT = "gracious-export"
EXPORT_VERSION = 1


class ExportDocument(Strict):
    """Everything Gracious stores, as `gracious export` writes it."""

    # validated in strict mode, like a request body: no "7" for 7, no "yes" for true
    format: Literal["gracious-export"]
    version: Annotated[StrictInt, Field(ge=EXPORT_VERSION, le=EXPORT_VERSION)]
    exported: str | None = None
    profile: Profile
    # one list per table in gracious.storage.backup.TABLES, named as the table
    reminders: list[ImportedReminder]
    history: list[ImportedHistoryEntry]
    # added after version 1 shipped: absent in older exports, which still import
    interviews: list[ExportedInterview] = Field(default_factory=list)
    cadence: Cadence | None = None

    @model_validator(mode="after")
    def ids_are_unique(self) -> ExportDocument:
        """Refuse a file in which two items of one list share an id, or a link points nowhere."""
        for name, items in (("reminders", self.reminders), ("history", self.history),
                            ("interviews", self.interviews)):
            ids = [item.id for item in items]
            if len(ids) != len(set(ids)):
                raise ValueError(f"{name} contains the same id twice")
        interviews = {item.id for item in self.interviews}
        if any(r.interview_id not in interviews for r in self.reminders if r.interview_id):
            raise ValueError("a reminder belongs to an interview the file does not contain")
        return self
