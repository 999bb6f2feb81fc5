"""Local storage in SQLite: the file set up once, then one long-lived connection per thread."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gracious.storage.database import (
    StorageError,
    connect_database,
    open_database,
    prepare_database,
)
from gracious.storage.failures import describe_failure, is_corrupt
from gracious.storage.location import database_path, resolve_data_dir

if TYPE_CHECKING:
    from flask import Flask

# flask is imported inside the functions that need it: `gracious export` and `import` use this
# package and must start without loading the web framework

__all__ = ["StorageError", "get_db", "init_app", "open_database", "prepare_storage"]


@dataclass
class Storage:
    """The app's data dirs already set up, and each thread's own connection."""

    prepared: set[Path] = field(default_factory=set)
    preparing: threading.Lock = field(default_factory=threading.Lock)
    local: threading.local = field(default_factory=threading.local)


def prepare_storage(app: Flask) -> None:
    """Create, switch to WAL and migrate the app's database before it serves anyone."""
    with app.app_context():
        ensure_prepared(resolve_data_dir(app.config.get("DATA_DIR")))


def ensure_prepared(data_dir: Path) -> None:
    """Set up data_dir's database once per process, one thread at a time."""
    from flask import current_app

    storage: Storage = current_app.extensions["gracious_storage"]
    if data_dir in storage.prepared:
        return
    # threads that arrive together wait here rather than all taking the write lock at once
    with storage.preparing:
        if data_dir not in storage.prepared:
            prepare_database(data_dir)
            storage.prepared.add(data_dir)


def get_db() -> sqlite3.Connection:
    """Return this thread's connection to the app's database, opening it on first use."""
    from flask import current_app

    # a connection is kept per thread rather than per request: closing the last
    # connection to a wal database checkpoints and deletes the wal, which made
    # every request pay ~4 ms to set it up again. waitress has a fixed pool of
    # threads, so the number of open connections stays small.
    local = current_app.extensions["gracious_storage"].local
    data_dir = resolve_data_dir(current_app.config.get("DATA_DIR"))
    connection = getattr(local, "connection", None)
    if connection is None or local.data_dir != data_dir:
        if connection is not None:
            connection.close()
            local.connection = None
        ensure_prepared(data_dir)
        local.connection, local.data_dir = connect_database(data_dir), data_dir
    elif connection.in_transaction:
        # only a failed rollback can leave one open; never let it leak into this request
        connection.rollback()
    return local.connection


def answer_storage_error(error: StorageError):
    """Answer a database that cannot be opened with a 503 that says why."""
    from flask import current_app

    from gracious.problems import problem

    current_app.logger.error("storage unavailable: %s", error)
    return problem(503, f"Gracious cannot reach its data: {error}. Check the data dir "
                        "(--data-dir or GRACIOUS_DATA_DIR) is writable.")


def answer_sqlite_error(error: sqlite3.Error):
    """Answer a full disk with a 507 and a damaged or busy file with a 503, each saying why."""
    from flask import current_app

    from gracious.problems import handle_unexpected_error, problem

    path = database_path(resolve_data_dir(current_app.config.get("DATA_DIR")))
    failure = describe_failure(error, path)
    if failure is None:
        # a constraint or programming error is a bug of ours, not something the user can fix
        return handle_unexpected_error(error)
    current_app.logger.error("storage failed: %s (%s)", error, path)
    extra = {"file": str(path)} if is_corrupt(error) else {}
    response = problem(failure.status, failure.detail, **extra)
    if failure.retry_after is not None:
        response.headers["Retry-After"] = str(failure.retry_after)
    return response


def init_app(app: Flask) -> None:
    """Give the app its storage state and explain storage failures."""
    app.extensions["gracious_storage"] = Storage()
    app.register_error_handler(StorageError, answer_storage_error)
    app.register_error_handler(sqlite3.Error, answer_sqlite_error)
