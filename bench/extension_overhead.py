"""What the extension costs a busy page, and how soon a new compose gets its button."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.common import Row, bootstrap_interval, spread_of
from tests.support import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "extension"
BUSY_PAGE = Path(__file__).with_name("pages") / "busy-inbox.html"
GMAIL_PAGE = ROOT / "tests" / "e2e" / "pages" / "gmail.html"
GMAIL = "https://mail.google.com/mail/u/0/"
# enough paired rounds for the interval around the median ratio to be narrower than 3%
ROUNDS = 30
COMPOSES = 40
TARGET_RATIO = 1.02
# the interval around the measured ratio must exclude this: a real slowdown, not noise
CEILING_RATIO = 1.05
TARGET_DELAY_MS = 100

# open a compose, then note when the extension's button lands in it (page time, ms)
BUTTON_DELAY = """async (count) => {
    const delays = [];
    for (let i = 0; i < count; i++) {
        const start = performance.now();
        openCompose("popup");
        const compose = [...document.querySelectorAll("[data-compose]")].at(-1);
        const landed = await new Promise((resolve) => {
            const found = () => compose.querySelector("[data-testid=gracious-draft-button]");
            if (found()) return resolve(performance.now());
            const watcher = new MutationObserver(() => {
                if (found()) { watcher.disconnect(); resolve(performance.now()); }
            });
            watcher.observe(compose, {childList: true, subtree: true});
        });
        delays.push(landed - start);
        compose.remove();
    }
    return delays;
}"""


def launch(playwright, with_extension: bool):
    """A persistent context, with or without the unpacked extension."""
    extra = [f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}"]
    context = playwright.chromium.launch_persistent_context(
        tempfile.mkdtemp(prefix="gracious-bench-"), executable_path=find_chromium(), headless=True,
        args=[*CHROMIUM_ARGS, *(extra if with_extension else [])],
    )
    busy, gmail = BUSY_PAGE.read_text(encoding="utf-8"), GMAIL_PAGE.read_text(encoding="utf-8")

    def serve(route):
        page = busy if "busy=" in route.request.url else gmail
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page)

    context.route(f"{GMAIL}**", serve)
    return context


def busy_script_ms(context) -> float:
    """The busy page's own script time for one full run."""
    page = context.new_page()
    page.goto(f"{GMAIL}?busy=1")
    page.wait_for_load_state("load")
    spent = page.evaluate("() => runBusyPage()")
    page.close()
    return spent


def measure(rounds: int = ROUNDS) -> list[Row]:
    """Alternate runs with and without the extension, then time buttons on new composes."""
    with sync_playwright() as playwright:
        plain, extended = launch(playwright, False), launch(playwright, True)
        try:
            if not extended.service_workers:
                extended.wait_for_event("serviceworker")
            for context in (plain, extended):
                busy_script_ms(context)
            without, with_ext = [], []
            for _ in range(rounds):
                without.append(busy_script_ms(plain))
                with_ext.append(busy_script_ms(extended))
            page = extended.new_page()
            page.goto(f"{GMAIL}?open=")
            page.wait_for_function(
                "() => [...document.styleSheets]"
                ".some(sheet => sheet.ownerNode.textContent.includes('gracious-seen'))"
            )
            delays = page.evaluate(BUTTON_DELAY, COMPOSES)
        finally:
            plain.close()
            extended.close()
    return rows_for(without, with_ext, delays, rounds)


def rows_for(without: list[float], with_ext: list[float], delays: list[float],
             rounds: int) -> list[Row]:
    """The table rows: each round's two runs are a pair, so the machine's drift cancels."""
    base, loaded = statistics.median(without), statistics.median(with_ext)
    ratios = [loaded_ms / base_ms for loaded_ms, base_ms in zip(with_ext, without, strict=True)]
    ratio = statistics.median(ratios)
    low, high = bootstrap_interval(ratios)
    delay = statistics.median(delays)
    return [
        Row("busy page script time, no extension (median)", base, "ms", "baseline", None, True,
            f"20,000 nodes over 400 tasks, {rounds} alternating runs in two browsers",
            spread=spread_of(without, "ms")),
        Row("busy page script time, extension loaded (median)", loaded, "ms",
            f"<= {TARGET_RATIO}x without, 95% CI below {CEILING_RATIO}x", ratio,
            ratio <= TARGET_RATIO and high < CEILING_RATIO,
            "ratio is the median of per-round ratios; CI by bootstrap of those ratios",
            spread=f"95% CI {low:.3f}-{high:.3f}x"),
        Row("compose inserted -> button present (median)", delay, "ms",
            f"<= {TARGET_DELAY_MS} ms", delay / TARGET_DELAY_MS, delay <= TARGET_DELAY_MS,
            f"{len(delays)} gmail pop-up composes; max {max(delays):.1f} ms",
            spread=spread_of(delays, "ms")),
    ]
