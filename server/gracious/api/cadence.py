"""/api/v1/profile/cadence: when the reminders of a new interview fall due."""

from __future__ import annotations

from typing import Any

from gracious.api.spec import operation
from gracious.storage import get_db
from gracious.storage.interview_models import Cadence
from gracious.storage.profile import get_cadence, save_cadence


@operation("GET", "/profile/cadence", summary="Get the follow-up cadence",
           responses={200: Cadence},
           description="Defaults until changed: thank-you within 24 hours, a follow-up seven "
                       "business days after the interview, another seven days later.")
def read_cadence() -> dict[str, Any]:
    """Return the stored cadence or the defaults."""
    return get_cadence(get_db()).model_dump()


@operation("PUT", "/profile/cadence", summary="Replace the follow-up cadence", body=Cadence,
           responses={200: Cadence},
           description="Fields left out go back to their defaults. Applies to interviews as "
                       "they are next created or changed.")
def replace_cadence(body: Cadence) -> dict[str, Any]:
    """Store the cadence and return it."""
    return save_cadence(get_db(), body)
