"""Export, import and forget everything Gracious stores, one registered table at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gracious.storage.database import transaction, utc_now
from gracious.storage.history import entry_from_row
from gracious.storage.interview_models import Cadence
from gracious.storage.interviews import import_interviews, interview_from_row
from gracious.storage.models import EXPORT_FORMAT, EXPORT_VERSION, ExportDocument, Profile
from gracious.storage.profile import get_cadence, get_profile
from gracious.storage.reminders import context_json, reminder_from_row
from gracious.storage.salvage import salvage_rows
from gracious.storage.when import due_instant

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "TABLES", "count_data", "export_data",
           "forget_everything", "import_data"]


def insert_rows(table: str, columns: tuple[str, ...],
                values: Callable[[Any], tuple]) -> Callable[[sqlite3.Connection, list], None]:
    """An importer that inserts each validated item's values into the named columns."""
    statement = (f"INSERT INTO {table} ({', '.join(columns)})"  # noqa: S608
                 f" VALUES ({', '.join('?' * len(columns))})")

    def insert(connection: sqlite3.Connection, items: list) -> None:
        connection.executemany(statement, [values(item) for item in items])

    return insert


@dataclass(frozen=True)
class Table:
    """One table as exports carry it: its rows out, and a validated export's rows back in."""

    name: str
    # what a row is called, one and several, for the command line's summaries
    one: str
    several: str
    from_row: Callable[[sqlite3.Row], dict]
    insert: Callable[[sqlite3.Connection, list], None]
    # named in summaries even when there are none (the tables every install has used)
    always_named: bool = True


# every table an export holds, in the order they are restored (a reminder may point at an
# interview); adding a table is one entry here and a list of the same name on ExportDocument
TABLES: tuple[Table, ...] = (
    Table("interviews", "interview", "interviews",
          lambda row: {k: v for k, v in interview_from_row(row).items() if k != "reminders"},
          import_interviews, always_named=False),
    Table("reminders", "reminder", "reminders", reminder_from_row, insert_rows(
        "reminders", ("id", "due", "due_at", "kind", "context", "note", "done", "created",
                      "updated", "interview_id", "step", "round"),
        lambda r: (r.id, r.due, due_instant(r.due), r.kind, context_json(r.context), r.note,
                   int(r.done), r.created, r.updated, r.interview_id, r.step, r.round))),
    Table("history", "history entry", "history entries", entry_from_row, insert_rows(
        "history", ("id", "kind", "channel", "tone", "subject", "body", "context", "site",
                    "created", "sent", "reminder_id"),
        lambda h: (h.id, h.kind, h.channel, h.tone, h.subject, h.body, context_json(h.context),
                   h.site, h.created, h.sent, h.reminder_id))),
)


@dataclass
class Export:
    """An export document, and whatever a damaged file kept out of it."""

    document: dict
    skipped: list[str]
    profile_lost: bool = False

    @property
    def saved_anything(self) -> bool:
        """Whether the profile or any row made it into the document."""
        return not self.profile_lost or any(self.document[table.name] for table in TABLES)


def export_data(connection: sqlite3.Connection) -> Export:
    """Return the profile and every table as one versioned document, salvaging what it can."""
    # one read transaction, so the parts are a consistent snapshot
    connection.execute("BEGIN")
    try:
        document: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION,
                                    "exported": utc_now()}
        skipped: list[str] = []
        try:
            document["profile"] = get_profile(connection)
            document["cadence"] = get_cadence(connection).model_dump()
        except sqlite3.DatabaseError as error:
            document["profile"] = None
            skipped.append(f"profile: it is on a damaged page ({error})")
        for table in TABLES:
            salvaged = salvage_rows(connection, table.name, table.from_row)
            document[table.name] = salvaged.rows
            skipped += salvaged.skipped
    finally:
        end_reading(connection)
    lost = document["profile"] is None
    if lost:
        # an importable file still: the defaults stand in for the profile that was lost
        document["profile"] = Profile().model_dump()
        document["cadence"] = Cadence().model_dump()
    return Export(document, skipped, profile_lost=lost)


def end_reading(connection: sqlite3.Connection) -> None:
    """End a read transaction, even one a damaged page has left in a failed state."""
    try:
        connection.execute("COMMIT")
    except sqlite3.DatabaseError:
        # nothing was written, so rolling back loses nothing
        if connection.in_transaction:
            connection.rollback()


def count_data(connection: sqlite3.Connection) -> dict[str, int]:
    """Return how many rows each table holds, and whether a profile is saved."""
    names = [table.name for table in TABLES] + ["profile"]
    return {
        name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
        for name in names
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
        for table in TABLES:
            table.insert(connection, getattr(document, table.name))


def wipe(connection: sqlite3.Connection) -> None:
    """Delete every row (inside the caller's transaction), the rows that point elsewhere first."""
    for name in [table.name for table in reversed(TABLES)] + ["profile"]:
        connection.execute(f"DELETE FROM {name}")  # noqa: S608


def forget_everything(connection: sqlite3.Connection) -> dict[str, int]:
    """Delete all stored data and return how much there was."""
    with transaction(connection):
        counts = count_data(connection)
        wipe(connection)
    # rewrite the file so deleted text does not linger in free pages or the wal
    connection.execute("VACUUM")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts
