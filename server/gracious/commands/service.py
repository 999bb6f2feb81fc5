"""`gracious service install|uninstall|status`: start the server whenever you log in."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious service`."""
    parser = subcommands.add_parser(
        "service", help="start the server at login (systemd, launchd or Task Scheduler)",
        description="Install, remove or check a per-user service that starts `gracious serve` "
                    "when you log in: a systemd user unit on Linux, a launchd agent on macOS, a "
                    "scheduled task on Windows.",
    )
    parser.add_argument("action", choices=["install", "uninstall", "status"])
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be written and run, and change nothing")
    parser.add_argument("--platform", default=sys.platform, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def server_command() -> list[str]:
    """How the service starts the server: this very Python, so the same install is used."""
    python = Path(sys.executable)
    # pythonw.exe runs without a console window on Windows
    windowless = python.with_name("pythonw.exe")
    if sys.platform == "win32" and windowless.exists():
        python = windowless
    return [str(python), "-m", "gracious", "serve"]


def run(args: argparse.Namespace) -> int:
    """Carry out (or, with --dry-run, describe) the chosen action."""
    from gracious.service_files import service_for

    uid = os.getuid() if hasattr(os, "getuid") else 0
    service = service_for(args.platform, server_command(), Path.home(), uid)
    if service is None:
        print(f"gracious service: starting at login is not supported on {args.platform} yet; "
              "start the server yourself with 'gracious serve' (or your system's own "
              "autostart).", file=sys.stderr)
        return 2
    if args.platform != sys.platform and not args.dry_run:
        print(f"gracious service: this machine is {sys.platform}, not {args.platform}; use "
              "--dry-run to see that platform's definition.", file=sys.stderr)
        return 2
    return ACTIONS[args.action](service, args.dry_run)


def say_commands(commands: list[list[str]]) -> None:
    """Print the commands a dry run would run."""
    for command in commands:
        print("would run:", shlex.join(command))


def run_commands(commands: list[list[str]]) -> int:
    """Run each command, stopping with a one-line message at the first failure."""
    for command in commands:
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"gracious service: could not run {shlex.join(command)}: {error}",
                  file=sys.stderr)
            return 1
        if result.returncode != 0:
            why = (result.stderr or result.stdout).strip().splitlines()
            print(f"gracious service: {shlex.join(command)} failed: "
                  f"{why[-1] if why else result.returncode}", file=sys.stderr)
            return 1
    return 0


def install(service, dry_run: bool) -> int:
    """Write the definition and turn it on."""
    if dry_run:
        print(f"would write {service.path}:")
        print(service.content.decode("utf-16" if service.path.suffix == ".xml" else "utf-8"))
        say_commands(service.install)
        return 0
    service.path.parent.mkdir(parents=True, exist_ok=True)
    service.path.write_bytes(service.content)
    code = run_commands(service.install)
    if code == 0:
        print(f"Gracious now starts when you log in ({service.path}); it is running now too.")
    return code


def uninstall(service, dry_run: bool) -> int:
    """Turn the service off and remove its definition."""
    if dry_run:
        say_commands(service.uninstall)
        print(f"would remove {service.path}")
        return 0
    if not service.path.exists():
        print("Gracious is not set to start at login; nothing to remove.")
        return 0
    code = run_commands(service.uninstall)
    service.path.unlink(missing_ok=True)
    if code == 0:
        print("Gracious no longer starts at login.")
    return code


def status(service, dry_run: bool) -> int:
    """Say whether the service is installed and running."""
    if dry_run:
        say_commands([service.status])
        return 0
    if not service.path.exists():
        print("Gracious is not set to start at login. Run 'gracious service install'.")
        return 3
    try:
        result = subprocess.run(service.status, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"Installed ({service.path}), but its state is unknown: {error}")
        return 1
    state = "running" if result.returncode == 0 else "not running"
    print(f"Installed ({service.path}); {state}.")
    return 0 if result.returncode == 0 else 3


ACTIONS = {"install": install, "uninstall": uninstall, "status": status}
