"""Serving the built guide at /guide/: fresh builds, missing pages and path traversal."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

from gracious.app import create_app
from gracious.guide import serving
from gracious.guide.write import STAMP


def set_mtime(path, seconds_ago: float) -> None:
    """Date a file some seconds into the past."""
    then = time.time() - seconds_ago
    os.utime(path, (then, then))


@pytest.fixture
def site_copy(guide_source, tmp_path):
    """A private copy of the guide's source, free to edit, dated well in the past."""
    copy = shutil.copytree(guide_source, tmp_path / "site")
    for path in copy.rglob("*"):
        set_mtime(path, 100)
    return copy


@pytest.fixture
def guide_client(tmp_path, built_guide, site_copy):
    """A test client whose guide is a fresh copy of the session's build."""
    out = shutil.copytree(built_guide, tmp_path / "guide")
    # newer than the source copy, so nothing needs rebuilding until a source file changes
    set_mtime(out / STAMP, 50)
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"),
                      "GUIDE_DIR": str(out), "GUIDE_SOURCE": str(site_copy)})
    return app.test_client()


@pytest.mark.parametrize("path", [
    "/guide/../api/v1/health",
    "/guide/%2e%2e/%2e%2e/etc/passwd",
    "/guide/..%2f..%2fetc%2fpasswd",
    "/guide/anatomy/..%2F..%2F..%2Fetc%2Fpasswd",
    "/guide/%252e%252e/%252e%252e/etc/passwd",
    "/guide/..%5c..%5cetc%5cpasswd",
    "/guide/..\\..\\etc\\passwd",
    "/guide/.gracious-guide",
    "/guide/./index.html",
    "/guide/anatomy//index.html",
    "/guide/%00index.html",
])
def test_path_traversal_is_refused(guide_client, path):
    response = guide_client.get(path)
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "inside /guide/" in response.get_json()["detail"]


def test_pages_and_assets_are_served(guide_client):
    home = guide_client.get("/guide/")
    assert home.status_code == 200 and b"Following up after an interview" in home.data
    assert "script-src 'self' 'wasm-unsafe-eval'" in home.headers["Content-Security-Policy"]
    assert guide_client.get("/guide/anatomy/").status_code == 200
    assert guide_client.get("/guide/guide.css").mimetype == "text/css"
    assert guide_client.get("/guide/pagefind/pagefind.js").status_code == 200
    assert guide_client.get("/guide/anatomy").headers["Location"].endswith("/guide/anatomy/")


def test_missing_page_is_the_404_page_for_browsers_and_a_problem_otherwise(guide_client):
    browser = guide_client.get("/guide/no-such-page/", headers={"Accept": "text/html"})
    assert browser.status_code == 404 and b"Page not found" in browser.data
    api = guide_client.get("/guide/no-such-page/", headers={"Accept": "application/json"})
    assert api.status_code == 404 and api.mimetype == "application/problem+json"


def test_a_changed_source_is_rebuilt_before_serving(guide_client, site_copy):
    page = site_copy / "content" / "faq.md"
    page.write_text(page.read_text() + "\n## A question added just now {#added}\n")
    assert b'id="added"' in guide_client.get("/guide/faq/").data


def test_a_missing_build_is_built_once_by_concurrent_first_requests(tmp_path, site_copy,
                                                                    monkeypatch):
    builds = []
    real_build = serving.build_guide
    monkeypatch.setattr(serving, "build_guide",
                        lambda *args, **kw: builds.append(1) or real_build(*args, **kw))
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"),
                      "GUIDE_DIR": str(tmp_path / "fresh"), "GUIDE_SOURCE": str(site_copy)})
    statuses = []

    def fetch():
        statuses.append(app.test_client().get("/guide/checklist/").status_code)

    threads = [threading.Thread(target=fetch) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 4
    assert builds == [1]


def test_a_source_that_cannot_build_is_a_clear_503(tmp_path, site_copy):
    (site_copy / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\n")
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"),
                      "GUIDE_DIR": str(tmp_path / "out"), "GUIDE_SOURCE": str(site_copy)})
    response = app.test_client().get("/guide/")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert "broken.md" in response.get_json()["detail"]
