"""Every GRACIOUS_* environment variable, read here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Mapping

import platformdirs

# 64 KiB is far above any real note request and keeps hostile bodies cheap to refuse
MAX_BODY_BYTES = 64 * 1024
PREFIX = "GRACIOUS_"
# the variables and the config keys they fill; the cli's flags win over all of them
VARIABLES = {
    "DATA_DIR": "where the data lives",
    "HOST": "the address serve binds",
    "PORT": "the port serve listens on",
    "TOKEN": "the pairing code, instead of the data dir's own",
    "ALLOWED_ORIGINS": "extra origins the API admits (comma-separated)",
    "GUIDE_DIR": "where the built guide goes",
    "GUIDE_SOURCE": "the guide's source folder",
    "CHROMIUM": "the Chromium the tests drive",
    "FULL": "1 for full-length test runs",
}


class SettingError(ValueError):
    """A GRACIOUS_* value that cannot be used; the message says why, for the user."""


def environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The non-empty GRACIOUS_* variables, without the prefix."""
    environ = os.environ if environ is None else environ
    # like Flask's from_prefixed_env, but values stay strings: a numeric token must not
    # become an int
    return {key[len(PREFIX):]: value for key, value in environ.items()
            if key.startswith(PREFIX) and value.strip()}


def setting(name: str, default: str | None = None) -> str | None:
    """One GRACIOUS_* value from the process environment."""
    return environment().get(name, default)


def split_origins(value: str | None) -> list[str]:
    """Turn a comma-separated list of origins into a clean list, refusing unsafe ones."""
    origins = [origin.strip().rstrip("/") for origin in (value or "").split(",") if origin.strip()]
    for origin in origins:
        # "null" is every sandboxed iframe and file:// page; a wildcard is everyone
        if origin.lower() == "null" or "*" in origin:
            raise SettingError(f"GRACIOUS_ALLOWED_ORIGINS may not contain {origin!r}: list each "
                               "origin exactly, like http://localhost:5173")
    return origins


def default_settings(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Build the app's default config from the environment."""
    values = environment(environ)
    return {
        "DATA_DIR": values.get("DATA_DIR") or platformdirs.user_data_dir("gracious"),
        "ALLOWED_ORIGINS": split_origins(values.get("ALLOWED_ORIGINS")),
        "TOKEN": values.get("TOKEN") or None,
        "GUIDE_DIR": values.get("GUIDE_DIR"),
        "GUIDE_SOURCE": values.get("GUIDE_SOURCE"),
        "ALLOW_REMOTE": False,
        "MAX_CONTENT_LENGTH": MAX_BODY_BYTES,
    }
