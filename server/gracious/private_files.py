"""Keep the data directory private: the directory 0700, every file in it 0600."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# the permission bits that let anyone but the owner in
OTHERS = 0o077

logger = logging.getLogger("gracious.files")


def make_private(data_dir: Path, database: Path | None = None) -> None:
    """Create data_dir (and the empty database file) privately, and tighten what is looser."""
    data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    tighten(data_dir, PRIVATE_DIR)
    if database is not None:
        # sqlite gives the -wal and -shm files the database file's own mode, so a database
        # created 0600 here keeps all three private whatever the umask
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    with os.scandir(data_dir) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False):
                tighten(Path(entry.path), PRIVATE_FILE)


def tighten(path: Path, wanted: int) -> None:
    """Remove every permission others have on path, saying so when there were any."""
    mode = stat.S_IMODE(path.lstat().st_mode)
    if mode & OTHERS:
        path.chmod(wanted)
        logger.warning("made %s private: its mode was %04o, now %04o", path, mode, wanted)

