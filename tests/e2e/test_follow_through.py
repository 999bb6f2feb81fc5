"""Follow-through in the extension: history, reminders, badge, popup and options page."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import eventually, panel_of
from tests.support import free_port

pytestmark = pytest.mark.e2e

BUTTON = "[data-testid=gracious-draft-button]"


def draft_in_gmail(page) -> None:
    """Draft a thank-you in a gmail pop-up compose."""
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    page.locator(BUTTON).click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")


def test_an_inserted_note_is_kept_in_history(page, call_api):
    before = call_api("GET", "/api/v1/history")["total"]
    draft_in_gmail(page)
    assert eventually(lambda: call_api("GET", "/api/v1/history")["total"] == before + 1)
    newest = call_api("GET", "/api/v1/history")["history"][0]
    assert newest["site"] == "gmail"
    assert newest["body"].startswith("Hi Jane")
    assert newest["context"]["recipient"]["name"] == "Jane Doe"


def test_remind_me_sets_a_follow_up_a_week_out(page, call_api):
    draft_in_gmail(page)
    panel_of(page).get_by_test_id("gracious-remind").click()
    week = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    status = panel_of(page).get_by_test_id("gracious-status")
    expect(status).to_have_text(f"Reminder set for {week}.")
    reminders = call_api("GET", "/api/v1/reminders")["reminders"]
    mine = [
        r for r in reminders
        if r["due"] == week and r["context"]["recipient"]["name"] == "Jane Doe"
    ]
    assert len(mine) == 1
    assert mine[0]["kind"] == "follow-up"
    assert mine[0]["done"] is False


@pytest.fixture
def due_reminder(call_api):
    """A follow-up that fell due yesterday."""
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    reminder = call_api("POST", "/api/v1/reminders", {
        "due": yesterday, "kind": "follow-up", "note": "Follow up with Priya",
        "context": {
            "recipient": {"name": "Priya Patel"}, "company": "Initech", "role": "Product Designer",
            "thread": {"to": [{"name": "Priya Patel", "email": "priya.patel@initech.com"}]},
        },
    })
    yield reminder
    call_api("DELETE", f"/api/v1/reminders/{reminder['id']}")


def test_badge_counts_due_reminders_on_each_alarm(worker, call_api, due_reminder):
    due = len(call_api("GET", "/api/v1/reminders?due=1")["reminders"])
    assert due >= 1
    # the badge refreshes on its alarm; fire it now instead of waiting a quarter of an hour
    worker.evaluate("() => chrome.alarms.create('gracious-due-reminders', {when: Date.now()})")
    badge = eventually(
        lambda: worker.evaluate("() => chrome.action.getBadgeText({})") == str(due)
    )
    assert badge


def test_popup_lists_due_reminders_and_drafts_the_follow_up(page, call_api, due_reminder, server):
    page.goto(f"chrome-extension://{EXTENSION_ID}/popup/popup.html")
    expect(page.get_by_test_id("popup-status")).to_contain_text("Server running")
    expect(page.get_by_role("link", name="Read the guide")).to_have_attribute(
        "href", f"{server.url}/guide/"
    )
    item = page.get_by_test_id("popup-reminder").filter(has_text="Follow up with Priya")
    item.get_by_test_id("popup-draft-follow-up").click()
    draft = item.get_by_test_id("popup-draft")
    expect(draft).to_be_visible()
    assert draft.input_value().startswith("Hi Priya")
    link = urlparse(item.get_by_test_id("popup-open-gmail").get_attribute("href"))
    query = parse_qs(link.query)
    assert link.netloc == "mail.google.com"
    assert query["view"] == ["cm"]
    assert query["to"] == ["priya.patel@initech.com"]
    assert query["body"] == [draft.input_value()]
    item.get_by_test_id("popup-done").click()
    expect(item).to_have_count(0)
    stored = call_api("GET", f"/api/v1/reminders/{due_reminder['id']}")
    assert stored["done"] is True


def test_popup_says_how_to_start_a_stopped_server(page, configure, server):
    configure({"serverUrl": f"http://127.0.0.1:{free_port()}"})
    try:
        page.goto(f"chrome-extension://{EXTENSION_ID}/popup/popup.html")
        expect(page.get_by_test_id("popup-status")).to_contain_text("gracious serve")
    finally:
        configure({"serverUrl": server.url})


def test_options_page_reads_and_writes_the_server_profile(page, call_api, server, restore_profile):
    call_api("PUT", "/api/v1/profile", {"name": "Alex R.", "signature": "A.", "tone": "warm",
                                        "kind": "thank-you", "email": "alex@rivera.example"})
    page.goto(f"chrome-extension://{EXTENSION_ID}/options/options.html")
    expect(page.locator("#name")).to_have_value("Alex R.")
    expect(page.locator("#serverUrl")).to_have_value(server.url)
    page.locator("#name").fill("Alexandra Rivera")
    page.locator("#signature").fill("Alexandra Rivera\nPortland")
    page.locator("#tone").select_option("formal")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#saved")).to_have_text("Saved.")
    assert call_api("GET", "/api/v1/profile") == {
        "name": "Alexandra Rivera", "signature": "Alexandra Rivera\nPortland",
        "tone": "formal", "kind": "thank-you", "email": "alex@rivera.example",
    }
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator("#connection")).to_contain_text("Connected to Gracious")
