"""Fixtures for the guide: a built copy of the real guide and the shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from gracious.guide import build_guide
from gracious.guide.locations import default_source


def write_pages(folder: Path, pages: dict[str, str]) -> Path:
    """Write Markdown files into a folder and return it."""
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def pages_folder(tmp_path):
    """A function that writes a folder of Markdown pages under tmp_path."""
    return lambda pages: write_pages(tmp_path / "src", pages)


@pytest.fixture(scope="session")
def guide_source() -> Path:
    """The guide's own source folder, site/."""
    return default_source()


@pytest.fixture(scope="session")
def built_guide(tmp_path_factory, guide_source) -> Path:
    """The real guide, built once for the session as `gracious serve` would build it."""
    out = tmp_path_factory.mktemp("guide") / "guide"
    build_guide(guide_source, out)
    return out
