"""The "Draft thank-you here" context-menu path, on pages no content script runs on."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import SIGNATURE_LINE, panel_of
from tests.support import free_port

PAGES = Path(__file__).parent / "pages"

pytestmark = pytest.mark.e2e

# the newest tab is the test's page; activeTab would grant access to it after a real right-click
DRAFT_IN_NEWEST_TAB = """async () => {
    const tabs = await chrome.tabs.query({});
    const newest = Math.max(...tabs.map(tab => tab.id));
    try {
        await globalThis.draftInTab(newest, 0);
        return "injected";
    } catch (error) {
        return String(error.message);
    }
}"""


@pytest.fixture
def job_board(context):
    """A plain job-board form at a loopback address, the one place host_permissions reach."""
    url = f"http://127.0.0.1:{free_port()}/jobs/apply"
    html = (PAGES / "job-board.html").read_text(encoding="utf-8")
    context.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    yield url
    context.unroute(url)


def test_the_menu_item_exists(worker):
    # updating an item that doesn't exist rejects
    assert worker.evaluate(
        "() => chrome.contextMenus.update('gracious-draft-here', {}).then(() => true, () => false)"
    )


def test_draft_here_fills_the_focused_textarea(page, worker, job_board):
    # headless chromium can't open a native context menu: this runs the menu's own handler
    page.goto(job_board)
    note = page.locator("#note")
    note.click()
    page.keyboard.type("Dear hiring team,")
    assert worker.evaluate(DRAFT_IN_NEWEST_TAB) == "injected"
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    value = note.input_value()
    assert value.startswith("Dear hiring team,")
    # a plain textarea takes a message: signed with the name, without the letter's contact lines
    assert value.rstrip().endswith("Alex Rivera")
    assert SIGNATURE_LINE not in value
    # no button appears on pages the user didn't ask for
    assert page.locator("[data-testid=gracious-draft-button]").count() == 0


def test_without_the_users_click_a_job_board_is_out_of_reach(page, worker):
    page.goto("https://boards.greenhouse.io/acme/jobs/1")
    page.locator("#note").click()
    outcome = worker.evaluate(DRAFT_IN_NEWEST_TAB)
    assert "Cannot access" in outcome
    assert page.locator("#note").input_value() == ""


def test_draft_here_works_again_on_the_same_page(page, worker, job_board):
    page.goto(job_board)
    page.locator("#note").click()
    assert worker.evaluate(DRAFT_IN_NEWEST_TAB) == "injected"
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    panel_of(page).get_by_test_id("gracious-close").click()
    page.locator("#note").press("Control+End")
    page.keyboard.type("\n\nP.S. Thanks again!")
    # the files are injected a second time into the same isolated world, and the note the first
    # run left untouched is redrafted in place rather than doubled; the user's lines stay
    assert worker.evaluate(DRAFT_IN_NEWEST_TAB) == "injected"
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    value = page.locator("#note").input_value()
    assert value.count("Thank you") == 1
    assert value.count("Alex Rivera") == 1
    assert value.endswith("P.S. Thanks again!")
