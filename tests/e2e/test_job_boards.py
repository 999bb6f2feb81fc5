"""The job boards' messaging in Chromium: one note whose style follows the board's message box."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import BUTTON, SIGNATURE_LINE, wait_inserted

pytestmark = pytest.mark.e2e

PAGES = Path(__file__).parent / "pages"

BOARDS = {
    "indeed": ("https://messages.indeed.com/conversations/1", "indeed-messaging.html"),
    "handshake": ("https://app.joinhandshake.com/stu/messages/1", "handshake-messaging.html"),
    "wellfound": ("https://wellfound.com/jobs/messages/1", "wellfound-messaging.html"),
}


def open_board(page, board: str, query: str = ""):
    """Answer the board's real URL with its fixture page and open it."""
    url, name = BOARDS[board]
    body = (PAGES / name).read_text(encoding="utf-8")
    host = url.split("/")[2]
    page.route(f"https://{host}/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=body))
    page.goto(url + query)


def draft(page) -> str:
    """Click the one button, wait for the note, check the page noticed, and return the note."""
    send = page.locator("#send")
    expect(page.locator(BUTTON)).to_have_count(1)
    expect(send).to_be_disabled()
    page.locator(BUTTON).click()
    wait_inserted(page)
    expect(send).to_be_enabled()
    box = page.locator("#reply textarea, #reply [contenteditable]").first
    text = box.evaluate("box => box.value ?? box.innerText")
    assert page.evaluate("window.state.text").strip() == text.strip()
    assert page.evaluate("window.sent") is None
    return text


@pytest.mark.parametrize("board", sorted(BOARDS))
def test_each_board_gets_one_note_beside_its_send_button(page, board):
    open_board(page, board)
    expect(page.locator(BUTTON)).to_have_count(1)
    assert page.locator(BUTTON).evaluate(
        "b => b.nextElementSibling === document.getElementById('send')")
    text = draft(page)
    assert text.count("Alex Rivera") == 1


@pytest.mark.parametrize("box, letter", [("textarea", False), ("rich", True)])
def test_the_box_decides_between_a_message_and_a_letter(page, box, letter):
    open_board(page, "indeed", f"?box={box}")
    text = draft(page)
    assert (SIGNATURE_LINE in text) is letter


def test_a_short_maxlength_gets_an_invitation_style_note(page):
    open_board(page, "indeed", "?box=short")
    text = draft(page)
    assert 0 < len(text) <= 200
    assert "Alex Rivera" not in text


def test_a_reply_box_outside_any_form_is_found_with_its_send_button(page):
    open_board(page, "indeed", "?wrap=div")
    assert page.locator("#reply").evaluate("reply => reply.tagName") == "DIV"
    assert page.locator(BUTTON).evaluate(
        "b => b.nextElementSibling === document.getElementById('send')")
    assert draft(page).count("Alex Rivera") == 1
