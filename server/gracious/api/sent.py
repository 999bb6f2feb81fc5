"""POST /api/v1/sent: the user sent a note Gracious drafted, so its reminder is done."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from gracious.api.spec import operation
from gracious.models import Kind, ShortText, Strict
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage.database import transaction, utc_now
from gracious.storage.history import get_entry
from gracious.storage.models import Body, HistoryEntry, Reminder, RowId
from gracious.storage.reminders import get_reminder


class SentNote(Strict):
    """What the extension saw sent: the note it inserted, where, and what it answered."""

    body: Body = Field(description="The note as Gracious inserted it")
    kind: Kind = "thank-you"
    site: ShortText | None = None
    recipient: ShortText | None = Field(default=None, description="Who it was written to")
    reminder_id: RowId | None = Field(default=None, description="The reminder it answers")


class SentAnswer(BaseModel):
    """The history entry now marked sent, and the reminder now done, if one matched."""

    history: HistoryEntry | None
    reminder: Reminder | None


def matching_reminder(connection, note: SentNote) -> int | None:
    """The reminder a sent note answers: the one named, else the soonest open one for them."""
    if note.reminder_id is not None:
        if get_reminder(connection, note.reminder_id) is None:
            # the body is well formed but names a reminder the store no longer has (deleted in
            # the popup while the compose was open): a conflict with the current state, 409
            detail = f"There is no reminder {note.reminder_id}; it may have been deleted."
            raise ProblemError(409, detail, errors=[{"field": "reminder_id", "message": detail}])
        return note.reminder_id
    if not note.recipient:
        return None
    # sqlite's lower() is ascii-only, so names are compared folded in python
    wanted = note.recipient.strip().casefold()
    rows = connection.execute(
        "SELECT id, json_extract(context, '$.recipient.name') AS name FROM reminders"
        " WHERE done = 0 AND kind = ? ORDER BY due_at, id", (note.kind,))
    return next((row["id"] for row in rows if (row["name"] or "").casefold() == wanted), None)


@operation("POST", "/sent", summary="Record that the user sent a drafted note",
           body=SentNote, responses={200: SentAnswer, 409: None},
           description="Gracious never sends anything; the extension calls this when the user "
                       "presses the site's own Send on a compose holding a note it inserted. "
                       "The newest unsent history entry with this body is marked sent, and "
                       "the reminder it answers (named, or the soonest open one of this kind "
                       "for this recipient) is marked done.")
def record_sent(body: SentNote) -> dict[str, Any]:
    """Mark the note's history entry sent and its reminder done."""
    connection = get_db()
    with transaction(connection):
        reminder_id = matching_reminder(connection, body)
        row = connection.execute(
            "SELECT id FROM history WHERE sent IS NULL AND body = ? AND (? IS NULL OR site = ?)"
            " ORDER BY created DESC, id DESC LIMIT 1", (body.body, body.site, body.site),
        ).fetchone()
        now = utc_now()
        if row is not None:
            connection.execute("UPDATE history SET sent = ?, reminder_id = ? WHERE id = ?",
                               (now, reminder_id, row["id"]))
        if reminder_id is not None:
            connection.execute("UPDATE reminders SET done = 1, updated = ? WHERE id = ?",
                               (now, reminder_id))
    return {"history": get_entry(connection, row["id"]) if row else None,
            "reminder": get_reminder(connection, reminder_id) if reminder_id else None}
