"""The wheel carries everything: installed outside the checkout it serves `/`, the whole guide
and the extension; the sdist can build it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from gracious import resources
from gracious.cli import main
from tests.support import free_port, wait_for_health

ROOT = Path(__file__).resolve().parents[1]
GUIDE_PAGES = sorted(path.stem for path in (ROOT / "site" / "content").glob("*.md"))


class Links(HTMLParser):
    """The href targets of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def fetch(url: str) -> tuple[int, str, str]:
    """GET a URL as a browser navigation; return status, media type and text."""
    request = urllib.request.Request(url, headers={"Sec-Fetch-Mode": "navigate",
                                                  "Sec-Fetch-Dest": "document"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return (response.status, response.headers.get_content_type(),
                response.read().decode("utf-8", "replace"))


def crawl_guide(root: str) -> set[str]:
    """Follow every link under /guide/ from the guide's front page; fail on any non-200."""
    seen, pending = set(), [f"{root}/guide/"]
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        status, media, text = fetch(url)
        assert status == 200 and media == "text/html", url
        parser = Links()
        parser.feed(text)
        for link in parser.links:
            target = urljoin(url, link).split("#")[0]
            parts = urlsplit(target)
            if target.startswith(root) and parts.path.startswith("/guide/") and (
                    parts.path.endswith("/")):
                pending.append(target)
    return {urlsplit(url).path for url in seen}


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel, built from this checkout offline (no build isolation)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300, cwd=out)
    return out


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """A fresh venv outside the checkout with the wheel in it (dependencies borrowed)."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    wheel = next(dist.glob("*.whl"))
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    # the dependencies come from this venv, after the wheel: no network, and no checkout
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True)
    Path(site.stdout.strip(), "borrowed-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def run_installed(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed `gracious` from somewhere outside the checkout."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GRACIOUS_")}
    env["XDG_CACHE_HOME"] = str(cwd / "cache")
    return subprocess.run([str(venv / "bin" / "gracious"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_wheel_carries_the_guide_the_extension_and_the_start_page(dist):
    names = zipfile.ZipFile(next(dist.glob("*.whl"))).namelist()
    for name in ("gracious/bundled/extension/manifest.json", "gracious/bundled/site/site.yml",
                 "gracious/landing/templates/landing.html",
                 *(f"gracious/bundled/site/content/{page}.md" for page in GUIDE_PAGES)):
        assert name in names, name


def test_the_sdist_holds_what_the_tests_need(dist):
    names = set(tarfile.open(next(dist.glob("*.tar.gz"))).getnames())
    root = next(iter(names)).split("/")[0]
    for name in ("setup.py", "MANIFEST.in", "Makefile", "tests/conftest.py", "tests/support.py",
                 "tests/e2e/pages/gmail.html", "extension/manifest.json", "site/site.yml",
                 "bench/__main__.py", "server/gracious/landing/static/connect.js"):
        assert f"{root}/{name}" in names, name


def test_an_installed_wheel_serves_everything_from_any_folder(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert not resources.is_checkout() or ROOT not in elsewhere.parents
    found = run_installed(installed, "extension", "path", cwd=elsewhere)
    assert found.returncode == 0, found.stderr
    folder = Path(found.stdout.strip())
    assert (folder / "manifest.json").is_file() and ROOT not in folder.parents
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("GRACIOUS_")}
    env["XDG_CACHE_HOME"] = str(elsewhere / "cache")
    server = subprocess.Popen(
        [str(installed / "bin" / "gracious"), "serve", "--port", str(port), "--data-dir",
         str(elsewhere / "data")], cwd=elsewhere, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    root = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(root, server, timeout=60)
        status, media, text = fetch(f"{root}/")
        assert status == 200 and media == "text/html"
        assert str(folder) in text and "Connect the extension" in text
        served = crawl_guide(root)
        expected = {"/guide/"} | {f"/guide/{page}/" for page in GUIDE_PAGES if page != "index"}
        assert expected <= served, expected - served
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Pairing code (first start):" in output
    assert "Traceback" not in output


def test_the_guide_builds_without_a_source_flag_when_installed(installed, tmp_path):
    result = run_installed(installed, "guide", "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cache" / "gracious" / "guide" / "index.html").is_file()


def test_extension_pack_writes_a_chrome_zip_and_a_firefox_xpi(tmp_path, capsys):
    assert main(["extension", "pack", "--out", str(tmp_path)]) == 0
    manifest = json.loads((ROOT / "extension" / "manifest.json").read_text(encoding="utf-8"))
    version = manifest["version"]
    written = capsys.readouterr().out.split()
    assert written == [str(tmp_path / f"gracious-{version}-chrome.zip"),
                       str(tmp_path / f"gracious-{version}-firefox.xpi")]
    for path in written:
        names = zipfile.ZipFile(path).namelist()
        assert "manifest.json" in names
        assert manifest["background"]["service_worker"] in names
        assert manifest["options_ui"]["page"] in names
        assert all(not name.startswith(("/", "..")) for name in names)
        assert "README.md" not in names


def test_extension_path_prints_the_folder(capsys):
    assert main(["extension", "path"]) == 0
    assert Path(capsys.readouterr().out.strip()) == ROOT / "extension"
