"""What the last build in this process produced, so the next one redoes only what changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gracious.guide.load import Page
from gracious.guide.render import RenderedPage
from gracious.guide.write import STAMP


@dataclass
class BuildMemory:
    """Loaded pages, rendered pages and written files of one source, output and base URL."""

    stamp: tuple[str, int] | None = None
    loaded: dict[str, tuple[tuple[int, int], Page]] = field(default_factory=dict)
    rendered: dict[str, tuple[tuple, RenderedPage]] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)
    static: dict[str, tuple[int, int]] = field(default_factory=dict)

    def still_describes(self, out: Path) -> bool:
        """Whether the output folder is exactly as this memory left it."""
        stamp = out / STAMP
        if self.stamp is None or not stamp.is_file():
            return False
        return (stamp.read_text(encoding="utf-8"), stamp.stat().st_mtime_ns) == self.stamp

    def forget_output(self) -> None:
        """Drop what was written, keeping loaded and rendered pages."""
        self.stamp, self.files, self.static = None, {}, {}

    def remember_stamp(self, out: Path) -> None:
        """Note the stamp the build just finished with."""
        stamp = out / STAMP
        self.stamp = (stamp.read_text(encoding="utf-8"), stamp.stat().st_mtime_ns)


_memories: dict[tuple[Path, Path, str], BuildMemory] = {}


def memory_for(source: Path, out: Path, base_url: str) -> BuildMemory:
    """Return this process's memory of building source into out at base_url."""
    return _memories.setdefault((source, out, base_url), BuildMemory())


def render_key(page: Page, nav: str, neighbours: tuple[Page | None, Page | None],
               templates: tuple) -> tuple:
    """Everything a page's HTML depends on, so an unchanged key means unchanged HTML."""
    around = tuple((p.url, p.title) if p else None for p in neighbours)
    meta = json.dumps(page.meta, sort_keys=True, default=str)
    return (page.rel, page.url, page.title, page.description, page.text, page.first_line,
            page.has_h1, meta, hash(nav), around, templates)


def file_signature(path: Path) -> tuple[int, int]:
    """A cheap fingerprint of a file: modification time and size."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size
