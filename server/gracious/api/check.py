"""POST /api/v1/check: check a note, drafted or hand-written, against the guide."""

from __future__ import annotations

from typing import Any

from gracious.api.spec import operation
from gracious.checker import CheckReport, CheckRequest, check_note


@operation("POST", "/check", summary="Check a note against the etiquette guide",
           body=CheckRequest, responses={200: CheckReport},
           description="Returns only the checks that apply to the kind and channel; every "
                       "check links to the guide section (a path under /guide/) that explains it.")
def check(body: CheckRequest) -> dict[str, Any]:
    """Run the checker on the note."""
    return check_note(body).model_dump(mode="json")
