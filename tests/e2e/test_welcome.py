"""The welcome page a new user lands on, the icons, and the options and popup in dark mode."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gracious.extension_id import EXTENSION_ID
from tests.support import pair_extension

pytestmark = pytest.mark.e2e

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
WELCOME = f"chrome-extension://{EXTENSION_ID}/welcome/welcome.html"


def test_installing_opens_the_welcome_page(context, worker):
    def opened() -> bool:
        return any(page.url == WELCOME for page in context.pages)

    if not opened():
        context.wait_for_event("page", predicate=lambda page: page.url == WELCOME, timeout=10000)
    assert opened()


def test_the_welcome_page_pairs_and_saves_the_profile(page, worker, server, call_api,
                                                      restore_profile):
    worker.evaluate("() => chrome.storage.local.remove('pairingToken')")
    try:
        page.goto(WELCOME)
        expect(page.get_by_test_id("welcome-server")).to_contain_text("is running at")
        expect(page.get_by_test_id("welcome-pairing")).to_contain_text("not paired")
        page.get_by_test_id("welcome-pairing-code").fill(server.token)
        page.get_by_test_id("welcome-pair").click()
        expect(page.get_by_test_id("welcome-pairing")).to_contain_text("Paired with")
        page.get_by_test_id("welcome-name").fill("Alex Rivera")
        page.get_by_test_id("welcome-email").fill("alex@example.com")
        page.get_by_test_id("welcome-signature").fill("Alex Rivera\n+1 555 0100")
        page.get_by_test_id("welcome-tone").select_option("formal")
        page.get_by_test_id("welcome-save").click()
        expect(page.get_by_test_id("welcome-saved")).to_contain_text("Saved.")
        profile = call_api("GET", "/api/v1/profile")
        assert profile["email"] == "alex@example.com" and profile["tone"] == "formal"
    finally:
        pair_extension(worker, server)


def test_the_welcome_page_shows_how_to_start_a_stopped_server(page, configure, server):
    configure({"serverUrl": "http://127.0.0.1:9"})
    try:
        page.goto(WELCOME)
        expect(page.get_by_test_id("welcome-start")).to_be_visible()
        expect(page.get_by_test_id("welcome-start-command")).to_have_text("gracious serve")
        expect(page.get_by_test_id("welcome-tone").locator("option")).to_have_text(
            ["Warm", "Formal", "Concise"])
    finally:
        configure({"serverUrl": server.url})


def png_size(path: Path) -> tuple[int, int]:
    """The width and height in a PNG's header."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_icon_size_exists_and_is_square():
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["icons"], key=int) == ["16", "32", "48", "128"]
    for size, name in [*manifest["icons"].items(), *manifest["action"]["default_icon"].items()]:
        assert png_size(EXTENSION / name) == (int(size), int(size)), name
    assert (EXTENSION / "icons" / "icon.svg").is_file()


BUTTON_COLOURS = """() => [...document.querySelectorAll('button')].filter((b) => b.offsetParent)
  .map((b) => { const s = getComputedStyle(b); return [b.textContent.trim(), s.color,
  s.backgroundColor]; })"""


@pytest.mark.parametrize("path", ["options/options.html", "popup/popup.html"])
def test_buttons_are_readable_in_dark_mode(context, worker, path):
    tab = context.new_page()
    tab.emulate_media(color_scheme="dark")
    try:
        tab.goto(f"chrome-extension://{EXTENSION_ID}/{path}")
        tab.wait_for_load_state("networkidle")
        buttons = tab.evaluate(BUTTON_COLOURS)
    finally:
        tab.close()
    assert buttons or path.startswith("popup"), "no visible buttons to check"
    for text, colour, background in buttons:
        assert colour != background, text
        assert background not in ("rgb(255, 255, 255)", "rgb(246, 248, 250)"), text


def test_no_help_text_shows_markdown_backticks():
    messages = json.loads((EXTENSION / "_locales/en/messages.json").read_text(encoding="utf-8"))
    assert [key for key, entry in messages.items() if "`" in entry["message"]] == []
