"""Package the extension: one zip layout, named for Chrome (.zip) and Firefox (.xpi)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

# the store packages hold only what the browser loads
LEFT_OUT = {"README.md", ".DS_Store"}
# a fixed timestamp makes the packages byte-for-byte reproducible
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def extension_files(folder: Path) -> list[Path]:
    """Every file the browser loads from the extension folder, in a stable order."""
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.name not in LEFT_OUT
        and not any(part.startswith(".") or part == "node_modules"
                    for part in path.relative_to(folder).parts)
    )


def write_zip(folder: Path, target: Path) -> Path:
    """Zip the extension with manifest.json at the root of the archive."""
    temporary = target.with_name(target.name + ".part")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in extension_files(folder):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    temporary.replace(target)
    return target


def pack_extension(folder: Path, out: Path) -> list[Path]:
    """Write gracious-<version>-chrome.zip and gracious-<version>-firefox.xpi into out."""
    version = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["version"]
    out.mkdir(parents=True, exist_ok=True)
    return [write_zip(folder, out / f"gracious-{version}-chrome.zip"),
            write_zip(folder, out / f"gracious-{version}-firefox.xpi")]
