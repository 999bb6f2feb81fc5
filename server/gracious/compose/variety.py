"""Pick the default wording from the input, so different people get different paragraphs."""

from __future__ import annotations

import hashlib

from gracious.compose.kinds import VARIANTS


def default_variant(*parts: str | None) -> int:
    """A stable choice of wording from the recipient, company and sender (not Python's hash)."""
    # python's hash() of a str changes with every process; sha256 gives the same answer
    # on every machine, so the same input always drafts the same note
    key = "\x1f".join(" ".join((part or "").casefold().split()) for part in parts)
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % VARIANTS
