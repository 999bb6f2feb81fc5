"""/api/v1/reminders: reminders to follow up, and the follow-up draft each one leads to."""

from __future__ import annotations

from typing import Any

from flask import url_for
from pydantic import BaseModel, Field

from gracious.api.spec import operation
from gracious.models import Channel, Draft, DraftRequest, Tone
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage import reminders as stored
from gracious.storage.models import NewReminder, Reminder, ReminderChanges, ReminderList
from gracious.storage.profile import get_profile


class ReminderFilter(BaseModel):
    """Which reminders to list."""

    due: bool = Field(default=False, description="Only those due now and not done (?due=1)")


class FollowUpOptions(BaseModel):
    """How to write a reminder's follow-up draft."""

    channel: Channel = "email"
    tone: Tone | None = Field(default=None, description="Defaults to the profile's tone")
    variant: int = Field(default=0, ge=0, le=1_000_000)


def no_such_reminder(reminder_id: int) -> ProblemError:
    """The 404 for a reminder that is not stored."""
    return ProblemError(404, f"There is no reminder {reminder_id}; it may have been deleted.")


def reminder_or_404(reminder_id: int) -> dict[str, Any]:
    """Return the stored reminder or raise a 404 problem."""
    reminder = stored.get_reminder(get_db(), reminder_id)
    if reminder is None:
        raise no_such_reminder(reminder_id)
    return reminder


@operation("POST", "/reminders", summary="Create a reminder to follow up", body=NewReminder,
           responses={201: Reminder},
           description="`due` defaults to a week from today. A date alone is due from the start "
                       "of that day, and a datetime without a zone is read as local time.")
def create_reminder(body: NewReminder) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Store a reminder and point at it."""
    reminder = stored.add_reminder(get_db(), body)
    location = url_for("api.get_reminder", reminder_id=reminder["id"])
    return reminder, 201, {"Location": location}


@operation("GET", "/reminders", summary="List reminders, soonest due first", query=ReminderFilter,
           responses={200: ReminderList})
def list_reminders(query: ReminderFilter) -> dict[str, Any]:
    """List reminders, or with ?due=1 only those due now and not done."""
    return {"reminders": stored.list_reminders(get_db(), due_only=query.due)}


@operation("GET", "/reminders/<int:reminder_id>", summary="Get one reminder",
           responses={200: Reminder})
def get_reminder(reminder_id: int) -> dict[str, Any]:
    """Return one reminder."""
    return reminder_or_404(reminder_id)


@operation("PATCH", "/reminders/<int:reminder_id>", summary="Mark done, reschedule or re-note",
           body=ReminderChanges, responses={200: Reminder})
def change_reminder(reminder_id: int, body: ReminderChanges) -> dict[str, Any]:
    """Apply the given changes to one reminder."""
    reminder = stored.update_reminder(get_db(), reminder_id, body)
    if reminder is None:
        raise no_such_reminder(reminder_id)
    return reminder


@operation("DELETE", "/reminders/<int:reminder_id>", summary="Delete a reminder",
           responses={204: None})
def delete_reminder(reminder_id: int) -> None:
    """Delete one reminder."""
    if not stored.delete_reminder(get_db(), reminder_id):
        raise no_such_reminder(reminder_id)


@operation("GET", "/reminders/<int:reminder_id>/draft",
           summary="Draft the follow-up note a reminder is for", query=FollowUpOptions,
           responses={200: Draft},
           description="Built from the context stored with the reminder; the sender and tone "
                       "come from the profile unless the context says otherwise.")
def draft_for_reminder(reminder_id: int, query: FollowUpOptions) -> dict[str, Any]:
    """Compose a ready follow-up note from a reminder's stored context."""
    from gracious.compose import compose_note

    reminder = reminder_or_404(reminder_id)
    profile = get_profile(get_db())
    context = dict(reminder["context"])
    if not context.get("sender") and (profile["name"] or profile["signature"]):
        context["sender"] = {key: profile[key] for key in ("name", "signature") if profile[key]}
    request = DraftRequest.model_validate({
        **context, "kind": reminder["kind"], "channel": query.channel,
        "tone": query.tone or profile["tone"], "variant": query.variant,
    })
    return compose_note(request).model_dump(mode="json", by_alias=True)
