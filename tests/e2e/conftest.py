"""Headless Chromium with the real extension, the real server, and sites at their real URLs."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.support import CHROMIUM_ARGS, LiveServer, pair_extension

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = Path(__file__).parent / "pages"

# what the real gmail sends: assigning innerHTML anywhere on the page throws
GMAIL_CSP = "require-trusted-types-for 'script'"

SITES = {
    "https://mail.google.com/**": ("gmail.html", {"content-security-policy": GMAIL_CSP}),
    "https://outlook.live.com/**": ("outlook.html", {}),
    "https://outlook.office.com/**": ("outlook.html", {}),
    "https://outlook.office365.com/**": ("outlook.html", {}),
    "https://www.linkedin.com/messaging/**": ("linkedin-messaging.html", {}),
    "https://www.linkedin.com/in/**": ("linkedin-invite.html", {}),
    "https://boards.greenhouse.io/**": ("job-board.html", {}),
}

PROFILE = {"name": "Alex Rivera", "signature": "Alex Rivera\n+1 555 0100"}


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real server of our own, so reminders and the profile don't leak into other tests."""
    live = LiveServer(tmp_path_factory.mktemp("e2e-data")).start()
    yield live
    live.stop()


def serve_page(name: str, headers: dict[str, str]):
    """A route handler answering any URL with one fixture page."""
    body = (PAGES / name).read_text(encoding="utf-8")

    def handle(route):
        route.fulfill(
            status=200, content_type="text/html; charset=utf-8", headers=headers, body=body
        )

    return handle


@pytest.fixture(scope="session")
def browser(chromium_path, server, tmp_path_factory):
    """One persistent Chromium context with the unpacked extension, shared by every e2e test."""
    user_data = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(user_data),
            executable_path=chromium_path,
            headless=True,
            args=[*CHROMIUM_ARGS, f"--disable-extensions-except={EXTENSION}",
                  f"--load-extension={EXTENSION}"],
        )
        context.set_default_timeout(5000)
        for pattern, (name, headers) in SITES.items():
            context.route(pattern, serve_page(name, headers))
        yield context
        context.close()


def current_worker(browser):
    """The extension's running service worker; chromium may have restarted it."""
    workers = browser.service_workers
    return workers[-1] if workers else browser.wait_for_event("serviceworker")


@pytest.fixture(scope="session")
def configured(browser, server):
    """Pair the extension with our server and save a profile, once."""
    pair_extension(current_worker(browser), server, **PROFILE)
    return browser


@pytest.fixture
def worker(configured):
    """The extension's service worker, already configured."""
    return current_worker(configured)


def save_settings(worker, settings: dict) -> None:
    """Save extension settings, as the options page would."""
    worker.evaluate("settings => chrome.storage.local.set(settings)", settings)


@pytest.fixture
def configure(worker):
    """Change extension settings for one test."""
    return lambda settings: save_settings(worker, settings)


@pytest.fixture
def extension_id(worker) -> str:
    """The id Chromium gave the extension."""
    return worker.url.split("/")[2]


@pytest.fixture
def page(browser, worker):
    """A fresh tab; the worker is already configured."""
    tab = browser.new_page()
    yield tab
    tab.close()


def api(server, method: str, path: str, body: dict | None = None):
    """Call the real server directly, as a non-browser client."""
    request = urllib.request.Request(
        f"{server.url}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={**server.auth_headers,
                 **({"Content-Type": "application/json"} if body is not None else {})},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


@pytest.fixture
def call_api(server):
    """Call the e2e server's API."""
    return lambda method, path, body=None: api(server, method, path, body)

