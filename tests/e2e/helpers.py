"""What every end-to-end scenario checks: the panel's frame, the note, the editor's own state."""

from __future__ import annotations

import time

from playwright.sync_api import expect

from tests.e2e.scenarios import BUTTON, COVER, PANEL, SIGNATURE_LINE

__all__ = ["BUTTON", "PANEL", "SIGNATURE_LINE"]


def panel_of(page):
    """The panel, inside its extension-origin frame."""
    return page.frame_locator(PANEL)


def wait_inserted(page):
    """Wait until the panel reports the note inserted."""
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")


def open_panel(page) -> None:
    """Open the panel if it folded itself to a chip for want of room beside the editor."""
    chip = panel_of(page).get_by_test_id("gracious-chip")
    another = panel_of(page).get_by_test_id("gracious-another")
    # the fold can come a moment after the note is in: wait for one state or the other
    expect(chip.or_(another).filter(visible=True).first).to_be_visible()
    if chip.is_visible():
        chip.click()
    expect(another).to_be_visible()


def cover_of(page, editor) -> float:
    """How much of the editor the panel covers, from 0 to 1."""
    frame = page.locator(PANEL)
    expect(frame).to_be_visible()
    return page.evaluate(COVER, [frame.element_handle(), editor.element_handle()])


def count_in(text: str, needle: str) -> int:
    """How often a line of the note appears."""
    return text.count(needle)


def choose(page, testid: str, value: str, label: str) -> None:
    """Pick an option in a panel select by typing its label, as a user does: a trusted change."""
    select = panel_of(page).get_by_test_id(testid)
    select.focus()
    page.keyboard.type(label)
    expect(select).to_have_value(value)


def eventually(check, timeout: float = 5.0):
    """Poll a condition (on the server, say) until it holds; return its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)
