"""POST /api/v1/extract: pull the interview's fields out of a thread."""

from __future__ import annotations

from gracious.api.spec import operation
from gracious.models import ExtractRequest, ExtractResponse


@operation("POST", "/extract", summary="Find the fields in a thread", body=ExtractRequest,
           responses={200: ExtractResponse})
def extract_fields(body: ExtractRequest) -> ExtractResponse:
    """Return what the thread says about the recipient, company, role and interview."""
    # imported here so the app factory stays cheap
    from gracious.extraction import extract_context

    fields = extract_context(body.thread, body.sender.name if body.sender else None)
    return ExtractResponse(fields=fields)
