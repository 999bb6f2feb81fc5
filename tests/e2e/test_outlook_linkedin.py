"""Outlook and LinkedIn: the same one click, through each editor's own input path."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, open_panel, panel_of, wait_inserted
from tests.e2e.scenarios import (
    INVITE_TYPED,
    LINKEDIN_MESSAGE_LIMIT,
    OUTLOOK_GREETING,
    OUTLOOK_HOSTS,
    OUTLOOK_RECIPIENT,
    SIGNATURE_LINE,
    assert_invitation,
    linkedin_invite_url,
    linkedin_messaging_url,
    outlook_url,
)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("host", OUTLOOK_HOSTS)
def test_outlook_compose_gets_a_full_note_and_subject(page, host):
    page.goto(outlook_url(host))
    expect(page.locator(BUTTON)).to_have_count(1)
    page.locator(BUTTON).click()
    wait_inserted(page)
    text = page.locator("#body").inner_text()
    assert text.startswith(OUTLOOK_GREETING)
    assert SIGNATURE_LINE in text
    assert page.locator("#subject").input_value() != ""
    # the recipient well is editable too, but only the body receives the note
    assert page.locator(".recipient-well").inner_text().strip() == OUTLOOK_RECIPIENT


def test_linkedin_message_enables_send_through_the_editor(page):
    page.goto(linkedin_messaging_url())
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
    expect(count).to_have_text(f"{length} / {LINKEDIN_MESSAGE_LIMIT} characters")


def test_linkedin_overlay_bubble_drafts_to_its_own_partner(page):
    page.goto(linkedin_messaging_url())
    bubble = page.locator("#bubble-form")
    bubble.locator(BUTTON).click()
    wait_inserted(page)
    assert bubble.locator("[contenteditable]").inner_text().startswith("Hi Sam")
    expect(bubble.locator(".msg-form__send-button")).to_be_enabled()
    assert page.locator("#main-form [contenteditable]").inner_text().strip() == ""


def test_invitation_note_fits_its_maxlength(page):
    page.goto(linkedin_invite_url())
    note = page.locator("#custom-message")
    note.click()
    page.keyboard.type(INVITE_TYPED)
    typed = note.input_value()
    page.locator(BUTTON).click()
    wait_inserted(page)
    assert_invitation(note.input_value(), typed)


def test_empty_invitation_note_gets_a_whole_note(page):
    page.goto(linkedin_invite_url())
    page.locator(BUTTON).click()
    wait_inserted(page)
    assert_invitation(page.locator("#custom-message").input_value())
