"""The kinds, channels and tones on offer, as the extension's menus show them."""

from __future__ import annotations

from gracious.compose.note import CHANNEL_LIMITS
from gracious.guide_links import KIND_GUIDE

__all__ = ["CHANNELS", "CHANNEL_LIMITS", "KINDS", "TONES", "describe_catalogue"]

KINDS: tuple[dict[str, str], ...] = (
    {
        "id": "thank-you",
        "label": "Thank-you note",
        "description": "Thank the interviewer within a day, naming one thing you discussed.",
    },
    {
        "id": "follow-up",
        "label": "Follow-up",
        "description": "A polite check-in once the date they gave for a decision has passed.",
    },
    {
        "id": "withdraw",
        "label": "Withdraw",
        "description": "Step out of the process gracefully and honestly, without burning a bridge.",
    },
    {
        "id": "after-rejection",
        "label": "After a rejection",
        "description": "Thank them after a no and keep the door open for the future.",
    },
    {
        "id": "informational",
        "label": "Informational interview",
        "description": "Thank someone for their time and advice after a networking chat.",
    },
)

CHANNELS: tuple[dict[str, object], ...] = (
    {
        "id": "email",
        "label": "Email",
        "description": "A subject line and a body of 60 to 200 words.",
        "subject": True,
    },
    {
        "id": "linkedin-message",
        "label": "LinkedIn message",
        "description": "A short direct message of at most 600 characters, no subject.",
        "subject": False,
    },
    {
        "id": "linkedin-connection",
        "label": "LinkedIn invitation",
        "description": "A note for a connection request, within the 200-character free limit.",
        "subject": False,
    },
)

TONES: tuple[dict[str, str], ...] = (
    {"id": "warm", "label": "Warm", "description": "Friendly and personal, first names."},
    {"id": "formal", "label": "Formal", "description": "Courteous and traditional, titles."},
    {"id": "concise", "label": "Concise", "description": "Short and to the point."},
)


def describe_catalogue() -> dict:
    """Everything the extension needs to build its menus, as a JSON-ready dict."""
    return {
        "kinds": [{**kind, "guide": KIND_GUIDE[kind["id"]]} for kind in KINDS],
        "channels": [
            {**channel, "limit": CHANNEL_LIMITS[str(channel["id"])]} for channel in CHANNELS
        ],
        "tones": [dict(tone) for tone in TONES],
        "defaults": {"kind": "thank-you", "channel": "email", "tone": "warm"},
    }
