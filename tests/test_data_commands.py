"""`gracious export`, `import` and `forget`, run as the user would run them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from gracious.cli import main
from gracious.models import DraftContext
from gracious.storage import open_database
from gracious.storage.history import add_entry
from gracious.storage.models import NewHistoryEntry, NewReminder, Profile, ReminderChanges
from gracious.storage.profile import save_profile
from gracious.storage.reminders import add_reminder, update_reminder


@pytest.fixture
def data_dir(tmp_path):
    """A data dir holding a profile, two reminders and one history entry."""
    directory = tmp_path / "data"
    connection = open_database(directory)
    save_profile(connection, Profile(name="Zoë Ångström", signature="Zoë\n☎ 555", tone="formal"))
    context = DraftContext.model_validate({"recipient": {"name": "李明"}, "company": "P&G",
                                           "interview": {"date": "2026-11-20T10:00:00+01:00"}})
    first = add_reminder(connection, NewReminder(due="2026-12-01", context=context, note="ask ✓"))
    add_reminder(connection, NewReminder(due="2026-12-03T09:30:00"))
    update_reminder(connection, first["id"], ReminderChanges(done=True))
    add_entry(connection, NewHistoryEntry(kind="withdraw", channel="linkedin-message",
                                          body="Hi 李明, thank you…", site="linkedin"))
    connection.close()
    return directory


def stdin(monkeypatch, text: str) -> None:
    """Feed text to standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def export(capsys, directory) -> dict:
    """Run `gracious export` and parse what it printed."""
    assert main(["export", "--data-dir", str(directory)]) == 0
    return json.loads(capsys.readouterr().out)


def without_timestamp(document: dict) -> dict:
    """Drop the export time, which differs between two exports."""
    return {key: value for key, value in document.items() if key != "exported"}


def test_export_writes_versioned_json(capsys, data_dir):
    document = export(capsys, data_dir)
    assert document["format"] == "gracious-export" and document["version"] == 1
    assert document["profile"]["name"] == "Zoë Ångström"
    assert [r["done"] for r in document["reminders"]] == [True, False]
    assert document["reminders"][0]["context"]["recipient"] == {"name": "李明"}
    assert document["history"][0]["body"] == "Hi 李明, thank you…"


def test_export_then_import_round_trips(capsys, data_dir, tmp_path):
    original = export(capsys, data_dir)
    exported = tmp_path / "backup.json"
    exported.write_text(json.dumps(original), encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert main(["import", str(exported), "--data-dir", str(fresh)]) == 0
    assert "Restored 2 reminders, 1 history entry and your profile" in capsys.readouterr().err
    assert without_timestamp(export(capsys, fresh)) == without_timestamp(original)


def test_import_from_stdin(capsys, data_dir, tmp_path, monkeypatch):
    original = export(capsys, data_dir)
    stdin(monkeypatch, json.dumps(original))
    assert main(["import", "-", "--data-dir", str(tmp_path / "other")]) == 0
    assert without_timestamp(export(capsys, tmp_path / "other")) == without_timestamp(original)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed JSON at line 1"),
        ('["a", "list"]', "is not a Gracious export"),
        ('{"format": "something-else", "version": 1}', "is not a Gracious export"),
        ('{"format": "gracious-export", "version": 2, "profile": {}, "reminders": [],'
         ' "history": []}', "export version 2"),
        ('{"format": "gracious-export", "version": 1, "profile": {"tone": "angry"},'
         ' "reminders": [], "history": []}', "profile.tone"),
        ('{"format": "gracious-export", "version": 1, "profile": {}, "history": [],'
         ' "reminders": [{"id": 1, "due": "someday", "due_at": "", "kind": "follow-up",'
         ' "context": {}, "note": "", "done": false, "created": "", "updated": ""}]}',
         "reminders[0].due"),
        ('{"format": "gracious-export", "version": 1, "profile": {}, "reminders": [],'
         ' "history": [{"id": 1, "kind": "thank-you", "channel": "email", "tone": "warm",'
         ' "subject": null, "body": "a", "context": {}, "site": null, "created": ""},'
         ' {"id": 1, "kind": "thank-you", "channel": "email", "tone": "warm",'
         ' "subject": null, "body": "b", "context": {}, "site": null, "created": ""}]}',
         "same id twice"),
    ],
)
def test_bad_import_changes_nothing(capsys, data_dir, tmp_path, content, message):
    before = export(capsys, data_dir)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["import", str(bad), "--yes", "--data-dir", str(data_dir)]) == 1
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert without_timestamp(export(capsys, data_dir)) == without_timestamp(before)


def test_missing_import_file_is_a_clear_error(capsys, tmp_path):
    assert main(["import", str(tmp_path / "nope.json"), "--data-dir", str(tmp_path)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_import_over_existing_data_asks_first(capsys, data_dir, tmp_path, monkeypatch):
    source = tmp_path / "empty.json"
    source.write_text(json.dumps({"format": "gracious-export", "version": 1, "profile": {},
                                  "reminders": [], "history": []}), encoding="utf-8")
    stdin(monkeypatch, "n\n")
    assert main(["import", str(source), "--data-dir", str(data_dir)]) == 1
    assert "cancelled" in capsys.readouterr().err
    assert len(export(capsys, data_dir)["reminders"]) == 2
    stdin(monkeypatch, "y\n")
    assert main(["import", str(source), "--data-dir", str(data_dir)]) == 0
    assert export(capsys, data_dir)["reminders"] == []


def test_forget_without_an_answer_refuses(capsys, data_dir, monkeypatch):
    stdin(monkeypatch, "")
    assert main(["forget", "--data-dir", str(data_dir)]) == 1
    assert "Pass --yes" in capsys.readouterr().err
    assert len(export(capsys, data_dir)["reminders"]) == 2


def test_forget_after_yes_deletes_everything(capsys, data_dir, monkeypatch):
    stdin(monkeypatch, "y\n")
    assert main(["forget", "--data-dir", str(data_dir)]) == 0
    assert "Deleted 2 reminders, 1 history entry and your profile" in capsys.readouterr().err
    document = export(capsys, data_dir)
    assert document["reminders"] == [] and document["history"] == []
    assert document["profile"] == {"name": "", "signature": "", "tone": "warm",
                                   "kind": "thank-you", "email": ""}


def test_forget_leaves_no_trace_of_the_text_in_the_files(data_dir):
    assert main(["forget", "--yes", "--data-dir", str(data_dir)]) == 0
    for path in data_dir.iterdir():
        assert "Ångström".encode() not in path.read_bytes(), path.name


def test_commands_honour_the_environment_variable(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("GRACIOUS_DATA_DIR", str(data_dir))
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["profile"]["name"] == "Zoë Ångström"


def test_the_real_command_exports_utf8_and_forget_refuses_without_stdin(data_dir):
    exported = subprocess.run(
        [sys.executable, "-m", "gracious", "export", "--data-dir", str(data_dir)],
        capture_output=True, check=True, env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    ).stdout
    assert json.loads(exported.decode("utf-8"))["profile"]["name"] == "Zoë Ångström"
    forgotten = subprocess.run(
        [sys.executable, "-m", "gracious", "forget", "--data-dir", str(data_dir)],
        stdin=subprocess.DEVNULL, capture_output=True,
    )
    assert forgotten.returncode == 1 and b"nothing was changed" in forgotten.stderr
    assert b"Traceback" not in forgotten.stderr
