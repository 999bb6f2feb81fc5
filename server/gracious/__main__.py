"""Run the command line as `python -m gracious`."""

from gracious.cli import main

raise SystemExit(main())
