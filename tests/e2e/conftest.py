"""Chromium with the real extension, the real server, and the sites at their real URLs.

Built on pytest-playwright: its `browser_type`, launch options (`--headed`, `--slowmo`) and
artifact options (`--tracing retain-on-failure`, `--screenshot only-on-failure`, `--output`) apply,
with `context` overridden by one persistent context that has the unpacked extension loaded.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from gracious.extension_id import EXTENSION_ID
from tests.e2e.replicas import REPLICA_ROUTES
from tests.e2e.scenarios import GMAIL_CSP, OUTLOOK_HOSTS, PROFILE
from tests.support import CHROMIUM_ARGS, LiveServer, pair_extension

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = Path(__file__).parent / "pages"
NODE_MODULES = ROOT / "tests" / "node_modules"

SITES = {
    "https://mail.google.com/**": ("gmail.html", {"content-security-policy": GMAIL_CSP}),
    **{f"https://{host}/**": ("outlook.html", {}) for host in OUTLOOK_HOSTS},
    "https://www.linkedin.com/messaging/**": ("linkedin-messaging.html", {}),
    "https://www.linkedin.com/in/**": ("linkedin-invite.html", {}),
    "https://boards.greenhouse.io/**": ("job-board.html", {}),
}
# the sites' own editor libraries, from tests/package.json, served beside each fixture page
LIBRARIES = "**/__fixtures__/lib/**"
SCRIPT_TYPES = {".js": "text/javascript", ".css": "text/css"}


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real server of our own, so reminders and the profile don't leak into other tests."""
    live = LiveServer(tmp_path_factory.mktemp("e2e-data")).start()
    yield live
    live.stop()


def serve_page(name: str, headers: dict[str, str]):
    """A route handler answering any URL with one fixture page."""
    body = (PAGES / name).read_text(encoding="utf-8")

    def handle(route):
        route.fulfill(
            status=200, content_type="text/html; charset=utf-8", headers=headers, body=body
        )

    return handle


def serve_library(route):
    """Answer /__fixtures__/lib/<package>/<file> from tests/node_modules, and nothing outside it."""
    path = route.request.url.split("/__fixtures__/lib/", 1)[1].split("?", 1)[0]
    file = (NODE_MODULES / path).resolve()
    if NODE_MODULES.resolve() not in file.parents or not file.is_file():
        route.fulfill(status=404, body="not installed: run `npm ci --prefix tests`")
        return
    route.fulfill(status=200, body=file.read_bytes(),
                  content_type=SCRIPT_TYPES.get(file.suffix, "application/octet-stream"))


@pytest.fixture(scope="session")
def context(browser_type, browser_type_launch_args, chromium_path, server, tmp_path_factory,
            pytestconfig):
    """One persistent Chromium context with the unpacked extension, shared by every e2e test."""
    user_data = tmp_path_factory.mktemp("chromium-profile")
    launch = {"headless": True, **browser_type_launch_args}
    context = browser_type.launch_persistent_context(
        str(user_data),
        executable_path=chromium_path,
        args=[*CHROMIUM_ARGS, f"--disable-extensions-except={EXTENSION}",
              f"--load-extension={EXTENSION}"],
        **launch,
    )
    context.set_default_timeout(5000)
    for pattern, (name, headers) in SITES.items():
        context.route(pattern, serve_page(name, headers))
    # the replicas' narrower addresses, registered later so they answer first
    for host, prefix, name, headers in REPLICA_ROUTES:
        context.route(f"https://{host}{prefix}**", serve_page(name, headers))
    # registered last, so it answers before the page routes for library addresses
    context.route(LIBRARIES, serve_library)
    if pytestconfig.getoption("--tracing") != "off":
        context.tracing.start(screenshots=True, snapshots=True, sources=True)
    yield context
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def failed(request) -> bool:
    """Whether the test failed in its setup or body."""
    return any(getattr(getattr(request.node, f"report_{when}", None), "failed", False)
               for when in ("setup", "call"))


@pytest.fixture(autouse=True)
def artifacts(request, pytestconfig):
    """A trace chunk per test, kept as a file when the options ask for it."""
    tracing = pytestconfig.getoption("--tracing")
    if tracing == "off" or "context" not in request.fixturenames:
        yield
        return
    context = request.getfixturevalue("context")
    context.tracing.start_chunk(title=request.node.nodeid)
    yield
    if tracing == "on" or failed(request):
        output = Path(request.getfixturevalue("output_path"))
        output.mkdir(parents=True, exist_ok=True)
        context.tracing.stop_chunk(path=output / "trace.zip")
    else:
        context.tracing.stop_chunk()


# any message starts a stopped worker again; the router ignores a type it doesn't know
WAKE_WORKER = "() => chrome.runtime.sendMessage({type: 'wake'}).then(() => true, () => false)"


@pytest.fixture(scope="session")
def worker_waker(context):
    """An extension page, open all session, that can wake the worker after Chromium stops it."""
    tab = context.new_page()
    # any document of the extension's origin has chrome.runtime; this one runs no code of ours
    tab.goto(f"chrome-extension://{EXTENSION_ID}/manifest.json")
    return tab


def current_worker(context, waker):
    """The extension's service worker, started again first if Chromium had stopped it."""
    # evaluating in a stopped worker waits forever (playwright#39475), which hung a CI run
    waker.evaluate(WAKE_WORKER)
    workers = context.service_workers
    return workers[-1] if workers else context.wait_for_event("serviceworker")


@pytest.fixture(scope="session")
def configured(context, server, worker_waker):
    """Pair the extension with our server and save a profile, once."""
    pair_extension(current_worker(context, worker_waker), server, **PROFILE)
    return context


@pytest.fixture
def worker(configured, worker_waker):
    """The extension's service worker, awake and already configured."""
    return current_worker(configured, worker_waker)


def save_settings(worker, settings: dict) -> None:
    """Save extension settings, as the options page would."""
    worker.evaluate("settings => chrome.storage.local.set(settings)", settings)


@pytest.fixture
def configure(worker):
    """Change extension settings for one test."""
    return lambda settings: save_settings(worker, settings)


@pytest.fixture
def extension_id(worker) -> str:
    """The id Chromium gave the extension."""
    return worker.url.split("/")[2]


@pytest.fixture
def page(context, worker, request, pytestconfig):
    """A fresh tab; the worker is already configured. A failing test leaves a screenshot."""
    # each test is a new session for the per-minute write cap, not the suite's hundredth write
    worker.evaluate("() => globalThis.forgetWrites()")
    tab = context.new_page()
    yield tab
    if pytestconfig.getoption("--screenshot") in ("on", "only-on-failure") and (
        failed(request) or pytestconfig.getoption("--screenshot") == "on"
    ):
        output = Path(request.getfixturevalue("output_path"))
        output.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=output / "test-failed-1.png")
    tab.close()


def api(server, method: str, path: str, body: dict | None = None):
    """Call the real server directly, as a non-browser client."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    request = urllib.request.Request(
        f"{server.url}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={**headers, **server.auth_headers},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


@pytest.fixture
def call_api(server):
    """Call the e2e server's API."""
    return lambda method, path, body=None: api(server, method, path, body)


@pytest.fixture
def restore_profile(call_api, configure):
    """Put the profile back as the other tests expect it."""
    before = call_api("GET", "/api/v1/profile")
    yield
    call_api("PUT", "/api/v1/profile", before)
    configure({**PROFILE, "tone": "warm", "kind": "thank-you"})
