"""Full-text search: Pagefind indexes the built pages into static files the browser queries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gracious.guide.problems import BuildError, Problem


def index_for_search(out: Path) -> None:
    """Run Pagefind over the built site; it writes its index and scripts to `pagefind/`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(out), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildError([Problem(str(out), 1, f"pagefind could not run: {error}")]) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise BuildError([Problem(str(out), 1, f"pagefind failed: {detail}")])
