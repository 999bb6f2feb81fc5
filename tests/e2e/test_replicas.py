"""The shared scenario checks on replica pages the adapters were not written against, in Chromium.

One click puts exactly one note in the compose, the page's own editor state noticed it (and its
Send is enabled), "Another version" replaces it in place, and the panel covers under a tenth of
the editor. tests/firefox/test_firefox_replicas.py runs the same replicas in Firefox.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, cover_of, open_panel, panel_of, wait_inserted
from tests.e2e.replicas import REPLICA_IDS, REPLICAS, assert_note, assert_state
from tests.e2e.scenarios import MAX_COVER

pytestmark = pytest.mark.e2e

TEXT = "e => e.value ?? e.innerText"


@pytest.mark.parametrize("replica", REPLICAS, ids=REPLICA_IDS)
def test_replica(page, replica):
    page.goto(replica.url)
    compose = page.locator(f"#{replica.scope}")
    editor = compose.locator(replica.editor)
    # the page renders late: every compose gets its one button once it is there
    expect(page.locator(BUTTON)).to_have_count(replica.buttons, timeout=replica.render * 1000)
    expect(compose.locator(BUTTON)).to_have_count(1)
    send = compose.locator(replica.send) if replica.send else None
    if send:
        expect(send).to_be_disabled()
    compose.locator(BUTTON).click()
    wait_inserted(page)
    text = editor.evaluate(TEXT)
    assert_note(replica, text)
    assert_state(replica, text, page.evaluate(f"window.{replica.state}"))
    if send:
        expect(send).to_be_enabled()
    assert cover_of(page, editor) < MAX_COVER
    open_panel(page)
    panel_of(page).get_by_test_id("gracious-another").click()
    page.wait_for_function(f"([e, t]) => ({TEXT})(e) !== t", arg=[editor.element_handle(), text])
    wait_inserted(page)
    again = editor.evaluate(TEXT)
    assert_note(replica, again)
    assert_state(replica, again, page.evaluate(f"window.{replica.state}"))
    assert page.evaluate("window.sent ?? null") is None
    expect(page.locator(BUTTON)).to_have_count(replica.buttons)
