"""The draft asked for on hover: the click uses it only while it is still the right one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, wait_inserted
from tests.e2e.scenarios import PROFILE

pytestmark = pytest.mark.e2e

GMAIL = "https://mail.google.com/mail/u/0/?open=popup"
ASKED_AHEAD = "() => performance.getEntriesByName('gracious:draft-ahead').length > 0"


@pytest.fixture
def drafts_asked(context):
    """Every draft request the extension's worker sends to the server while the test runs."""
    asked = []

    def record(request):
        if request.url.split("?", 1)[0].endswith("/api/v1/drafts"):
            asked.append(request.post_data_json)

    context.on("request", record)
    yield asked
    context.remove_listener("request", record)


def hover_and_wait(page) -> None:
    """Rest the pointer on the button until the early draft has been asked for."""
    page.goto(GMAIL)
    page.locator(BUTTON).hover()
    page.wait_for_function(ASKED_AHEAD)


def test_the_click_uses_the_draft_asked_for_on_hover(page, drafts_asked):
    hover_and_wait(page)
    page.locator(BUTTON).click()
    wait_inserted(page)
    assert len(drafts_asked) == 1
    expect(page.locator("[g_editable=true]")).to_contain_text("Hi Jane")


def test_a_setting_changed_after_the_hover_is_honoured(page, drafts_asked, configure):
    hover_and_wait(page)
    configure({"tone": "formal"})
    try:
        page.locator(BUTTON).click()
        wait_inserted(page)
        expect(page.locator("[g_editable=true]")).to_contain_text("Dear Jane")
        assert len(drafts_asked) == 2
        assert drafts_asked[-1]["tone"] == "formal"
    finally:
        configure({**PROFILE, "tone": "warm"})
