"""`gracious import` holds a file to the API's own rules, and answers hostile files in one line."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gracious.storage import open_database
from gracious.storage.history import add_entry
from gracious.storage.models import NewHistoryEntry
from gracious.storage.row_ids import MAX_ROW_ID

REMINDER = {"id": 1, "due": "2026-12-01", "due_at": "2026-12-01T00:00:00Z", "kind": "follow-up",
            "context": {}, "note": "", "done": False, "created": "", "updated": ""}
INTERVIEW = {"id": 1, "company": "Acme", "starts_at": "2026-12-01T10:00:00+00:00",
             "ends_at": "2026-12-01T11:00:00+00:00", "interviewers": [{"name": "Ana Ruiz"}],
             "created": "", "updated": ""}
ENTRY = {"id": 1, "kind": "thank-you", "channel": "email", "tone": "warm", "subject": None,
         "body": "Thank you.", "context": {}, "site": None, "created": ""}


def document(**changes) -> dict:
    """A valid export with one reminder and one history entry, changed as given."""
    base = {"format": "gracious-export", "version": 1, "profile": {},
            "reminders": [dict(REMINDER)], "history": [dict(ENTRY)]}
    for key, value in changes.items():
        table, _, field = key.partition("__")
        if field:
            base[table][0][field] = value
        else:
            base[table] = value
    return base


def gracious(*args: str, data_dir: Path, stdin: bytes | None = None,
             **options) -> subprocess.CompletedProcess:
    """Run the real command line."""
    return subprocess.run([sys.executable, "-m", "gracious", *args, "--data-dir", str(data_dir)],
                          input=stdin, capture_output=True, timeout=120, **options)


def stored_counts(data_dir: Path) -> tuple[int, int]:
    """How many reminders and history entries the data dir holds."""
    connection = open_database(data_dir)
    try:
        return tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("reminders", "history"))
    finally:
        connection.close()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data dir holding one history entry the imports below must not disturb."""
    directory = tmp_path / "data"
    connection = open_database(directory)
    add_entry(connection, NewHistoryEntry(body="Kept."))
    connection.close()
    return directory


@pytest.mark.parametrize(("changes", "field"), [
    ({"version": True}, "version"),
    ({"version": 1.5}, "version"),
    ({"reminders__done": "yes"}, "reminders[0].done"),
    ({"reminders__done": 1}, "reminders[0].done"),
    ({"history__id": "7"}, "history[0].id"),
    ({"history__body": ""}, "history[0].body"),
    ({"history__body": "x" * 10_001}, "history[0].body"),
    ({"history__site": "s" * 201}, "history[0].site"),
    ({"reminders__note": "n" * 1001}, "reminders[0].note"),
    ({"reminders__kind": "apology"}, "reminders[0].kind"),
    ({"reminders__surprise": 1}, "reminders[0].surprise"),
    ({"reminders__id": MAX_ROW_ID}, "reminders[0].id"),
    ({"history__id": 0}, "history[0].id"),
    ({"interviews": [{**INTERVIEW, "id": MAX_ROW_ID}]}, "interviews[0].id"),
])
def test_import_refuses_what_the_api_refuses(tmp_path, data_dir, changes, field):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document(**changes)), encoding="utf-8")
    result = gracious("import", str(path), "--yes", data_dir=data_dir)
    assert result.returncode == 1
    assert field.split(".")[0] in result.stderr.decode() or "version" in result.stderr.decode()
    assert field in result.stderr.decode() or field == "version", result.stderr
    assert b"Traceback" not in result.stderr
    assert stored_counts(data_dir) == (0, 1)


def test_a_valid_import_with_whole_number_floats_is_accepted(tmp_path, data_dir):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document(history__id=7.0)), encoding="utf-8")
    result = gracious("import", str(path), "--yes", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert stored_counts(data_dir) == (1, 1)


@pytest.mark.parametrize("content", [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"format": "gracious-export", "version": 1, "profile": {"name": ' + b"[" * 100_000
    + b"]" * 100_000 + b"}}",
    b'{"format": "gracious-export", "version": ' + b"9" * 5000 + b"}",
    b'{"format": "gracious-export", "version": 1, "profile": {}, "reminders": [],'
    b' "history": [{"id": ' + b"7" * 5000 + b"}]}",
    b"\xff\xfe not utf-8",
    b"",
])
def test_hostile_files_get_one_line_and_exit_1(tmp_path, data_dir, content):
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    for args, stdin in (((str(path),), None), (("-",), content)):
        result = gracious("import", *args, "--yes", data_dir=data_dir, stdin=stdin)
        assert result.returncode == 1
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1 and lines[0].startswith("gracious import: "), result.stderr
        assert stored_counts(data_dir) == (0, 1)


def test_import_from_stdin_without_a_terminal_requires_yes(tmp_path, data_dir):
    result = gracious("import", "-", data_dir=data_dir, stdin=json.dumps(document()).encode(),
                      start_new_session=True)
    assert result.returncode == 1
    assert b"--yes" in result.stderr and b"no terminal" in result.stderr
    assert stored_counts(data_dir) == (0, 1)
    with_yes = gracious("import", "-", "--yes", data_dir=data_dir,
                        stdin=json.dumps(document()).encode(), start_new_session=True)
    assert with_yes.returncode == 0, with_yes.stderr
    assert stored_counts(data_dir) == (1, 1)


def read_until(fd: int, marker: bytes, timeout: float = 30) -> bytes:
    """Read from a pty until marker appears."""
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"no {marker!r} on the terminal; saw {seen!r}"
        seen += os.read(fd, 4096)
    return seen


@pytest.mark.parametrize(("answer", "counts"), [(b"y\n", (1, 1)), (b"n\n", (0, 1))])
def test_import_from_stdin_asks_on_the_terminal(tmp_path, data_dir, answer, counts):
    controller, terminal = pty.openpty()
    name = os.ttyname(terminal)

    def take_the_terminal() -> None:
        # a new session whose first opened terminal becomes its /dev/tty
        os.setsid()
        os.close(os.open(name, os.O_RDWR))

    process = subprocess.Popen(
        [sys.executable, "-m", "gracious", "import", "-", "--data-dir", str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=take_the_terminal)
    try:
        process.stdin.write(json.dumps(document()).encode())
        process.stdin.close()
        assert b"Continue? [y/N]" in read_until(controller, b"[y/N]")
        os.write(controller, answer)
        process.wait(timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert process.returncode == (0 if answer == b"y\n" else 1), process.stderr.read()
    assert stored_counts(data_dir) == counts
