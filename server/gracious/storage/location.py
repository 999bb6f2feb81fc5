"""Where the user's data lives: --data-dir, then GRACIOUS_DATA_DIR, then the platform default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DB_FILENAME = "gracious.sqlite3"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data dir chosen by flag, environment or platform default."""
    from gracious.settings import setting

    chosen = explicit or setting("DATA_DIR") or user_data_dir("gracious")
    return Path(chosen).expanduser()


def database_path(data_dir: str | os.PathLike[str]) -> Path:
    """Return the SQLite file inside a data dir."""
    return Path(data_dir) / DB_FILENAME
