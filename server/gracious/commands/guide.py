"""Placeholder for the `guide` subcommands (filled in by its issue)."""


def add_parser(subcommands) -> None:
    """Register nothing yet."""
