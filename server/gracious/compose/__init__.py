"""The drafting engine: turn a little context about an interview into a polished note."""

from gracious.compose.artifacts import find_artifacts
from gracious.compose.limits import CHANNEL_LIMITS
from gracious.compose.note import compose_note, resolve_fields, variant_count

__all__ = ["CHANNEL_LIMITS", "compose_note", "find_artifacts", "resolve_fields", "variant_count"]
