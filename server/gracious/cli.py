"""The `gracious` command line: a registry of subcommands, each imported only when chosen."""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys

from gracious import __version__

# one entry per subcommand: name -> (module, the line `gracious --help` shows). the module has
# add_parser(subcommands) and does its heavy imports inside the function it runs, so
# `gracious --help` imports none of them and `gracious draft` only its own; a module may
# register several names (data: export, import, forget). a plain dict of tuples, because
# even `typing` costs `gracious --help` a noticeable share of its start-up
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("gracious.commands.serve", "run the local server for the extension and guide"),
    "token": ("gracious.commands.token", "print the pairing code to paste into the extension"),
    "service": ("gracious.commands.service", "start the server at login (systemd, launchd, ...)"),
    "extension": ("gracious.commands.extension", "find or package the browser extension"),
    "draft": ("gracious.commands.draft", "draft a note and print it"),
    "guide": ("gracious.commands.guide", "build or preview the etiquette guide"),
    "export": ("gracious.commands.data", "write everything stored as JSON to stdout"),
    "import": ("gracious.commands.data", "restore an export, replacing what is stored"),
    "forget": ("gracious.commands.data", "delete your profile, reminders and history"),
    "interviews": ("gracious.commands.interviews", "record interviews and their reminders"),
}


class Subcommands:
    """The subparsers action, handing each registered name its registry help by default."""

    def __init__(self, action: argparse._SubParsersAction):
        self.action = action

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        """Add a subcommand's parser; its help comes from the registry unless given."""
        if name in COMMANDS:
            kwargs.setdefault("help", COMMANDS[name][1])
        return self.action.add_parser(name, **kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self.action, name)


def chosen_command(argv: list[str] | tuple[str, ...]) -> str | None:
    """The subcommand named on the command line, if any (top-level options take no values)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def build_parser(argv: list[str] | tuple[str, ...] = ()) -> argparse.ArgumentParser:
    """Build the parser: the chosen subcommand in full, every other one as a name and a line."""
    parser = argparse.ArgumentParser(
        prog="gracious",
        description="Draft gracious, specific notes after a job interview, privately.",
    )
    parser.add_argument("--version", action="version", version=f"gracious {__version__}")
    action = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    subcommands = Subcommands(action)
    chosen = chosen_command(argv)
    if chosen in COMMANDS:
        importlib.import_module(COMMANDS[chosen][0]).add_parser(subcommands)
    for name, (_, line) in COMMANDS.items():
        if name not in action.choices:
            # a placeholder: its module is loaded only when it is the one chosen
            action.add_parser(name, help=line, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen subcommand."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
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
