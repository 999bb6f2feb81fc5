"""The user's profile: one row, with defaults until it is first saved."""

from __future__ import annotations

import json
import sqlite3

from gracious.storage.database import transaction
from gracious.storage.interview_models import Cadence
from gracious.storage.models import Profile


def get_profile(connection: sqlite3.Connection) -> dict:
    """Return the stored profile, or the defaults when none was saved."""
    row = connection.execute(
        "SELECT name, signature, tone, kind, email FROM profile WHERE id = 1"
    ).fetchone()
    return dict(row) if row else Profile().model_dump()


def save_profile(connection: sqlite3.Connection, profile: Profile) -> dict:
    """Replace the profile and return what is now stored."""
    with transaction(connection):
        connection.execute(
            "INSERT INTO profile (id, name, signature, tone, kind, email) VALUES (1, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
            " signature = excluded.signature, tone = excluded.tone, kind = excluded.kind,"
            " email = excluded.email",
            (profile.name, profile.signature, profile.tone, profile.kind, profile.email),
        )
        return get_profile(connection)


def get_cadence(connection: sqlite3.Connection) -> Cadence:
    """Return the user's follow-up cadence, or the defaults."""
    row = connection.execute("SELECT cadence FROM profile WHERE id = 1").fetchone()
    try:
        return Cadence.model_validate(json.loads(row["cadence"])) if row else Cadence()
    except ValueError:
        # a hand-edited value that no longer validates must not stop interviews being saved
        return Cadence()


def save_cadence(connection: sqlite3.Connection, cadence: Cadence) -> dict:
    """Replace the cadence defaults (keeping the rest of the profile) and return them."""
    text = cadence.model_dump_json()
    with transaction(connection):
        connection.execute(
            "INSERT INTO profile (id, cadence) VALUES (1, ?)"
            " ON CONFLICT (id) DO UPDATE SET cadence = excluded.cadence", (text,))
    return get_cadence(connection).model_dump()
