"""The page the content script lives in is hostile: its scripts can't drive the extension.

A page script that finds and click()s the button, dispatches events at it, reads the panel's DOM
or tries to reach into the panel's frame gets nothing and changes nothing.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, PANEL, eventually, panel_of, wait_inserted

pytestmark = pytest.mark.e2e

LINKEDIN = "https://www.linkedin.com/messaging/thread/2-abc123/"

CLICK_EVERY_WAY = """() => {
    const button = document.querySelector('#main-form [data-testid=gracious-draft-button]');
    button.click();
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
        const init = {bubbles: true, cancelable: true, composed: true};
        button.dispatchEvent(new MouseEvent(type, init));
    }
    button.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
    return button.isConnected;
}"""

REACH_INTO_THE_PANEL = """() => {
    const frame = document.querySelector('[data-testid=gracious-panel]');
    const found = {
        document: frame.contentDocument === null ? null : 'readable',
        status: document.querySelector('[data-testid=gracious-status]'),
        shadow: frame.shadowRoot,
    };
    try { found.window = frame.contentWindow.document.body.innerText; }
    catch (error) { found.window = error.name; }
    for (const op of ['another', 'remind', 'detail', 'kind']) {
        frame.contentWindow.postMessage({op, value: 'from the page', days: 1}, '*');
    }
    return found;
}"""


def history_total(call_api) -> int:
    """How many notes the server has on record."""
    return call_api("GET", "/api/v1/history")["total"]


def test_a_page_script_clicking_the_button_gets_no_draft(page, call_api):
    page.goto(LINKEDIN)
    expect(page.locator(f"#main-form {BUTTON}")).to_have_count(1)
    before = history_total(call_api)
    assert page.evaluate(CLICK_EVERY_WAY) is True
    # a draft would take a few milliseconds; nothing can be awaited for one that must not happen
    page.wait_for_timeout(800)
    expect(page.locator(PANEL)).to_have_count(0)
    assert page.locator("#main-form [contenteditable]").inner_text().strip() == ""
    assert history_total(call_api) == before
    # the user's own click still works
    page.locator(f"#main-form {BUTTON}").click()
    wait_inserted(page)
    # the worker records the note just after it lands
    assert eventually(lambda: history_total(call_api) == before + 1)


def test_a_page_script_cannot_read_or_drive_the_panel(page, call_api):
    page.goto(LINKEDIN)
    page.locator(f"#main-form {BUTTON}").click()
    wait_inserted(page)
    editor = page.locator("#main-form [contenteditable]")
    note = editor.inner_text()
    before = history_total(call_api)
    reminders = len(call_api("GET", "/api/v1/reminders")["reminders"])
    found = page.evaluate(REACH_INTO_THE_PANEL)
    assert found == {"document": None, "status": None, "shadow": None, "window": "SecurityError"}
    page.wait_for_timeout(800)
    assert editor.inner_text() == note
    assert history_total(call_api) == before
    assert len(call_api("GET", "/api/v1/reminders")["reminders"]) == reminders
    # the panel still answers the user
    expect(panel_of(page).get_by_test_id("gracious-another")).to_be_enabled()


def test_a_page_re_pointing_the_panel_frame_closes_it(page):
    page.goto(LINKEDIN)
    page.locator(f"#main-form {BUTTON}").click()
    wait_inserted(page)
    page.evaluate("() => { document.querySelector('[data-testid=gracious-panel]').src = "
                  "'data:text/html,<button>Another version</button>'; }")
    expect(page.locator(PANEL)).to_have_count(0)
