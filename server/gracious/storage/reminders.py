"""Reminders to follow up: add, list, change and delete them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from gracious.storage.database import delete_rows, transaction, utc_now
from gracious.storage.models import NewReminder, ReminderChanges
from gracious.storage.row_ids import MAX_ROW_ID
from gracious.storage.when import due_instant, instant_text


def reminder_from_row(row: sqlite3.Row) -> dict:
    """Turn a stored row into the reminder the API returns."""
    return {
        "id": row["id"],
        "due": row["due"],
        "due_at": row["due_at"],
        "kind": row["kind"],
        "context": json.loads(row["context"]),
        "note": row["note"],
        "done": bool(row["done"]),
        "created": row["created"],
        "updated": row["updated"],
        "interview_id": row["interview_id"],
        "step": row["step"],
        "round": row["round"],
    }


def context_json(context) -> str:
    """Serialise a draft context compactly, leaving out empty fields."""
    data = context.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def add_reminder(connection: sqlite3.Connection, new: NewReminder) -> dict:
    """Store a new reminder and return it."""
    due = new.due.isoformat()
    now = utc_now()
    with transaction(connection):
        cursor = connection.execute(
            "INSERT INTO reminders (due, due_at, kind, context, note, done, created, updated)"
            " VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
            (due, due_instant(due), new.kind, context_json(new.context), new.note, now, now),
        )
        return get_reminder(connection, cursor.lastrowid)


def list_reminders(
    connection: sqlite3.Connection, due_only: bool = False, now: dt.datetime | None = None
) -> list[dict]:
    """Return reminders soonest first; with due_only, only those due by now and not done."""
    if due_only:
        moment = instant_text(now or dt.datetime.now(dt.UTC))
        rows = connection.execute(
            "SELECT * FROM reminders WHERE done = 0 AND due_at <= ? ORDER BY due_at, id",
            (moment,),
        )
    else:
        rows = connection.execute("SELECT * FROM reminders ORDER BY done, due_at, id")
    return [reminder_from_row(row) for row in rows]


def get_reminder(connection: sqlite3.Connection, reminder_id: int) -> dict | None:
    """Return one reminder, or None when there is no such id."""
    if not 0 < reminder_id <= MAX_ROW_ID:
        return None
    row = connection.execute("SELECT * FROM reminders WHERE id = ?", (reminder_id,)).fetchone()
    return reminder_from_row(row) if row else None


def update_reminder(
    connection: sqlite3.Connection, reminder_id: int, changes: ReminderChanges
) -> dict | None:
    """Apply the given changes and return the reminder, or None when there is no such id."""
    assignments: dict[str, object] = {}
    if changes.done is not None:
        assignments["done"] = int(changes.done)
    if changes.due is not None:
        assignments["due"] = changes.due.isoformat()
        assignments["due_at"] = due_instant(assignments["due"])
    if changes.note is not None:
        assignments["note"] = changes.note
    with transaction(connection):
        if get_reminder(connection, reminder_id) is None:
            return None
        if assignments:
            assignments["updated"] = utc_now()
            # column names come from the fixed set above, never from the request
            columns = ", ".join(f"{name} = ?" for name in assignments)
            connection.execute(
                f"UPDATE reminders SET {columns} WHERE id = ?",  # noqa: S608
                (*assignments.values(), reminder_id),
            )
        return get_reminder(connection, reminder_id)


def delete_reminder(connection: sqlite3.Connection, reminder_id: int) -> bool:
    """Delete one reminder; return whether it existed."""
    if not 0 < reminder_id <= MAX_ROW_ID:
        return False
    return delete_rows(connection, "DELETE FROM reminders WHERE id = ?", (reminder_id,)) > 0
