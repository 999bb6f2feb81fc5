"""The `gracious` command line: one subcommand module per task."""

from __future__ import annotations

import argparse
import sys

from gracious import __version__
from gracious.commands import data, draft, guide, interviews, serve

COMMANDS = (serve, draft, guide, data, interviews)


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
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
