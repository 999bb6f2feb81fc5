"""What a failed SQLite call means for the user: a status, a sentence and the fix."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import NamedTuple

# below this much free space the disk, not the database, is what is full
NEARLY_FULL_BYTES = 4 * 1024 * 1024
# how long a client should wait before trying a busy or locked database again (seconds)
RETRY_AFTER = 2


class Failure(NamedTuple):
    """A storage failure as the API answers it."""

    status: int
    detail: str
    retry_after: int | None = None


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error, when it has one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_full(error: sqlite3.Error) -> bool:
    """Whether SQLite refused a write because the disk (or the file's size limit) is full."""
    return primary_code(error) == sqlite3.SQLITE_FULL


def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether SQLite found the file damaged or not a database at all."""
    return primary_code(error) in {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def repair_steps(path: Path) -> str:
    """The way out of a damaged file, which loses only the rows that cannot be read."""
    return (f"Stop Gracious, save what can still be read with `gracious export > rescue.json`, "
            f"move {path} aside, then restore with `gracious import rescue.json`.")


def describe_failure(error: sqlite3.Error, path: Path) -> Failure | None:
    """Explain a SQLite error the user can act on; None for one that is a bug of ours."""
    code = primary_code(error)
    if code == sqlite3.SQLITE_FULL:
        return Failure(507, full_detail(path))
    if is_corrupt(error):
        return Failure(503, f"The database file {path} is damaged ({error}). "
                            + repair_steps(path))
    if code in {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}:
        return Failure(503, f"The database {path} is busy with another program's write; "
                            "try again in a moment.", RETRY_AFTER)
    if code in {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN}:
        return Failure(503, f"Gracious cannot write to {path} ({error}). Check that the data dir "
                            "(--data-dir or GRACIOUS_DATA_DIR) and the file are writable.")
    if code == sqlite3.SQLITE_IOERR:
        return Failure(503, f"Reading or writing {path} failed ({error}). Check the disk it is "
                            "on; nothing was changed by this request.", RETRY_AFTER)
    return None


def full_detail(path: Path) -> str:
    """Say that the disk is full, or, with space left, that the database can grow no further."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = 0
    if free < NEARLY_FULL_BYTES:
        return (f"The disk holding {path} is full, so nothing new was saved. Free some space "
                "on it; deleting reminders or history still works meanwhile.")
    return (f"The database {path} cannot grow any further ({free // 2**20} MiB are free on its "
            "disk), so nothing new was saved. Export, forget and import your data to compact it.")
