"""House rules for the extension, checked from its files: no browser needed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
MESSAGES = json.loads((EXTENSION / "_locales/en/messages.json").read_text(encoding="utf-8"))
ADAPTERS = sorted((EXTENSION / "content/sites").glob("*.js"))
SCRIPTS = sorted(EXTENSION.rglob("*.js"))
CONTENT_SCRIPTS = MANIFEST["content_scripts"][0]["js"]
CONTEXT_MENU = (EXTENSION / "background/context-menu.js").read_text(encoding="utf-8")
MENU_FILES = re.findall(r'"(content/[\w/-]+\.js)"', CONTEXT_MENU)


def relative(path: Path) -> str:
    """A path as the manifest names it."""
    return path.relative_to(EXTENSION).as_posix()


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda path: path.name)
def test_every_site_adapter_is_registered_and_documented(adapter):
    source = adapter.read_text(encoding="utf-8")
    assert relative(adapter) in CONTENT_SCRIPTS + MENU_FILES
    assert "gracious.registerSite({" in source
    site_id = re.search(r'id: "([\w-]+)"', source).group(1)
    readme = (EXTENSION / "README.md").read_text(encoding="utf-8")
    assert f"`{relative(adapter)}`" in readme
    assert f"`{site_id}`" in readme


@pytest.mark.parametrize("adapter", ADAPTERS, ids=lambda path: path.name)
def test_every_selector_names_the_page_variant_it_matches(adapter):
    source = adapter.read_text(encoding="utf-8")
    table = re.search(r"const [A-Z]+ = \{\n(.*?)\n\};", source, re.S)
    if table is None:
        assert "querySelector" not in source
        return
    lines = table.group(1).splitlines()
    for index, line in enumerate(lines):
        if re.match(r"\s+\w+:", line):
            assert lines[index - 1].strip().startswith("//"), f"{adapter.name}: {line.strip()}"
            # observe() splits selector lists on commas, so none may hide inside parentheses
            assert "(" not in line, f"{adapter.name}: {line.strip()}"
    # translated text is no hook: extensions broke on non-english gmail that way
    assert "aria-label" not in table.group(1)


@pytest.mark.parametrize("script", SCRIPTS, ids=relative)
def test_no_html_sinks(script):
    source = script.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "insertHTML",
                 "eval(", "new Function"):
        assert sink not in source, f"{relative(script)} uses {sink}"


def used_message_keys() -> set[str]:
    """Every message key the extension's code, pages and manifest refer to."""
    keys: set[str] = set()
    for path in [*SCRIPTS, *EXTENSION.rglob("*.html"), EXTENSION / "manifest.json"]:
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'\bt\("(\w+)"', text))
        keys |= set(re.findall(r'getMessage\("(\w+)"', text))
        keys |= set(re.findall(r'data-i18n="(\w+)"', text))
        keys |= set(re.findall(r"__MSG_(\w+)__", text))
    return keys


def test_every_string_is_in_the_locale_file():
    missing = used_message_keys() - set(MESSAGES)
    assert not missing


def test_the_panel_kind_and_tone_labels_exist():
    panel = (EXTENSION / "panel/panel-view.js").read_text(encoding="utf-8")
    for key in re.findall(r'": "((?:kind|tone)\w+)"', panel):
        assert key in MESSAGES


def test_permissions_are_exactly_what_the_features_need():
    assert sorted(MANIFEST["permissions"]) == [
        "activeTab", "alarms", "contextMenus", "scripting", "storage"
    ]
    assert MANIFEST["host_permissions"] == ["http://127.0.0.1/*", "http://localhost/*"]
    assert sorted(MANIFEST["content_scripts"][0]["matches"]) == [
        "https://app.joinhandshake.com/*",
        "https://mail.google.com/*",
        "https://messages.indeed.com/*",
        "https://outlook.cloud.microsoft/*",
        "https://outlook.live.com/*",
        "https://outlook.office.com/*",
        "https://outlook.office365.com/*",
        "https://wellfound.com/*",
        "https://www.linkedin.com/*",
        "https://www.wellfound.com/*",
    ]
    # only loopback pages (the server's own start page) may message the extension
    assert MANIFEST["externally_connectable"] == {
        "matches": ["http://127.0.0.1/*", "http://localhost/*"]}
    # the panel frame is reachable only through its per-session address
    (resources,) = MANIFEST["web_accessible_resources"]
    assert resources["use_dynamic_url"] is True
    assert "panel/panel.html" in resources["resources"]
    assert MANIFEST["commands"]["draft-here"]["suggested_key"]["default"] == "Alt+Shift+G"


def test_manifest_loads_in_chrome_and_firefox():
    background = MANIFEST["background"]
    assert background["service_worker"] in background["scripts"]
    assert background["type"] == "module"
    assert MANIFEST["browser_specific_settings"]["gecko"]["id"]
    referenced = [background["service_worker"], *CONTENT_SCRIPTS, *MENU_FILES,
                  MANIFEST["action"]["default_popup"], MANIFEST["options_ui"]["page"]]
    for name in referenced:
        assert (EXTENSION / name).is_file(), name


@pytest.mark.parametrize("name", CONTENT_SCRIPTS, ids=str)
def test_content_scripts_are_classic_scripts(name):
    # mv3 content scripts can't be modules: they share code through the gracious namespace
    source = (EXTENSION / name).read_text(encoding="utf-8")
    assert not re.search(r"^(import|export)\b", source, re.M)


def test_the_worker_only_listens_to_its_own_extension():
    router = (EXTENSION / "background/message-router.js").read_text(encoding="utf-8")
    assert "sender.id !== chrome.runtime.id" in router
    # pages reach the worker only to pair, through one listener that checks the origin
    external = [path.name for path in SCRIPTS
                if "onMessageExternal" in path.read_text(encoding="utf-8")]
    assert external == ["external-pairing.js"]
    pairing = (EXTENSION / "background/external-pairing.js").read_text(encoding="utf-8")
    assert "sender.origin !== expected" in pairing
