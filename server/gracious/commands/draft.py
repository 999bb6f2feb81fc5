"""`gracious draft`: print a note from the command line, no server needed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from pydantic import ValidationError

from gracious.compose import compose_note
from gracious.models import CHANNELS, FORMATS, KINDS, TONES, DraftRequest

MAX_DETAILS = 3
# request fields as the user typed them on the command line
FLAGS = {
    "recipient": "--to",
    "title": "--title",
    "sender": "--from",
    "signature": "--signature",
    "highlights": "--detail",
    "interview": "--date",
}


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious draft`."""
    parser = subcommands.add_parser(
        "draft",
        help="draft a note and print it",
        description="Draft a note after an interview and print it (subject, blank line, body).",
    )
    parser.add_argument("--kind", choices=KINDS, default="thank-you", help="kind of note")
    parser.add_argument("--channel", choices=CHANNELS, default="email", help="where it is sent")
    parser.add_argument("--tone", choices=TONES, default="warm", help="how it sounds")
    parser.add_argument(
        "--variant",
        type=variant_number,
        default=None,
        metavar="N",
        help="pick another wording (0, 1, 2, ...); by default one is chosen from the names",
    )
    parser.add_argument("--to", metavar="NAME", help='recipient, e.g. "Priya Raman"')
    parser.add_argument("--title", help='recipient\'s courtesy title, e.g. "Dr."')
    parser.add_argument("--company", help="company you interviewed with")
    parser.add_argument("--role", help="role you interviewed for")
    parser.add_argument(
        "--detail",
        action="append",
        default=[],
        metavar="TEXT",
        help=f"something specific you discussed (repeat, up to {MAX_DETAILS})",
    )
    parser.add_argument("--from", dest="sender", metavar="NAME", help="your name")
    parser.add_argument("--signature", help="your signature, used as given (may span lines)")
    parser.add_argument("--reason", help="the honest reason, for --kind withdraw")
    parser.add_argument("--date", type=iso_date, help="interview date, YYYY-MM-DD")
    parser.add_argument("--format", choices=FORMATS, help="how the interview happened")
    parser.add_argument("--json", action="store_true", help="print the whole draft as JSON")
    parser.set_defaults(run=run, parser=parser)


def variant_number(value: str) -> int:
    """Parse a non-negative variant number."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 0 <= number <= 1_000_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1000000: {value!r}")
    return number


def iso_date(value: str) -> dt.date:
    """Parse a YYYY-MM-DD date."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def flag_for(location: tuple) -> str:
    """The command-line flag behind a request field, e.g. ("recipient", "name") -> "--to"."""
    names = [str(part) for part in location if not isinstance(part, int)]
    if names[-1] in FLAGS and names[-1] != "recipient":
        return FLAGS[names[-1]]
    if names[0] in FLAGS:
        return FLAGS[names[0]]
    return "--" + names[0]


def build_request(args: argparse.Namespace) -> DraftRequest:
    """Turn parsed arguments into a draft request."""
    interview = None
    if args.date or args.format:
        interview = {"date": args.date, "format": args.format}
    recipient = {"name": args.to, "title": args.title} if args.to or args.title else None
    sender = (
        {"name": args.sender, "signature": args.signature}
        if args.sender or args.signature
        else None
    )
    # left out unless given, so the engine picks the wording from who writes to whom
    chosen = {} if args.variant is None else {"variant": args.variant}
    return DraftRequest(
        **chosen,
        kind=args.kind,
        channel=args.channel,
        tone=args.tone,
        recipient=recipient,
        company=args.company,
        role=args.role,
        highlights=args.detail,
        reason=args.reason,
        sender=sender,
        interview=interview,
    )


def run(args: argparse.Namespace) -> int:
    """Compose the note and print it."""
    if len(args.detail) > MAX_DETAILS:
        args.parser.error(f"--detail: at most {MAX_DETAILS} details, got {len(args.detail)}")
    try:
        request = build_request(args)
    except ValidationError as error:
        problems = "; ".join(
            f"{flag_for(issue['loc'])}: {issue['msg']}" for issue in error.errors()
        )
        args.parser.error(problems)
    draft = compose_note(request)
    if args.json:
        print(json.dumps(draft.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif draft.subject is not None:
        print(f"{draft.subject}\n\n{draft.body}")
    else:
        print(draft.body)
    sys.stdout.flush()
    return 0
