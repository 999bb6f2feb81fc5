"""Every scenario on pages that behave like the live sites: real RoosterJS, React 18, shadow roots.

In each: the button appears, one click puts exactly one note in the editor, the page's own editor
state noticed it, "Another version" replaces it in place, and the panel covers under a tenth of
the editor. tests/firefox runs the same scenarios, from tests/e2e/scenarios.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, cover_of, open_panel, panel_of, wait_inserted
from tests.e2e.scenarios import (
    GMAIL_COMPOSES,
    GMAIL_LANGUAGES,
    GMAIL_OWN_SIGNATURE,
    LINKEDIN_FORMS,
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
    TOOLBAR_CELLS,
    TOOLBAR_CELLS_AND_COLS,
    TOOLBAR_HAS_BUTTON,
    assert_invitation,
    assert_one_note,
    assert_own_signature_kept,
    gmail_url,
    linkedin_invite_url,
    linkedin_messaging_url,
    outlook_url,
)

pytestmark = pytest.mark.e2e


def another_version(page, editor, read=lambda e: e.inner_text()):
    """Ask for another version and return the editor's text once it changed."""
    before = read(editor)
    open_panel(page)
    panel_of(page).get_by_test_id("gracious-another").click()
    wait_inserted(page)
    page.wait_for_function("([e, t]) => (e.value ?? e.innerText) !== t",
                           arg=[editor.element_handle(), before])
    return read(editor)


@pytest.mark.parametrize("language", GMAIL_LANGUAGES)
@pytest.mark.parametrize(("variant", "greeting"), GMAIL_COMPOSES)
def test_gmail_composes(page, variant, greeting, language):
    page.goto(gmail_url(f"open={variant}&hl={language}"))
    compose = page.locator(f"[data-compose={variant}]")
    body = compose.locator("[g_editable=true]")
    expect(compose.locator(BUTTON)).to_have_count(1)
    compose.locator(BUTTON).click()
    wait_inserted(page)
    assert_one_note(body.inner_text(), greeting)
    saves = int(body.get_attribute("data-saves"))
    assert saves > 0
    assert cover_of(page, body) < MAX_COVER
    assert_one_note(another_version(page, body), greeting)
    assert int(body.get_attribute("data-saves")) > saves


def test_gmail_reads_names_from_chip_attributes_not_avatar_letters(page):
    page.goto(gmail_url("open=popup&chips=avatar"))
    chip = page.locator("[data-compose=popup] [data-hovercard-id]")
    assert chip.inner_text().replace("\n", "").startswith("JJane")
    page.locator(BUTTON).click()
    wait_inserted(page)
    text = page.locator("[g_editable=true]").inner_text()
    assert text.startswith("Hi Jane,")
    assert "JJane" not in text


def test_gmail_keeps_its_own_signature_and_adds_no_second(page):
    page.goto(gmail_url("open=popup&signature=1"))
    page.locator(BUTTON).click()
    wait_inserted(page)
    text = page.locator("[g_editable=true]").inner_text()
    assert_own_signature_kept(text, "Hi Jane", GMAIL_OWN_SIGNATURE)


def test_gmail_toolbar_keeps_one_col_per_cell_through_re_renders(page):
    page.goto(gmail_url("open=popup"))
    expect(page.locator(BUTTON)).to_have_count(1)
    assert page.evaluate(TOOLBAR_CELLS_AND_COLS) == [TOOLBAR_CELLS] * 2
    for _ in range(2):
        page.evaluate("rerenderToolbars()")
        page.wait_for_function(TOOLBAR_HAS_BUTTON)
        assert page.evaluate(TOOLBAR_CELLS_AND_COLS) == [TOOLBAR_CELLS] * 2


@pytest.mark.parametrize("host", OUTLOOK_HOSTS)
def test_outlook_with_its_real_editor(page, host):
    page.goto(outlook_url(host))
    page.wait_for_function("window.roosterReady")
    body = page.locator("#body")
    send = page.locator("#send")
    expect(send).to_be_disabled()
    expect(page.locator(BUTTON)).to_have_count(1)
    page.locator(BUTTON).click()
    wait_inserted(page)
    assert_one_note(body.inner_text(), OUTLOOK_GREETING)
    # roosterjs's own model has the note, and outlook's send noticed it
    assert page.evaluate(ROOSTER_TEXT).count(SIGNATURE_LINE) == 1
    expect(send).to_be_enabled()
    assert page.locator("#subject").input_value() != ""
    assert page.locator(".recipient-well").inner_text().strip() == OUTLOOK_RECIPIENT
    assert cover_of(page, body) < MAX_COVER
    assert_one_note(another_version(page, body), OUTLOOK_GREETING)
    assert page.evaluate(ROOSTER_TEXT).count(OUTLOOK_GREETING) == 1


