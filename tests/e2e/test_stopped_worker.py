"""Chromium stops idle extension workers: the next click still drafts, and tests never hang."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import current_worker
from tests.e2e.helpers import BUTTON, SIGNATURE_LINE, wait_inserted

pytestmark = pytest.mark.e2e


def stop_every_worker(context, tab) -> None:
    """Stop the extension's worker as Chromium does after it has been idle."""
    session = context.new_cdp_session(tab)
    session.send("ServiceWorker.enable")
    session.send("ServiceWorker.stopAllWorkers")
    session.detach()


def test_a_click_after_the_worker_stopped_still_drafts(context, page):
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    stop_every_worker(context, page)
    page.locator(BUTTON).click()
    wait_inserted(page)
    expect(page.locator("[g_editable=true]")).to_contain_text(SIGNATURE_LINE)


def test_the_suite_wakes_a_stopped_worker_before_talking_to_it(context, page, worker_waker):
    stop_every_worker(context, page)
    assert current_worker(context, worker_waker).evaluate("() => chrome.runtime.id")
