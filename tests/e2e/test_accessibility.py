"""The panel, options page and popup pass axe's checks."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.e2e.helpers import open_panel, panel_of, wait_inserted

pytestmark = pytest.mark.e2e


def violations(page, context=None) -> list[str]:
    """Axe's violations, as readable lines."""
    results = Axe().run(page, context=context)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_the_panel_is_accessible(page):
    # linkedin's page has no trusted-types policy, which axe's injection needs
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    page.locator("#main-form [data-testid=gracious-draft-button]").click()
    wait_inserted(page)
    open_panel(page)
    expect(panel_of(page).get_by_test_id("gracious-checks")).to_be_visible()
    assert violations(page, "[data-testid=gracious-panel]") == []


def test_the_draft_button_is_accessible(page):
    page.goto("https://www.linkedin.com/messaging/thread/2-abc123/")
    expect(page.locator("[data-testid=gracious-draft-button]")).to_have_count(2)
    assert violations(page, ".gracious-draft-button") == []


@pytest.mark.parametrize("path", ["options/options.html", "popup/popup.html"])
def test_extension_pages_are_accessible(page, path):
    page.goto(f"chrome-extension://{EXTENSION_ID}/{path}")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
