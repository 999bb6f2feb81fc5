"""`gracious guide serve`: the preview rebuilds on change and tells the open page to reload."""

from __future__ import annotations

import shutil

from gracious.guide.live_preview import RELOAD_TAG, SCRIPT_PATH, VERSION_PATH, create_preview_app


def test_preview_reloads_after_a_source_change(guide_source, tmp_path):
    source = shutil.copytree(guide_source, tmp_path / "site")
    out = tmp_path / "out"
    client = create_preview_app(source, out, "/guide/").test_client()
    first = client.get(VERSION_PATH).get_json()["version"]
    assert client.get(VERSION_PATH).get_json()["version"] == first

    page = client.get("/guide/faq/")
    assert RELOAD_TAG in page.data
    assert RELOAD_TAG not in (out / "faq/index.html").read_bytes()
    assert client.get(SCRIPT_PATH).mimetype == "text/javascript"

    faq = source / "content" / "faq.md"
    faq.write_text(faq.read_text() + "\n## Added while previewing {#added}\n")
    assert client.get(VERSION_PATH).get_json()["version"] != first
    assert b'id="added"' in client.get("/guide/faq/").data
    assert client.get("/").headers["Location"].endswith("/guide/")
