"""`gracious export`, `import` and `forget`: your data, to take away, bring back or erase."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, TextIO

# storage and validation are imported inside the commands, so registering these parsers
# for `gracious --help` costs nothing

DATA_DIR_HELP = "where your data lives (GRACIOUS_DATA_DIR, default: the platform's user data dir)"
# the most validation problems listed before "and N more"
SHOWN_PROBLEMS = 5
UTF8_BOM = b"\xef\xbb\xbf"


class CommandError(Exception):
    """A problem to tell the user in one line, with the exit code to leave with."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious export`, `gracious import` and `gracious forget`."""
    export = subcommands.add_parser(
        "export",
        description="Write everything Gracious stores as versioned JSON to standard output. "
                    "From a damaged file it saves every row it can read and says what it "
                    "skipped.",
    )
    export.set_defaults(run=guarded(run_export))

    restore = subcommands.add_parser(
        "import",
        description="Restore a file written by `gracious export`. The whole file is checked "
                    "first, with the same rules as the API; if anything is wrong, nothing "
                    "changes.",
    )
    restore.add_argument("file", type=Path, help="the export file, or - for standard input")
    restore.add_argument("--yes", action="store_true",
                         help="replace existing data without asking (needed with - when "
                              "there is no terminal to ask on)")
    restore.set_defaults(run=guarded(run_import))

    forget = subcommands.add_parser(
        "forget",
        description="Delete everything Gracious stores. Asks first unless --yes is given.",
    )
    forget.add_argument("--yes", action="store_true", help="delete without asking")
    forget.set_defaults(run=guarded(run_forget))

    for parser in (export, restore, forget):
        parser.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)


def guarded(command):
    """Wrap a command so user-facing problems print one line instead of a traceback."""

    def run(args: argparse.Namespace) -> int:
        from gracious.storage import StorageError

        try:
            return command(args)
        except (CommandError, StorageError) as error:
            print(f"gracious {args.command}: {error}", file=sys.stderr)
            return getattr(error, "code", 1)
        except sqlite3.Error as error:
            print(f"gracious {args.command}: the database could not be used ({error}); "
                  "nothing was changed.", file=sys.stderr)
            return 1

    return run


def connect(args: argparse.Namespace) -> sqlite3.Connection:
    """Open the database in the chosen data dir."""
    from gracious.storage import open_database
    from gracious.storage.location import resolve_data_dir

    return open_database(resolve_data_dir(args.data_dir))


