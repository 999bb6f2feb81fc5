"""Stage three: clean the output folder, write every built file and copy the static assets."""

from __future__ import annotations

import shutil
from pathlib import Path

# marks a folder as ours, so cleaning never deletes something a person put there
STAMP = ".gracious-guide"
Files = dict[str, str | bytes]


def clean_output(out: Path, stamp_text: str) -> None:
    """Empty the output folder, refusing to touch one that this builder did not make."""
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a folder")
        if any(out.iterdir()) and not (out / STAMP).is_file():
            raise FileExistsError(f"{out} is not empty and was not built by `gracious guide build`")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / STAMP).write_text(stamp_text, encoding="utf-8")


def write_files(out: Path, files: Files) -> None:
    """Write each built file under the output folder, creating folders as needed."""
    for rel, content in sorted(files.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)


def static_files(static_dir: Path | None) -> list[str]:
    """List the static assets to copy, relative to their folder."""
    if not static_dir or not static_dir.is_dir():
        return []
    return sorted(
        path.relative_to(static_dir).as_posix() for path in static_dir.rglob("*")
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(static_dir).parts)
    )


def copy_static(static_dir: Path | None, out: Path) -> None:
    """Copy the static assets into the output, byte for byte."""
    update_static(static_dir, out, {})


def update_files(out: Path, files: Files, previous: Files) -> None:
    """Bring an output folder from the previous build's files to these, touching only changes."""
    for rel in sorted(set(previous) - set(files)):
        (out / rel).unlink(missing_ok=True)
        remove_empty_parents(out, out / rel)
    write_files(out, {rel: data for rel, data in files.items() if previous.get(rel) != data})


def remove_empty_parents(out: Path, path: Path) -> None:
    """Remove folders left empty by a deleted file, up to the output folder."""
    for parent in path.parents:
        if parent == out or not parent.is_dir() or any(parent.iterdir()):
            return
        parent.rmdir()


def update_static(static_dir: Path | None, out: Path, copied: dict[str, tuple[int, int]]) -> None:
    """Copy static assets that are new or changed since they were last copied; drop removed ones."""
    current = {}
    for rel in static_files(static_dir):
        status = (static_dir / rel).stat()
        current[rel] = (status.st_mtime_ns, status.st_size)
    for rel in sorted(set(copied) - set(current)):
        (out / rel).unlink(missing_ok=True)
    for rel, signature in current.items():
        if copied.get(rel) != signature:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(static_dir / rel, target)
    copied.clear()
    copied.update(current)
