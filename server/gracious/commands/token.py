"""`gracious token`: print (or replace) the pairing code the extension needs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(subcommands: argparse._SubParsersAction) -> None:
    """Register `gracious token`."""
    parser = subcommands.add_parser(
        "token", help="print the pairing code to paste into the extension",
        description="Print the pairing code the server asks every client for, creating it on "
                    "first use. Paste it into the extension's options page.",
    )
    parser.add_argument("--data-dir", type=Path,
                        help="where your data lives (GRACIOUS_DATA_DIR, default: the platform's "
                             "user data directory)")
    parser.add_argument("--rotate", action="store_true",
                        help="replace the code with a new one; paired clients must pair again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the code on stdout; notes go to stderr so the output can be piped."""
    from gracious.pairing import ensure_token, rotate_token
    from gracious.settings import setting
    from gracious.storage.location import resolve_data_dir

    configured = setting("TOKEN")
    if configured:
        if args.rotate:
            print("gracious token: GRACIOUS_TOKEN is set, so the server uses it; change that "
                  "variable instead of rotating.", file=sys.stderr)
            return 1
        print(configured.strip())
        return 0
    data_dir = resolve_data_dir(args.data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        print(f"gracious token: the data dir {data_dir} is a file, not a directory; choose "
              "another with --data-dir or GRACIOUS_DATA_DIR.", file=sys.stderr)
        return 1
    try:
        token = rotate_token(data_dir) if args.rotate else ensure_token(data_dir)[0]
    except OSError as error:
        print(f"gracious token: cannot keep the pairing code in {data_dir}: "
              f"{error.strerror or error}", file=sys.stderr)
        return 1
    print(token)
    if args.rotate:
        print("The old code no longer works: pair the extension again (its options page, or "
              "'Connect the extension' on the server's start page).", file=sys.stderr)
    return 0
