"""GET /api/v1/kinds: the kinds, channels and tones the extension builds its menus from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from gracious.api.spec import operation
from gracious.models import Channel, Kind, Tone


class Option(BaseModel):
    """One choice in a menu."""

    label: str
    description: str = Field(description="One line saying when to choose it")


class KindOption(Option):
    """A kind of note."""

    id: Kind
    guide: str = Field(description="The guide section that explains it, relative to /guide/")
    channels: list[Channel] = Field(description="The channels this kind can be drafted for")
    variants: int = Field(description="How many distinct wordings each tone offers")


class ChannelOption(Option):
    """Where the note will be sent."""

    id: Channel
    subject: bool = Field(description="Whether notes on this channel have a subject line")
    limit: int | None = Field(description="The most characters the channel accepts, if any")


class ToneOption(Option):
    """How the note sounds."""

    id: Tone


class Defaults(BaseModel):
    """The choices a new draft starts with."""

    kind: Kind
    channel: Channel
    tone: Tone


class WordRange(BaseModel):
    """The fewest and most words."""

    min: int
    max: int


class Limits(BaseModel):
    """How long notes may be: the numbers the engine and the checker both use."""

    email_body_words: WordRange = Field(description="Words in an email body")
    subject_words: WordRange = Field(description="Words in an email subject")
    subject_max_chars: int
    channel_characters: dict[str, int | None] = Field(
        description="The most characters each channel accepts (null: no hard limit)"
    )


class Catalogue(BaseModel):
    """Every kind, channel and tone on offer."""

    kinds: list[KindOption]
    channels: list[ChannelOption]
    tones: list[ToneOption]
    defaults: Defaults
    limits: Limits


@operation("GET", "/kinds", summary="List the kinds of note, channels and tones",
           responses={200: Catalogue})
def list_kinds() -> dict[str, Any]:
    """Describe every kind, channel and tone."""
    # imported here so the app factory stays cheap
    from gracious.catalogue import describe_catalogue

    return describe_catalogue()
