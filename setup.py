"""Put the guide source (site/) and the extension into the wheel, beside the package."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# what a wheel carries besides the code: gracious.resources finds them in gracious/bundled/
BUNDLED = ("site", "extension")
SKIPPED = shutil.ignore_patterns("node_modules", "__pycache__", ".*", "build")


class BuildWithAssets(build_py):
    """Copy site/ and extension/ into gracious/bundled/ of the build."""

    def run(self) -> None:
        """Build the package, then add the assets (an editable install reads the checkout)."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in BUNDLED:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"cannot build a complete package: {source} is missing")
            target = Path(self.build_lib) / "gracious" / "bundled" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=SKIPPED)


setup(cmdclass={"build_py": BuildWithAssets})
