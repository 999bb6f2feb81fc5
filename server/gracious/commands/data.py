"""Placeholder for the `data` subcommands (filled in by its issue)."""


def add_parser(subcommands) -> None:
    """Register nothing yet."""
