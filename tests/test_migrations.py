"""Schema migrations: old files are upgraded in place, keeping every row."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from gracious.storage import StorageError, database, open_database
from gracious.storage.location import database_path
from gracious.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from gracious.storage.reminders import list_reminders
from tests.support import LiveServer, free_port

# the schema as version 1 shipped it, written out in full so later edits to
# MIGRATIONS cannot quietly change what "an old file" means here
VERSION_1 = """
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
INSERT INTO reminders (due, kind, context, note, done, created) VALUES
    ('2030-03-01T10:00:00+02:00', 'follow-up', '{"company":"Zoë & Co"}', 'call back', 0,
     '2026-01-01T00:00:00Z'),
    ('2020-02-01', 'thank-you', '{}', '', 1, '2026-01-02T00:00:00Z');
INSERT INTO profile (id, name, tone) VALUES (1, 'Priya', 'formal');
PRAGMA user_version = 1;
"""


def make_version_1(directory):
    """Write a version-1 database file with two reminders and a profile."""
    directory.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(database_path(directory))
    connection.executescript(VERSION_1)
    connection.close()


def tables(connection) -> set[str]:
    """Return the names of the tables in a database."""
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


def test_a_new_file_gets_the_latest_schema(tmp_path):
    connection = open_database(tmp_path)
    assert database.schema_version(connection) == SCHEMA_VERSION == len(MIGRATIONS)
    assert {"reminders", "history", "profile"} <= tables(connection)


def test_a_version_1_file_is_upgraded_in_place_keeping_its_rows(tmp_path):
    make_version_1(tmp_path)
    connection = open_database(tmp_path)
    assert database.schema_version(connection) == SCHEMA_VERSION
    assert "history" in tables(connection)
    reminders = list_reminders(connection)
    assert [(r["due"], r["note"], r["done"]) for r in reminders] == [
        ("2030-03-01T10:00:00+02:00", "call back", False),
        ("2020-02-01", "", True),
    ]
    # the new column was filled from the old data, so sorting and "due now" work at once
    assert reminders[0]["due_at"] == "2030-03-01T08:00:00.000000Z"
    assert reminders[0]["context"] == {"company": "Zoë & Co"}
    assert reminders[0]["updated"] == reminders[0]["created"]
    profile = connection.execute("SELECT name, tone FROM profile").fetchone()
    assert tuple(profile) == ("Priya", "formal")


def test_an_unreadable_old_due_does_not_block_the_upgrade(tmp_path):
    make_version_1(tmp_path)
    connection = sqlite3.connect(database_path(tmp_path))
    connection.execute(
        "INSERT INTO reminders (due, kind, created) VALUES ('soon', 'follow-up', '')"
    )
    connection.commit()
    connection.close()
    upgraded = open_database(tmp_path)
    # it sorts first and counts as due, so the user sees it and can set a real date
    unreadable = list_reminders(upgraded, due_only=True)[0]
    assert (unreadable["due"], unreadable["due_at"]) == ("soon", "")
    upgraded.close()


def test_reopening_an_up_to_date_file_changes_nothing(tmp_path):
    open_database(tmp_path).close()
    before = database_path(tmp_path).read_bytes()
    connection = open_database(tmp_path)
    assert database.schema_version(connection) == SCHEMA_VERSION
    connection.close()
    assert database_path(tmp_path).read_bytes() == before


def test_a_failing_migration_leaves_the_old_version_intact(tmp_path, monkeypatch):
    make_version_1(tmp_path)
    broken = (*MIGRATIONS[:2], "ALTER TABLE reminders ADD COLUMN due_at TEXT;\nSELECT nope();\n")
    monkeypatch.setattr(database, "MIGRATIONS", broken)
    monkeypatch.setattr(database, "SCHEMA_VERSION", len(broken))
    with pytest.raises(StorageError, match="nope"):
        open_database(tmp_path)
    connection = sqlite3.connect(database_path(tmp_path))
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "history" not in tables(connection)
    assert connection.execute("SELECT count(*) FROM reminders").fetchone()[0] == 2
    connection.close()


def test_a_file_from_a_newer_gracious_is_refused(tmp_path):
    connection = open_database(tmp_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StorageError, match="upgrade Gracious"):
        open_database(tmp_path)


def test_serve_refuses_a_file_it_cannot_use_before_listening(tmp_path):
    # the file is set up once, before waitress starts its threads; one it cannot use
    # stops the server with the reason instead of a 503 on every request
    connection = open_database(tmp_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    finished = subprocess.run(
        [sys.executable, "-m", "gracious", "serve", "--port", str(free_port()),
         "--data-dir", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert finished.returncode == 1
    assert "upgrade Gracious" in finished.stderr and str(tmp_path) in finished.stderr
    assert "Traceback" not in finished.stderr


def test_serve_sets_a_new_file_up_before_the_first_request(tmp_path):
    server = LiveServer(tmp_path / "data", log_path=tmp_path / "server.log").start()
    try:
        # the health check touches no data, so the file is there because serve made it
        connection = sqlite3.connect(database_path(tmp_path / "data"))
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        connection.close()
    finally:
        server.stop()


def test_a_migration_another_process_finished_is_not_applied_twice(tmp_path, monkeypatch):
    make_version_1(tmp_path)
    first = sqlite3.connect(database_path(tmp_path), isolation_level=None)
    database.configure(first)
    open_database(tmp_path).close()  # another process migrates first
    real_version = database.schema_version
    answers = iter([1])  # what the first connection saw before it took the write lock

    def stale_then_real(connection):
        return next(answers, None) or real_version(connection)

    monkeypatch.setattr(database, "schema_version", stale_then_real)
    assert database.migrate(first) == SCHEMA_VERSION
    assert len(list_reminders(first)) == 2
    first.close()
