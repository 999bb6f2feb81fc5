"""Pages can't reach the extension or the server; page text stays text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import open_panel, panel_of, wait_inserted

pytestmark = pytest.mark.e2e

HOSTILE_DETAIL = '<b onmouseover="window.__pwned=1">our {{ talk }}</b>'

MESSAGE_THE_WORKER = """async (id) => {
    if (typeof chrome === "undefined" || !chrome.runtime?.sendMessage) return "no way to send";
    try {
        await chrome.runtime.sendMessage(id, {type: "draft", request: {}});
        return "answered";
    } catch (error) {
        return "refused";
    }
}"""

FETCH_THE_SERVER = """async (url) => {
    try {
        const response = await fetch(url + "/api/v1/drafts", {
            method: "POST", headers: {"Content-Type": "application/json"}, body: "{}",
        });
        return "status " + response.status;
    } catch (error) {
        return "blocked";
    }
}"""


def test_a_web_page_cannot_message_the_worker(page):
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    expect(page.locator("[data-testid=gracious-draft-button]")).to_have_count(1)
    assert page.evaluate(MESSAGE_THE_WORKER, EXTENSION_ID) in {"no way to send", "refused"}


def test_a_web_page_cannot_draft_through_the_server_but_the_extension_can(page, server):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    assert page.evaluate(FETCH_THE_SERVER, server.url) == "blocked"
    page.locator("#main-form [data-testid=gracious-draft-button]").click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")


def test_the_draft_never_leaves_markup_in_the_linkedin_editor(page):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    editor = page.locator("#main-form [contenteditable]")
    page.get_by_test_id("gracious-draft-button").first.click()
    wait_inserted(page)
    open_panel(page)
    panel_of(page).get_by_test_id("gracious-detail").fill(HOSTILE_DETAIL)
    panel_of(page).get_by_test_id("gracious-add-detail").click()
    expect(editor).to_contain_text(HOSTILE_DETAIL)
    assert editor.locator("b").count() == 0
    assert page.evaluate("window.__pwned") is None
