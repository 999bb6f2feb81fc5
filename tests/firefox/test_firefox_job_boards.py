"""The job boards' messaging in Firefox ESR: the note's style follows the board's message box."""

from __future__ import annotations

import pytest

from tests.e2e.scenarios import BUTTON, PROFILE, SIGNATURE_LINE

BOARDS = {
    "indeed": "https://messages.indeed.com/conversations/1",
    "handshake": "https://app.joinhandshake.com/stu/messages/1",
    "wellfound": "https://wellfound.com/jobs/messages/1",
}


def box_text(tab) -> str:
    """What the board's reply box holds."""
    return tab.js("const box = document.querySelector('#reply textarea, #reply [contenteditable]');"
                  "return box.value ?? box.innerText;")


def draft_in_board(tab, url: str) -> str:
    """Open a board's conversation, click its one button, and return the note."""
    tab.goto(url)
    tab.wait_for("document.querySelectorAll(arguments[0]).length === 1", BUTTON,
                 message="one button in the reply form")
    send = "#send"
    assert tab.js("return document.querySelector(arguments[0]).disabled", send)
    # the button sits beside the board's own send button, which sendButton() found
    assert tab.js("return document.querySelector(arguments[0]).nextElementSibling"
                  " === document.querySelector(arguments[1])", BUTTON, send)
    tab.click(BUTTON)
    tab.wait_for_status("Inserted")
    text = box_text(tab)
    # the board's own state noticed: send enabled and its copy of the text in step, nothing sent
    assert not tab.js("return document.querySelector(arguments[0]).disabled", send)
    assert tab.page_value("state.text").strip() == text.strip()
    assert tab.page_value("sent") is None
    return text


@pytest.mark.parametrize("board", sorted(BOARDS))
def test_each_board_gets_one_note_its_page_noticed(tab, board):
    text = draft_in_board(tab, BOARDS[board])
    assert text.count(PROFILE["name"]) == 1, text
    assert tab.count(BUTTON) == 1


def test_a_rich_message_box_gets_an_email_style_body(tab):
    # handshake's box is a rich editor: a full letter with the signature, and no subject to fill
    text = draft_in_board(tab, BOARDS["handshake"])
    assert text.count(SIGNATURE_LINE) == 1
    assert len(text) > 300


def test_a_textarea_gets_a_message(tab):
    text = draft_in_board(tab, f"{BOARDS['indeed']}?box=textarea")
    # a chat message: signed with the name only, within a message's length
    assert SIGNATURE_LINE not in text
    assert 0 < len(text) <= 600


def test_a_short_maxlength_gets_an_invitation_style_note(tab):
    text = draft_in_board(tab, f"{BOARDS['indeed']}?box=short")
    assert 0 < len(text) <= 200
    assert PROFILE["name"] not in text


def test_a_rich_box_on_indeed_is_read_as_a_letter_too(tab):
    text = draft_in_board(tab, f"{BOARDS['indeed']}?box=rich")
    assert text.count(SIGNATURE_LINE) == 1


def test_a_reply_box_outside_any_form_is_found_with_its_send_button(tab):
    # draft_in_board checks the button sits just before the page's own send button
    text = draft_in_board(tab, f"{BOARDS['indeed']}?wrap=div")
    assert text.count(PROFILE["name"]) == 1
    assert tab.js("return document.getElementById('reply').tagName") == "DIV"


def test_no_button_off_the_messaging_pages(tab):
    # an application form's textarea on the same host is not a message to an employer
    tab.goto("https://wellfound.com/jobs/1-backend-engineer")
    # the watcher marks the box once it has looked at it: only then is "no button" an answer
    tab.wait_for("document.querySelector('textarea[name=body]').className.includes('gracious-seen')",
                 message="the extension to look at the reply box")
    assert tab.count(BUTTON) == 0
