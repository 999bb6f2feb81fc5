"""Render the extension's PNG icons from extension/icons/icon.svg: python -m tools.make_icons."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support import CHROMIUM_ARGS, find_chromium

ICONS = Path(__file__).resolve().parents[1] / "extension" / "icons"
SIZES = (16, 32, 48, 128)


def main() -> None:
    """Draw the SVG at each size in headless Chromium and save a transparent PNG."""
    # chromium is already here for the tests, so no image library is needed for four files
    svg = (ICONS / "icon.svg").read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            sized = svg.replace('width="128" height="128"', f'width="{size}" height="{size}"')
            page.set_content(f"<body style='margin:0'>{sized}</body>")
            page.locator("svg").screenshot(path=ICONS / f"icon-{size}.png", omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
