"""`gracious guide build` and `gracious guide serve`: build the guide, or preview it live."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from gracious.guide.site_options import DEFAULT_BASE_URL


def add_parser(subcommands) -> None:
    """Register `guide build` and `guide serve`."""
    parser = subcommands.add_parser("guide")
    actions = parser.add_subparsers(dest="guide_command", required=True, metavar="ACTION")

    build = actions.add_parser("build", help="build the guide into static files")
    add_build_options(build)
    build.set_defaults(run=run_build)

    serve = actions.add_parser("serve", help="preview the guide; rebuild and reload on change")
    add_folder_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    serve.set_defaults(run=run_serve)


def add_folder_options(parser: argparse.ArgumentParser) -> None:
    """Add the source and output folders, which every guide action takes."""
    parser.add_argument("--source", type=Path, help="Markdown folder (default: the repo's site/)")
    parser.add_argument("--out", type=Path, help="output folder (default: build/guide/)")


def add_build_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of a one-off build."""
    add_folder_options(parser)
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL,
                        help="where the site is served, e.g. /guide/ or https://example.org/gracious/")
    parser.add_argument("--no-strict", dest="strict", action="store_false",
                        help="warn about broken links and anchors instead of failing")


def run_build(args: argparse.Namespace) -> int:
    """Build once and report where the site went."""
    from gracious.guide import BuildError, build_guide
    from gracious.guide.locations import NoGuideSource

    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING)
    try:
        result = build_guide(args.source, args.out, args.base_url, args.strict)
    except (BuildError, NoGuideSource, FileExistsError, ValueError) as error:
        print(f"gracious guide build: {error}", file=sys.stderr)
        return 1
    print(f"built {len(result.pages)} pages into {result.out}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Serve the guide on loopback, rebuilding when a source file changes."""
    from gracious.guide.live_preview import serve_preview

    logging.basicConfig(format="%(message)s", level=logging.INFO)
    return serve_preview(args.source, args.out, args.port)
