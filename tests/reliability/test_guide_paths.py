"""Paths under /guide/ that the file system refuses get a 404 from the real server, never a 500."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from gracious.guide import build_guide
from tests.support import LiveServer

from .raw_http import send_raw

LONG_SEGMENTS = [
    "a" * 256,                  # one byte over NAME_MAX
    "ü" * 128,                  # 128 characters, 256 bytes of UTF-8
    "x" * 5000,                 # over PATH_MAX as well
    "docs/" + "b" * 300 + "/index.html",
]
LOOPS = ["loop", "loop/", "loop/index.html", "ping/pong", "ping/", "deep/loop/x"]


@pytest.fixture(scope="module")
def guide_server(tmp_path_factory) -> Iterator[LiveServer]:
    """A real server serving a built guide that holds symlink loops."""
    root = tmp_path_factory.mktemp("guide-paths")
    source, out = root / "site", root / "guide"
    # a small guide of its own, so these paths are tested whatever the real guide says
    (source / "docs").mkdir(parents=True)
    (source / "index.md").write_text("# Guide\n\nSee [the docs](docs/index.md).\n")
    (source / "docs" / "index.md").write_text("# Docs\n\nA page.\n")
    build_guide(source, out)
    os.symlink("loop", out / "loop")
    os.symlink("pong", out / "ping")
    os.symlink("ping", out / "pong")
    (out / "deep").mkdir()
    os.symlink("../deep/loop", out / "deep" / "loop")
    server = LiveServer(root / "data", log_path=root / "server.log",
                        env={"GRACIOUS_GUIDE_DIR": str(out),
                             "GRACIOUS_GUIDE_SOURCE": str(source)}).start()
    yield server
    server.stop()
    assert server.tracebacks() == [], server.log_tail()


@pytest.mark.parametrize("path", LONG_SEGMENTS + LOOPS)
@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_unservable_guide_paths_are_404(guide_server, path, accept):
    answer = send_raw(guide_server, "GET", f"/guide/{quote(path)}",
                      headers=[("Accept", accept)])
    assert answer.status == 404, answer.describe()
    expected = "text/html" if accept == "text/html" else "application/problem+json"
    assert answer.content_type == expected, answer.describe()


def test_the_guide_still_serves_its_pages(guide_server):
    answer = send_raw(guide_server, "GET", "/guide/")
    assert answer.status == 200 and answer.content_type == "text/html", answer.describe()
