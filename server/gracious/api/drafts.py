"""POST /api/v1/drafts: draft one note."""

from __future__ import annotations

from gracious.api.spec import operation
from gracious.models import Draft, DraftRequest
from gracious.settings import MAX_THREAD_BODY_BYTES


@operation("POST", "/drafts", summary="Draft a note", body=DraftRequest, responses={200: Draft},
           max_body=MAX_THREAD_BODY_BYTES,
           description="Every field is optional; a thread fills the fields left out.")
def create_draft(body: DraftRequest) -> Draft:
    """Compose the note the request describes."""
    # imported here so the app factory stays cheap; the engine loads its templates lazily
    from gracious.compose import compose_note

    return compose_note(body)
