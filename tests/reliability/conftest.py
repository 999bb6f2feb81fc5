"""Fixtures for the reliability tests: a private server each module can flood or break."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import LiveServer


@pytest.fixture(scope="module")
def private_server(tmp_path_factory) -> Iterator[LiveServer]:
    """A real server with its own data dir, so floods and hostile input touch no one else."""
    root = tmp_path_factory.mktemp("private-server")
    server = LiveServer(root / "data", log_path=root / "server.log").start()
    yield server
    server.stop()
    # no request, however hostile, may crash a handler, whichever test sent it
    crashes = server.tracebacks()
    assert crashes == [], (f"the server logged {len(crashes)} traceback(s) during this module; "
                           f"the last lines of its log:\n{server.log_tail()}")
