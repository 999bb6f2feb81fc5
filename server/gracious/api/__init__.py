"""The JSON API, version 1: one module per resource, all on one blueprint."""

# importing a resource module registers its routes on bp
from gracious.api import (  # noqa: F401
    agenda,
    cadence,
    check,
    drafts,
    extract,
    health,
    history,
    interview_drafts,
    interviews,
    invitations,
    kinds,
    openapi,
    profile,
    reminders,
    sent,
)
from gracious.api.spec import bp

__all__ = ["bp"]