def test_outlook_signature_is_not_doubled(page):
    page.goto(outlook_url(query="signature=1"))
    page.wait_for_function("window.roosterReady")
    page.locator(BUTTON).click()
    wait_inserted(page)
    text = page.locator("#body").inner_text()
    assert_own_signature_kept(text, OUTLOOK_GREETING, OUTLOOK_OWN_SIGNATURE)


def test_roosterjs_late_paste_lands_exactly_once(page):
    # marked as an editor known to need a paste: roosterjs cancels it and inserts it later
    page.goto(outlook_url(query="known-paste=1"))
    page.wait_for_function("window.roosterReady")
    page.locator(BUTTON).click()
    wait_inserted(page)
    body = page.locator("#body")
    assert_one_note(body.inner_text(), OUTLOOK_GREETING)
    # the note came through roosterjs's paste, once, and nothing else landed beside it
    assert page.evaluate(ROOSTER_PASTES) == 1
    expect(page.locator("#send")).to_be_enabled()
    assert_one_note(another_version(page, body), OUTLOOK_GREETING)
    assert page.evaluate(ROOSTER_PASTES) == 2


@pytest.mark.parametrize("shadow", SHADOWS, ids=SHADOW_IDS)
@pytest.mark.parametrize(("form", "greeting"), LINKEDIN_FORMS)
def test_linkedin_messages(page, shadow, form, greeting):
    page.goto(linkedin_messaging_url(shadow))
    compose = page.locator(f"#{form}")
    editor = compose.locator("[contenteditable]")
    expect(compose.locator(BUTTON)).to_have_count(1)
    expect(compose.locator(".msg-form__send-button")).to_be_disabled()
    compose.locator(BUTTON).click()
    wait_inserted(page)
    text = editor.inner_text()
    assert text.startswith(greeting)
    expect(compose.locator(".msg-form__send-button")).to_be_enabled()
    assert page.evaluate(f"window.editorState['{form}']") == text
    assert page.evaluate("window.sent") is None
    assert cover_of(page, editor) < MAX_COVER
    again = another_version(page, editor)
    assert again.startswith(greeting)
    assert again.count(greeting) == 1
    assert page.evaluate(f"window.editorState['{form}']") == again


def test_linkedin_paste_handler_moving_the_caret_is_not_an_edit(page):
    page.goto(linkedin_messaging_url(shadow=True))
    compose = page.locator("#bubble-form")
    editor = compose.locator("[contenteditable]")
    compose.locator(BUTTON).click()
    wait_inserted(page)
    editor.evaluate(LINKEDIN_PASTE)
    again = another_version(page, editor)
    expect(panel_of(page).get_by_test_id("gracious-replace")).to_be_hidden()
    assert again.count("Hi Sam") == 1
    assert again.count(LINKEDIN_PASTED) == 1


@pytest.mark.parametrize("shadow", SHADOWS, ids=SHADOW_IDS)
def test_linkedin_invitation_in_react(page, shadow):
    page.goto(linkedin_invite_url(shadow))
    note = page.locator("#custom-message")
    expect(page.locator(BUTTON)).to_have_count(1)
    send = page.locator(".send-invite .artdeco-button--primary")
    expect(send).to_be_disabled()
    page.locator(BUTTON).click()
    wait_inserted(page)
    value = note.input_value()
    assert_invitation(value)
    # react's own state followed the insertion, so linkedin would send what the user sees
    assert page.evaluate("window.reactState.note") == value
    expect(send).to_be_enabled()
    assert cover_of(page, note) < MAX_COVER
    open_panel(page)
    panel_of(page).get_by_test_id("gracious-another").click()
    page.wait_for_function("v => window.reactState.note !== v", arg=value)
    again = note.input_value()
    assert_invitation(again)
    assert page.evaluate("window.reactState.note") == again


def test_the_panel_folds_to_a_chip_and_remembers_it(page, configure):
    page.goto(gmail_url("open=popup"))
    page.locator(BUTTON).click()
    wait_inserted(page)
    open_panel(page)
    panel_of(page).get_by_test_id("gracious-collapse").click()
    chip = panel_of(page).get_by_test_id("gracious-chip")
    try:
        expect(chip).to_be_visible()
        expect(panel_of(page).get_by_test_id("gracious-another")).to_be_hidden()
        assert cover_of(page, page.locator("[g_editable=true]")) < MAX_COVER
        # the next compose's panel, which has room to open, comes up as the chip the user left
        page.goto(gmail_url("open=fullscreen"))
        page.locator(BUTTON).click()
        wait_inserted(page)
        expect(chip).to_be_visible()
        chip.click()
        expect(panel_of(page).get_by_test_id("gracious-another")).to_be_visible()
    finally:
        configure({"panelCollapsed": False})
