"""Open the SQLite file safely: WAL, full sync, a busy timeout and an up-to-date schema."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from gracious.private_files import make_private
from gracious.storage.failures import is_full
from gracious.storage.location import database_path
from gracious.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from gracious.storage.reserve import database_dir, keep_reserve, release_reserve
from gracious.storage.when import stored_due_instant

# how long a writer waits for another writer before giving up (milliseconds)
BUSY_TIMEOUT_MS = 10_000


class StorageError(Exception):
    """The data dir or database cannot be used; the message says why, for the user."""


def open_database(data_dir: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open (creating if needed) the database in data_dir, migrated to the current schema."""
    prepare_database(data_dir)
    return connect_database(data_dir)


def prepare_database(data_dir: str | os.PathLike[str]) -> None:
    """Create the file if needed, switch it to WAL and migrate it, through one connection."""
    # run once per process before any other connection: it takes the write lock
    # (journal_mode, migrations) and recovers a wal left by a crash, alone, so the
    # server's threads never race each other for that lock when they first connect
    path = database_path(data_dir)
    try:
        make_private(Path(data_dir), path)
    except OSError as error:
        raise StorageError(f"cannot open the database at {path}: {error}") from error
    connection = connect_database(data_dir)
    try:
        # wal lets readers run beside the one writer; it is a property of the file
        run_when_unlocked(connection, "PRAGMA journal_mode = WAL")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        raise StorageError(f"cannot use the database at {path}: {error}") from error
    finally:
        connection.close()
    keep_reserve(data_dir)


def connect_database(data_dir: str | os.PathLike[str]) -> sqlite3.Connection:
    """Connect to the prepared database in data_dir, with the pragmas every connection needs."""
    path = database_path(data_dir)
    try:
        # timeout sets sqlite's busy timeout as the file is opened, before any
        # statement: a connection that meets a crash recovery in progress waits for it
        connection = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except (OSError, sqlite3.Error) as error:
        raise StorageError(f"cannot open the database at {path}: {error}") from error
    try:
        configure(connection)
        wait_until_readable(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise StorageError(f"cannot use the database at {path}: {error}") from error
    return connection


def wait_until_readable(connection: sqlite3.Connection) -> None:
    """Read the file's header once, so a crash recovery under way is waited for here."""
    run_when_unlocked(connection, "PRAGMA schema_version")


def run_when_unlocked(connection: sqlite3.Connection, statement: str) -> list:
    """Run one statement, retrying while sqlite refuses it at once as busy."""
    # some lock conflicts get SQLITE_BUSY without the busy timeout being waited
    # out: two connections switching a new file to wal together (one refuses the
    # other at once), and, per sqlite's wal docs ("sometimes queries return
    # sqlite_busy"), a first read while another connection recovers a crashed wal
    # or deletes it on close. each lasts milliseconds, so retry until the timeout
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.001
    while True:
        try:
            return connection.execute(statement).fetchall()
        except sqlite3.OperationalError as error:
            busy = (error.sqlite_errorcode & 0xFF) == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def configure(connection: sqlite3.Connection) -> None:
    """Apply the pragmas every connection needs; none of them takes a lock."""
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # full: a commit is fsynced before we answer 201, so an acknowledged write
    # survives a power cut too, not only a killed process; writes here are a few
    # a day, so the extra fsync costs the user nothing they could notice
    connection.execute("PRAGMA synchronous = FULL")
    # deleted notes are overwritten, not left readable in free pages
    connection.execute("PRAGMA secure_delete = ON")
    connection.create_function("due_instant", 1, stored_due_instant, deterministic=False)


def schema_version(connection: sqlite3.Connection) -> int:
    """Return how many migration steps this file has had."""
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every pending migration in one transaction and return the new version."""
    if schema_version(connection) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    with transaction(connection):
        # read again inside the write lock: another process may have migrated meanwhile
        version = schema_version(connection)
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"this file has schema version {version}, newer than this Gracious "
                f"understands ({SCHEMA_VERSION}); upgrade Gracious to use it"
            )
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in split_statements(step):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
    return schema_version(connection)


def split_statements(script: str) -> Iterator[str]:
    """Yield the complete SQL statements of a script, one at a time."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:60]}")


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one write transaction: all of it is committed, or none."""
    # immediate takes the write lock up front, so two writers queue on
    # busy_timeout instead of failing halfway with "database is locked"
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        # sqlite rolls back by itself after some errors (a full disk, an interrupt); a second
        # rollback would fail with "no transaction is active" and hide the real error
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def delete_rows(connection: sqlite3.Connection, statement: str,
                parameters: tuple[object, ...] = (),
                before: tuple[tuple[str, tuple[object, ...]], ...] = ()) -> int:
    """Run a DELETE (after any dependent ones) as one transaction, even on a full disk."""
    # a delete writes its pages to the wal before any space comes back, so on a full disk it
    # fails like any write: give up the reserve set aside for this, and try again
    try:
        return run_in_transaction(connection, statement, parameters, before)
    except sqlite3.OperationalError as error:
        if not is_full(error) or not release_reserve(database_dir(connection)):
            raise
    deleted = run_in_transaction(connection, statement, parameters, before)
    # move the pages into the main file, where deleting never needs new space, so the wal
    # can be reused from its start; the reserve comes back once the disk has room
    connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    keep_reserve(database_dir(connection))
    return deleted


def run_in_transaction(connection: sqlite3.Connection, statement: str,
                       parameters: tuple[object, ...],
                       before: tuple[tuple[str, tuple[object, ...]], ...] = ()) -> int:
    """Run statements in one write transaction; return how many rows the last one changed."""
    with transaction(connection):
        for earlier, values in before:
            connection.execute(earlier, values)
        return connection.execute(statement, parameters).rowcount


def utc_now() -> str:
    """Return the current time as an ISO 8601 UTC timestamp."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