def run_export(args: argparse.Namespace) -> int:
    """Print every stored thing that can be read as one JSON document."""
    from gracious.storage.backup import export_data

    connection = connect(args)
    try:
        export = export_data(connection)
    finally:
        connection.close()
    for skipped in export.skipped:
        print(f"gracious export: skipped {skipped}", file=sys.stderr)
    if not export.saved_anything:
        raise CommandError("nothing could be read from the database; nothing was written.")
    text = json.dumps(export.document, ensure_ascii=False, indent=2) + "\n"
    # write utf-8 whatever the terminal's locale, so names like "Zoë" survive a redirect
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    if export.skipped:
        print(f"gracious export: saved {describe(counts_of(export.document))}; the rows "
              "listed above could not be read.", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Validate an export completely, then replace the stored data with it."""
    from gracious.storage.backup import TABLES, count_data, import_data

    from_stdin = str(args.file) == "-"
    document = read_export(args.file)
    connection = connect(args)
    try:
        existing = count_data(connection)
        if any(existing.values()) and not args.yes:
            warning = f"This replaces what is stored now ({describe(existing)})."
            if from_stdin:
                confirm_on_terminal(warning)
            else:
                confirm(warning, sys.stdin)
        import_data(connection, document)
    finally:
        connection.close()
    restored = {table.name: len(getattr(document, table.name)) for table in TABLES}
    print(f"Restored {describe({**restored, 'profile': 1})} from {args.file}.", file=sys.stderr)
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """Delete everything, once the user has said yes."""
    from gracious.storage.backup import count_data, forget_everything

    connection = connect(args)
    try:
        if not args.yes:
            confirm(f"This deletes {describe(count_data(connection))} for good.", sys.stdin)
        forgotten = forget_everything(connection)
    finally:
        connection.close()
    print(f"Deleted {describe(forgotten)}.", file=sys.stderr)
    return 0


def read_export(path: Path):
    """Read and fully validate an export file, or raise a CommandError saying what is wrong."""
    from gracious.storage.models import ExportDocument
    from gracious.validation import InvalidJSON, validate_json

    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    raw = raw.removeprefix(UTF8_BOM)
    try:
        return validate_json(ExportDocument, raw)
    except InvalidJSON as error:
        if error.status != 422:
            # the text itself is unreadable: bad utf-8, malformed, too deep, a huge number
            raise CommandError(f"{path} is not a Gracious export: {lower_first(error.detail)} "
                               "Nothing was changed.") from None
        check_header(path, json.loads(raw))
        raise CommandError(f"{path} cannot be imported; nothing was changed:\n"
                           + describe_errors(error.errors)) from None


def check_header(path: Path, data: Any) -> None:
    """Refuse files that are not exports, or exports from a newer version, before anything else."""
    from gracious.storage.models import EXPORT_FORMAT, EXPORT_VERSION

    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CommandError(f"{path} is not a Gracious export (it has no "
                           f'"format": "{EXPORT_FORMAT}"). Nothing was changed.')
    version = data.get("version")
    if type(version) is not int or version != EXPORT_VERSION:
        raise CommandError(f"{path} is export version {version!r}, but this Gracious reads "
                           f"version {EXPORT_VERSION}. Nothing was changed.")


def describe_errors(errors: list[dict[str, Any]]) -> str:
    """List validation problems one per line, as field path and message."""
    lines = [f"  {item['field'] or 'file'}: {item['message']}" for item in errors]
    hidden = len(lines) - SHOWN_PROBLEMS
    shown = lines[:SHOWN_PROBLEMS] + ([f"  ... and {hidden} more"] if hidden > 0 else [])
    return "\n".join(shown)


def lower_first(sentence: str) -> str:
    """A sentence made to follow a colon."""
    return sentence[:1].lower() + sentence[1:]


def counts_of(document: dict) -> dict[str, int]:
    """How many rows of each table an export document holds."""
    return {name: len(rows) for name, rows in document.items() if isinstance(rows, list)} | {
        "profile": 1}


def describe(counts: dict[str, int]) -> str:
    """Say how much data there is, in words: every table's rows, then the profile."""
    from gracious.storage.backup import TABLES

    parts = [f"{counts.get(t.name, 0)} {t.one if counts.get(t.name, 0) == 1 else t.several}"
             for t in TABLES if t.always_named or counts.get(t.name)]
    parts.append("your profile" if counts.get("profile") else "no saved profile")
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def confirm_on_terminal(warning: str) -> None:
    """Ask on the terminal itself, since standard input is the file being imported."""
    try:
        # two handles: a terminal cannot seek, so one opened for both would be refused
        answers = open("/dev/tty", encoding="utf-8")  # noqa: SIM115
        prompt = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115
    except OSError:
        raise CommandError("the export is read from standard input and there is no terminal "
                           "to ask on, so nothing was changed. Pass --yes to replace the data "
                           "stored now.") from None
    with answers, prompt:
        confirm(warning, answers, prompt_to=prompt)


def confirm(warning: str, answers: TextIO, prompt_to: TextIO | None = None) -> None:
    """Ask for y, reading the answer from `answers`; raise a CommandError unless it is yes."""
    prompt_to = prompt_to or sys.stderr
    print(f"{warning} Continue? [y/N] ", end="", file=prompt_to, flush=True)
    try:
        answer = answers.readline()
    except OSError:
        answer = ""
    if not answer:
        print(file=prompt_to)
        source = "standard input" if answers is sys.stdin else "the terminal"
        raise CommandError(f"no answer on {source}; nothing was changed. "
                           "Pass --yes to go ahead without asking.")
    if answer.strip().lower() not in {"y", "yes"}:
        raise CommandError("cancelled; nothing was changed.")
