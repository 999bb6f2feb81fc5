"""Outlook and LinkedIn: the same one click, through each editor's own input path."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, open_panel, panel_of, wait_inserted

pytestmark = pytest.mark.e2e

@pytest.mark.parametrize(
    "host", ["outlook.live.com", "outlook.office.com", "outlook.office365.com"]
)
def test_outlook_compose_gets_a_full_note_and_subject(page, host):
    page.goto(f"https://{host}/mail/0/deeplink/compose")
    expect(page.locator(BUTTON)).to_have_count(1)
    page.locator(BUTTON).click()
    wait_inserted(page)
    text = page.locator("#body").inner_text()
    assert text.startswith("Hi Priya")
    assert "+1 555 0100" in text
    assert page.locator("#subject").input_value() != ""
    # the recipient well is editable too, but only the body receives the note
    assert page.locator(".recipient-well").inner_text().strip() == "Priya Patel"


def test_linkedin_message_enables_send_through_the_editor(page):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    form = page.locator("#main-form")
    expect(page.locator(BUTTON)).to_have_count(2)
    expect(form.locator(".msg-form__send-button")).to_be_disabled()
    form.locator(BUTTON).click()
    wait_inserted(page)
    assert form.locator("[contenteditable]").inner_text().startswith("Hi Jane")
    expect(form.locator(".msg-form__send-button")).to_be_enabled()
    # drafting never sends
    assert page.evaluate("window.sent") is None
    open_panel(page)
    count = panel_of(page).get_by_test_id("gracious-count")
    expect(count).to_be_visible()
    length = len(form.locator("[contenteditable]").inner_text().strip())
    expect(count).to_have_text(f"{length} / 600 characters")


def test_linkedin_overlay_bubble_drafts_to_its_own_partner(page):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    bubble = page.locator("#bubble-form")
    bubble.locator(BUTTON).click()
    wait_inserted(page)
    assert bubble.locator("[contenteditable]").inner_text().startswith("Hi Sam")
    expect(bubble.locator(".msg-form__send-button")).to_be_enabled()
    assert page.locator("#main-form [contenteditable]").inner_text().strip() == ""


def test_invitation_note_fits_its_maxlength(page):
    page.goto("https://www.linkedin.com/in/jane-doe/")
    note = page.locator("#custom-message")
    note.click()
    page.keyboard.type("Hi Jane! " * 15)
    typed = note.input_value()
    page.locator(BUTTON).click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    value = note.input_value()
    assert value.startswith(typed)
    assert len(typed) < len(value) <= 200


def test_empty_invitation_note_gets_a_whole_note(page):
    page.goto("https://www.linkedin.com/in/jane-doe/")
    page.locator(BUTTON).click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    value = page.locator("#custom-message").input_value()
    assert value.startswith("Hi Jane")
    assert len(value) <= 200
