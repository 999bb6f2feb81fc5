"""Local storage in SQLite: one long-lived connection per server thread."""

from __future__ import annotations

import sqlite3
import threading

from flask import Flask, current_app

from gracious.storage.database import StorageError, open_database
from gracious.storage.location import resolve_data_dir

__all__ = ["StorageError", "get_db", "init_app", "open_database"]


def get_db() -> sqlite3.Connection:
    """Return this thread's connection to the app's database, opening it on first use."""
    # a connection is kept per thread rather than per request: closing the last
    # connection to a wal database checkpoints and deletes the wal, which made
    # every request pay ~4 ms to set it up again. waitress has a fixed pool of
    # threads, so the number of open connections stays small.
    local = current_app.extensions["gracious_storage"]
    data_dir = resolve_data_dir(current_app.config.get("DATA_DIR"))
    connection = getattr(local, "connection", None)
    if connection is None or local.data_dir != data_dir:
        if connection is not None:
            connection.close()
        local.connection, local.data_dir = open_database(data_dir), data_dir
    elif connection.in_transaction:
        # only a failed rollback can leave one open; never let it leak into this request
        connection.rollback()
    return local.connection


def answer_storage_error(error: StorageError):
    """Answer a database that cannot be opened with a 503 that says why."""
    from gracious.problems import problem

    current_app.logger.error("storage unavailable: %s", error)
    return problem(503, f"Gracious cannot reach its data: {error}. Check the data dir "
                        "(--data-dir or GRACIOUS_DATA_DIR) is writable.")


def init_app(app: Flask) -> None:
    """Give the app its per-thread connections and explain storage failures."""
    app.extensions["gracious_storage"] = threading.local()
    app.register_error_handler(StorageError, answer_storage_error)
