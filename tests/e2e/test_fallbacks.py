"""Fallbacks a user can find: the shortcut, the context menu through the site's adapter, a hint
where no button could be placed, selector health in the popup, and long non-ASCII threads."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import BUTTON, SIGNATURE_LINE, wait_inserted

pytestmark = pytest.mark.e2e

IN_NEWEST_TAB = """async (how) => {
    const tabs = await chrome.tabs.query({});
    const newest = Math.max(...tabs.map(tab => tab.id));
    try {
        const run = how === 'shortcut' ? globalThis.draftInFocusedFrame : globalThis.draftInTab;
        await run(newest, 0);
        return "injected";
    } catch (error) {
        return String(error.message);
    }
}"""


@pytest.mark.parametrize("how", ["shortcut", "context-menu"])
def test_linkedin_invitation_through_the_adapter(page, worker, how):
    page.goto("https://www.linkedin.com/in/jane-doe/?shadow=1")
    page.locator("#custom-message").click()
    assert worker.evaluate(IN_NEWEST_TAB, how) == "injected"
    wait_inserted(page)
    value = page.locator("#custom-message").input_value()
    # the linkedin adapter's recipient and the invitation's limit, not an email-style note
    assert value.startswith("Hi Jane")
    assert len(value) <= 200
    assert page.evaluate("window.reactState.note") == value


def test_shortcut_on_a_linkedin_message(page, worker):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    page.locator("#main-form [contenteditable]").click()
    assert worker.evaluate(IN_NEWEST_TAB, "shortcut") == "injected"
    wait_inserted(page)
    text = page.locator("#main-form [contenteditable]").inner_text()
    assert text.startswith("Hi Jane")
    assert text.count("Hi Jane") == 1
    expect(page.locator("#main-form .msg-form__send-button")).to_be_enabled()


def test_a_hint_points_to_the_shortcut_where_no_button_fits(page):
    page.goto("https://mail.google.com/mail/u/0/")
    # a compose whose toolbar the adapter can't find: gmail changed under us
    page.evaluate("""() => {
        const dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        const body = document.createElement('div');
        body.contentEditable = 'true';
        body.setAttribute('g_editable', 'true');
        body.id = 'orphan';
        body.style.minHeight = '80px';
        dialog.append(body);
        document.body.append(dialog);
    }""")
    page.locator("#orphan").click()
    hint = page.get_by_test_id("gracious-hint")
    expect(hint).to_have_count(1, timeout=8000)
    assert page.locator(BUTTON).count() == 0


def test_the_popup_shows_each_sites_health(page, context):
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    page.locator(BUTTON).click()
    wait_inserted(page)
    popup = context.new_page()
    try:
        popup.goto(f"chrome-extension://{EXTENSION_ID}/popup/popup.html")
        gmail = popup.get_by_test_id("popup-site").filter(has_text="Gmail")
        expect(gmail).to_have_text("Gmail: working", timeout=8000)
    finally:
        popup.close()


def test_a_long_japanese_thread_still_drafts(page):
    page.goto("https://mail.google.com/mail/u/0/?open=inline")
    # about 240 KB in utf-8: over the server's body cap unless clipped by bytes
    page.evaluate("() => { document.getElementById('thread-text').textContent = "
                  "'面接のお時間をいただきありがとうございました。'.repeat(4000); }")
    page.locator(f"[data-compose=inline] {BUTTON}").click()
    wait_inserted(page)
    text = page.locator("[data-compose=inline] [g_editable=true]").inner_text()
    assert text.startswith("Hi Jane")
    assert text.count(SIGNATURE_LINE) == 1
