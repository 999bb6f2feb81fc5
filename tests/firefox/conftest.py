"""Headless Firefox ESR with the real extension, the real server, and sites at their real URLs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.replicas import REPLICA_ROUTES
from tests.e2e.scenarios import GMAIL_CSP, OUTLOOK_HOSTS, PROFILE
from tests.firefox.browser import FirefoxTab
from tests.firefox.harness import (
    Firefox,
    SiteServer,
    find_firefox,
    profile_prefs,
    write_certificate,
)
from tests.support import LiveServer, free_port

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = ROOT / "tests" / "e2e" / "pages"
NODE_MODULES = ROOT / "tests" / "node_modules"
MESSAGES = json.loads((EXTENSION / "_locales" / "en" / "messages.json").read_text(encoding="utf-8"))

# (host, path prefix, fixture page, extra headers): the same pages the chromium suite uses
ROUTES = [
    # the replicas' narrower addresses first: the first route that matches answers
    *REPLICA_ROUTES,
    ("mail.google.com", "/", "gmail.html", {"Content-Security-Policy": GMAIL_CSP}),
    *[(host, "/", "outlook.html", {}) for host in OUTLOOK_HOSTS],
    ("www.linkedin.com", "/messaging/", "linkedin-messaging.html", {}),
    ("www.linkedin.com", "/in/", "linkedin-invite.html", {}),
    ("messages.indeed.com", "/", "indeed-messaging.html", {}),
    ("app.joinhandshake.com", "/", "handshake-messaging.html", {}),
    ("wellfound.com", "/", "wellfound-messaging.html", {}),
]
HOSTS = sorted({host for host, *_ in ROUTES})

def pytest_collection_modifyitems(items):
    """Mark every test here as a firefox end-to-end test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.firefox)


@pytest.fixture(scope="session")
def firefox_binary() -> str:
    """The firefox-esr to drive; .ci/run installs it on a fresh machine."""
    binary = find_firefox()
    if binary is None:
        pytest.skip("firefox-esr is not installed (apt-get install firefox-esr, as .ci/run does)")
    return binary


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    """The sites' real https names answered by our fixture pages, with a fresh certificate."""
    cert, key = write_certificate(HOSTS, tmp_path_factory.mktemp("certificate"))
    server = SiteServer(ROUTES, PAGES, cert, key, libraries=NODE_MODULES).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real server of our own for the firefox suite."""
    live = LiveServer(tmp_path_factory.mktemp("firefox-data")).start()
    yield live
    live.stop()


def start_firefox(binary: str, base: Path, https_port: int) -> Firefox:
    """Firefox with the extension installed as a temporary add-on, the sites at https_port."""
    browser = Firefox(binary, base / "profile", profile_prefs(free_port(), HOSTS, https_port),
                      base / "firefox.log")
    try:
        browser.start()
        browser.addon_id = browser.install(EXTENSION)
        browser.uuid = browser.extension_uuid(browser.addon_id)
    except Exception as error:
        browser.stop()
        raise RuntimeError(f"{error}; firefox said:\n{browser.log_tail()}") from error
    return browser


@pytest.fixture(scope="session")
def firefox(firefox_binary, sites, tmp_path_factory):
    """One Firefox with the extension installed as a temporary add-on, shared by the suite."""
    browser = start_firefox(firefox_binary, tmp_path_factory.mktemp("firefox"), sites.port)
    yield browser
    browser.stop()


PAIRING_CODE = "[data-testid=gracious-pairing-code]"
PAIR_BUTTON = "[data-testid=gracious-pair]"


def pair(tab, server) -> None:
    """Paste the server's pairing code into the options page, as a Firefox user does."""
    assert server.token, "the server has no pairing code"
    # Firefox honours no externally_connectable for web pages: the code is pasted by hand
    if not tab.count(PAIRING_CODE):
        # an options page from before the pairing field: its storage takes the code instead
        assert tab.js("const page = window.wrappedJSObject;"
                      "return page.chrome.storage.local.set(page.JSON.parse(arguments[0]))"
                      ".then(() => true);", json.dumps({"pairingToken": server.token})) is True
        return
    tab.fill(PAIRING_CODE, server.token)
    tab.click(PAIR_BUTTON)
    # the field empties once the server has accepted the code
    tab.wait_for("document.querySelector(arguments[0]).value === ''"
                 " && !document.querySelector(arguments[1]).disabled", PAIRING_CODE, PAIR_BUTTON,
                 message="the server to accept the pairing code")


def configure_through_options(firefox: Firefox, server: LiveServer) -> None:
    """Pair the extension, point it at server and save the profile, as a user does."""
    tab = FirefoxTab(firefox.client)
    tab.goto(f"moz-extension://{firefox.uuid}/options/options.html")
    # the page fills its fields from storage and the server first: type only after that
    tab.wait_for("document.getElementById('options').tone.options.length > 0",
                 message="the options page to load the saved settings")
    tab.fill("#serverUrl", server.url)
    pair(tab, server)
    tab.fill("#name", PROFILE["name"])
    tab.fill("#signature", PROFILE["signature"])
    tab.click("button[type=submit]")
    # "Saved." only once the server took the profile, and the code, from this moz-extension origin
    tab.wait_for("document.getElementById('saved').textContent !== ''")
    saved = tab.js("return document.getElementById('saved').textContent")
    assert saved == MESSAGES["optionsSaved"]["message"], saved


@pytest.fixture(scope="session")
def configured(firefox, server):
    """Pair the extension and point it at our server through its options page, once."""
    configure_through_options(firefox, server)
    return firefox


@pytest.fixture
def tab(configured):
    """The browser's tab, configured, on a blank page and with no panel left open."""
    # the welcome page opened on install sits in front: a background tab gets one frame a second
    configured.client.switch_to_window(configured.client.current_window_handle, focus=True)
    page = FirefoxTab(configured.client)
    page.goto("about:blank")
    return page
