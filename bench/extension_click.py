"""Click -> note in the editor: real Chromium, the real extension and server, Gmail's compose."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.common import Row
from tests.support import CHROMIUM_ARGS, LiveServer, find_chromium, pair_extension

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "extension"
GMAIL_PAGE = ROOT / "tests" / "e2e" / "pages" / "gmail.html"
GMAIL = "https://mail.google.com/mail/u/0/"
GMAIL_CSP = {"content-security-policy": "require-trusted-types-for 'script'"}
PROFILE = {"name": "Alex Rivera", "signature": "Alex Rivera\n+1 555 0100"}
# the note's last line: once it is in the editor, the whole note is
LAST_LINE = "+1 555 0100"
BUTTON = "[data-compose] [data-testid=gracious-draft-button]"
PAGE_LOADS = 10
# after a page load's first click, fresh composes on the same page: rest on the button first, or
# not (six notes a page, the worker's per-tab write cap)
WARM_RESTS = (True, False, True, False, True)
# how long the pointer rests on the button before pressing it; a hand takes longer
REST_MS = 150
FRAME_MS = 16
FIRST_MS = 50
# the content script's marks, in the order a click passes them (draft-flow.js, panel-frame.js)
STEPS = ("draft-ahead", "click", "draft-start", "context-read", "draft-sent", "draft-received",
         "inserted", "panel-built", "panel-shown")

# page world: the click's own timestamp (a capture listener runs before the extension's), and the
# moment the note's last line is in the editor (a MutationObserver on the editor)
RECORDER = """([button, lastLine]) => {
    const editor = document.querySelector("[data-compose] [g_editable=true]");
    const record = window.clickBench = { start: null, done: null };
    performance.clearMarks();
    addEventListener("click", (event) => {
        if (event.isTrusted && event.target.closest?.(button)) record.start ??= event.timeStamp;
    }, { capture: true, once: true });
    const watcher = new MutationObserver(() => {
        if (!editor.textContent.includes(lastLine)) return;
        record.done = performance.now();
        watcher.disconnect();
    });
    watcher.observe(editor, { childList: true, subtree: true, characterData: true });
}"""

# the trail the content script left in the shared performance timeline, relative to the click
TRAIL = """() => {
    const { start, done } = window.clickBench;
    const marks = {};
    let worker = null;
    for (const entry of performance.getEntriesByType("mark")) {
        if (!entry.name.startsWith("gracious:")) continue;
        marks[entry.name.slice(9)] ??= entry.startTime - start;
        worker ??= entry.detail?.workerMs ?? null;
    }
    return { total: done - start, marks, worker };
}"""

# the panel has shown once the frame is visible: a warm click's panel comes after its note
PANEL_SHOWN = """() => {
    const frame = document.querySelector("[data-testid=gracious-panel]");
    return frame && frame.style.visibility === "visible";
}"""


def launch(playwright, profile_dir: str):
    """A persistent context with the unpacked extension, answering Gmail's URL with its fixture."""
    context = playwright.chromium.launch_persistent_context(
        profile_dir, executable_path=find_chromium(), headless=True,
        args=[*CHROMIUM_ARGS, f"--disable-extensions-except={EXTENSION}",
              f"--load-extension={EXTENSION}"],
    )
    body = GMAIL_PAGE.read_text(encoding="utf-8")
    context.route(f"{GMAIL}**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", headers=GMAIL_CSP, body=body))
    return context


def worker_of(context):
    """The extension's running service worker."""
    workers = context.service_workers
    return workers[-1] if workers else context.wait_for_event("serviceworker")


def in_front(context):
    """One tab, in front: the welcome page opens on install, and a tab behind it gets no frames."""
    page = context.new_page()
    for other in context.pages:
        if other is not page:
            other.close()
    page.bring_to_front()
    return page


