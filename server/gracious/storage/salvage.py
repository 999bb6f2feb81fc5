"""Read every row of a table that can still be read, stepping over damaged pages."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from gracious.storage.row_ids import MAX_ROW_ID


@dataclass
class Salvaged:
    """The rows read from one table and what could not be read."""

    rows: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def salvage_rows(connection: sqlite3.Connection, table: str,
                 from_row: Callable[[sqlite3.Row], dict]) -> Salvaged:
    """Read a table in id order; a damaged page costs only the rows stored on it."""
    result = Salvaged()
    try:
        rows = connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608
    except sqlite3.DatabaseError:
        rows = None
    if rows is not None:
        for row in rows:
            keep(result, table, row, from_row)
        return result
    # a page is damaged: walk the ids one at a time so every readable row is kept
    last = 0
    while True:
        try:
            row = next_row(connection, table, last)
        except sqlite3.DatabaseError as error:
            resume = first_readable_after(connection, table, last)
            upto = "the last" if resume is None else str(resume - 1)
            result.skipped.append(f"{table}: any rows with ids from {last + 1} to {upto}, stored "
                                  f"on a damaged page ({error})")
            if resume is None:
                return result
            last = resume - 1
            continue
        if row is None:
            return result
        last = row["id"]
        keep(result, table, row, from_row)


def keep(result: Salvaged, table: str, row: sqlite3.Row,
         from_row: Callable[[sqlite3.Row], dict]) -> None:
    """Add one row to the result, or say why it could not be read."""
    try:
        result.rows.append(from_row(row))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        result.skipped.append(f"{table}: the row with id {row['id']} ({error})")


def next_row(connection: sqlite3.Connection, table: str, after: int) -> sqlite3.Row | None:
    """The row with the smallest id above `after`."""
    return connection.execute(
        f"SELECT * FROM {table} WHERE id > ? ORDER BY id LIMIT 1", (after,)  # noqa: S608
    ).fetchone()


def readable_id_after(connection: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest id above `after`, or None when there is none; raises on a damaged page."""
    row = connection.execute(
        f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT 1", (after,)  # noqa: S608
    ).fetchone()
    return None if row is None else row[0]


def first_readable_after(connection: sqlite3.Connection, table: str, last: int) -> int | None:
    """The first id after a damaged page that starts just above `last`; None if nothing follows."""
    # ids grow with the pages that hold them: leap ahead until a lookup succeeds, then narrow
    # down to the smallest start that reads, so rows just past the damage are not lost
    bad, step = last, 1
    while True:
        probe = min(last + step, MAX_ROW_ID)
        try:
            found = readable_id_after(connection, table, probe)
            break
        except sqlite3.DatabaseError:
            bad = probe
            if probe == MAX_ROW_ID:
                return None
            step *= 2
    good = probe
    while good - bad > 1:
        middle = (bad + good) // 2
        try:
            found = readable_id_after(connection, table, middle)
            good = middle
        except sqlite3.DatabaseError:
            bad = middle
    return found
