"""Where the guide source and the extension are: in a checkout, or packaged inside the wheel."""

from __future__ import annotations

from pathlib import Path

import platformdirs

PACKAGE = Path(__file__).resolve().parent
# server/gracious/ -> the checkout's root, when running from a checkout
CHECKOUT = PACKAGE.parents[1]
# a wheel carries copies of site/ and extension/ here (setup.py's build_py puts them there)
BUNDLED = PACKAGE / "bundled"


def is_checkout() -> bool:
    """Whether this package runs from a source checkout (an editable install or a clone)."""
    return (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "site" / "content").is_dir()


def guide_source() -> Path | None:
    """The guide's site/ folder: the checkout's, the wheel's, else one in the working folder."""
    for candidate in (CHECKOUT / "site", BUNDLED / "site", Path.cwd() / "site"):
        if (candidate / "content").is_dir():
            return candidate
    return None


def guide_output() -> Path:
    """Build into build/guide/ in a checkout, else into the user's cache directory."""
    if is_checkout():
        return CHECKOUT / "build" / "guide"
    return Path(platformdirs.user_cache_dir("gracious")) / "guide"


def extension_dir() -> Path | None:
    """The unpacked extension's folder (the one with manifest.json), if this install has one."""
    for candidate in (CHECKOUT / "extension", BUNDLED / "extension"):
        if (candidate / "manifest.json").is_file():
            return candidate
    return None
