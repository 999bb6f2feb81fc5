"""Gmail: a button in every compose, and one click leaves a complete note in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import panel_of

pytestmark = pytest.mark.e2e

BUTTON = "[data-testid=gracious-draft-button]"
PANEL = "[data-testid=gracious-panel]"
SIGNATURE_LINE = "+1 555 0100"
GMAIL = "https://mail.google.com/mail/u/0/"


def open_gmail(page, query: str):
    """Load the gmail fixture at its real address."""
    page.goto(f"{GMAIL}?{query}#inbox")


def draft_in(page, compose: str) -> None:
    """Click the compose's button and wait until the panel reports the note inserted."""
    page.locator(f"[data-compose={compose}] {BUTTON}").click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")


def body_of(page, compose: str):
    """The compose's editable body."""
    return page.locator(f"[data-compose={compose}] [g_editable=true]")


def test_extension_loads_with_the_pinned_id(extension_id):
    assert extension_id == EXTENSION_ID


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_compose_open_at_load_gets_one_button_next_to_send(page, language):
    open_gmail(page, f"open=popup,fullscreen,inline&hl={language}")
    for compose in ("popup", "fullscreen", "inline"):
        button = page.locator(f"[data-compose={compose}] {BUTTON}")
        expect(button).to_have_count(1)
        # in the toolbar row, right after the send group
        assert button.evaluate("b => b.closest('td').previousElementSibling.matches('td.gU.Up')")
    expect(page.locator(BUTTON)).to_have_count(3)


def test_composes_opened_later_each_get_their_own_button(page):
    open_gmail(page, "")
    # the extension is watching before any compose exists
    page.wait_for_function(
        "() => [...document.styleSheets]"
        ".some(sheet => sheet.ownerNode.textContent.includes('gracious-seen'))"
    )
    expect(page.locator(BUTTON)).to_have_count(0)
    page.evaluate("openCompose('popup')")
    page.evaluate("openCompose('popup')")
    page.evaluate("openCompose('inline')")
    expect(page.locator(BUTTON)).to_have_count(3)
    for index in range(2):
        expect(page.locator("[data-compose=popup]").nth(index).locator(BUTTON)).to_have_count(1)


def test_button_survives_the_toolbar_being_re_rendered(page):
    open_gmail(page, "open=popup,inline")
    expect(page.locator(BUTTON)).to_have_count(2)
    for _ in range(3):
        page.evaluate("rerenderToolbars()")
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-compose]')].every(c =>"
            " c.querySelectorAll('tr.btC [data-testid=gracious-draft-button]').length === 1)"
        )
    expect(page.locator(BUTTON)).to_have_count(2)


def test_one_click_fills_a_new_message(page):
    open_gmail(page, "open=popup")
    draft_in(page, "popup")
    body = body_of(page, "popup")
    text = body.inner_text()
    assert text.startswith("Hi Jane")
    assert text.count(SIGNATURE_LINE) == 1
    assert page.locator("[data-compose=popup] input[name=subjectbox]").input_value() != ""
    # gmail saves drafts from its editor's input events
    assert int(body.get_attribute("data-saves")) > 0
    assert page.evaluate("window.violations") == []


def test_a_german_gmail_drafts_just_the_same(page):
    open_gmail(page, "open=popup&hl=de")
    assert page.locator("html").get_attribute("lang") == "de"
    draft_in(page, "popup")
    assert body_of(page, "popup").inner_text().startswith("Hi Jane")


def test_subject_the_user_typed_is_left_alone(page):
    open_gmail(page, "open=popup")
    subject = page.locator("[data-compose=popup] input[name=subjectbox]")
    subject.fill("Our chat on Monday")
    draft_in(page, "popup")
    assert subject.input_value() == "Our chat on Monday"
    assert body_of(page, "popup").inner_text().startswith("Hi Jane")


def test_text_the_user_typed_is_kept(page):
    open_gmail(page, "open=popup")
    body = body_of(page, "popup")
    body.click()
    page.keyboard.type("P.S. I loved the office tour.")
    draft_in(page, "popup")
    text = body.inner_text()
    assert text.count("P.S. I loved the office tour.") == 1
    assert "Hi Jane" in text
    assert text.count(SIGNATURE_LINE) == 1


def test_reply_goes_above_the_quoted_history(page):
    open_gmail(page, "open=inline")
    quote = page.locator("[data-compose=inline] .gmail_quote").first
    quoted_before = quote.evaluate("q => q.outerHTML")
    draft_in(page, "inline")
    body = body_of(page, "inline")
    assert quote.evaluate("q => q.outerHTML") == quoted_before
    # the whole note sits before the quote, inside the same editor
    assert body.evaluate(
        """b => {
            const quote = b.querySelector('.gmail_quote');
            const before = document.createRange();
            before.setStart(b, 0);
            before.setEndBefore(quote);
            const text = before.toString();
            return text.includes('Hi Jane') && text.includes('+1 555 0100');
        }"""
    )
    # an inline reply has no subject box, and nothing went anywhere else
    assert page.locator("[data-compose=inline] input").count() == 0


def test_full_screen_compose_drafts_to_its_own_recipient(page):
    open_gmail(page, "open=fullscreen,popup")
    draft_in(page, "fullscreen")
    assert body_of(page, "fullscreen").inner_text().startswith("Hi Sam")
    assert body_of(page, "popup").inner_text().strip() == ""


def test_hostile_page_text_ends_up_inert(page):
    open_gmail(page, "open=inline&hostile=1")
    draft_in(page, "inline")
    body = body_of(page, "inline")
    text = body.inner_text()
    assert text.strip()
    # only the editor's own paragraphs and the quote: no element came from the page's text
    tags = body.evaluate("b => [...new Set([...b.querySelectorAll('*')].map(e => e.tagName))]")
    assert set(tags) <= {"DIV", "BR", "BLOCKQUOTE"}
    assert page.evaluate("window.__pwned") is None
    assert "49" not in text
    assert page.evaluate("window.violations") == []


def test_a_second_click_redrafts_instead_of_adding_another_note(page):
    open_gmail(page, "open=popup")
    draft_in(page, "popup")
    panel_of(page).get_by_test_id("gracious-close").click()
    draft_in(page, "popup")
    assert body_of(page, "popup").inner_text().count(SIGNATURE_LINE) == 1
