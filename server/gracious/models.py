"""Request and response models shared by the API, the CLI and the engine."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Kind = Literal["thank-you", "follow-up", "withdraw", "after-rejection", "informational"]
Channel = Literal["email", "linkedin-message", "linkedin-connection"]
Tone = Literal["warm", "formal", "concise"]
InterviewFormat = Literal["phone", "video", "onsite"]
# where an extracted field was read: the sender's signature block, the sender's display name,
# the message text, the subject, the e-mail domain, the local part of the address, or the
# LinkedIn headline of the conversation partner
Source = Literal["signature", "display-name", "body", "subject", "domain", "address", "headline"]

KINDS: tuple[str, ...] = Kind.__args__
CHANNELS: tuple[str, ...] = Channel.__args__
TONES: tuple[str, ...] = Tone.__args__
FORMATS: tuple[str, ...] = InterviewFormat.__args__

# limits keep every request far below the 64 KiB body cap and the engine fast
ShortText = Annotated[str, StringConstraints(max_length=200)]
Title = Annotated[str, StringConstraints(max_length=40)]
Email = Annotated[str, StringConstraints(max_length=320)]
Highlight = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=1000)]
ThreadText = Annotated[str, StringConstraints(max_length=40000)]


class Strict(BaseModel):
    """Base model that rejects unknown fields so typos get a clear 422."""

    # every model builds its validator on first use, so a command that drafts one note
    # never pays for the models it does not touch
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Recipient(Strict):
    """The person the note is written to."""

    name: ShortText | None = None
    title: Title | None = Field(default=None, description='Courtesy title such as "Dr." or "Ms."')


class Party(Strict):
    """A sender or recipient of a message in a thread."""

    name: ShortText | None = None
    email: Email | None = None


class Thread(Strict):
    """Visible context from an email thread or LinkedIn conversation."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    subject: Annotated[str, StringConstraints(max_length=500)] | None = None
    text: ThreadText | None = None
    from_: Party | None = Field(default=None, alias="from")
    to: list[Party] = Field(default_factory=list, max_length=50)
    headline: ShortText | None = Field(
        default=None, description="LinkedIn headline of the conversation partner"
    )
    date: dt.date | None = Field(
        default=None,
        description="When the newest message was sent; dates without a year and relative "
        'dates ("tomorrow at 2pm") are read from it, and left out without it',
    )


class Interview(Strict):
    """When and how the interview happened."""

    date: dt.date | dt.datetime | None = Field(
        default=None, description="ISO 8601 date or datetime"
    )
    format: InterviewFormat | None = None


class Sender(Strict):
    """The user: who signs the note."""

    name: ShortText | None = None
    signature: LongText | None = None


class DraftContext(Strict):
    """Everything known about the interview; every field is optional."""

    recipient: Recipient | None = None
    company: ShortText | None = None
    role: ShortText | None = None
    interview: Interview | None = None
    highlights: list[Highlight] = Field(default_factory=list, max_length=3)
    reason: LongText | None = Field(default=None, description="Honest reason, for withdraw")
    sender: Sender | None = None
    thread: Thread | None = None


class DraftRequest(DraftContext):
    """A request to draft one note."""

    kind: Kind = "thank-you"
    channel: Channel = "email"
    tone: Tone = "warm"
    variant: int = Field(default=0, ge=0, le=1_000_000)


class ExtractRequest(Strict):
    """A request to pull fields out of a thread."""

    thread: Thread
    sender: Sender | None = Field(
        default=None, description="The user, so that their own name is never taken as a field"
    )


class ResolvedFields(BaseModel):
    """The fields a note was written from, after extraction filled the gaps."""

    model_config = ConfigDict(defer_build=True)

    recipient: Recipient | None = None
    company: str | None = None
    role: str | None = None
    interview: Interview | None = None
    highlights: list[str] = Field(default_factory=list)
    reason: str | None = None
    sender: Sender | None = None
    extracted: list[str] = Field(
        default_factory=list, description="Names of the fields filled in from the thread"
    )
    sources: dict[str, Source] = Field(
        default_factory=dict,
        description='Where each extracted field was read, keyed "recipient", "company", "role", '
        '"interview.date" and "interview.format"',
        examples=[{"recipient": "signature", "company": "display-name", "role": "subject"}],
    )


class Draft(BaseModel):
    """A drafted note, ready for the user to review."""

    model_config = ConfigDict(defer_build=True)

    subject: str | None
    body: str
    kind: Kind
    channel: Channel
    tone: Tone
    variant: int
    variants: int = Field(description="How many distinct wordings exist for this kind and tone")
    fields: ResolvedFields


class ExtractResponse(BaseModel):
    """Fields found in a thread."""

    model_config = ConfigDict(defer_build=True)

    fields: ResolvedFields
