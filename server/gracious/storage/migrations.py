"""The schema, as a list of forward steps; PRAGMA user_version counts the steps applied."""

from __future__ import annotations

# append only: never edit a step that has shipped, add a new one instead.
# each step runs in the same transaction as its user_version bump, so a crash
# mid-migration leaves the file at the previous version.
MIGRATIONS: tuple[str, ...] = (
    # 1: reminders and the single-row profile
    """
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        due TEXT NOT NULL,
        kind TEXT NOT NULL,
        context TEXT NOT NULL DEFAULT '{}',
        note TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        created TEXT NOT NULL
    );
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        signature TEXT NOT NULL DEFAULT '',
        tone TEXT NOT NULL DEFAULT 'warm',
        kind TEXT NOT NULL DEFAULT 'thank-you'
    );
    """,
    # 2: inserted drafts are kept as history
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        tone TEXT NOT NULL,
        subject TEXT,
        body TEXT NOT NULL,
        context TEXT NOT NULL DEFAULT '{}',
        site TEXT,
        created TEXT NOT NULL
    );
    CREATE INDEX history_by_created ON history (created DESC, id DESC);
    """,
    # 3: an absolute instant for each due time, so "due now" and sorting work in sql
    # even when dates and datetimes in different zones are mixed
    """
    ALTER TABLE reminders ADD COLUMN due_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE reminders ADD COLUMN updated TEXT NOT NULL DEFAULT '';
    UPDATE reminders SET due_at = due_instant(due), updated = created;
    CREATE INDEX reminders_by_due ON reminders (done, due_at);
    """,
    # 4: interviews, the reminders of their cadence, sent notes, the user's email and cadence
    """
    CREATE TABLE interviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        company TEXT,
        role TEXT,
        format TEXT,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        starts_utc TEXT NOT NULL,
        time_zone TEXT,
        decision_by TEXT,
        outcome TEXT NOT NULL DEFAULT 'waiting',
        interviewers TEXT NOT NULL DEFAULT '[]',
        round INTEGER NOT NULL DEFAULT 1,
        awaiting_round INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_round IN (0, 1)),
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX interviews_by_start ON interviews (starts_utc, id);
    ALTER TABLE reminders ADD COLUMN interview_id INTEGER;
    ALTER TABLE reminders ADD COLUMN step TEXT;
    ALTER TABLE reminders ADD COLUMN round INTEGER;
    CREATE INDEX reminders_by_interview ON reminders (interview_id, round, step);
    ALTER TABLE history ADD COLUMN sent TEXT;
    ALTER TABLE history ADD COLUMN reminder_id INTEGER;
    ALTER TABLE profile ADD COLUMN email TEXT NOT NULL DEFAULT '';
    ALTER TABLE profile ADD COLUMN cadence TEXT NOT NULL DEFAULT '{}';
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
