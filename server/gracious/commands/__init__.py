"""Subcommands of the `gracious` command line, one module each."""
