"""Storage: the database file, its settings and the data-access functions."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from gracious import storage
from gracious.app import create_app
from gracious.models import DraftContext
from gracious.storage import StorageError, get_db, open_database
from gracious.storage.database import run_when_unlocked, transaction
from gracious.storage.history import add_entry, delete_all_entries, delete_entry, list_entries
from gracious.storage.location import database_path, resolve_data_dir
from gracious.storage.migrations import SCHEMA_VERSION
from gracious.storage.models import NewHistoryEntry, NewReminder, Profile, ReminderChanges
from gracious.storage.profile import get_profile, save_profile
from gracious.storage.reminders import (
    add_reminder,
    delete_reminder,
    get_reminder,
    list_reminders,
    update_reminder,
)
from gracious.storage.when import instant_text, parse_when, to_utc


@pytest.fixture
def db(tmp_path):
    connection = open_database(tmp_path / "data")
    yield connection
    connection.close()


def test_database_is_created_in_wal_mode_with_full_sync(tmp_path):
    connection = open_database(tmp_path / "new" / "nested")
    assert database_path(tmp_path / "new" / "nested").exists()
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # full
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_unusable_data_dir_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="cannot open the database"):
        open_database(blocker)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    database_path(tmp_path).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="cannot use the database"):
        open_database(tmp_path)


def test_data_dir_flag_wins_over_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GRACIOUS_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("GRACIOUS_DATA_DIR")
    assert resolve_data_dir(None).name == "gracious"


def test_reminder_round_trip_keeps_unicode_context(db):
    context = DraftContext.model_validate(
        {"recipient": {"name": "Zoë O'Brien"}, "company": "Procter & Gamble",
         "highlights": ["数据 pipelines 🚀"]}
    )
    stored = add_reminder(db, NewReminder(due="2030-01-02", context=context, note="ask about ✓"))
    again = get_reminder(db, stored["id"])
    assert again == stored
    assert again["context"] == {
        "recipient": {"name": "Zoë O'Brien"}, "company": "Procter & Gamble",
        "highlights": ["数据 pipelines 🚀"],
    }
    assert again["done"] is False and again["kind"] == "follow-up"
    assert again["due"] == "2030-01-02"


def test_reminders_sort_by_instant_across_zones(db):
    later = add_reminder(db, NewReminder(due="2030-01-01T12:00:00+00:00"))
    sooner = add_reminder(db, NewReminder(due="2030-01-01T12:00:00+05:00"))
    assert [r["id"] for r in list_reminders(db)] == [sooner["id"], later["id"]]


def test_due_only_lists_past_and_not_done(db):
    past = add_reminder(db, NewReminder(due="2020-01-01"))
    add_reminder(db, NewReminder(due="2999-01-01"))
    finished = add_reminder(db, NewReminder(due="2020-01-02"))
    update_reminder(db, finished["id"], ReminderChanges(done=True))
    assert [r["id"] for r in list_reminders(db, due_only=True)] == [past["id"]]


def test_date_only_due_counts_from_start_of_local_day(db):
    today = dt.date.today()
    reminder = add_reminder(db, NewReminder(due=today.isoformat()))
    start_of_day = dt.datetime.combine(today, dt.time.min).astimezone()
    just_before = start_of_day - dt.timedelta(seconds=1)
    assert list_reminders(db, due_only=True, now=just_before) == []
    assert [r["id"] for r in list_reminders(db, due_only=True, now=start_of_day)] == [
        reminder["id"]
    ]


def test_update_changes_only_given_fields(db):
    reminder = add_reminder(db, NewReminder(due="2030-05-05", note="first"))
    changed = update_reminder(db, reminder["id"], ReminderChanges(due="2030-06-06T09:00:00"))
    assert changed["due"] == "2030-06-06T09:00:00"
    assert changed["note"] == "first" and changed["done"] is False
    assert changed["due_at"] == instant_text(to_utc(parse_when("2030-06-06T09:00:00")))


def test_missing_and_out_of_range_ids(db):
    assert get_reminder(db, 424242) is None
    assert get_reminder(db, 2**70) is None
    assert update_reminder(db, 2**70, ReminderChanges(done=True)) is None
    assert delete_reminder(db, 2**70) is False
    assert delete_entry(db, 2**70) is False
    reminder = add_reminder(db, NewReminder())
    assert delete_reminder(db, reminder["id"]) is True
    assert delete_reminder(db, reminder["id"]) is False


def test_ids_are_never_reused_after_delete(db):
    first = add_reminder(db, NewReminder())
    delete_reminder(db, first["id"])
    assert add_reminder(db, NewReminder())["id"] > first["id"]


def test_default_due_is_a_week_ahead(db):
    reminder = add_reminder(db, NewReminder())
    assert reminder["due"] == (dt.date.today() + dt.timedelta(days=7)).isoformat()


def test_history_newest_first_with_limit(db):
    ids = [add_entry(db, NewHistoryEntry(body=f"note {n}"))["id"] for n in range(5)]
    assert [e["id"] for e in list_entries(db)] == ids[::-1]
    assert [e["id"] for e in list_entries(db, limit=2)] == ids[:-3:-1]
    assert delete_all_entries(db) == 5
    assert list_entries(db) == []


def test_profile_defaults_then_saved(db):
    assert get_profile(db) == {"name": "", "signature": "", "tone": "warm", "kind": "thank-you",
                               "email": ""}
    saved = save_profile(db, Profile(name="  Zoë  ", signature="Zoë\nzoe@example.org",
                                     tone="formal", kind="follow-up"))
    assert saved == {"name": "Zoë", "signature": "Zoë\nzoe@example.org", "tone": "formal",
                     "kind": "follow-up", "email": ""}
    assert get_profile(db) == saved


def test_a_failed_transaction_leaves_nothing_behind(db):
    class Interrupted(Exception):
        pass

    with pytest.raises(Interrupted), transaction(db):
        db.execute("INSERT INTO reminders (due, due_at, kind, created) VALUES "
                   "('2030-01-01', 'x', 'follow-up', 'now')")
        raise Interrupted
    assert list_reminders(db) == []


@pytest.mark.parametrize("text", ["2026-13-01", "tomorrow", "", "2026-12-01T25:00"])
def test_bad_due_values_are_refused(text):
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_when(text)


@pytest.mark.parametrize("text", [
    "0001-01-01", "0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00", "1899-12-31T23:59:59Z",
    "9999-12-31", "9999-12-31T23:59:59", "9999-12-31T23:59:59-12:00", "9999-01-01",
])
def test_due_values_outside_the_supported_years_are_refused(text):
    # year 1 and 9999 used to reach the utc conversion and crash it with a 500
    with pytest.raises(ValueError, match="outside the years 1900 to 9998"):
        parse_when(text)


@pytest.mark.parametrize("text", [
    "1900-01-01", "1900-01-01T00:00:00", "1900-01-01T00:00:00+14:00",
    "9998-12-31", "9998-12-31T23:59:59", "9998-12-31T23:59:59-12:00",
])
def test_the_ends_of_the_supported_years_are_placed_in_utc(text):
    assert to_utc(parse_when(text)).tzinfo is dt.UTC


def test_non_string_due_is_refused():
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_when(20301201)


def test_threads_of_a_new_app_set_the_file_up_once_and_all_connect(tmp_path, monkeypatch):
    # each thread once switched the file to wal and migrated it on its first
    # connection, and threads arriving together got "database is locked"
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})
    prepared, errors = [], []
    real_prepare = storage.prepare_database
    monkeypatch.setattr(storage, "prepare_database",
                        lambda data_dir: prepared.append(data_dir) or real_prepare(data_dir))
    ready = threading.Barrier(8)

    def first_write() -> None:
        ready.wait()
        try:
            with app.app_context():
                add_entry(get_db(), NewHistoryEntry(body="Thank you."))
        except (StorageError, sqlite3.Error) as error:
            errors.append(error)

    threads = [threading.Thread(target=first_write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert prepared == [tmp_path / "data"]
    with app.app_context():
        assert len(list_entries(get_db())) == 8


def test_switching_a_new_file_to_wal_waits_out_a_writer(tmp_path):
    path = database_path(tmp_path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE notes (body TEXT)")
    # a write lock in rollback mode makes sqlite refuse the switch at once, busy
    # timeout or not, as when two processes set up a new file together
    writer.execute("BEGIN IMMEDIATE")
    connection = sqlite3.connect(path, timeout=5, isolation_level=None)
    attempts = []

    def release_before_the_retry(statement: str) -> None:
        if "journal_mode" in statement:
            attempts.append(statement)
            if len(attempts) == 2:
                writer.execute("COMMIT")

    connection.set_trace_callback(release_before_the_retry)
    assert run_when_unlocked(connection, "PRAGMA journal_mode = WAL") == [("wal",)]
    assert len(attempts) == 2
    connection.close()
    writer.close()


def test_a_statement_refused_for_another_reason_is_not_retried(tmp_path):
    connection = sqlite3.connect(database_path(tmp_path), isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        run_when_unlocked(connection, "SELECT * FROM nowhere")
    connection.close()
