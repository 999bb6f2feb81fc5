"""The user's profile: one row, with defaults until it is first saved."""

from __future__ import annotations

import sqlite3

from gracious.storage.database import transaction
from gracious.storage.models import Profile


def get_profile(connection: sqlite3.Connection) -> dict:
    """Return the stored profile, or the defaults when none was saved."""
    row = connection.execute(
        "SELECT name, signature, tone, kind FROM profile WHERE id = 1"
    ).fetchone()
    return dict(row) if row else Profile().model_dump()


def save_profile(connection: sqlite3.Connection, profile: Profile) -> dict:
    """Replace the profile and return what is now stored."""
    with transaction(connection):
        connection.execute(
            "INSERT INTO profile (id, name, signature, tone, kind) VALUES (1, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
            " signature = excluded.signature, tone = excluded.tone, kind = excluded.kind",
            (profile.name, profile.signature, profile.tone, profile.kind),
        )
        return get_profile(connection)
