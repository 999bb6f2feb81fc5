"""The Outlook and LinkedIn scenarios of the Chromium suite (tests/e2e), in Firefox ESR."""

from __future__ import annotations

import pytest

from tests.e2e.scenarios import (
    BUTTON,
    INVITE_TYPED,
    LINKEDIN_FORMS,
    LINKEDIN_MESSAGE_LIMIT,
    LINKEDIN_PASTE,
    LINKEDIN_PASTED,
    MAX_COVER,
    OUTLOOK_GREETING,
    OUTLOOK_HOSTS,
    OUTLOOK_OWN_SIGNATURE,
    OUTLOOK_RECIPIENT,
    ROOSTER_PASTES,
    ROOSTER_TEXT,
    SHADOW_IDS,
    SHADOWS,
    SIGNATURE_LINE,
    assert_invitation,
    assert_one_note,
    assert_own_signature_kept,
    linkedin_invite_url,
    linkedin_messaging_url,
    outlook_url,
)

INVITE_SEND = ".send-invite .artdeco-button--primary"


def open_outlook(tab, **url) -> None:
    """Open outlook's compose once roosterjs runs and the button sits above the body."""
    tab.goto(outlook_url(**url))
    tab.wait_for("window.wrappedJSObject.roosterReady", message="roosterjs to start")
    tab.wait_for("deepAll(arguments[0]).length === 1", BUTTON, message="one button in outlook")


def draft(tab, scope: str = "") -> None:
    """Click the button (the one inside scope) and wait until the note is in."""
    tab.click(f"{scope} {BUTTON}".strip())
    tab.wait_for_status("Inserted")


@pytest.mark.parametrize("host", OUTLOOK_HOSTS)
def test_outlook_with_its_real_editor(tab, host):
    open_outlook(tab, host=host)
    assert tab.disabled("#send")
    draft(tab)
    assert_one_note(tab.text("#body"), OUTLOOK_GREETING)
    # roosterjs's own model has the note, and outlook's send noticed it
    assert tab.page_eval(ROOSTER_TEXT).count(SIGNATURE_LINE) == 1
    assert not tab.disabled("#send")
    assert tab.text("#subject") != ""
    # the recipient well is editable too, but only the body receives the note
    assert tab.text(".recipient-well").strip() == OUTLOOK_RECIPIENT
    assert tab.cover("#body") < MAX_COVER
    assert_one_note(tab.another_version("#body"), OUTLOOK_GREETING)
    assert tab.page_eval(ROOSTER_TEXT).count(OUTLOOK_GREETING) == 1


def test_outlook_signature_is_not_doubled(tab):
    open_outlook(tab, query="signature=1")
    draft(tab)
    assert_own_signature_kept(tab.text("#body"), OUTLOOK_GREETING, OUTLOOK_OWN_SIGNATURE)


def test_roosterjs_late_paste_lands_exactly_once(tab):
    # an editor known to need a paste: roosterjs cancels it and inserts it later
    open_outlook(tab, query="known-paste=1")
    draft(tab)
    assert_one_note(tab.text("#body"), OUTLOOK_GREETING)
    # the note came through roosterjs's paste, once, and nothing else landed beside it
    assert tab.page_eval(ROOSTER_PASTES) == 1
    assert not tab.disabled("#send")
    assert_one_note(tab.another_version("#body"), OUTLOOK_GREETING)
    assert tab.page_eval(ROOSTER_PASTES) == 2


@pytest.mark.parametrize("shadow", SHADOWS, ids=SHADOW_IDS)
@pytest.mark.parametrize(("form", "greeting"), LINKEDIN_FORMS)
def test_linkedin_messages(tab, shadow, form, greeting):
    tab.goto(linkedin_messaging_url(shadow))
    editor, send = f"#{form} [contenteditable]", f"#{form} .msg-form__send-button"
    tab.wait_for("deepAll(arguments[0]).length === 1", f"#{form} {BUTTON}",
                 message=f"one button in {form}")
    assert tab.disabled(send)
    draft(tab, f"#{form}")
    text = tab.text(editor)
    assert text.startswith(greeting), text
    assert not tab.disabled(send)
    assert tab.page_value(f"editorState['{form}']") == text
    assert tab.page_value("sent") is None
    assert tab.cover(editor) < MAX_COVER
    again = tab.another_version(editor)
    assert again.startswith(greeting)
    assert again.count(greeting) == 1
    assert tab.page_value(f"editorState['{form}']") == again


def test_linkedin_paste_handler_moving_the_caret_is_not_an_edit(tab):
    tab.goto(linkedin_messaging_url(shadow=True))
    editor = "#bubble-form [contenteditable]"
    tab.wait_for("deep(arguments[0])", f"#bubble-form {BUTTON}", message="the bubble's button")
    draft(tab, "#bubble-form")
    tab.page_call(LINKEDIN_PASTE, editor)
    assert LINKEDIN_PASTED in tab.text(editor)
    again = tab.another_version(editor)
    assert not tab.panel_shows("gracious-replace")
    assert again.count("Hi Sam") == 1
    assert again.count(LINKEDIN_PASTED) == 1


@pytest.mark.parametrize("shadow", SHADOWS, ids=SHADOW_IDS)
def test_linkedin_invitation_in_react(tab, shadow):
    tab.goto(linkedin_invite_url(shadow))
    tab.wait_for("deepAll(arguments[0]).length === 1", BUTTON, message="the invitation's button")
    assert tab.disabled(INVITE_SEND)
    draft(tab)
    value = tab.text("#custom-message")
    assert_invitation(value)
    # react's own state followed the insertion, so linkedin would send what the user sees
    assert tab.page_value("reactState.note") == value
    assert not tab.disabled(INVITE_SEND)
    assert tab.cover("#custom-message") < MAX_COVER
    again = tab.another_version("#custom-message")
    assert_invitation(again)
    assert tab.page_value("reactState.note") == again


def test_linkedin_message_counts_its_characters(tab):
    tab.goto(linkedin_messaging_url())
    tab.wait_for("deepAll(arguments[0]).length === 2", BUTTON, message="a button in each form")
    draft(tab, "#main-form")
    length = len(tab.text("#main-form [contenteditable]").strip())
    tab.click_panel("gracious-count")
    assert tab.panel_text("gracious-count") == f"{length} / {LINKEDIN_MESSAGE_LIMIT} characters"


def test_linkedin_overlay_bubble_drafts_to_its_own_partner(tab):
    tab.goto(linkedin_messaging_url())
    tab.wait_for("deepAll(arguments[0]).length === 2", BUTTON, message="a button in each form")
    draft(tab, "#bubble-form")
    assert tab.text("#bubble-form [contenteditable]").startswith("Hi Sam")
    assert not tab.disabled("#bubble-form .msg-form__send-button")
    assert tab.text("#main-form [contenteditable]").strip() == ""


def test_invitation_note_fits_its_maxlength(tab):
    tab.goto(linkedin_invite_url())
    tab.wait_for("deep(arguments[0])", BUTTON, message="the invitation's button")
    note = tab.find("#custom-message")
    note.click()
    note.send_keys(INVITE_TYPED)
    typed = tab.text("#custom-message")
    draft(tab)
    assert_invitation(tab.text("#custom-message"), typed)


def test_empty_invitation_note_gets_a_whole_note(tab):
    tab.goto(linkedin_invite_url())
    tab.wait_for("deep(arguments[0])", BUTTON, message="the invitation's button")
    draft(tab)
    assert_invitation(tab.text("#custom-message"))
