"""History of the drafts the user inserted: add, list and delete."""

from __future__ import annotations

import json
import sqlite3

from gracious.storage.database import delete_rows, transaction, utc_now
from gracious.storage.models import NewHistoryEntry
from gracious.storage.reminders import context_json
from gracious.storage.row_ids import MAX_ROW_ID

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def entry_from_row(row: sqlite3.Row) -> dict:
    """Turn a stored row into the history entry the API returns."""
    return {
        "id": row["id"],
        "kind": row["kind"],
        "channel": row["channel"],
        "tone": row["tone"],
        "subject": row["subject"],
        "body": row["body"],
        "context": json.loads(row["context"]),
        "site": row["site"],
        "created": row["created"],
        "sent": row["sent"],
        "reminder_id": row["reminder_id"],
    }


def add_entry(connection: sqlite3.Connection, new: NewHistoryEntry) -> dict:
    """Store an inserted draft and return the entry."""
    with transaction(connection):
        cursor = connection.execute(
            "INSERT INTO history (kind, channel, tone, subject, body, context, site, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new.kind, new.channel, new.tone, new.subject, new.body,
             context_json(new.context), new.site, utc_now()),
        )
        return get_entry(connection, cursor.lastrowid)


def get_entry(connection: sqlite3.Connection, entry_id: int) -> dict | None:
    """Return one entry, or None when there is no such id."""
    if not 0 < entry_id <= MAX_ROW_ID:
        return None
    row = connection.execute("SELECT * FROM history WHERE id = ?", (entry_id,)).fetchone()
    return entry_from_row(row) if row else None


def list_entries(connection: sqlite3.Connection, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """Return up to limit entries, newest first."""
    rows = connection.execute(
        "SELECT * FROM history ORDER BY created DESC, id DESC LIMIT ?", (limit,)
    )
    return [entry_from_row(row) for row in rows]


def count_entries(connection: sqlite3.Connection) -> int:
    """Return how many entries are stored."""
    return connection.execute("SELECT count(*) FROM history").fetchone()[0]


def delete_entry(connection: sqlite3.Connection, entry_id: int) -> bool:
    """Delete one entry; return whether it existed."""
    if not 0 < entry_id <= MAX_ROW_ID:
        return False
    return delete_rows(connection, "DELETE FROM history WHERE id = ?", (entry_id,)) > 0


def delete_all_entries(connection: sqlite3.Connection) -> int:
    """Delete every entry; return how many there were."""
    return delete_rows(connection, "DELETE FROM history")
