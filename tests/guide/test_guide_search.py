"""Search: Pagefind's service indexes every page, never the shared navigation, and its failures."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from gracious.guide import BuildError, build_guide
from gracious.guide.quick_inline import QuickInlineProcessor, use_quick_inline
from gracious.guide.render import MARKDOWN_EXTENSIONS
from gracious.guide.search import pagefind_executable

PAGES = {
    "index.md": "# Home\n\nStart with [the notes](notes.md).\n",
    "notes.md": "---\ntitle: Zebracorn notes\n---\n## Timing\n\nSend the note within a day.\n",
    "other.md": "# Other\n\nNothing about striped horses.\n",
}
# every inline construct Python-Markdown knows, and text that almost looks like them
INLINE_SAMPLE = r"""# Heading with `code` and *em*

Plain words, then **strong**, _em_, ***both***, __strong__ and a * lone star.
Escapes: \*not em\*, \[not a link\], \\ backslash, \`tick\`.
Links: [inline](http://example.org "title"), [ref][r], [short], ![img](a.png), ![ref img][r],
<https://example.org/auto>, <me@example.org>, <span class="x">html</span>, &amp; &#38; &copy;.
Line with a break""" + "  \n" + r"""and ``double `tick` code``,
a [bracket without link, an ! mark, 3 < 4 & 5 > 2.

> quoted *emphasis* with [short]

* item `one`
* item [two](b.md#part)

| a | b |
| - | - |
| `x` | *y* |

[r]: http://example.org/ref
[short]: http://example.org/short
"""


def fragments(out: Path) -> dict[str, str]:
    """Each indexed page's URL and the text Pagefind stored for it."""
    found = {}
    for path in (out / "pagefind" / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data["content"]
    return found


def test_search_indexes_every_page_but_never_the_navigation(pages_folder, tmp_path):
    out = build_guide(pages_folder(PAGES), tmp_path / "out").out
    indexed = fragments(out)
    assert set(indexed) == {"/", "/notes/", "/other/"}
    # the title sits in the navigation of every page, but only its own page is about it
    assert "Zebracorn" in indexed["/notes/"]
    assert [url for url, text in indexed.items() if "Zebracorn" in text] == ["/notes/"]
    assert "Zebracorn" in (out / "other/index.html").read_text()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def test_a_rebuild_from_memory_indexes_as_a_fresh_build_does(pages_folder, tmp_path):
    folder = pages_folder(PAGES)
    out = tmp_path / "out"
    build_guide(folder, out)
    # the page in the middle is the only one rendered again, yet it keeps its place in the index
    (folder / "notes.md").write_text("---\ntitle: Zebracorn notes\n---\nNow about timing.\n")
    build_guide(folder, out)
    fresh = build_guide(folder, tmp_path / "fresh").out
    assert "Now about timing" in fragments(out)["/notes/"]
    assert tree(out / "pagefind") == tree(fresh / "pagefind")


def test_the_search_scripts_are_whole_as_pagefinds_own_cli_writes_them(pages_folder, tmp_path):
    out = build_guide(pages_folder(PAGES), tmp_path / "out").out
    # the CLI indexes a copy of the pages on its own; it exits only once its writes have landed
    shutil.copytree(out, tmp_path / "cli", ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run([str(pagefind_executable()), "--site", str(tmp_path / "cli")], check=True,
                   capture_output=True)
    ours, theirs = tree(out / "pagefind"), tree(tmp_path / "cli" / "pagefind")
    # index files are named by content, and the CLI also indexes the navigation we leave out
    scripts = sorted(name for name in theirs if "/" not in name and "." in name
                     and name.rsplit(".", 1)[1] in ("js", "css", "pagefind"))
    assert "pagefind-ui.js" in scripts and "pagefind-component-ui.js" in scripts
    assert {name: ours.get(name) for name in scripts} == {name: theirs[name] for name in scripts}


@pytest.mark.parametrize(("binary", "expected"), [
    ("/nonexistent/pagefind", r"pagefind could not run"),
    ("/bin/false", r"pagefind (stopped|failed)"),
])
def test_a_missing_or_failing_pagefind_fails_the_build(pages_folder, tmp_path, monkeypatch,
                                                       binary, expected):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", binary)
    with pytest.raises(BuildError, match=expected):
        build_guide(pages_folder(PAGES), tmp_path / "out")


# a stand-in for the Pagefind binary that answers every request, and GetFiles with these files
STAND_IN = """#!{python}
import base64, json, sys
pending = b""
while chunk := sys.stdin.buffer.read1(65536):
    *messages, pending = (pending + chunk).split(b",")
    for message in messages:
        request = json.loads(base64.b64decode(message))
        kind = request["payload"]["type"]
        payload = {{"type": kind, "files": {files}}} if kind == "GetFiles" else {{"type": kind}}
        answer = {{"message_id": request["message_id"], "payload": payload}}
        sys.stdout.buffer.write(base64.b64encode(json.dumps(answer).encode()) + b",")
    sys.stdout.buffer.flush()
"""


@pytest.mark.parametrize(("files", "expected"), [
    ([{"path": "../outside.js", "content": "eA=="}], "pagefind named a file outside its folder"),
    (None, "pagefind answered without its files"),
])
def test_pagefind_files_outside_its_folder_or_none_fail_the_build(pages_folder, tmp_path,
                                                                   monkeypatch, files, expected):
    stand_in = tmp_path / "pagefind"
    stand_in.write_text(STAND_IN.format(python=sys.executable, files=files))
    stand_in.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(stand_in))
    with pytest.raises(BuildError, match=expected):
        build_guide(pages_folder(PAGES), tmp_path / "site" / "out")
    assert not (tmp_path / "site" / "outside.js").exists()


def converter(quick: bool) -> markdown.Markdown:
    """Python-Markdown with the guide's extensions, with or without the quick inline pass."""
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    if quick:
        use_quick_inline(md)
        assert isinstance(md.treeprocessors["inline"], QuickInlineProcessor)
    return md


def test_the_quick_inline_pass_renders_exactly_as_python_markdown(guide_source):
    texts = [INLINE_SAMPLE, *(p.read_text() for p in sorted(guide_source.rglob("*.md")))]
    plain, quick = converter(False), converter(True)
    for text in texts:
        plain.reset()
        quick.reset()
        assert quick.convert(text) == plain.convert(text)
