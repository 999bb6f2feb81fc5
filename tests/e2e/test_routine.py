"""The routine end to end: import an invitation, see it in the popup, write, send, done."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import eventually, panel_of

pytestmark = pytest.mark.e2e

INVITATION = Path(__file__).resolve().parents[1] / "invitations" / "google-panel.ics"
POPUP = f"chrome-extension://{EXTENSION_ID}/popup/popup.html"
COMPOSE = "[data-compose=fullscreen]"


@pytest.fixture
def me(call_api):
    """The user's profile with their address, so the invitation leaves them out."""
    before = call_api("GET", "/api/v1/profile")
    call_api("PUT", "/api/v1/profile", {**before, "name": "Alex Rivera",
                                        "email": "alex.rivera@gmail.com"})
    yield
    call_api("PUT", "/api/v1/profile", before)


@pytest.fixture
def imported(page, call_api, me):
    """The Google Calendar panel invitation, imported through the popup's file picker."""
    page.goto(POPUP)
    page.get_by_test_id("import-invitation").set_input_files(str(INVITATION))
    expect(page.get_by_test_id("import-status")).to_contain_text(
        "with Kari Berg, Ingrid Solberg, Tomasz Nowak: 5 reminders set")
    interview = max(call_api("GET", "/api/v1/interviews")["interviews"], key=lambda i: i["id"])
    assert [p["name"] for p in interview["interviewers"]] == [
        "Kari Berg", "Ingrid Solberg", "Tomasz Nowak"]
    yield interview
    call_api("DELETE", f"/api/v1/interviews/{interview['id']}")


def thank_you(call_api, interview: dict, name: str) -> dict:
    reminders = call_api("GET", f"/api/v1/interviews/{interview['id']}")["reminders"]
    return next(r for r in reminders if r["note"] == f"Thank {name}")


def open_compose_for_ingrid(page, context) -> object:
    """Click Ingrid's button in the popup's agenda and return the compose tab it opens."""
    line = page.get_by_test_id("agenda-item").filter(
        has_text=re.compile(r"Thank Kari, Ingrid,? and Tomasz — (due|overdue)"))
    expect(line).to_have_count(1)
    with context.expect_page() as opened:
        line.get_by_test_id("agenda-write").filter(has_text="Ingrid").click()
    tab = opened.value
    # the address is what this proves; the content is awaited by the callers' expects
    tab.wait_for_url(re.compile(r"https://mail\.google\.com/mail/\?view=cm"), wait_until="commit")
    return tab


def test_import_agenda_write_send_done(page, context, call_api, imported):
    tab = open_compose_for_ingrid(page, context)
    try:
        editor = tab.locator(f"{COMPOSE} [g_editable]")
        expect(editor).to_contain_text("Ingrid")
        assert "Tomasz" not in editor.inner_text()
        expect(tab.locator(f"{COMPOSE} [email]").first).to_have_attribute(
            "email", "ingrid.solberg@fjordline.no")
        assert thank_you(call_api, imported, "Ingrid Solberg")["done"] is False
        tab.locator(f"{COMPOSE} [data-label=send]").click()
        assert eventually(lambda: thank_you(call_api, imported, "Ingrid Solberg")["done"])
        # the others are still owed their own notes
        assert thank_you(call_api, imported, "Tomasz Nowak")["done"] is False
        newest = call_api("GET", "/api/v1/history")["history"][0]
        assert newest["sent"] and newest["site"] == "gmail"
        assert newest["reminder_id"] == thank_you(call_api, imported, "Ingrid Solberg")["id"]
    finally:
        tab.close()


def test_a_click_the_page_fakes_is_not_a_send(page, context, call_api, imported):
    tab = open_compose_for_ingrid(page, context)
    try:
        expect(tab.locator(f"{COMPOSE} [g_editable]")).to_contain_text("Ingrid")
        tab.evaluate("selector => document.querySelector(selector).click()",
                     f"{COMPOSE} [data-label=send]")
        expect(tab.locator(COMPOSE)).to_have_count(0)
        # give a wrongly reported send the time to land before saying it did not
        tab.wait_for_timeout(500)
        assert thank_you(call_api, imported, "Ingrid Solberg")["done"] is False
    finally:
        tab.close()


@pytest.fixture
def thank_jane(call_api):
    """A thank-you reminder for the person the gmail fixture's compose is addressed to."""
    reminder = call_api("POST", "/api/v1/reminders", {
        "due": "2026-12-02", "kind": "thank-you", "note": "Thank Jane",
        "context": {"recipient": {"name": "Jane Doe"}, "company": "Acme"},
    })
    yield reminder
    call_api("DELETE", f"/api/v1/reminders/{reminder['id']}")


def test_ctrl_enter_after_a_one_click_draft_marks_the_reminder_done(page, call_api, thank_jane):
    page.goto("https://mail.google.com/mail/u/0/?open=popup")
    page.locator("[data-testid=gracious-draft-button]").click()
    expect(panel_of(page).get_by_test_id("gracious-status")).to_contain_text("Inserted")
    editor = page.locator("[data-compose=popup] [g_editable]")
    expect(editor).to_contain_text("Jane")
    editor.press("Control+Enter")
    reminder = f"/api/v1/reminders/{thank_jane['id']}"
    assert eventually(lambda: call_api("GET", reminder)["done"])
    newest = call_api("GET", "/api/v1/history")["history"][0]
    assert newest["sent"] and newest["reminder_id"] == thank_jane["id"]
