"""Firefox ESR runs the extension, and the Gmail scenarios of test_live_sites.py pass in it."""

from __future__ import annotations

import pytest

from tests.e2e.scenarios import (
    BUTTON,
    GMAIL_COMPOSES,
    GMAIL_LANGUAGES,
    GMAIL_OWN_SIGNATURE,
    MAX_COVER,
    TOOLBAR_CELLS,
    TOOLBAR_CELLS_AND_COLS,
    TOOLBAR_HAS_BUTTON,
    assert_one_note,
    assert_own_signature_kept,
    gmail_url,
)

# manifest keys only chrome reads: the pinned id, the per-session address of the panel frame, and
# the pairing channel from the server's start page (firefox pairs by pasting the code instead)
CHROME_ONLY_KEYS = ("key", "web_accessible_resources.0.use_dynamic_url", "externally_connectable")


def draft_once(tab, scope: str) -> None:
    """Wait for the one button inside scope, click it, and wait until the note is in."""
    tab.wait_for("deepAll(arguments[0]).length === 1", f"{scope} {BUTTON}",
                 message=f"one button in {scope}")
    tab.click(f"{scope} {BUTTON}")
    tab.wait_for_status("Inserted")


def saves(tab, body: str) -> int:
    """How often gmail saved its draft, from the editor's input events."""
    return int(tab.js("return deep(arguments[0]).dataset.saves", body))


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


@pytest.mark.parametrize("language", GMAIL_LANGUAGES)
@pytest.mark.parametrize(("variant", "greeting"), GMAIL_COMPOSES)
def test_gmail_composes(tab, variant, greeting, language):
    tab.goto(gmail_url(f"open={variant}&hl={language}"))
    scope = f"[data-compose={variant}]"
    body = f"{scope} [g_editable=true]"
    draft_once(tab, scope)
    text = tab.text(body)
    assert_one_note(text, greeting)
    saved = saves(tab, body)
    assert saved > 0
    if variant == "inline":
        # the note sits above the quoted history, which is untouched
        assert text.index(greeting) < text.index("wrote:")
    assert tab.cover(body) < MAX_COVER
    assert_one_note(tab.another_version(body), greeting)
    assert saves(tab, body) > saved
    # drafting never touches innerHTML: gmail's trusted types would have reported it
    assert tab.page_value("violations.length") == 0


def test_gmail_reads_names_from_chip_attributes_not_avatar_letters(tab):
    tab.goto(gmail_url("open=popup&chips=avatar"))
    chip = "[data-compose=popup] [data-hovercard-id]"
    assert tab.text(chip).replace("\n", "").startswith("JJane")
    draft_once(tab, "[data-compose=popup]")
    text = tab.text("[g_editable=true]")
    assert text.startswith("Hi Jane,")
    assert "JJane" not in text


def test_gmail_keeps_its_own_signature_and_adds_no_second(tab):
    tab.goto(gmail_url("open=popup&signature=1"))
    draft_once(tab, "[data-compose=popup]")
    assert_own_signature_kept(tab.text("[g_editable=true]"), "Hi Jane", GMAIL_OWN_SIGNATURE)


def test_gmail_toolbar_keeps_one_col_per_cell_through_re_renders(tab):
    tab.goto(gmail_url("open=popup"))
    tab.wait_for("deepAll(arguments[0]).length === 1", BUTTON, message="the toolbar's button")
    cells_and_cols = f"return ({TOOLBAR_CELLS_AND_COLS})();"
    assert tab.js(cells_and_cols) == [TOOLBAR_CELLS] * 2
    for _ in range(2):
        tab.js("window.wrappedJSObject.rerenderToolbars();")
        tab.wait_for(f"({TOOLBAR_HAS_BUTTON})()", message="the button back in the new toolbar")
        assert tab.js(cells_and_cols) == [TOOLBAR_CELLS] * 2


def test_the_panel_folds_to_a_chip_and_remembers_it(tab):
    tab.goto(gmail_url("open=popup"))
    draft_once(tab, "[data-compose=popup]")
    tab.click_panel("gracious-collapse")
    assert tab.panel_shows("gracious-chip")
    assert not tab.panel_shows("gracious-another")
    assert tab.cover("[g_editable=true]") < MAX_COVER
    # the next compose's panel, which has room to open, comes up as the chip the user left
    tab.goto(gmail_url("open=fullscreen"))
    draft_once(tab, "[data-compose=fullscreen]")
    assert tab.panel_shows("gracious-chip")
    tab.click_panel("gracious-chip")
    assert tab.panel_shows("gracious-another")
