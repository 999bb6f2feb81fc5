"""`gracious export`, `import` and `forget`: your data, to take away, bring back or erase."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gracious.storage import StorageError, open_database
from gracious.storage.backup import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    count_data,
    export_data,
    forget_everything,
    import_data,
)
from gracious.storage.location import resolve_data_dir
from gracious.storage.models import ExportDocument

DATA_DIR_HELP = "where your data lives (GRACIOUS_DATA_DIR, default: the platform's user data dir)"
# the most validation problems listed before "and N more"
SHOWN_PROBLEMS = 5


class CommandError(Exception):
    """A problem to tell the user in one line, with the exit code to leave with."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious export`, `gracious import` and `gracious forget`."""
    export = subcommands.add_parser(
        "export", help="write your profile, reminders and history as JSON to stdout",
        description="Write everything Gracious stores as versioned JSON to standard output.",
    )
    export.set_defaults(run=guarded(run_export))

    restore = subcommands.add_parser(
        "import", help="restore an export, replacing the data stored now",
        description="Restore a file written by `gracious export`. The whole file is checked "
                    "first; if anything is wrong, nothing changes.",
    )
    restore.add_argument("file", type=Path, help="the export file, or - for standard input")
    restore.add_argument("--yes", action="store_true",
                         help="replace existing data without asking")
    restore.set_defaults(run=guarded(run_import))

    forget = subcommands.add_parser(
        "forget", help="delete your profile, reminders and history",
        description="Delete everything Gracious stores. Asks first unless --yes is given.",
    )
    forget.add_argument("--yes", action="store_true", help="delete without asking")
    forget.set_defaults(run=guarded(run_forget))

    for parser in (export, restore, forget):
        parser.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)


def guarded(command):
    """Wrap a command so user-facing problems print one line instead of a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (CommandError, StorageError) as error:
            print(f"gracious {args.command}: {error}", file=sys.stderr)
            return getattr(error, "code", 1)

    return run


def connect(args: argparse.Namespace) -> sqlite3.Connection:
    """Open the database in the chosen data dir."""
    return open_database(resolve_data_dir(args.data_dir))


def run_export(args: argparse.Namespace) -> int:
    """Print every stored thing as one JSON document."""
    connection = connect(args)
    try:
        document = export_data(connection)
    finally:
        connection.close()
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    # write utf-8 whatever the terminal's locale, so names like "Zoë" survive a redirect
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Validate an export completely, then replace the stored data with it."""
    document = read_export(args.file)
    connection = connect(args)
    try:
        existing = count_data(connection)
        if any(existing.values()) and not args.yes:
            confirm(f"This replaces what is stored now ({describe(existing)}).")
        import_data(connection, document)
    finally:
        connection.close()
    restored = {"reminders": len(document.reminders), "history": len(document.history),
                "profile": 1, "interviews": len(document.interviews)}
    print(f"Restored {describe(restored)} from {args.file}.", file=sys.stderr)
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """Delete everything, once the user has said yes."""
    connection = connect(args)
    try:
        if not args.yes:
            confirm(f"This deletes {describe(count_data(connection))} for good.")
        forgotten = forget_everything(connection)
    finally:
        connection.close()
    print(f"Deleted {describe(forgotten)}.", file=sys.stderr)
    return 0


def read_export(path: Path) -> ExportDocument:
    """Read and fully validate an export file, or raise a CommandError saying what is wrong."""
    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not a Gracious export: it is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} is not a Gracious export: malformed JSON at line "
                           f"{error.lineno}, column {error.colno} ({error.msg}).") from None
    check_header(path, data)
    try:
        return ExportDocument.model_validate(data)
    except ValidationError as error:
        raise CommandError(f"{path} cannot be imported; nothing was changed:\n"
                           + describe_errors(error)) from None


def check_header(path: Path, data: Any) -> None:
    """Refuse files that are not exports, or exports from a newer version, before anything else."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CommandError(f"{path} is not a Gracious export (it has no "
                           f'"format": "{EXPORT_FORMAT}"). Nothing was changed.')
    version = data.get("version")
    if version != EXPORT_VERSION:
        raise CommandError(f"{path} is export version {version!r}, but this Gracious reads "
                           f"version {EXPORT_VERSION}. Nothing was changed.")


def describe_errors(error: ValidationError) -> str:
    """List validation problems one per line, as field path and message."""
    lines = []
    for item in error.errors(include_url=False, include_input=False):
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}"
                        for part in item["loc"]).lstrip(".")
        lines.append(f"  {where or 'file'}: {item['msg']}")
    hidden = len(lines) - SHOWN_PROBLEMS
    shown = lines[:SHOWN_PROBLEMS] + ([f"  ... and {hidden} more"] if hidden > 0 else [])
    return "\n".join(shown)


def describe(counts: dict[str, int]) -> str:
    """Say how much data there is, in words."""
    reminders, history = counts.get("reminders", 0), counts.get("history", 0)
    parts = [f"{reminders} reminder{'' if reminders == 1 else 's'}",
             f"{history} history entr{'y' if history == 1 else 'ies'}"]
    parts.append("your profile" if counts.get("profile") else "no saved profile")
    interviews = counts.get("interviews", 0)
    if interviews:
        parts.insert(0, f"{interviews} interview{'' if interviews == 1 else 's'}")
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def confirm(warning: str) -> None:
    """Ask for y on standard input, or raise a CommandError when the answer is not yes."""
    print(f"{warning} Continue? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not answer:
        print(file=sys.stderr)
        raise CommandError("no answer on standard input; nothing was changed. "
                           "Pass --yes to go ahead without asking.")
    if answer.strip().lower() not in {"y", "yes"}:
        raise CommandError("cancelled; nothing was changed.")
