"""Pairing in real Chromium: the pasted code, the one-click page, and plain words when unpaired."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.support import LiveServer, pair_extension

pytestmark = pytest.mark.e2e

OPTIONS = f"chrome-extension://{EXTENSION_ID}/options/options.html"
POPUP = f"chrome-extension://{EXTENSION_ID}/popup/popup.html"


@pytest.fixture
def fresh_server(tmp_path):
    """A server no extension has paired with yet."""
    live = LiveServer(tmp_path / "data").start()
    yield live
    live.stop()


@pytest.fixture
def unpaired(worker, server):
    """Forget the pairing code for one test, then pair with the suite's server again."""
    worker.evaluate("() => chrome.storage.local.remove('pairingToken')")
    yield worker
    pair_extension(worker, server)


def stored_code(worker) -> str | None:
    """The pairing code the extension keeps."""
    return worker.evaluate(
        "async () => (await chrome.storage.local.get('pairingToken')).pairingToken")


def test_pasting_the_code_pairs_only_when_the_server_accepts_it(page, unpaired, fresh_server):
    page.goto(OPTIONS)
    page.locator("#serverUrl").fill(fresh_server.url)
    status = page.get_by_test_id("gracious-pairing-status")
    page.get_by_test_id("gracious-pairing-code").fill("not-the-code-" * 4)
    page.get_by_test_id("gracious-pair").click()
    expect(status).to_contain_text("does not accept that code")
    assert stored_code(unpaired) is None
    page.get_by_test_id("gracious-pairing-code").fill(f"  {fresh_server.token}\n")
    page.get_by_test_id("gracious-pair").click()
    expect(status).to_contain_text(f"Paired with the Gracious server at {fresh_server.url}")
    assert stored_code(unpaired) == fresh_server.token
    # and the extension's requests now carry it: the profile reads through
    page.reload()
    expect(status).to_contain_text("Paired with")


def test_connect_on_the_start_page_pairs_in_one_click(page, unpaired, configure, fresh_server):
    configure({"serverUrl": fresh_server.url})
    page.goto(f"{fresh_server.url}/")
    expect(page.get_by_test_id("landing-paired")).to_contain_text("No extension is paired")
    page.get_by_test_id("landing-connect").click()
    expect(page.get_by_test_id("landing-connect-status")).to_contain_text("Connected")
    assert stored_code(unpaired) == fresh_server.token
    page.reload()
    expect(page.get_by_test_id("landing-paired")).to_contain_text("An extension is paired")
    # once paired, the page no longer shows the code to anyone
    expect(page.get_by_test_id("landing-code")).to_have_count(0)


def test_connect_from_another_servers_page_is_refused(page, unpaired, configure, server,
                                                      fresh_server):
    # the extension listens only to the page of the server it is set to use
    configure({"serverUrl": server.url})
    page.goto(f"{fresh_server.url}/")
    page.get_by_test_id("landing-connect").click()
    expect(page.get_by_test_id("landing-connect-status")).to_contain_text("another server")
    assert stored_code(unpaired) is None


def test_an_unpaired_extension_says_so_everywhere(page, unpaired, server):
    page.goto(POPUP)
    expect(page.get_by_test_id("pairing-status")).to_contain_text("not paired with the server")
    expect(page.get_by_test_id("pairing-status")).to_contain_text("gracious token")
    page.goto(OPTIONS)
    expect(page.get_by_test_id("gracious-pairing-status")).to_contain_text("not paired")
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    page.locator("[g_editable=true]").click()
    page.locator("[data-testid=gracious-draft-button]").click()
    problem = page.get_by_test_id("gracious-problem-text")
    expect(problem).to_contain_text(f"not paired with the server at {server.url}")
    expect(problem).to_contain_text("Connect the extension")


def test_a_wrongly_paired_extension_says_so_everywhere(page, unpaired, configure, server):
    configure({"pairingToken": "an-old-code-that-was-rotated-away-long-ago"})
    page.goto(POPUP)
    expect(page.get_by_test_id("pairing-status")).to_contain_text("wrong code")
    page.goto(OPTIONS)
    expect(page.get_by_test_id("gracious-pairing-status")).to_contain_text("wrong code")
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    page.locator("[g_editable=true]").click()
    page.locator("[data-testid=gracious-draft-button]").click()
    expect(page.get_by_test_id("gracious-problem-text")).to_contain_text("wrong code")


def test_a_paired_popup_shows_no_pairing_warning(page):
    page.goto(POPUP)
    warning = page.get_by_test_id("pairing-status")
    expect(warning).to_have_attribute("data-state", "paired")
    expect(warning).to_be_hidden()
