"""Click -> note in the editor in Firefox ESR: the real extension and server, Gmail's compose."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import extension_click as chromium
from bench.common import Row
from tests.firefox.browser import FirefoxTab
from tests.firefox.conftest import (
    HOSTS,
    NODE_MODULES,
    PAGES,
    ROUTES,
    configure_through_options,
    start_firefox,
)
from tests.firefox.harness import SiteServer, Wait, find_firefox, write_certificate
from tests.support import LiveServer

# marionette runs each script in a fresh sandbox: the recorder keeps its state on the page's own
# window, where the next script finds it
PAGE_STATE = ("window.clickBench", "window.wrappedJSObject.clickBench")


def call(function: str, *args) -> str:
    """A sandbox script body that calls one of the chromium suite's page functions."""
    function = function.replace(*PAGE_STATE)
    return f"return ({function})({', '.join(f'arguments[{i}]' for i in range(len(args)))});"


def sandbox(tab: FirefoxTab, script: str, *args):
    """Run a script in a marionette sandbox over the page."""
    return tab.client.execute_script(script, script_args=list(args))


def wait_sandbox(tab: FirefoxTab, script: str) -> None:
    """Wait until a sandbox script returns something truthy."""
    Wait(tab.client, timeout=10, interval=0.02).until(lambda _: sandbox(tab, script))


def forget_writes(tab: FirefoxTab, uuid: str) -> None:
    """Start the worker's per-minute write cap afresh, from an extension page."""
    tab.goto(f"moz-extension://{uuid}/options/options.html")
    tab.js("return window.wrappedJSObject.browser.runtime.getBackgroundPage()"
           ".then(page => { page.wrappedJSObject.forgetWrites(); return true; });")


def click_once(tab: FirefoxTab, rest: bool) -> dict:
    """Click the compose's button with a real pointer; the time to the note, and the trail."""
    tab.wait_for("deep(arguments[0])", chromium.BUTTON, message="the draft button")
    sandbox(tab, call(chromium.RECORDER, "x"), [chromium.BUTTON, chromium.LAST_LINE])
    button = tab.find(chromium.BUTTON)
    pointer = tab.client.actions.sequence("pointer", "mouse", {"pointerType": "mouse"})
    pointer.pointer_move(0, 0, origin=button)
    if rest:
        pointer.pause(chromium.REST_MS)
    pointer.pointer_down()
    pointer.pointer_up()
    pointer.perform()
    wait_sandbox(tab, f"return {PAGE_STATE[1]}.done !== null;")
    trail = sandbox(tab, call(chromium.TRAIL))
    wait_sandbox(tab, call(chromium.PANEL_SHOWN))
    trail["marks"].update(sandbox(tab, call(chromium.TRAIL))["marks"])
    return trail


def one_page(tab: FirefoxTab, uuid: str, load: int) -> list[dict]:
    """Load Gmail with a compose and click; then click again on fresh composes in that page."""
    forget_writes(tab, uuid)
    tab.goto(f"{chromium.GMAIL}?open=popup&load={load}#inbox")
    trails = [click_once(tab, rest=True)]
    for rest in chromium.WARM_RESTS:
        tab.js("document.querySelector('[data-compose]').remove();"
               "window.wrappedJSObject.openCompose('popup');")
        trails.append({**click_once(tab, rest), "rest": rest})
    return trails


def run(page_loads: int) -> list[list[dict]]:
    """Every page load's trails, first click first, in one Firefox against a fresh server."""
    binary = find_firefox()
    if binary is None:
        raise RuntimeError("firefox-esr is not installed (apt-get install firefox-esr)")
    with tempfile.TemporaryDirectory(prefix="gracious-bench-firefox-") as scratch:
        base = Path(scratch)
        cert, key = write_certificate(HOSTS, base)
        sites = SiteServer(ROUTES, PAGES, cert, key, libraries=NODE_MODULES).start()
        server = LiveServer(base / "data").start()
        firefox = None
        try:
            firefox = start_firefox(binary, base / "firefox", sites.port)
            configure_through_options(firefox, server)
            firefox.client.switch_to_window(firefox.client.current_window_handle, focus=True)
            tab = FirefoxTab(firefox.client)
            # a first draft ever fills the caches every later user has
            one_page(tab, firefox.uuid, 0)
            return [one_page(tab, firefox.uuid, load) for load in range(1, page_loads + 1)]
        finally:
            if firefox is not None:
                firefox.stop()
            server.stop()
            sites.stop()


def measure(page_loads: int = chromium.PAGE_LOADS) -> list[Row]:
    """Time first and warm clicks in Firefox ESR."""
    return chromium.click_rows(run(page_loads), "firefox")
