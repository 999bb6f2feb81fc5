"""Where the guide's source lives and where its build goes by default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gracious
from gracious import resources

# server/gracious/__init__.py -> the checkout's root, when running from a checkout
CHECKOUT = Path(gracious.__file__).resolve().parents[2]


class NoGuideSource(FileNotFoundError):
    """There is no guide source to build from."""


def default_source() -> Path:
    """Find the guide's `site/` folder: the checkout's, the installed package's, or the cwd's."""
    source = resources.guide_source()
    if source is None:
        raise NoGuideSource("no guide source found (not in a checkout, not in the installed "
                            "package, no site/ here); pass --source")
    return source


def default_output() -> Path:
    """Build into build/guide/ in a checkout, else into the user's cache directory."""
    return resources.guide_output()


def shared_static() -> Path | None:
    """The guide's own static assets, which its layouts link to."""
    try:
        static = default_source() / "static"
    except NoGuideSource:
        return None
    return static if static.is_dir() else None


@dataclass(frozen=True)
class SourceLayout:
    """The folders of one source: content, optional layouts and optional static assets."""

    root: Path
    content: Path
    templates: Path | None
    static: Path | None

    @classmethod
    def of(cls, source: Path) -> SourceLayout:
        """Use `content/`, `templates/` and `static/` if present; else the folder is the content."""
        root = source.resolve()
        if not root.is_dir():
            raise NoGuideSource(f"guide source {source} is not a folder")
        content = root / "content"
        templates, static = root / "templates", root / "static"
        if not content.is_dir():
            content, templates, static = root, None, None
        elif not templates.is_dir():
            templates = None
        if templates is None:
            # a source without layouts uses the guide's own, and the styles they link to
            return cls(root, content, None, shared_static())
        return cls(root, content, templates, static if static.is_dir() else None)

    def watched(self) -> list[Path]:
        """The folders whose changes make a build stale."""
        return [self.root, Path(__file__).parent, Path(gracious.__file__).parent / "compose"]