def click_once(page, rest: bool) -> dict:
    """Click the compose's button as a user does; the time to the note, and the trail."""
    page.wait_for_selector(BUTTON)
    page.evaluate(RECORDER, [BUTTON, LAST_LINE])
    # the mouse at the button's middle: a trusted click, without page.click's waits for stability
    box = page.locator(BUTTON).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    if rest:
        page.wait_for_timeout(REST_MS)
    page.mouse.click(x, y)
    page.wait_for_function("() => window.clickBench.done !== null")
    trail = page.evaluate(TRAIL)
    # the next click waits for this one's panel, as a user would see it before moving on
    page.wait_for_function(PANEL_SHOWN)
    trail["marks"].update(page.evaluate(TRAIL)["marks"])
    return trail


def one_page(context, page, load: int) -> list[dict]:
    """Load Gmail with a compose, click; then, on fresh composes in the same page, click again."""
    worker_of(context).evaluate("() => globalThis.forgetWrites()")
    # a new query each time: the same address with a fragment would not load the page again
    page.goto(f"{GMAIL}?open=popup&load={load}#inbox")
    # the pointer starts away from where the button will be
    page.mouse.move(0, 0)
    trails = [click_once(page, rest=True)]
    for rest in WARM_RESTS:
        page.evaluate("() => { document.querySelector('[data-compose]').remove();"
                      " openCompose('popup'); }")
        page.mouse.move(0, 0)
        trails.append({**click_once(page, rest), "rest": rest})
    return trails


def run(page_loads: int) -> list[list[dict]]:
    """Every page load's trails, first click first, against a fresh server and profile."""
    with tempfile.TemporaryDirectory(prefix="gracious-bench-click-") as scratch:
        server = LiveServer(Path(scratch) / "data").start()
        try:
            with sync_playwright() as playwright:
                context = launch(playwright, str(Path(scratch) / "profile"))
                try:
                    pair_extension(worker_of(context), server, **PROFILE)
                    page = in_front(context)
                    # a first draft ever fills the caches every later user has
                    one_page(context, page, 0)
                    return [one_page(context, page, load) for load in range(1, page_loads + 1)]
                finally:
                    context.close()
        finally:
            server.stop()


def spread(samples: list[float]) -> str:
    """Interquartile range and extremes, in ms."""
    low, _, high = statistics.quantiles(samples, n=4)
    return f"IQR {low:.1f}-{high:.1f} ms, min-max {min(samples):.1f}-{max(samples):.1f} ms"


def where_time_goes(trails: list[dict]) -> str:
    """The median time of each step of the trail since the click, as one line."""
    parts = []
    for step in STEPS:
        times = [trail["marks"][step] for trail in trails if step in trail["marks"]]
        if times:
            parts.append(f"{step} {statistics.median(times):.1f}")
    worker = [trail["worker"] for trail in trails if trail["worker"] is not None]
    inside = (f"; the worker's own share of the draft round trip "
              f"{statistics.median(worker):.1f} ms") if worker else ""
    return "ms after the click (median): " + ", ".join(parts) + inside


def click_row(label: str, trails: list[dict], target: float, browser: str) -> Row:
    """One row: the median click -> note time against its target, with the trail as the note."""
    totals = [trail["total"] for trail in trails]
    figure = statistics.median(totals)
    return Row(f"{browser}: click -> note in the editor, {label} (median)", figure, "ms",
               f"<= {target} ms", figure / target, figure <= target,
               f"{len(totals)} clicks on gmail's pop-up compose; {where_time_goes(trails)}",
               spread(totals))


def click_rows(pages: list[list[dict]], browser: str) -> list[Row]:
    """First, rested warm and straight warm clicks, each against its target."""
    first = [trails[0] for trails in pages]
    warm = [trail for trails in pages for trail in trails[1:]]
    rested = f"the pointer resting {REST_MS} ms on the button"
    return [
        click_row(f"warm, {rested}", [t for t in warm if t["rest"]], FRAME_MS, browser),
        click_row(f"first after page load, {rested}", first, FIRST_MS, browser),
        click_row("warm, the pointer landing and clicking at once",
                  [t for t in warm if not t["rest"]], FRAME_MS, browser),
    ]


def measure(page_loads: int = PAGE_LOADS) -> list[Row]:
    """Time first and warm clicks in Chromium."""
    return click_rows(run(page_loads), "chromium")
