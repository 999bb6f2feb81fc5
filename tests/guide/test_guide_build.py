"""The whole build: any Markdown folder, strict links, reproducibility, sub-paths, site files."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from site_check import broken_links, file_for, read_page

from gracious.cli import main
from gracious.guide import BuildError, build_guide
from gracious.guide_links import GUIDE_LINKS

BROKEN = {
    "index.md": "# Home\n\nSee [the guide](guide.md).\n",
    "guide.md": "---\ntitle: Guide\n---\nIntro.\n\nA [missing page](nowhere.md) here.\n\n"
                "And [a missing anchor](index.md#absent).\n",
}


def test_any_folder_of_markdown_builds(pages_folder, tmp_path, capsys):
    folder = pages_folder({
        "index.md": "# Notes\n\nRead [setup](setup/install.md#steps).\n",
        "setup/install.md": "Install\n=======\n\n## Steps {#steps}\n\n1. one\n",
        "plain.md": "No heading at all.\n",
    })
    out = tmp_path / "out"
    assert main(["guide", "build", "--source", str(folder), "--out", str(out)]) == 0
    assert "built 3 pages" in capsys.readouterr().out
    install = read_page(out / "setup/install/index.html")
    assert "steps" in install.ids
    assert (out / "plain/index.html").is_file()
    assert (out / "pagefind/pagefind.js").is_file()
    assert broken_links(out, "/guide/") == []


def test_strict_build_fails_naming_file_and_line(pages_folder, tmp_path, capsys):
    folder = pages_folder(BROKEN)
    out = tmp_path / "out"
    assert main(["guide", "build", "--source", str(folder), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert re.search(r"guide\.md:6: broken link 'nowhere\.md': no page", error)
    assert re.search(r"guide\.md:8: broken link 'index\.md#absent': no anchor #absent", error)
    assert not out.exists()


def test_no_strict_warns_and_still_builds(pages_folder, tmp_path, caplog):
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        code = main(["guide", "build", "--source", str(pages_folder(BROKEN)), "--out", str(out),
                     "--no-strict"])
    assert code == 0
    assert (out / "guide/index.html").is_file()
    warned = [record.getMessage() for record in caplog.records]
    assert any(re.search(r"guide\.md:6: broken link 'nowhere\.md'", w) for w in warned)
    assert any(re.search(r"guide\.md:8: broken link 'index\.md#absent'", w) for w in warned)


def test_pages_that_would_overwrite_each_other_are_refused(pages_folder, tmp_path):
    folder = pages_folder({"a.md": "x\n", "a/index.md": "y\n"})
    with pytest.raises(BuildError, match=r"a/index\.md:1: a/index\.html is also built from a\.md"):
        build_guide(folder, tmp_path / "out")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_two_builds_are_byte_identical(built_guide, guide_source, tmp_path):
    again = tmp_path / "elsewhere" / "guide"
    # a separate process with another hash seed, so set and dict order cannot leak in
    subprocess.run([sys.executable, "-m", "gracious", "guide", "build", "--source",
                    str(guide_source), "--out", str(again)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONHASHSEED": "12345"})
    first, second = tree(built_guide), tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("pagefind/") for name in first)


def test_every_deep_link_the_product_uses_exists(built_guide):
    missing = []
    for key, target in GUIDE_LINKS.items():
        path, _, fragment = target.partition("#")
        page = file_for(built_guide, "/guide/", "/guide/" + path)
        if page is None or (fragment and fragment not in read_page(page).ids):
            missing.append(f"{key}: {target}")
    assert missing == []


def test_every_internal_link_in_the_guide_resolves(built_guide):
    assert broken_links(built_guide, "/guide/") == []


def test_site_files_are_present(built_guide):
    sitemap = (built_guide / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locs[0] == "/guide/" and "/guide/anatomy/" in locs
    assert len(locs) == len(list(built_guide.glob("*/index.html"))) + 1
    assert "User-agent: *" in (built_guide / "robots.txt").read_text()
    not_found = (built_guide / "404.html").read_text()
    assert "Page not found" in not_found and 'content="noindex"' in not_found


def test_pages_load_nothing_from_outside_the_guide(built_guide):
    outside = []
    for page in sorted(built_guide.glob("**/*.html")):
        for link in read_page(page).resources:
            if link.startswith(("http:", "https:", "//")):
                outside.append(f"{page.relative_to(built_guide)}: {link}")
    assert outside == []
    assert "/guide/guide.css" in read_page(built_guide / "index.html").resources


def test_every_page_has_title_description_canonical_and_open_graph(built_guide):
    for page in sorted(built_guide.glob("**/index.html")):
        text = page.read_text()
        for pattern in (r"<title>[^<]+</title>", r'<meta name="description" content="[^"]{20,}">',
                        r'<link rel="canonical" href="/guide/[^"]*">',
                        r'<meta property="og:title" content="[^"]+">'):
            assert re.search(pattern, text), f"{page}: {pattern}"


def test_sub_path_deploy_links_resolve(guide_source, tmp_path):
    out = tmp_path / "gracious"
    assert main(["guide", "build", "--source", str(guide_source), "--out", str(out),
                 "--base-url", "https://example.org/gracious"]) == 0
    assert broken_links(out, "/gracious/") == []
    home = (out / "index.html").read_text()
    assert "/guide/" not in home
    assert '<link rel="canonical" href="https://example.org/gracious/">' in home
    assert 'data-base="/gracious/"' in home
    assert "<loc>https://example.org/gracious/anatomy/</loc>" in (out / "sitemap.xml").read_text()
    robots = (out / "robots.txt").read_text()
    assert "Sitemap: https://example.org/gracious/sitemap.xml" in robots


@pytest.mark.parametrize("base_url", ["gracious/", "ftp://example.org/", "/a/../b/", "/x?y=1"])
def test_bad_base_urls_are_refused(guide_source, tmp_path, base_url, capsys):
    out = tmp_path / "out"
    assert main(["guide", "build", "--source", str(guide_source), "--out", str(out),
                 "--base-url", base_url]) == 1
    assert "base URL" in capsys.readouterr().err
