"""`gracious extension path` and `gracious extension pack`: get the browser extension."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious extension path|pack`."""
    parser = subcommands.add_parser(
        "extension", help="find or package the browser extension",
        description="Print where the unpacked extension is, or package it for Chrome and Firefox.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    path = actions.add_parser("path", help="print the folder to load with Load unpacked")
    path.set_defaults(run=run_path)
    pack = actions.add_parser("pack", help="write a Chrome .zip and a Firefox .xpi")
    pack.add_argument("--out", type=Path, default=Path("."),
                      help="the folder to write them to (default: the current one)")
    pack.set_defaults(run=run_pack)


def missing() -> int:
    """Say that this install carries no extension."""
    print("gracious extension: this installation has no extension folder; reinstall Gracious "
          "from its wheel or use a checkout.", file=sys.stderr)
    return 1


def run_path(args: argparse.Namespace) -> int:
    """Print the unpacked extension's folder."""
    from gracious import resources

    folder = resources.extension_dir()
    if folder is None:
        return missing()
    print(folder)
    return 0


def run_pack(args: argparse.Namespace) -> int:
    """Write gracious-<version>-chrome.zip and gracious-<version>-firefox.xpi."""
    from gracious import resources
    from gracious.packaging import pack_extension

    folder = resources.extension_dir()
    if folder is None:
        return missing()
    try:
        written = pack_extension(folder, args.out)
    except OSError as error:
        print(f"gracious extension pack: cannot write to {args.out}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
