"""`gracious interviews import FILE.ics`: record an interview from a calendar invitation."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DATA_DIR_HELP = "where your data lives (GRACIOUS_DATA_DIR, default: the platform's user data dir)"


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious interviews import`."""
    interviews = subcommands.add_parser(
        "interviews", help="record interviews and their follow-up reminders",
        description="Record interviews; each one sets up its own thank-you and follow-up "
                    "reminders.")
    actions = interviews.add_subparsers(dest="action", required=True, metavar="ACTION")
    importing = actions.add_parser(
        "import", help="record the interview a calendar invitation (.ics) describes",
        description="Read an .ics invitation (Google Calendar, Outlook, Apple Calendar) and "
                    "record its interview: times with their zone, the interviewers (not you, "
                    "not rooms), role, company and format. Prints the interview as JSON.")
    importing.add_argument("file", type=Path, help="the .ics file, or - for standard input")
    importing.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    importing.set_defaults(run=run_import)


def read_text(path: Path) -> str:
    """The file's text; calendars are UTF-8, with a byte order mark now and then."""
    raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    return raw.decode("utf-8-sig", errors="replace")


def run_import(args: argparse.Namespace) -> int:
    """Read the invitation, store the interview and print it."""
    # heavy modules load only when this command runs, so `gracious --help` stays quick
    from gracious.invitations import InvitationError, read_invitation
    from gracious.storage import StorageError, open_database
    from gracious.storage.interview_models import NewInterview
    from gracious.storage.interviews import InterviewConflict, add_interview
    from gracious.storage.location import resolve_data_dir
    from gracious.storage.profile import get_profile

    try:
        text = read_text(args.file)
    except OSError as error:
        return fail(f"cannot read {args.file}: {error.strerror or error}")
    try:
        connection = open_database(resolve_data_dir(args.data_dir))
    except StorageError as error:
        return fail(str(error))
    try:
        profile = get_profile(connection)
        fields = read_invitation(text, profile.get("email", ""), profile.get("name", ""))
        interview = add_interview(connection, NewInterview.model_validate(fields))
    except (InvitationError, InterviewConflict, ValueError) as error:
        return fail(f"{args.file}: {first_line(error)} Nothing was recorded.")
    finally:
        connection.close()
    names = ", ".join(person["name"] for person in interview["interviewers"]) or "no one named"
    print(f"Recorded interview {interview['id']} with {names}; "
          f"{len(interview['reminders'])} reminders set.", file=sys.stderr)
    interview.pop("awaiting_round", None)
    sys.stdout.buffer.write((json.dumps(interview, ensure_ascii=False, indent=2) + "\n")
                            .encode("utf-8"))
    sys.stdout.flush()
    return 0


def first_line(error: Exception) -> str:
    """The first line of an error, ending in a full stop."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if text.endswith(".") else text + "."


def fail(message: str) -> int:
    """Print one line for the user and leave with 1."""
    print(f"gracious interviews import: {message}", file=sys.stderr)
    return 1
