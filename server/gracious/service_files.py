"""Start-at-login definitions: a systemd user unit, a launchd agent, a Windows scheduled task."""

from __future__ import annotations

import plistlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

LABEL = "org.gracious.server"
UNIT_NAME = "gracious.service"
TASK_NAME = "Gracious"


@dataclass(frozen=True)
class Service:
    """What to write where, and the commands that turn it on, off, or report on it."""

    path: Path
    content: bytes
    install: list[list[str]]
    uninstall: list[list[str]]
    status: list[str]


def systemd_quote(argument: str) -> str:
    """Quote one ExecStart argument the way systemd reads it."""
    if argument and not any(c in argument for c in ' \t"\\\'$%;'):
        return argument
    return '"' + argument.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%") + '"'


def systemd_unit(command: list[str]) -> str:
    """A systemd user unit that runs the server from login to logout."""
    return "\n".join([
        "[Unit]",
        "Description=Gracious: drafts post-interview notes (local server on 127.0.0.1)",
        "Documentation=http://127.0.0.1:8787/",
        "",
        "[Service]",
        "Type=simple",
        "ExecStart=" + " ".join(systemd_quote(part) for part in command),
        "Restart=on-failure",
        "RestartSec=5",
        "",
        "[Install]",
        "WantedBy=default.target",
        "",
    ])


def launchd_plist(command: list[str], log: Path) -> bytes:
    """A launchd agent that starts the server at login and restarts it if it crashes."""
    return plistlib.dumps({
        "Label": LABEL,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "StandardOutPath": str(log),
        "StandardErrorPath": str(log),
        "ProcessType": "Background",
    })


def windows_task(command: list[str]) -> str:
    """A Task Scheduler definition that starts the server when the user logs on."""
    program, *arguments = command
    quoted = " ".join(f'"{argument}"' if " " in argument else argument for argument in arguments)
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Gracious: drafts post-interview notes (local server)</Description>
  </RegistrationInfo>
  <Triggers><LogonTrigger><Enabled>true</Enabled></LogonTrigger></Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType><RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure><Interval>PT1M</Interval><Count>3</Count></RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec><Command>{escape(program)}</Command><Arguments>{escape(quoted)}</Arguments></Exec>
  </Actions>
</Task>
"""


def service_for(platform: str, command: list[str], home: Path, uid: int = 0) -> Service | None:
    """The definition for one platform (sys.platform's spelling), or None where unsupported."""
    if platform.startswith("linux"):
        path = home / ".config" / "systemd" / "user" / UNIT_NAME
        return Service(
            path, systemd_unit(command).encode(),
            install=[["systemctl", "--user", "daemon-reload"],
                     ["systemctl", "--user", "enable", "--now", UNIT_NAME]],
            uninstall=[["systemctl", "--user", "disable", "--now", UNIT_NAME]],
            status=["systemctl", "--user", "is-active", UNIT_NAME])
    if platform == "darwin":
        path = home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
        log = home / "Library" / "Logs" / "gracious.log"
        return Service(
            path, launchd_plist(command, log),
            install=[["launchctl", "bootstrap", f"gui/{uid}", str(path)]],
            uninstall=[["launchctl", "bootout", f"gui/{uid}", str(path)]],
            status=["launchctl", "print", f"gui/{uid}/{LABEL}"])
    if platform == "win32":
        path = home / "AppData" / "Local" / "gracious" / "gracious-task.xml"
        return Service(
            path, windows_task(command).encode("utf-16"),
            install=[["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(path), "/F"],
                     ["schtasks", "/Run", "/TN", TASK_NAME]],
            uninstall=[["schtasks", "/Delete", "/TN", TASK_NAME, "/F"]],
            status=["schtasks", "/Query", "/TN", TASK_NAME])
    return None
