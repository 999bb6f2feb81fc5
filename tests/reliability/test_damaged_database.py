"""A damaged database page: 503s naming the file and the fix, and an export that saves the rest."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gracious.storage import open_database
from gracious.storage.history import add_entry
from gracious.storage.location import database_path
from gracious.storage.models import NewHistoryEntry, NewReminder
from gracious.storage.reminders import add_reminder
from tests.support import LiveServer

from .raw_http import send_raw

ENTRIES = 200


def marker(number: int) -> str:
    """Text found only in history entry `number`."""
    return f"entry-{number:04d}-marker"


def fill(data_dir: Path) -> None:
    """Store ENTRIES history entries big enough to span many pages, and two reminders."""
    connection = open_database(data_dir)
    for number in range(1, ENTRIES + 1):
        add_entry(connection, NewHistoryEntry(body=f"{marker(number)} " + "Thank you. " * 120))
    add_reminder(connection, NewReminder(note="follow up with Priya"))
    add_reminder(connection, NewReminder(note="follow up with Sam"))
    # fold the wal into the main file, so the pages damaged below are the ones read
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def damage_page_holding(data_dir: Path, text: str) -> int:
    """Overwrite the whole page that stores `text` with garbage; return its number."""
    path = database_path(data_dir)
    content = path.read_bytes()
    page_size = int.from_bytes(content[16:18], "big")
    offset = content.index(text.encode())
    page = offset // page_size
    with path.open("r+b") as file:
        file.seek(page * page_size)
        file.write(b"\xa5" * page_size)
    return page + 1


@pytest.fixture
def damaged(tmp_path) -> Path:
    """A data dir whose history has one damaged page, in the middle."""
    data_dir = tmp_path / "data"
    fill(data_dir)
    damage_page_holding(data_dir, marker(ENTRIES // 2))
    connection = sqlite3.connect(database_path(data_dir))
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        connection.execute("SELECT body FROM history ORDER BY id").fetchall()
    connection.close()
    return data_dir


def export(data_dir: Path) -> subprocess.CompletedProcess:
    """Run the real `gracious export`."""
    return subprocess.run([sys.executable, "-m", "gracious", "export", "--data-dir",
                           str(data_dir)], capture_output=True, timeout=120)


def test_export_saves_every_readable_row_and_says_what_it_skipped(damaged):
    result = export(damaged)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    document = json.loads(result.stdout)
    bodies = [entry["body"] for entry in document["history"]]
    saved = {number for number in range(1, ENTRIES + 1)
             if any(marker(number) in body for body in bodies)}
    lost = set(range(1, ENTRIES + 1)) - saved
    # only the few entries of the damaged page are lost: those before and after are kept
    assert ENTRIES // 2 in lost and 0 < len(lost) <= 10, sorted(lost)
    assert {1, ENTRIES} <= saved
    assert [r["note"] for r in document["reminders"]] == ["follow up with Priya",
                                                         "follow up with Sam"]
    report = result.stderr.decode()
    assert "skipped history" in report and "damaged page" in report, report
    assert f"saved 2 reminders, {len(saved)} history entries" in report, report


def test_export_of_a_file_with_nothing_readable_fails_in_one_line(tmp_path):
    data_dir = tmp_path / "data"
    fill(data_dir)
    path = database_path(data_dir)
    content = bytearray(path.read_bytes())
    # keep the header, ruin every page after the first
    content[4096:] = b"\xa5" * (len(content) - 4096)
    path.write_bytes(bytes(content))
    result = export(data_dir)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines and all(line.startswith("gracious export: ") for line in lines), lines
    assert b"Traceback" not in result.stderr and result.stdout == b""


def test_the_api_answers_a_damaged_page_with_503s_naming_the_file_and_the_fix(damaged, tmp_path):
    server = LiveServer(damaged, log_path=tmp_path / "server.log").start()
    try:
        middle = ENTRIES // 2
        for path in (f"/api/v1/history/{middle}", "/api/v1/history?limit=1000"):
            answer = send_raw(server, "GET", path)
            assert answer.status == 503, answer.describe()
            assert answer.content_type == "application/problem+json"
            problem = answer.json()
            assert problem["file"] == str(database_path(damaged))
            assert str(database_path(damaged)) in problem["detail"]
            assert "gracious export" in problem["detail"] and "import" in problem["detail"]
        # what the damage does not touch still works
        answer = send_raw(server, "GET", "/api/v1/reminders")
        assert answer.status == 200, answer.describe()
        assert send_raw(server, "GET", "/api/v1/history/1").status == 200
    finally:
        server.stop()
    assert server.tracebacks() == [], server.log_tail()
