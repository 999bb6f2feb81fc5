"""The kinds, channels and tones on offer, as the extension's menus show them."""

from __future__ import annotations

from gracious.compose.kinds import VARIANTS, all_kinds
from gracious.compose.limits import CHANNEL_LIMITS, EMAIL_BODY_WORDS, describe_limits
from gracious.guide_links import GUIDE_LINKS

__all__ = ["CHANNELS", "CHANNEL_LIMITS", "TONES", "describe_catalogue", "kind_guide"]

CHANNELS: tuple[dict[str, object], ...] = (
    {
        "id": "email",
        "label": "Email",
        "description": (
            f"A subject line and a body of {EMAIL_BODY_WORDS[0]} to {EMAIL_BODY_WORDS[1]} words."
        ),
        "subject": True,
    },
    {
        "id": "linkedin-message",
        "label": "LinkedIn message",
        "description": (
            f"A short direct message of at most {CHANNEL_LIMITS['linkedin-message']} "
            "characters, no subject."
        ),
        "subject": False,
    },
    {
        "id": "linkedin-connection",
        "label": "LinkedIn invitation",
        "description": (
            "A note for a connection request, within the "
            f"{CHANNEL_LIMITS['linkedin-connection']}-character free limit."
        ),
        "subject": False,
    },
)

TONES: tuple[dict[str, str], ...] = (
    {"id": "warm", "label": "Warm", "description": "Friendly and personal, first names."},
    {"id": "formal", "label": "Formal", "description": "Courteous and traditional, titles."},
    {"id": "concise", "label": "Concise", "description": "Short and to the point."},
)


def kind_guide(kind: str) -> str:
    """The guide section that explains a kind, relative to the guide root."""
    return GUIDE_LINKS[next(spec.guide for spec in all_kinds() if spec.id == kind)]


def describe_catalogue() -> dict:
    """Everything the extension needs to build its menus, as a JSON-ready dict."""
    return {
        "kinds": [
            {"id": spec.id, "label": spec.label, "description": spec.description,
             "guide": GUIDE_LINKS[spec.guide], "channels": list(spec.channels),
             "variants": VARIANTS}
            for spec in all_kinds()
        ],
        "channels": [
            {**channel, "limit": CHANNEL_LIMITS[str(channel["id"])]} for channel in CHANNELS
        ],
        "tones": [dict(tone) for tone in TONES],
        "defaults": {"kind": "thank-you", "channel": "email", "tone": "warm"},
        "limits": describe_limits(),
    }
