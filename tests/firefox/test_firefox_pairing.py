"""Pairing in real Firefox: the pasted code is checked with the server before it is kept."""

from __future__ import annotations

from tests.firefox.conftest import PAIR_BUTTON, PAIRING_CODE

STATUS = "[data-testid=gracious-pairing-status]"


def status_text(tab) -> str:
    """What the options page says about pairing."""
    return tab.js("return document.querySelector(arguments[0]).textContent", STATUS)


def test_firefox_refuses_a_wrong_code_and_says_it_is_paired(configured, server):
    tab = configured_tab(configured)
    tab.wait_for("document.querySelector(arguments[0]).textContent.includes('Paired with')",
                 STATUS, message="the options page to report the pairing")
    tab.fill(PAIRING_CODE, "not-this-servers-code-" * 2)
    tab.click(PAIR_BUTTON)
    tab.wait_for("document.querySelector(arguments[0]).textContent.includes('does not accept')",
                 STATUS, message="the server to refuse the wrong code")
    # the right code stays in place: the extension still drafts
    tab.goto(f"moz-extension://{configured.uuid}/options/options.html")
    tab.wait_for("document.querySelector(arguments[0]).textContent.includes('Paired with')",
                 STATUS, message="the kept code to still be accepted")
    assert server.url in status_text(tab)


def configured_tab(firefox):
    """The options page of the paired extension."""
    from tests.firefox.browser import FirefoxTab

    tab = FirefoxTab(firefox.client)
    tab.goto(f"moz-extension://{firefox.uuid}/options/options.html")
    return tab
