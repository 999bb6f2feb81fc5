"""Export, import and forget everything Gracious stores."""

from __future__ import annotations

import sqlite3

from gracious.storage.database import transaction, utc_now
from gracious.storage.history import entry_from_row
from gracious.storage.interview_models import Cadence
from gracious.storage.interviews import export_interviews, import_interviews
from gracious.storage.models import ExportDocument
from gracious.storage.profile import get_cadence, get_profile
from gracious.storage.reminders import context_json, reminder_from_row
from gracious.storage.when import due_instant

EXPORT_FORMAT = "gracious-export"
EXPORT_VERSION = 1


def export_data(connection: sqlite3.Connection) -> dict:
    """Return the profile, reminders and history as one versioned document."""
    # one read transaction, so the three parts are a consistent snapshot
    connection.execute("BEGIN")
    try:
        reminders = connection.execute("SELECT * FROM reminders ORDER BY id").fetchall()
        history = connection.execute("SELECT * FROM history ORDER BY id").fetchall()
        interviews = export_interviews(connection)
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported": utc_now(),
            "profile": get_profile(connection),
            "reminders": [reminder_from_row(row) for row in reminders],
            "history": [entry_from_row(row) for row in history],
            "interviews": interviews,
            "cadence": get_cadence(connection).model_dump(),
        }
    finally:
        connection.execute("COMMIT")
    return document


def count_data(connection: sqlite3.Connection) -> dict[str, int]:
    """Return how many reminders, history entries and profiles are stored."""
    return {
        table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for table in ("reminders", "history", "profile", "interviews")
    }


def import_data(connection: sqlite3.Connection, document: ExportDocument) -> None:
    """Replace everything stored with a validated export, all at once or not at all."""
    with transaction(connection):
        wipe(connection)
        profile = document.profile
        connection.execute(
            "INSERT INTO profile (id, name, signature, tone, kind, email, cadence)"
            " VALUES (1, ?, ?, ?, ?, ?, ?)",
            (profile.name, profile.signature, profile.tone, profile.kind, profile.email,
             (document.cadence or Cadence()).model_dump_json()),
        )
        import_interviews(connection, document.interviews)
        connection.executemany(
            "INSERT INTO reminders (id, due, due_at, kind, context, note, done, created, updated,"
            " interview_id, step, round) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.id, r.due, due_instant(r.due), r.kind, context_json(r.context), r.note,
                 int(r.done), r.created, r.updated, r.interview_id, r.step, r.round)
                for r in document.reminders
            ],
        )
        connection.executemany(
            "INSERT INTO history (id, kind, channel, tone, subject, body, context, site, created,"
            " sent, reminder_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (h.id, h.kind, h.channel, h.tone, h.subject, h.body, context_json(h.context),
                 h.site, h.created, h.sent, h.reminder_id)
                for h in document.history
            ],
        )


def wipe(connection: sqlite3.Connection) -> None:
    """Delete every row (inside the caller's transaction)."""
    for table in ("reminders", "history", "profile", "interviews"):
        connection.execute(f"DELETE FROM {table}")  # noqa: S608


def forget_everything(connection: sqlite3.Connection) -> dict[str, int]:
    """Delete all stored data and return how much there was."""
    with transaction(connection):
        counts = count_data(connection)
        wipe(connection)
    # rewrite the file so deleted text does not linger in free pages or the wal
    connection.execute("VACUUM")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts
