"""Request and response models for the note checker."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from gracious.models import Channel, DraftContext, Kind, Strict


class CheckRequest(Strict):
    """A note to check, with what is known about the interview."""

    text: Annotated[str, StringConstraints(max_length=20_000)] = Field(
        description="The body of the note as the user has it now"
    )
    subject: Annotated[str, StringConstraints(max_length=500)] | None = None
    kind: Kind = "thank-you"
    channel: Channel = "email"
    context: DraftContext = Field(default_factory=DraftContext)


class CheckResult(BaseModel):
    """One finding about the note."""

    id: str = Field(description='A stable name for the check, e.g. "says-thank-you"')
    passed: bool
    message: str = Field(description="What was found and, when it failed, what to do about it")
    guide: str = Field(
        description='The guide section that explains it, e.g. "/guide/anatomy/#thanks"'
    )


class CheckReport(BaseModel):
    """Every finding about a note."""

    checks: list[CheckResult] = Field(
        description="Only the checks that apply to this kind and channel"
    )
    passed: bool = Field(description="True when every check passed")
    score: int = Field(ge=0, le=100, description="Percentage of checks passed")
    summary: str
    words: int
    characters: int
