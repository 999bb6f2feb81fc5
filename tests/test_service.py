"""`gracious service`: definitions that systemd, launchd and Task Scheduler accept."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gracious.cli import main
from gracious.service_files import (
    LABEL,
    launchd_plist,
    service_for,
    systemd_unit,
    windows_task,
)

COMMAND = ["/opt/My Python/bin/python3", "-m", "gracious", "serve"]
TASK = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    unit = tmp_path / "gracious.service"
    # verify checks that ExecStart's program exists, so point it at this python
    unit.write_text(systemd_unit([sys.executable, "-m", "gracious", "serve"]), encoding="utf-8")
    # a user manager needs a runtime dir, which a login session (or this test) provides
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(["systemd-analyze", "--user", "verify", str(unit)],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})
    problems = [line for line in result.stderr.splitlines() if "gracious.service" in line]
    assert result.returncode == 0 and problems == [], result.stderr


def test_the_systemd_unit_quotes_a_path_with_spaces():
    unit = systemd_unit(COMMAND)
    assert 'ExecStart="/opt/My Python/bin/python3" -m gracious serve' in unit
    assert "WantedBy=default.target" in unit and "Restart=on-failure" in unit


def test_the_launchd_plist_round_trips(tmp_path):
    plist = plistlib.loads(launchd_plist(COMMAND, tmp_path / "gracious.log"))
    assert plist["Label"] == LABEL
    assert plist["ProgramArguments"] == COMMAND
    assert plist["RunAtLoad"] is True
    assert plist["StandardErrorPath"] == str(tmp_path / "gracious.log")


def test_the_windows_task_parses_and_runs_the_server_at_logon():
    xml = windows_task(["C:\\Program Files\\Python311\\pythonw.exe", "-m", "gracious", "serve"])
    root = ET.fromstring(xml.encode("utf-16"))
    assert root.find(f"{TASK}Triggers/{TASK}LogonTrigger") is not None
    assert root.findtext(f"{TASK}Actions/{TASK}Exec/{TASK}Command") == (
        "C:\\Program Files\\Python311\\pythonw.exe")
    assert root.findtext(f"{TASK}Actions/{TASK}Exec/{TASK}Arguments") == "-m gracious serve"


@pytest.mark.parametrize(("platform", "where"), [
    ("linux", ".config/systemd/user/gracious.service"),
    ("darwin", f"Library/LaunchAgents/{LABEL}.plist"),
    ("win32", "AppData/Local/gracious/gracious-task.xml"),
])
def test_each_platform_has_a_place_and_commands(platform, where, tmp_path):
    service = service_for(platform, COMMAND, tmp_path, uid=501)
    assert service.path == tmp_path / where
    assert service.install and service.uninstall and service.status


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_dry_run_prints_and_changes_nothing(platform, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert main(["service", "install", "--dry-run", "--platform", platform]) == 0
    out = capsys.readouterr().out
    assert "would write" in out and "would run:" in out and "serve" in out
    assert list(tmp_path.iterdir()) == []
    assert main(["service", "uninstall", "--dry-run", "--platform", platform]) == 0
    assert "would remove" in capsys.readouterr().out


def test_an_unsupported_platform_is_refused_politely(capsys):
    assert main(["service", "install", "--platform", "freebsd14"]) == 2
    err = capsys.readouterr().err
    assert "not supported on freebsd14" in err and "gracious serve" in err


def test_another_platforms_service_is_only_shown(capsys):
    other = "darwin" if sys.platform != "darwin" else "linux"
    assert main(["service", "install", "--platform", other]) == 2
    assert "--dry-run" in capsys.readouterr().err


def test_status_without_a_service_says_how_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert main(["service", "status"]) == 3
    assert "gracious service install" in capsys.readouterr().out
