"""The pairing token: a per-install secret in the data directory that every data route needs."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_FILENAME = "pairing-token"  # noqa: S105 - a file name, not a secret
MIN_TOKEN_LENGTH = 32
# 32 random bytes, url-safe: 43 characters that survive copy and paste
TOKEN_BYTES = 32


class TokenError(ValueError):
    """A token that cannot be used; the message says why, for the user."""


def check_token_strength(token: str, source: str = "GRACIOUS_TOKEN") -> str:
    """Return the token, or refuse one too short to resist guessing."""
    token = token.strip()
    if len(token) < MIN_TOKEN_LENGTH:
        raise TokenError(f"{source} must be at least {MIN_TOKEN_LENGTH} characters long (it has "
                         f"{len(token)}); make one with: python3 -c \"import secrets; "
                         "print(secrets.token_urlsafe(32))\"")
    return token


def token_path(data_dir: str | os.PathLike[str]) -> Path:
    """Where the token lives inside a data dir."""
    return Path(data_dir) / TOKEN_FILENAME


def new_token() -> str:
    """A fresh random token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def write_private(path: Path, text: str) -> None:
    """Write a file readable only by its owner, replacing any old one in one step."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def read_token(data_dir: str | os.PathLike[str]) -> str | None:
    """The stored token, or None when there is none (or it is unusable)."""
    try:
        stored = token_path(data_dir).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return stored if len(stored) >= MIN_TOKEN_LENGTH else None


def ensure_token(data_dir: str | os.PathLike[str]) -> tuple[str, bool]:
    """The stored token, created on first use; True when it was just created."""
    stored = read_token(data_dir)
    if stored is not None:
        return stored, False
    return rotate_token(data_dir), True


def rotate_token(data_dir: str | os.PathLike[str]) -> str:
    """Replace the stored token with a new one, which every paired client must then learn."""
    token = new_token()
    write_private(token_path(data_dir), token)
    return token


@dataclass
class TokenCache:
    """The tokens read per data dir, re-read when the file changes (`gracious token --rotate`)."""

    seen: dict[Path, tuple[int, str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # each request asks for the token: the data dir the config names is resolved once
    places: dict[str, tuple[Path, Path]] = field(default_factory=dict)

    def token_in(self, configured: str) -> str:
        """The token of the data dir the config names."""
        place = self.places.get(configured)
        if place is None:
            from gracious.storage.location import resolve_data_dir

            data_dir = resolve_data_dir(configured)
            place = self.places[configured] = (data_dir, token_path(data_dir))
        return self._token(*place)

    def token_for(self, data_dir: Path) -> str:
        """The data dir's token, created if it has none yet."""
        return self._token(data_dir, token_path(data_dir))

    def _token(self, data_dir: Path, path: Path) -> str:
        """The token in the file at path, re-read only when the file has changed."""
        with self.lock:
            try:
                changed = os.stat(path).st_mtime_ns
            except FileNotFoundError:
                changed = None
            cached = self.seen.get(path)
            if cached is not None and changed is not None and cached[0] == changed:
                return cached[1]
            token, _ = ensure_token(data_dir)
            self.seen[path] = (path.stat().st_mtime_ns, token)
            return token
