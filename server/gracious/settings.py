"""Configuration defaults, read from GRACIOUS_* environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping

import platformdirs

# 64 KiB is far above any real note request and keeps hostile bodies cheap to refuse
MAX_BODY_BYTES = 64 * 1024
# routes that take a whole email thread: 40,000 characters of Japanese or emoji are up to
# 160 KiB of UTF-8, and the extension clips what it sends to this many bytes
MAX_THREAD_BODY_BYTES = 256 * 1024


def split_origins(value: str | None) -> list[str]:
    """Turn a comma-separated list of origins into a clean list."""
    return [origin.strip().rstrip("/") for origin in (value or "").split(",") if origin.strip()]


def default_settings(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Build the default config from the environment."""
    environ = os.environ if environ is None else environ
    return {
        "DATA_DIR": environ.get("GRACIOUS_DATA_DIR") or platformdirs.user_data_dir("gracious"),
        "ALLOWED_ORIGINS": split_origins(environ.get("GRACIOUS_ALLOWED_ORIGINS")),
        "TOKEN": environ.get("GRACIOUS_TOKEN") or None,
        "ALLOW_REMOTE": False,
        "MAX_CONTENT_LENGTH": MAX_BODY_BYTES,
    }
