"""A little disk space set aside beside the database, given up so deletes work on a full disk."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

RESERVE_NAME = "gracious.reserve"
# deleting writes the changed pages to the wal before the file can shrink: 2 MiB is room for
# about 500 changed pages, more than deleting thousands of history entries needs
RESERVE_BYTES = 2 * 1024 * 1024


def reserve_path(data_dir: str | os.PathLike[str]) -> Path:
    """Where the reserve lives: beside the database, on the same disk."""
    return Path(data_dir) / RESERVE_NAME


def database_dir(connection: sqlite3.Connection) -> Path:
    """The folder of the main database of a connection."""
    return Path(connection.execute("PRAGMA database_list").fetchone()[2]).parent


def keep_reserve(data_dir: str | os.PathLike[str]) -> None:
    """Set the reserve aside if it is missing; on a disk already full, try again later."""
    path = reserve_path(data_dir)
    if path.exists():
        return
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return
    try:
        # allocated blocks, not a sparse file: they must be really free when given back
        os.posix_fallocate(descriptor, 0, RESERVE_BYTES)
    except OSError:
        os.close(descriptor)
        path.unlink(missing_ok=True)
        return
    os.close(descriptor)


def release_reserve(data_dir: str | os.PathLike[str]) -> bool:
    """Give the reserve back to the disk; say whether there was one to give."""
    with contextlib.suppress(FileNotFoundError):
        reserve_path(data_dir).unlink()
        return True
    return False
