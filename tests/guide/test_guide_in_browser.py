"""The guide as readers meet it: real server, plain headless Chromium, axe-core, search, links."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from gracious.guide.load import load_pages
from gracious.guide.locations import default_source
from tests.support import CHROMIUM_ARGS, LiveServer

SCHEMES = ("light", "dark")
WIDTHS = (375, 1280)
MISSING = "no-such-page/"


@dataclass
class Audit:
    """What one pass through the guide in Chromium found."""

    violations: dict[tuple[str, str, int], list[str]] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    search: dict[str, list[str]] = field(default_factory=dict)
    search_status: dict[str, str] = field(default_factory=dict)


def describe(violation: dict) -> str:
    """Summarise one axe violation with the elements it found."""
    targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def visit(page, axe, root: str, path: str, audit: Audit) -> None:
    """Open one guide page and check it at every width and colour scheme."""
    response = page.goto(root + path)
    audit.statuses[path] = response.status
    # inject axe once per page; each run then re-reads the styles of the current scheme and width
    page.evaluate(axe.axe_script)
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            found = page.evaluate("axe.run({resultTypes: ['violations']})")["violations"]
            audit.violations[(path, scheme, width)] = [describe(v) for v in found]
    audit.ids[path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    audit.links[path] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")


def search_for(page, root: str, query: str, audit: Audit) -> None:
    """Type a query into the home page's search box and note the results."""
    page.goto(root)
    page.fill("#search-input", query)
    page.wait_for_selector("#search-status:not(:empty)")
    audit.search_status[query] = page.text_content("#search-status")
    audit.search[query] = page.eval_on_selector_all(
        "#search-results a", "els => els.map(e => e.getAttribute('href'))"
    )


def follow_links(page, origin: str, audit: Audit) -> None:
    """Open every internal link target not visited yet, as a reader clicking it would."""
    targets = {href.split("#")[0] for links in audit.links.values() for href in links}
    for target in sorted(targets):
        path = urlsplit(target).path
        if target.startswith(origin + "/guide/") and path.removeprefix("/guide/") not in audit.ids:
            response = page.goto(target)
            key = path.removeprefix("/guide/")
            audit.statuses[key] = response.status
            audit.ids[key] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))


def run_audit(root: str, paths: list[str], chromium_path: str | None, args: list[str]) -> Audit:
    """Drive one browser through the whole guide."""
    audit = Audit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=args)
        page = browser.new_context().new_page()
        page.set_default_timeout(10_000)
        axe = Axe()
        for path in paths:
            visit(page, axe, root, path, audit)
        for query in ("LinkedIn", "withdraw", "zxqvbnonsense"):
            search_for(page, root, query, audit)
        follow_links(page, urlsplit(root)._replace(path="").geturl(), audit)
        browser.close()
    return audit


PAGES = [page.url for page in load_pages(default_source() / "content")]


@pytest.fixture(scope="module")
def audit(built_guide, guide_source, chromium_path, tmp_path_factory):
    """Serve a copy of the built guide with the real server and walk it once in Chromium."""
    out = shutil.copytree(built_guide, tmp_path_factory.mktemp("served") / "guide")
    server = LiveServer(
        tmp_path_factory.mktemp("guide-data"),
        env={"GRACIOUS_GUIDE_DIR": str(out), "GRACIOUS_GUIDE_SOURCE": str(guide_source)},
    ).start()
    results: dict[str, Audit | BaseException] = {}

    def work():
        try:
            results["audit"] = run_audit(f"{server.url}/guide/", [*PAGES, MISSING],
                                         chromium_path, CHROMIUM_ARGS)
        except BaseException as error:  # handed to the test thread below
            results["audit"] = error

    # a thread of its own, so this sync playwright never meets another test's event loop
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    server.stop()
    if isinstance(results["audit"], BaseException):
        raise results["audit"]
    return results["audit"]


@pytest.mark.parametrize("path", [*PAGES, MISSING])
def test_page_has_no_axe_violations_in_either_scheme_at_phone_and_desktop_widths(audit, path):
    found = {f"{scheme} {width}px": v for (p, scheme, width), v in audit.violations.items()
             if p == path and v}
    assert len([key for key in audit.violations if key[0] == path]) == 4
    assert found == {}


def test_pages_are_served_and_the_missing_one_is_a_404(audit):
    assert {path: audit.statuses[path] for path in PAGES} == dict.fromkeys(PAGES, 200)
    assert audit.statuses[MISSING] == 404


def test_search_box_finds_sections_from_the_static_index(audit):
    assert "/guide/linkedin/" in audit.search["LinkedIn"]
    assert "/guide/withdrawing/" in audit.search["withdraw"]
    assert "match" in audit.search_status["LinkedIn"]
    assert audit.search["zxqvbnonsense"] == []
    assert audit.search_status["zxqvbnonsense"].startswith("Nothing matches")


def test_every_internal_link_and_anchor_resolves_through_the_server(audit):
    broken = []
    for source, links in audit.links.items():
        for href in links:
            parts = urlsplit(href)
            if not parts.path.startswith("/guide/"):
                continue
            target = parts.path.removeprefix("/guide/")
            # the 404 page's own skip link is the one link allowed to land on a 404
            if audit.statuses.get(target) != (404 if target == MISSING == source else 200):
                broken.append(f"{source} -> {href} ({audit.statuses.get(target)})")
            elif parts.fragment and parts.fragment not in audit.ids[target]:
                broken.append(f"{source} -> {href} (no anchor)")
    assert sum(len(links) for links in audit.links.values()) > 100
    assert broken == []
