"""In-process composition time of one note with full context."""

from __future__ import annotations

from bench.common import FULL_DRAFT, Row, median_seconds
from gracious.compose import compose_note
from gracious.models import DraftRequest

TARGET_MS = 1.0


def measure(repeat: int = 2000) -> list[Row]:
    """Median time of compose_note, with and without a thread to extract from."""
    with_thread = DraftRequest.model_validate(FULL_DRAFT)
    without_thread = with_thread.model_copy(update={"thread": None})
    rows = []
    for label, request in (("with thread", with_thread), ("no thread", without_thread)):
        ms = median_seconds(lambda request=request: compose_note(request), repeat) * 1000
        rows.append(Row(f"compose_note median ({label})", ms, "ms", f"<= {TARGET_MS} ms",
                        ms / TARGET_MS, ms <= TARGET_MS))
    return rows
