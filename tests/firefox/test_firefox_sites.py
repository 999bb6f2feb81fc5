"""Gmail, Outlook and LinkedIn in Firefox ESR: one click, one note, and the editor noticed."""

from __future__ import annotations

import json

import pytest

from tests.firefox.browser import BUTTON
from tests.firefox.conftest import EXTENSION, PROFILE

MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))

# manifest keys only chrome reads: the pinned id, the per-session address of the panel frame, and
# the pairing channel from the server's start page (firefox pairs by pasting the code instead)
CHROME_ONLY_KEYS = ("key", "web_accessible_resources.0.use_dynamic_url", "externally_connectable")
SIGNATURE_LINE = PROFILE["signature"].splitlines()[-1]
INSERTED = "Inserted"


def editor_text(tab, css: str) -> str:
    """What a rich editor or field shows."""
    return tab.js("const e = document.querySelector(arguments[0]);"
                  "return e.value ?? e.innerText;", css)


def draft_once(tab, scope: str) -> str:
    """Click the one button inside scope and wait until the panel says the note is in."""
    assert tab.count(f"{scope} {BUTTON}") == 1
    tab.click(f"{scope} {BUTTON}")
    tab.wait_for_status(INSERTED)


def test_firefox_runs_the_extension_from_its_event_page(firefox):
    report = firefox.extension_report(firefox.addon_id)
    assert report["errors"] == []
    # firefox reads every key but the chrome-only ones, which it skips with a warning
    for warning in report["warnings"]:
        assert any(f"processing {key}:" in warning for key in CHROME_ONLY_KEYS), warning
    assert report["background"] == "running"
    background = report["manifest"]["background"]
    assert background["type"] == "module" and background["scripts"]
    gecko = report["manifest"]["browser_specific_settings"]["gecko"]
    assert gecko["id"] == firefox.addon_id == "gracious@gracious.invalid"
    assert gecko["strict_min_version"] == "140.0"
    assert gecko["data_collection_permissions"]["required"] == ["none"]


@pytest.mark.parametrize("compose", ["popup", "inline"])
def test_gmail_one_click_leaves_exactly_one_note_gmail_saved(tab, compose):
    tab.goto(f"https://mail.google.com/mail/u/0/?open={compose}#inbox")
    scope = f"[data-compose={compose}]"
    tab.wait_for("document.querySelectorAll(arguments[0]).length === 1", f"{scope} {BUTTON}",
                 message="one button in the compose")
    draft_once(tab, scope)
    body = f"{scope} [g_editable=true]"
    text = editor_text(tab, body)
    assert text.startswith("Hi Jane"), text
    assert text.count(SIGNATURE_LINE) == 1
    assert text.count("Hi Jane") == 1
    # gmail saves its draft from the editor's input events: they reached the page
    assert int(tab.js("return document.querySelector(arguments[0]).dataset.saves", body)) > 0
    if compose == "inline":
        # the note sits above the quoted history, which is untouched
        assert tab.js("const b = document.querySelector(arguments[0]);"
                      "return b.innerText.indexOf('Hi Jane') < b.innerText.indexOf('wrote:');",
                      body)
    # drafting never touches innerHTML: gmail's trusted types would have reported it
    assert tab.page_value("violations.length") == 0


# (page, the compose's scope, its editor, the greeting): one of each editor kind
ANOTHER_VERSION = {
    "gmail": ("https://mail.google.com/mail/u/0/?open=popup#inbox", "[data-compose=popup]",
              "[data-compose=popup] [g_editable=true]", "Hi Jane"),
    "outlook": ("https://outlook.office.com/mail/0/deeplink/compose",
                "[data-app-section=Form_Content]", "#body", "Hi Priya"),
    "linkedin-message": ("https://www.linkedin.com/messaging/thread/2-abc123/", "#main-form",
                         "#main-form [contenteditable]", "Hi Jane"),
    "linkedin-invite": ("https://www.linkedin.com/in/jane-doe/", "[role=dialog]",
                        "#custom-message", "Hi Jane"),
}


@pytest.mark.parametrize("site", sorted(ANOTHER_VERSION))
def test_another_version_replaces_the_note_in_place(tab, site):
    url, scope, editor, greeting = ANOTHER_VERSION[site]
    tab.goto(url)
    tab.wait_for("document.querySelector(arguments[0])", f"{scope} {BUTTON}",
                 message="the compose's button")
    draft_once(tab, scope)
    first = editor_text(tab, editor)
    tab.click_panel("gracious-another")
    tab.wait_for("(e => (e.value ?? e.innerText) !== arguments[1])"
                 "(document.querySelector(arguments[0]))", editor, first,
                 message="another version in the editor")
    tab.wait_for_status(INSERTED)
    second = editor_text(tab, editor)
    # the new version took the old one's place: still one greeting, nothing of the first left over
    assert second.count(greeting) == 1, second
    assert second.strip() != first.strip()
    # the user's edit-check compares text, so no "did you edit it?" question was asked
    assert not tab.panel_shows("gracious-replace")


# every outlook host the extension claims gets the same scenario
OUTLOOK_MATCHES = sorted(match.split("/")[2] for match in MANIFEST["content_scripts"][0]["matches"]
                         if "outlook" in match)


@pytest.mark.parametrize("host", OUTLOOK_MATCHES)
def test_outlook_one_click_puts_one_note_in_the_body(tab, host):
    tab.goto(f"https://{host}/mail/0/deeplink/compose")
    tab.wait_for("document.querySelectorAll(arguments[0]).length === 1", BUTTON,
                 message="one button above the outlook body")
    draft_once(tab, "[data-app-section=Form_Content]")
    text = editor_text(tab, "#body")
    assert text.startswith("Hi Priya"), text
    assert text.count("Hi Priya") == 1
    assert text.count(SIGNATURE_LINE) == 1
    assert tab.js("return document.getElementById('subject').value") != ""
    # the recipient well is editable too, but only the body receives the note
    assert editor_text(tab, ".recipient-well").strip() == "Priya Patel"


@pytest.mark.parametrize("form, partner", [("#main-form", "Jane"), ("#bubble-form", "Sam")])
def test_linkedin_message_enables_send_through_the_editor(tab, form, partner):
    tab.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    tab.wait_for("document.querySelectorAll(arguments[0]).length === 2", BUTTON,
                 message="a button in each message form")
    send = f"{form} .msg-form__send-button"
    assert tab.js("return document.querySelector(arguments[0]).disabled", send)
    draft_once(tab, form)
    text = editor_text(tab, f"{form} [contenteditable]")
    assert text.startswith(f"Hi {partner}"), text
    assert text.count(f"Hi {partner}") == 1
    # linkedin's own editor state has the text: send is enabled, and nothing was sent
    assert not tab.js("return document.querySelector(arguments[0]).disabled", send)
    assert tab.page_value("sent") is None


def test_linkedin_invitation_note_fits_the_box(tab):
    tab.goto("https://www.linkedin.com/in/jane-doe/")
    tab.wait_for("document.querySelectorAll(arguments[0]).length === 1", BUTTON,
                 message="a button by the invitation note")
    draft_once(tab, "[role=dialog]")
    note = tab.js("return document.getElementById('custom-message').value")
    limit = tab.js("return document.getElementById('custom-message').maxLength")
    assert note.startswith("Hi Jane"), note
    assert 0 < len(note) <= limit

