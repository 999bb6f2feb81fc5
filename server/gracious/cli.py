"""The `gracious` command line: one subcommand module per task."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys

from gracious import __version__
from gracious.commands import data, draft, extension, guide, interviews, serve, service, token

COMMANDS = (serve, token, service, extension, draft, guide, data, interviews)


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="gracious",
        description="Draft gracious, specific notes after a job interview, privately.",
    )
    parser.add_argument("--version", action="version", version=f"gracious {__version__}")
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subcommands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen subcommand."""
    args = build_parser().parse_args(argv)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except OSError as error:
        if error.errno not in UNWRITABLE_OUTPUT:
            raise
        return output_failed(error)
    return code


# what writing to a full disk, a closed pipe or a broken terminal raises
UNWRITABLE_OUTPUT = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG}


def output_failed(error: OSError) -> int:
    """Say in one line that the output could not be written, and exit 1."""
    # point stdout at nothing, so the interpreter's own flush at exit fails silently
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):
        print(f"gracious: cannot write the output: {error.strerror or error}", file=sys.stderr)
    return 1
