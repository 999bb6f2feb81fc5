"""Shared fixtures: the app, its client, a live server and a Chromium binary."""

from __future__ import annotations

from pathlib import Path

import pytest

from gracious.app import create_app
from tests.support import CHROMIUM_ARGS, TEST_TOKEN, LiveServer, authorize, find_chromium

ROOT = Path(__file__).resolve().parents[1]
__all__ = ["CHROMIUM_ARGS", "LiveServer"]


@pytest.fixture
def app(tmp_path):
    """An app with its own data dir and a known pairing code."""
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "TOKEN": TEST_TOKEN})


@pytest.fixture
def client(app):
    """A test client for the app that sends the pairing code on every request."""
    return authorize(app.test_client())


@pytest.fixture
def unpaired_client(app):
    """A test client for the app that sends no pairing code."""
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """One real server for the whole session, with its own data dir."""
    server = LiveServer(tmp_path_factory.mktemp("live-data")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium_path() -> str | None:
    """The system Chromium if there is one; None lets Playwright use its own."""
    return find_chromium()
